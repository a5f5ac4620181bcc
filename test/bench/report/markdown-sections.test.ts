import { describe, expect, it } from 'vitest';
import { beginMarker, endMarker, replaceSection, sectionNames } from './markdown-sections.ts';

const page = [
  '# Benchmarks',
  '',
  'Hand-written introduction.',
  '',
  beginMarker('w1'),
  'old W1 table',
  endMarker('w1'),
  '',
  'Why W1 looks like this (hand-written).',
  '',
  beginMarker('w2'),
  endMarker('w2'),
  '',
].join('\n');

describe('replaceSection', () => {
  it('replaces only what is between the markers and keeps every other byte', () => {
    const updated = replaceSection(page, 'w1', '| new | table |\n');
    expect(updated).toBe(page.replace('old W1 table', '\n| new | table |\n'));
    expect(updated).toContain('Why W1 looks like this (hand-written).');
    expect(updated.endsWith(`${endMarker('w2')}\n`)).toBe(true);
  });

  it('fills an empty section and is stable when run twice', () => {
    const once = replaceSection(page, 'w2', 'W2 numbers');
    expect(once).toContain(`${beginMarker('w2')}\n\nW2 numbers\n\n${endMarker('w2')}`);
    expect(replaceSection(once, 'w2', 'W2 numbers')).toBe(once);
  });

  it('refuses missing, repeated or reversed markers instead of writing a half-updated page', () => {
    expect(() => replaceSection(page, 'w3', 'x')).toThrow(/markers not found/);
    expect(() => replaceSection(`${page}\n${beginMarker('w1')}\n`, 'w1', 'x')).toThrow(/more than once/);
    expect(() => replaceSection(`${endMarker('w9')}\n${beginMarker('w9')}`, 'w9', 'x')).toThrow(
      /before begin/,
    );
    expect(() => replaceSection(page, 'W1 -->', 'x')).toThrow(/invalid section name/);
  });
});

describe('sectionNames', () => {
  it('lists generated sections in page order', () => {
    expect(sectionNames(page)).toEqual(['w1', 'w2']);
  });
});
