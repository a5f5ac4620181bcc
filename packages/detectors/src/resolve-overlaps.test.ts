import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveOverlaps, typePriority } from './resolve-overlaps.ts';
import type { EntityType, Finding } from './types.ts';

/** The plain greedy resolution over all findings at once: what the clustered version must equal. */
function reference(findings: readonly Finding[]): Finding[] {
  const ranked = findings
    .filter((f) => f.end > f.start)
    .sort((a, b) => a.start - b.start || b.end - a.end)
    .sort(
      (a, b) =>
        typePriority(b.type) - typePriority(a.type) ||
        (b.bounded ? 1 : 0) - (a.bounded ? 1 : 0) ||
        b.end - b.start - (a.end - a.start) ||
        b.score - a.score ||
        a.start - b.start ||
        (a.detector < b.detector ? -1 : a.detector > b.detector ? 1 : 0),
    );
  const kept: Finding[] = [];
  for (const f of ranked) if (!kept.some((k) => f.start < k.end && k.start < f.end)) kept.push(f);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

const TYPES: EntityType[] = ['person_name', 'address', 'phone', 'email', 'api_key', 'custom'];
const finding = fc
  .record({
    start: fc.integer({ min: 0, max: 60 }),
    length: fc.integer({ min: 0, max: 15 }),
    type: fc.constantFrom(...TYPES),
    score: fc.constantFrom(0.4, 0.6, 0.9),
    detector: fc.constantFrom('a', 'b', 'c'),
    bounded: fc.boolean(),
  })
  .map(({ start, length, type, score, detector, bounded }) => ({
    start,
    end: start + length,
    type,
    score,
    detector,
    ...(bounded ? { bounded: true as const } : {}),
  }));

describe('resolveOverlaps', () => {
  it('equals a greedy pass over all findings, sorted by position', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), (findings) => {
        expect(resolveOverlaps(findings)).toEqual(reference(findings));
      }),
      { numRuns: 5_000 },
    );
  });
});
