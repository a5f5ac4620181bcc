import { describe, expect, it } from 'vitest';
import { cdfPoints, linearSlope, percentile, ratio, summarize } from './stats.ts';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);

describe('percentile (nearest rank)', () => {
  it('returns the smallest sample with at least p % of the samples at or below it', () => {
    expect(percentile(oneToHundred, 50)).toBe(50);
    expect(percentile(oneToHundred, 95)).toBe(95);
    expect(percentile(oneToHundred, 99)).toBe(99);
    expect(percentile(oneToHundred, 100)).toBe(100);
    expect(percentile(oneToHundred, 0)).toBe(1);
  });

  it('rounds the rank up on small lists instead of interpolating', () => {
    expect(percentile([10, 20], 50)).toBe(10);
    expect(percentile([10, 20], 51)).toBe(20);
    expect(percentile([10, 20, 30, 40, 50], 99)).toBe(50);
    expect(percentile([7], 95)).toBe(7);
  });

  it('is NaN for no samples', () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe('summarize', () => {
  it('sorts unsorted samples before taking percentiles', () => {
    const shuffled = [...oneToHundred].reverse();
    expect(summarize(shuffled)).toEqual({ count: 100, p50: 50, p95: 95, p99: 99, max: 100, mean: 50.5 });
  });

  it('reports NaN statistics and a zero count for an empty run', () => {
    const empty = summarize([]);
    expect(empty.count).toBe(0);
    expect(empty.p95).toBeNaN();
    expect(empty.mean).toBeNaN();
  });
});

describe('ratio', () => {
  it('divides by the baseline and refuses a zero baseline', () => {
    expect(ratio(50, 200)).toBe(0.25);
    expect(ratio(5, 0)).toBeNaN();
    expect(ratio(Number.NaN, 3)).toBeNaN();
  });
});

describe('linearSlope', () => {
  it('recovers the slope of a noisy straight line', () => {
    const points = Array.from({ length: 50 }, (_, i) => [i, 3 * i + 7 + (i % 2 ? 0.5 : -0.5)] as const);
    expect(linearSlope(points)).toBeCloseTo(3, 2);
  });

  it('is zero for a flat series and NaN without two distinct x values', () => {
    expect(
      linearSlope([
        [0, 5],
        [1, 5],
        [2, 5],
      ]),
    ).toBe(0);
    expect(linearSlope([[1, 5]])).toBeNaN();
    expect(
      linearSlope([
        [1, 5],
        [1, 6],
      ]),
    ).toBeNaN();
  });
});

describe('cdfPoints', () => {
  it('keeps both ends and rises monotonically to 1 within the point budget', () => {
    const samples = Array.from({ length: 10_000 }, (_, i) => (i * 7919) % 10_000);
    const points = cdfPoints(samples, 200);
    expect(points.length).toBeLessThanOrEqual(200);
    expect(points[0]).toEqual([0, 1 / 10_000]);
    expect(points.at(-1)).toEqual([9999, 1]);
    for (let i = 1; i < points.length; i++) {
      expect(points[i]![0]).toBeGreaterThanOrEqual(points[i - 1]![0]);
      expect(points[i]![1]).toBeGreaterThan(points[i - 1]![1]);
    }
  });

  it('returns every sample of a short run', () => {
    expect(cdfPoints([3, 1, 2])).toEqual([
      [1, 1 / 3],
      [2, 2 / 3],
      [3, 1],
    ]);
    expect(cdfPoints([])).toEqual([]);
  });
});
