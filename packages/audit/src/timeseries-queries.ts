import { type SQL, sql } from 'drizzle-orm';

/** A closed-open range with a known start, in ms since the epoch. */
export interface BoundedRange {
  since: number;
  until: number;
}

/** One counter summed over a time bucket (`bucket` is the bucket's start). */
export interface BucketTotal {
  bucket: number;
  dimension: string;
  name: string;
  total: number;
}

/** Nearest-rank latency percentiles of the stored events in one bucket. */
export interface BucketLatency {
  bucket: number;
  samples: number;
  p50: number;
  p95: number;
  p99: number;
}

/** The time-series queries every store answers (the same SQL on SQLite and Postgres). */
export interface TimeseriesQueries {
  /**
   * Per-minute counters of `dimensions` summed into buckets of `stepMs` starting at `range.since`. Counters
   * survive event retention, so these count every answered request.
   */
  bucketTotals(range: BoundedRange, stepMs: number, dimensions: readonly string[]): Promise<BucketTotal[]>;
  /** Latency percentiles over every stored event of each bucket (buckets without events are left out). */
  latencyPercentiles(range: BoundedRange, stepMs: number): Promise<BucketLatency[]>;
  /** The oldest time anything was recorded (events or counters), or null for an empty store. */
  earliestTime(): Promise<number | null>;
}

interface Exec {
  all(query: SQL): Promise<Array<Record<string, unknown>>>;
}

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));
const bigint = (n: number) => sql`CAST(${Math.floor(n)} AS BIGINT)`;

/** `column` rounded down to the start of its bucket; `column >= since` holds for every row it is used on. */
const bucketOf = (column: SQL, range: BoundedRange, stepMs: number) =>
  sql`${column} - ((${column} - ${bigint(range.since)}) % ${bigint(stepMs)})`;

/**
 * Nearest rank for percentile p of n values is ceil(p·n/100) = (p·n + 99) / 100 in integer arithmetic, which
 * SQLite and Postgres compute the same way (no percentile function exists in SQLite).
 */
const rankPick = (p: number) => sql.raw(`MAX(CASE WHEN rn = (${p} * n + 99) / 100 THEN latency_ms END)`);

export function timeseriesQueries(exec: Exec): TimeseriesQueries {
  return {
    async bucketTotals(range, stepMs, dimensions) {
      if (dimensions.length === 0 || stepMs <= 0 || range.until <= range.since) return [];
      const rows = await exec.all(sql`
        SELECT ${bucketOf(sql.raw('bucket'), range, stepMs)} AS b, dimension, name, SUM(value) AS total
        FROM audit_rollups
        WHERE bucket >= ${bigint(range.since)} AND bucket < ${bigint(range.until)}
          AND dimension IN (${sql.join(
            dimensions.map((d) => sql`${d}`),
            sql`, `,
          )})
        GROUP BY b, dimension, name
        ORDER BY b, dimension, name`);
      return rows.map((r) => ({
        bucket: num(r.b),
        dimension: String(r.dimension),
        name: String(r.name),
        total: num(r.total),
      }));
    },

    async latencyPercentiles(range, stepMs) {
      if (stepMs <= 0 || range.until <= range.since) return [];
      const rows = await exec.all(sql`
        SELECT b, n, ${rankPick(50)} AS p50, ${rankPick(95)} AS p95, ${rankPick(99)} AS p99
        FROM (
          SELECT b, latency_ms,
            ROW_NUMBER() OVER (PARTITION BY b ORDER BY latency_ms, id) AS rn,
            COUNT(*) OVER (PARTITION BY b) AS n
          FROM (
            SELECT id, latency_ms, ${bucketOf(sql.raw('ts'), range, stepMs)} AS b
            FROM audit_events
            WHERE ts >= ${bigint(range.since)} AND ts < ${bigint(range.until)}
          ) bucketed
        ) ranked
        GROUP BY b, n
        ORDER BY b`);
      return rows.map((r) => ({
        bucket: num(r.b),
        samples: num(r.n),
        p50: num(r.p50),
        p95: num(r.p95),
        p99: num(r.p99),
      }));
    },

    async earliestTime() {
      const [row] = await exec.all(
        sql`SELECT (SELECT MIN(ts) FROM audit_events) AS events, (SELECT MIN(bucket) FROM audit_rollups) AS rollups`,
      );
      const found = [row?.events, row?.rollups].filter((v) => v !== null && v !== undefined).map(num);
      return found.length > 0 ? Math.min(...found) : null;
    },
  };
}
