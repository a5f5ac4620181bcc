import { describe, expect, it } from 'vitest';
import type { Finding } from '../types.ts';
import { parseAnnotatedText } from './annotated-text.ts';
import { scoreSpans, type TypeCounts } from './score-spans.ts';

describe('parseAnnotatedText', () => {
  it('strips the markup and keeps offsets into the plain text', () => {
    const { text, gold } = parseAnnotatedText('Ask ⟦person_name:Ada Park⟧ at ⟦email:ada@example.test⟧.');
    expect(text).toBe('Ask Ada Park at ada@example.test.');
    expect(gold.map((g) => [g.type, text.slice(g.start, g.end)])).toEqual([
      ['person_name', 'Ada Park'],
      ['email', 'ada@example.test'],
    ]);
  });

  it('rejects malformed markup instead of dropping a gold span', () => {
    expect(() => parseAnnotatedText('⟦person:Ada⟧')).toThrow(/unknown type/);
    expect(() => parseAnnotatedText('⟦email:a@b.test')).toThrow(/unclosed/);
    expect(() => parseAnnotatedText('⟦email:⟧')).toThrow(/empty/);
    expect(() => parseAnnotatedText('a ⟧ b')).toThrow(/stray/);
  });
});

describe('scoreSpans', () => {
  const finding = (start: number, end: number, type: Finding['type']): Finding => ({
    start,
    end,
    type,
    detector: 'test',
    score: 1,
  });

  it('matches like the shared scorer: same type, half of both spans, one to one', () => {
    const counts = new Map<Finding['type'], TypeCounts>();
    const gold = [
      { start: 0, end: 10, type: 'person_name' as const },
      { start: 20, end: 30, type: 'api_key' as const },
      { start: 40, end: 44, type: 'phone' as const },
    ];
    const errors = scoreSpans(
      gold,
      [
        finding(0, 8, 'person_name'),
        finding(2, 10, 'person_name'), // a second finding on a matched span
        finding(20, 30, 'jwt'), // secret types match each other
        finding(40, 60, 'phone'), // covers the gold span but is mostly outside it
      ],
      counts,
    );
    expect(counts.get('person_name')).toEqual({ tp: 1, fp: 1, fn: 0 });
    expect(counts.get('api_key')).toEqual({ tp: 1, fp: 0, fn: 0 });
    expect(counts.get('phone')).toEqual({ tp: 0, fp: 1, fn: 1 });
    expect(errors.falseNegatives.map((g) => g.type)).toEqual(['phone']);
    expect(errors.falsePositives.map((f) => f.start)).toEqual([2, 40]);
  });
});
