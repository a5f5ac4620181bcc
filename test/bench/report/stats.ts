/** Latency and memory statistics for the benchmark tables: nearest-rank percentiles, slopes, CDF points. */

/**
 * The nearest-rank percentile of an ascending list: the smallest sample such that at least `p` % of the
 * samples are ≤ it. NaN for an empty list.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? Number.NaN,
    mean: sorted.length ? total / sorted.length : Number.NaN,
  };
}

/** `value / baseline`, or NaN when the baseline is not a positive number. */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;
}

/** Least-squares slope of y over x (units of y per unit of x); NaN with fewer than two distinct x. */
export function linearSlope(points: ReadonlyArray<readonly [number, number]>): number {
  const n = points.length;
  if (n < 2) return Number.NaN;
  const meanX = points.reduce((s, [x]) => s + x, 0) / n;
  const meanY = points.reduce((s, [, y]) => s + y, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? Number.NaN : covariance / variance;
}

/**
 * The empirical CDF as at most `maxPoints` points [value, fraction ≤ value], always including the
 * smallest and the largest sample, so a chart keeps both ends of the distribution.
 */
export function cdfPoints(samples: readonly number[], maxPoints = 200): Array<[number, number]> {
  const sorted = [...samples].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return [];
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxPoints - 1)));
  const points: Array<[number, number]> = [];
  for (let i = 0; i < n; i += step) points.push([sorted[i]!, (i + 1) / n]);
  if (points.at(-1)![1] !== 1) points.push([sorted[n - 1]!, 1]);
  return points;
}
