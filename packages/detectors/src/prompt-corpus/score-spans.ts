import { type EntityType, type Finding, SECRET_TYPES } from '../types.ts';
import type { GoldSpan } from './annotated-text.ts';

export interface TypeCounts {
  tp: number;
  fp: number;
  fn: number;
}

export interface SpanErrors {
  readonly falsePositives: readonly Finding[];
  readonly falseNegatives: readonly GoldSpan[];
}

const secret = SECRET_TYPES;
const sameKind = (a: EntityType, b: EntityType) => a === b || (secret.has(a) && secret.has(b));

function overlap(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/**
 * Matches findings to gold spans the way the shared evaluation scorer does: same type (the secret types
 * match each other), overlap covering at least half of both spans, one-to-one, largest overlap first.
 * Adds to `counts` per type and returns the unmatched spans on both sides.
 */
export function scoreSpans(
  gold: readonly GoldSpan[],
  findings: readonly Finding[],
  counts: Map<EntityType, TypeCounts>,
): SpanErrors {
  const pairs: Array<[number, number, number]> = [];
  gold.forEach((g, gi) => {
    findings.forEach((f, fi) => {
      const o = overlap(g, f);
      if (o > 0 && sameKind(g.type, f.type) && o * 2 >= g.end - g.start && o * 2 >= f.end - f.start) {
        pairs.push([o, gi, fi]);
      }
    });
  });
  pairs.sort((a, b) => b[0] - a[0]);
  const goldUsed = new Set<number>();
  const findingUsed = new Set<number>();
  for (const [, gi, fi] of pairs) {
    if (goldUsed.has(gi) || findingUsed.has(fi)) continue;
    goldUsed.add(gi);
    findingUsed.add(fi);
    bump(counts, (gold[gi] as GoldSpan).type).tp++;
  }
  const falseNegatives = gold.filter((_, gi) => !goldUsed.has(gi));
  const falsePositives = findings.filter((_, fi) => !findingUsed.has(fi));
  for (const g of falseNegatives) bump(counts, g.type).fn++;
  for (const f of falsePositives) bump(counts, f.type).fp++;
  return { falsePositives, falseNegatives };
}

function bump(counts: Map<EntityType, TypeCounts>, type: EntityType): TypeCounts {
  let c = counts.get(type);
  if (c === undefined) {
    c = { tp: 0, fp: 0, fn: 0 };
    counts.set(type, c);
  }
  return c;
}

/** Sums the counts of `types` (all types when omitted), with precision and recall. */
export function totalOf(
  counts: ReadonlyMap<EntityType, TypeCounts>,
  types?: readonly EntityType[],
): TypeCounts & { precision: number; recall: number } {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of counts) {
    if (types && !types.includes(type)) continue;
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
  }
  return { ...total, precision: total.tp / (total.tp + total.fp), recall: total.tp / (total.tp + total.fn) };
}
