/**
 * `node --import tsx apps/admin-api/bench/timeseries-bench.ts [--quick] [--events N]` — how long GET
 * /api/timeseries's query takes on a full audit store: N events spread over 30 days (default 200,000; the
 * store keeps STRONK_GATEWAY_AUDIT_MAX_EVENTS, 2,000 by default), each window read 5 times, median reported.
 * SQLite always; Postgres too when STRONK_GATEWAY_TEST_POSTGRES_URL is set (a throwaway schema).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AuditStore,
  openPgStore,
  openSqliteStore,
  sanitizeEvent,
  timeseries,
  type WindowName,
} from '@stronk/audit';
import pg from 'pg';

const quick = process.argv.includes('--quick');
const eventsArg = process.argv.indexOf('--events');
const total = eventsArg > 0 ? Number(process.argv[eventsArg + 1]) : quick ? 20_000 : 200_000;
const now = Date.now();
const span = 30 * 86_400_000;

async function fill(store: AuditStore) {
  const started = performance.now();
  for (let offset = 0; offset < total; offset += 5000) {
    const batch = [];
    for (let i = offset; i < Math.min(total, offset + 5000); i++) {
      batch.push(
        sanitizeEvent(
          {
            time: now - Math.floor((i / total) * span),
            requestId: `bench-${i}`,
            route: 'openai.chat',
            model: 'gpt-bench',
            stream: i % 2 === 0,
            status: 200,
            outcome: i % 13 === 0 ? 'blocked' : 'forwarded',
            latencyMs: 5 + ((i * 7919) % 400) / 3,
            detectionMs: 1,
            countsByType: { email: 1 },
            countsByAction: { mask: 1 },
            rehydrated: 1,
            touchedPaths: ['messages[0].content'],
          },
          now,
        ),
      );
    }
    await store.insertEvents(batch);
  }
  return (performance.now() - started) / 1000;
}

async function measure(name: string, store: AuditStore) {
  const fillSeconds = await fill(store);
  console.log(`${name}: ${total.toLocaleString('en')} events written in ${fillSeconds.toFixed(1)} s`);
  for (const window of ['1h', '24h', '7d', '30d', 'all'] as WindowName[]) {
    const times: number[] = [];
    let samples = 0;
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      samples = (await timeseries(store, window, now)).totals.latency_ms.samples;
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    console.log(
      `  ${window.padEnd(4)} ${samples.toLocaleString('en').padStart(9)} events in window: median ${times[2]!.toFixed(1)} ms`,
    );
  }
}

const dir = mkdtempSync(join(tmpdir(), 'stronk-ts-bench-'));
const sqlite = openSqliteStore(join(dir, 'audit.sqlite'));
try {
  await measure('SQLite', sqlite);
} finally {
  await sqlite.close();
  rmSync(dir, { recursive: true, force: true });
}

const url = process.env.STRONK_GATEWAY_TEST_POSTGRES_URL;
if (url) {
  const schema = `bench_${randomBytes(5).toString('hex')}`;
  const store = await openPgStore(url, { schema });
  try {
    await measure('Postgres', store);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  }
} else {
  console.log('Postgres skipped: STRONK_GATEWAY_TEST_POSTGRES_URL is unset');
}
