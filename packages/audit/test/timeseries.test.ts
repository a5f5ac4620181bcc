import { describe, expect, it } from 'vitest';
import { type AuditEventInput, sanitizeEvent } from '../src/sanitize.ts';
import { summarize } from '../src/summary.ts';
import { stepFor, timeseries } from '../src/timeseries.ts';
import { PG_SKIP_MESSAGE, PG_URL, pgTestStore, sqliteTestStore, type TestStore } from './helpers.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 30);
const MINUTE = 60_000;

/** Deterministic latencies with ties and a long tail, so a sample of the newest events would differ. */
function latencyOf(i: number): number {
  const x = (i * 7919) % 1000;
  return x < 950 ? 5 + (x % 40) + (i % 4) * 0.25 : 400 + x;
}

function event(i: number): AuditEventInput {
  const blocked = i % 11 === 0;
  const failed = !blocked && i % 17 === 0;
  return {
    // 1,200 events over the last 20 minutes, older ones slower on purpose (the tail is not at the newest end).
    time: NOW - i * 1000,
    requestId: `req-${i}`,
    route: 'openai.chat',
    model: 'gpt-test',
    stream: false,
    status: blocked ? 400 : failed ? 502 : 200,
    outcome: blocked ? 'blocked' : failed ? 'error' : 'forwarded',
    latencyMs: latencyOf(i) + (i > 900 ? 100 : 0),
    detectionMs: 1,
    countsByType: { email: 1 + (i % 2) },
    countsByAction: blocked ? { block: 1, mask: i % 2 } : { mask: 1 + (i % 2) },
    rehydrated: blocked || failed ? 0 : 1,
    touchedPaths: ['messages[0].content'],
    ...(blocked
      ? { errorClass: 'sensitive_content_blocked' }
      : failed
        ? { errorClass: 'upstream_error' }
        : {}),
  };
}
const EVENTS = Array.from({ length: 1200 }, (_, i) => event(i));

function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}
const round = (n: number) => Math.round(n * 100) / 100;

/** What the store must answer, computed here from the inputs. */
function expected(events: readonly AuditEventInput[], since: number, until: number, step: number) {
  const inRange = events.filter((e) => Number(e.time) >= since && Number(e.time) < until);
  const bucketOf = (e: AuditEventInput) => since + Math.floor((Number(e.time) - since) / step) * step;
  const sum = (list: readonly AuditEventInput[]) => ({
    requests: list.length,
    masked: list.reduce((n, e) => n + (e.countsByAction?.mask ?? 0), 0),
    blocked: list.filter((e) => e.outcome === 'blocked').length,
    rehydrated: list.reduce((n, e) => n + (e.rehydrated ?? 0), 0),
    errors: list.filter((e) => e.outcome === 'error').length,
  });
  const latency = (list: readonly AuditEventInput[]) => {
    const values = list.map((e) => Number(e.latencyMs));
    return values.length === 0
      ? { samples: 0, p50: null, p95: null, p99: null }
      : {
          samples: values.length,
          p50: round(nearestRank(values, 50)),
          p95: round(nearestRank(values, 95)),
          p99: round(nearestRank(values, 99)),
        };
  };
  const buckets = [];
  for (let start = since; start < until; start += step) {
    const list = inRange.filter((e) => bucketOf(e) === start);
    buckets.push({ start: new Date(start).toISOString(), ...sum(list), latency_ms: latency(list) });
  }
  return { totals: { ...sum(inRange), latency_ms: latency(inRange) }, buckets };
}

async function scenario(t: TestStore) {
  const { store } = t;
  const empty = await timeseries(store, 'all', NOW);
  await store.insertEvents(EVENTS.map((e) => sanitizeEvent(e, NOW)));
  const quarter = await timeseries(store, '15m', NOW);
  const hour = await timeseries(store, '1h', NOW);
  const all = await timeseries(store, 'all', NOW);
  const summary = await summarize(store, '1h', NOW);
  await store.prune({ maxEvents: 300, now: NOW });
  const afterPrune = await timeseries(store, '1h', NOW);
  return { empty, quarter, hour, all, summary, afterPrune };
}

async function checks(t: TestStore) {
  const r = await scenario(t);
  const until = Date.UTC(2026, 10, 20, 12, 1, 0);

  expect(r.empty.buckets).toHaveLength(60);
  expect(r.empty.totals).toEqual({
    requests: 0,
    masked: 0,
    blocked: 0,
    rehydrated: 0,
    errors: 0,
    latency_ms: { samples: 0, p50: null, p95: null, p99: null },
  });

  // 15 one-minute buckets ending after the current minute: every count and percentile is exact.
  expect(r.quarter).toMatchObject({
    window: '15m',
    since: new Date(until - 15 * MINUTE).toISOString(),
    until: new Date(until).toISOString(),
    step_seconds: 60,
  });
  expect(r.quarter).toMatchObject(expected(EVENTS, until - 15 * MINUTE, until, MINUTE));

  expect(r.hour.step_seconds).toBe(60);
  expect(r.hour.buckets).toHaveLength(60);
  expect(r.hour).toMatchObject(expected(EVENTS, until - 60 * MINUTE, until, MINUTE));
  // The same totals as the summary, which reads the same counters.
  expect(r.hour.totals.requests).toBe(r.summary.requests_total);
  expect(r.hour.totals.masked).toBe(r.summary.masked_total);
  expect(r.hour.totals.blocked).toBe(r.summary.blocked_total);
  expect(r.hour.totals.errors).toBe(r.summary.errors_total);
  expect(r.hour.totals.rehydrated).toBe(r.summary.rehydrated_total);
  expect(r.hour.totals.requests).toBe(1200);
  // The newest 500 events alone would give a different p99: the slow tail is older.
  const newest = EVENTS.slice(0, 500).map((e) => Number(e.latencyMs));
  expect(r.hour.totals.latency_ms.p99).not.toBe(round(nearestRank(newest, 99)));

  // `all` starts at the oldest record, in readable steps that end at the window's end.
  const oldest = NOW - 1199 * 1000;
  const allSince = Date.parse(r.all.since);
  expect(allSince).toBeLessThanOrEqual(oldest);
  expect(allSince).toBeGreaterThan(oldest - r.all.step_seconds * 1000);
  expect(r.all.buckets.length).toBeLessThanOrEqual(60);
  expect(r.all).toMatchObject(expected(EVENTS, allSince, until, r.all.step_seconds * 1000));

  // Retention removes events (the 300 newest rows stay), not counters: counts stay, percentiles cover the
  // events still stored.
  expect(r.afterPrune.totals.requests).toBe(1200);
  expect(r.afterPrune.totals.latency_ms).toEqual(
    expected(EVENTS.slice(900), 0, until, until).totals.latency_ms,
  );
  expect(r.afterPrune.totals.latency_ms.samples).toBe(300);
  return r;
}

describe('stepFor', () => {
  it('picks the smallest readable step with at most 60 buckets', () => {
    expect(stepFor(15 * MINUTE)).toBe(MINUTE);
    expect(stepFor(60 * MINUTE)).toBe(MINUTE);
    expect(stepFor(61 * MINUTE)).toBe(2 * MINUTE);
    expect(stepFor(24 * 60 * MINUTE)).toBe(30 * MINUTE);
    expect(stepFor(7 * 1440 * MINUTE)).toBe(240 * MINUTE);
    expect(stepFor(30 * 1440 * MINUTE)).toBe(720 * MINUTE);
    expect(stepFor(365 * 1440 * MINUTE)).toBe(7 * 1440 * MINUTE);
  });
});

describe('audit time series on SQLite', () => {
  it('buckets counts and takes exact percentiles over every stored event', async () => {
    const t = sqliteTestStore();
    try {
      await checks(t);
    } finally {
      await t.dispose();
    }
  });
});

describe.skipIf(!PG_URL)('audit time series on Postgres', () => {
  it('gives the same results as SQLite (parity)', async () => {
    const sqlite = sqliteTestStore();
    const postgres = await pgTestStore(PG_URL!);
    try {
      expect(await checks(postgres)).toEqual(await checks(sqlite));
    } finally {
      await sqlite.dispose();
      await postgres.dispose();
    }
  });
});

if (!PG_URL) {
  describe('audit time series on Postgres', () => {
    it.skip(PG_SKIP_MESSAGE, () => {});
  });
}
