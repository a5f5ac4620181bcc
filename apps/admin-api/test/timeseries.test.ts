import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditStore, openPgStore, openSqliteStore, sanitizeEvent, type Timeseries } from '@stronk/audit';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createAdminApp } from '../src/app.ts';
import { loadAdminConfig } from '../src/config.ts';
import { PASSWORD, passwordHash } from './harness.ts';

const PG_URL = process.env.STRONK_GATEWAY_TEST_POSTGRES_URL;
const PG_SKIP =
  'STRONK_GATEWAY_TEST_POSTGRES_URL is unset: Postgres /api/timeseries test skipped (run `eval "$(bash scripts/start-postgres.sh)"` first)';

const NOW = Date.UTC(2026, 4, 2, 9, 30, 20);
const ORIGIN = 'http://localhost';

/** 700 events over the last 35 minutes (more than any sample the UI could take), with a slow tail. */
const EVENTS = Array.from({ length: 700 }, (_, i) => ({
  time: NOW - i * 3000,
  requestId: `req-${i}`,
  route: 'openai.chat',
  model: 'gpt-test',
  stream: false,
  status: i % 9 === 0 ? 400 : 200,
  outcome: i % 9 === 0 ? ('blocked' as const) : ('forwarded' as const),
  latencyMs: ((i * 37) % 101) + (i % 50 === 0 ? 900 : 0) + 0.5,
  detectionMs: 1,
  countsByType: { email: 1 },
  countsByAction: i % 9 === 0 ? { block: 1 } : { mask: 2 },
  rehydrated: i % 9 === 0 ? 0 : 1,
  touchedPaths: ['messages[0].content'],
}));

function nearestRank(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((p / 100) * sorted.length)) - 1]!;
}

async function adminFor(store: AuditStore) {
  const config = loadAdminConfig({ STRONK_GATEWAY_ADMIN_ALLOWED_ROLES: 'admin,operator' });
  const hash = await passwordHash();
  config.users.push(
    { username: 'ops', passwordHash: hash, roles: ['operator'] },
    { username: 'audit', passwordHash: hash, roles: ['auditor'] },
  );
  const { app } = createAdminApp({ config, store, posture: () => ({}), now: () => NOW });
  const login = async (username: string) => {
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ username, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    return response.headers.get('set-cookie')!.split(';')[0]!;
  };
  const get = (path: string, cookie?: string) => app.request(path, cookie ? { headers: { cookie } } : {});
  return { login, get };
}

async function seeded(store: AuditStore) {
  await store.insertEvents(EVENTS.map((e) => sanitizeEvent(e, NOW)));
  const admin = await adminFor(store);
  const cookie = await admin.login('ops');
  const read = async (window: string) => {
    const response = await admin.get(`/api/timeseries?window=${window}`, cookie);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    return (await response.json()) as Timeseries;
  };
  return { admin, read };
}

/** A fresh SQLite store per test: counters cannot be removed, so each test seeds its own. */
async function withSqlite(run: (store: AuditStore) => Promise<void>) {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-timeseries-'));
  const store = openSqliteStore(join(dir, 'audit.sqlite'));
  try {
    await run(store);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('GET /api/timeseries (SQLite)', () => {
  it('answers 401 without a session, 403 for a role the admin API does not allow, 400 for a bad window', () =>
    withSqlite(async (store) => {
      const { admin } = await seeded(store);
      expect((await admin.get('/api/timeseries')).status).toBe(401);
      const auditor = await admin.login('audit');
      const forbidden = await admin.get('/api/timeseries?window=1h', auditor);
      expect(forbidden.status).toBe(403);
      expect(await forbidden.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
      const ops = await admin.login('ops');
      expect((await admin.get('/api/timeseries?window=2h', ops)).status).toBe(400);
      expect((await admin.get('/api/timeseries', ops)).status).toBe(200);
    }));

  it('counts every request and takes percentiles over every event of the window', () =>
    withSqlite(async (store) => {
      const { read } = await seeded(store);
      const hour = await read('1h');
      const inHour = EVENTS; // all 700 are within the last 35 minutes
      const latencies = inHour.map((e) => e.latencyMs);
      expect(hour.totals).toEqual({
        requests: 700,
        masked: inHour.reduce((n, e) => n + (e.countsByAction.mask ?? 0), 0),
        blocked: inHour.filter((e) => e.outcome === 'blocked').length,
        rehydrated: inHour.reduce((n, e) => n + e.rehydrated, 0),
        errors: 0,
        latency_ms: {
          samples: 700,
          p50: nearestRank(latencies, 50),
          p95: nearestRank(latencies, 95),
          p99: nearestRank(latencies, 99),
        },
      });
      expect(hour.step_seconds).toBe(60);
      expect(hour.buckets).toHaveLength(60);
      expect(hour.buckets.reduce((n, b) => n + b.requests, 0)).toBe(700);
      // One bucket, recomputed from its own events.
      const minute = hour.buckets.at(-3)!;
      const start = Date.parse(minute.start);
      const own = EVENTS.filter((e) => e.time >= start && e.time < start + 60_000).map((e) => e.latencyMs);
      expect(minute.requests).toBe(own.length);
      expect(minute.latency_ms).toEqual({
        samples: own.length,
        p50: nearestRank(own, 50),
        p95: nearestRank(own, 95),
        p99: nearestRank(own, 99),
      });

      // The last 15 minutes only.
      const quarter = await read('15m');
      const since = Date.parse(quarter.since);
      const recent = EVENTS.filter((e) => e.time >= since);
      expect(quarter.totals.requests).toBe(recent.length);
      expect(quarter.totals.latency_ms.p99).toBe(
        nearestRank(
          recent.map((e) => e.latencyMs),
          99,
        ),
      );
    }));
});

describe.skipIf(!PG_URL)('GET /api/timeseries (Postgres)', () => {
  it('answers exactly what the SQLite store answers (parity)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'stronk-timeseries-'));
    const sqlite = openSqliteStore(join(dir, 'audit.sqlite'));
    const schema = `ts_${randomBytes(5).toString('hex')}`;
    const postgres = await openPgStore(PG_URL!, { schema });
    try {
      const fromSqlite = await seeded(sqlite);
      const fromPostgres = await seeded(postgres);
      for (const window of ['15m', '1h', '24h', 'all']) {
        const a = await fromSqlite.read(window);
        expect(await fromPostgres.read(window), window).toEqual(a);
      }
      expect((await fromPostgres.read('1h')).totals.requests).toBe(700);
    } finally {
      await sqlite.close();
      await postgres.close();
      rmSync(dir, { recursive: true, force: true });
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  });
});

if (!PG_URL) {
  describe('GET /api/timeseries (Postgres)', () => it.skip(PG_SKIP, () => {}));
  console.warn(PG_SKIP);
}
