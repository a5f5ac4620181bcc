import { describe, expect, it } from 'vitest';
import { type Detection, describeMark, formatJsonPath, highlightBody } from './trace-highlight.ts';

const joined = (h: ReturnType<typeof highlightBody>) => h?.segments.map((s) => s.text).join('');
const marked = (h: ReturnType<typeof highlightBody>) =>
  h?.segments.filter((s) => s.mark).map((s) => [s.mark!.index, s.mark!.type, s.text]);

describe('highlightBody', () => {
  it('prints exactly like JSON.stringify(value, null, 2) when there is nothing to mark', () => {
    for (const value of [
      { model: 'm', messages: [{ role: 'user', content: 'line 1\nline "2"\t\u00e9\u{1f600}' }] },
      { a: [], b: {}, c: null, d: [1, 2.5, true, false], e: { 'key with space': { nested: ['x'] } } },
      'just a string',
      42,
      [],
    ]) {
      const body = JSON.stringify(value);
      const h = highlightBody(body, [], 'raw');
      expect(joined(h)).toBe(JSON.stringify(value, null, 2));
      expect(h?.segments.every((s) => !s.mark)).toBe(true);
    }
  });

  it('marks raw values at their JSON path and offsets, escapes included', () => {
    const content = 'Mail "Ann"\nann@example.com or call +1 415 555 0100';
    const email = content.indexOf('ann@');
    const phone = content.indexOf('+1');
    const detections: Detection[] = [
      { type: 'email', action: 'mask', path: 'messages[1].content', start: email, end: email + 15 },
      { type: 'phone', action: 'mask', path: 'messages[1].content', start: phone, end: content.length },
      { type: 'person_name', action: 'allow', path: 'messages[0].content', start: 0, end: 3 },
    ];
    const body = JSON.stringify({
      messages: [
        { role: 'system', content: 'Ann is the user' },
        { role: 'user', content },
      ],
    });
    const h = highlightBody(body, detections, 'raw');
    expect(joined(h)).toBe(JSON.stringify(JSON.parse(body), null, 2));
    expect(marked(h)).toEqual([
      [2, 'person_name', 'Ann'],
      [0, 'email', 'ann@example.com'],
      [1, 'phone', '+1 415 555 0100'],
    ]);
    expect([...h!.located].sort()).toEqual([0, 1, 2]);
  });

  it('marks the placeholders in the masked body, following the shift each replacement causes', () => {
    const raw = 'to ann@example.com and bob@example.org, Ann says hi';
    const a = raw.indexOf('ann@');
    const b = raw.indexOf('bob@');
    const n = raw.indexOf('Ann says');
    const detections: Detection[] = [
      { type: 'email', action: 'mask', path: 'input', start: a, end: a + 15 },
      { type: 'email', action: 'mask', path: 'input', start: b, end: b + 15 },
      { type: 'person_name', action: 'allow', path: 'input', start: n, end: n + 3 },
    ];
    const masked = 'to [[EMAIL_7QX2KD9MZA]] and [[EMAIL_0123456789]], Ann says hi';
    const h = highlightBody(JSON.stringify({ model: 'm', input: masked }), detections, 'masked');
    expect(marked(h)).toEqual([
      [0, 'email', '[[EMAIL_7QX2KD9MZA]]'],
      [1, 'email', '[[EMAIL_0123456789]]'],
      [2, 'person_name', 'Ann'],
    ]);
    // The raw offsets applied to the masked text would have marked the wrong characters.
    expect(masked.slice(b, b + 15)).not.toBe('[[EMAIL_0123456');
  });

  it('leaves detections unplaced when the body does not match them, and gives up on non-JSON', () => {
    const detections: Detection[] = [
      { type: 'email', action: 'mask', path: 'messages[0].content', start: 3, end: 18 },
      { type: 'email', action: 'mask', path: 'messages[5].content', start: 0, end: 4 },
    ];
    const body = JSON.stringify({ messages: [{ content: 'to ann@example.com' }] });
    const masked = JSON.stringify({ messages: [{ content: 'to ann@example.com' }] });
    expect(highlightBody(body, detections, 'raw')?.located).toEqual(new Set([0]));
    // No placeholder where the masked body should have one: nothing is marked there.
    expect(highlightBody(masked, detections, 'masked')?.located).toEqual(new Set());
    // Offsets past the end of the string are not trusted.
    expect(
      highlightBody(
        body,
        [{ type: 'x', action: 'mask', path: 'messages[0].content', start: 3, end: 99 }],
        'raw',
      )?.located.size,
    ).toBe(0);
    expect(highlightBody('{"messages": [{"content": "cut of', detections, 'raw')).toBeNull();
  });

  it('describes a mark in words for screen readers', () => {
    expect(describeMark({ index: 0, type: 'email', action: 'mask' })).toBe('detection 1, email, masked');
    expect(describeMark({ index: 2, type: 'person_name', action: 'allow' })).toBe(
      'detection 3, person_name, allowed, sent as is',
    );
  });
});

describe('formatJsonPath', () => {
  it('writes paths the way the proxy reports them', () => {
    expect(formatJsonPath([])).toBe('$');
    expect(formatJsonPath(['messages', 2, 'content', 0, 'text'])).toBe('messages[2].content[0].text');
    expect(formatJsonPath(['metadata', 'key with space'])).toBe('metadata["key with space"]');
    expect(formatJsonPath([0, 'a'])).toBe('[0].a');
  });
});
