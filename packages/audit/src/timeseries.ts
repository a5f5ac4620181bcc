import { BUCKET_MS } from './rollups.ts';
import { WINDOWS, type WindowName, windowRange } from './summary.ts';
import type { BoundedRange, BucketLatency, BucketTotal } from './timeseries-queries.ts';
import type { AuditStore } from './types.ts';

/** Counts in a bucket or a whole window, from the per-minute counters (every answered request). */
export interface TimeseriesCounts {
  requests: number;
  /** Values replaced by placeholders. */
  masked: number;
  /** Requests refused because of a block action. */
  blocked: number;
  /** Placeholders put back into answers. */
  rehydrated: number;
  /** Requests that ended in an error (outcome `error`). */
  errors: number;
}

/** Nearest-rank percentiles over every stored event; null when there was none. */
export interface LatencySummary {
  /** Events the percentiles were computed from (fewer than `requests` once retention removed some). */
  samples: number;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface TimeseriesBucket extends TimeseriesCounts {
  start: string;
  latency_ms: LatencySummary;
}

/** GET /api/timeseries: buckets covering the window exactly, oldest first, and the whole-window totals. */
export interface Timeseries {
  window: WindowName;
  since: string;
  until: string;
  step_seconds: number;
  totals: TimeseriesCounts & { latency_ms: LatencySummary };
  buckets: TimeseriesBucket[];
}

const MINUTE = BUCKET_MS;
const DAY = 1440 * MINUTE;
/** Steps a person reads easily on a time axis, smallest first. */
const NICE_STEPS = [1, 2, 5, 10, 15, 30, 60, 120, 240, 360, 720, 1440].map((m) => m * MINUTE);
export const MAX_BUCKETS = 60;

/** The smallest readable step that covers `spanMs` in at most MAX_BUCKETS buckets (whole days past that). */
export function stepFor(spanMs: number): number {
  for (const step of NICE_STEPS) if (Math.ceil(spanMs / step) <= MAX_BUCKETS) return step;
  return Math.ceil(spanMs / MAX_BUCKETS / DAY) * DAY;
}

const DIMENSIONS = ['requests', 'outcome', 'action', 'rehydrated'] as const;

function countsOf(rows: readonly BucketTotal[]): TimeseriesCounts {
  const counts: TimeseriesCounts = { requests: 0, masked: 0, blocked: 0, rehydrated: 0, errors: 0 };
  for (const r of rows) {
    if (r.dimension === 'requests' && r.name === 'total') counts.requests += r.total;
    else if (r.dimension === 'action' && r.name === 'mask') counts.masked += r.total;
    else if (r.dimension === 'outcome' && r.name === 'blocked') counts.blocked += r.total;
    else if (r.dimension === 'outcome' && r.name === 'error') counts.errors += r.total;
    else if (r.dimension === 'rehydrated' && r.name === 'total') counts.rehydrated += r.total;
  }
  return counts;
}

const round = (n: number) => Math.round(n * 100) / 100;

function latencyOf(row: BucketLatency | undefined): LatencySummary {
  return row
    ? { samples: row.samples, p50: round(row.p50), p95: round(row.p95), p99: round(row.p99) }
    : { samples: 0, p50: null, p95: null, p99: null };
}

/** The window as buckets that end at the window's end; `all` starts at the first thing recorded. */
export async function timeseriesRange(
  store: AuditStore,
  name: WindowName,
  now: number = Date.now(),
): Promise<BoundedRange & { stepMs: number }> {
  const { since, until } = windowRange(name, now);
  if (since !== null) return { since, until, stepMs: stepFor(until - since) };
  const earliest = await store.earliestTime();
  const span = Math.max(MINUTE, until - Math.min(earliest ?? until - WINDOWS['1h'], until - MINUTE));
  const stepMs = stepFor(span);
  return { since: until - Math.ceil(span / stepMs) * stepMs, until, stepMs };
}

/** Bucketed counts and latency percentiles for a window, computed by the store over all of its rows. */
export async function timeseries(
  store: AuditStore,
  name: WindowName,
  now: number = Date.now(),
): Promise<Timeseries> {
  const { since, until, stepMs } = await timeseriesRange(store, name, now);
  const range = { since, until };
  const [totals, latencies, overall] = await Promise.all([
    store.bucketTotals(range, stepMs, DIMENSIONS),
    store.latencyPercentiles(range, stepMs),
    store.latencyPercentiles(range, until - since),
  ]);
  const totalsByBucket = new Map<number, BucketTotal[]>();
  for (const row of totals) totalsByBucket.set(row.bucket, [...(totalsByBucket.get(row.bucket) ?? []), row]);
  const latencyByBucket = new Map(latencies.map((row) => [row.bucket, row]));
  const buckets: TimeseriesBucket[] = [];
  for (let start = since; start < until; start += stepMs) {
    buckets.push({
      start: new Date(start).toISOString(),
      ...countsOf(totalsByBucket.get(start) ?? []),
      latency_ms: latencyOf(latencyByBucket.get(start)),
    });
  }
  return {
    window: name,
    since: new Date(since).toISOString(),
    until: new Date(until).toISOString(),
    step_seconds: stepMs / 1000,
    totals: { ...countsOf(totals), latency_ms: latencyOf(overall[0]) },
    buckets,
  };
}
