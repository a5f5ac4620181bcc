import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { getPriority, tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openAuditWriter } from '../src/open-writer.ts';
import type { AuditEventInput } from '../src/sanitize.ts';
import { openSqliteStore } from '../src/sqlite-store.ts';
import { summarize } from '../src/summary.ts';
import { createAuditWriter } from '../src/writer.ts';
import type { WriterThreadData } from '../src/writer-protocol.ts';
import { startWriterThread, type WriterThread, writerWorker } from '../src/writer-thread.ts';
import { PG_URL, pgTestStore } from './helpers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDb(): string {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-audit-thread-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'audit.sqlite');
}

async function thread(
  path: string,
  options: Parameters<typeof startWriterThread>[1] & { busyTimeoutMs?: number } = {},
) {
  const { busyTimeoutMs, ...threadOptions } = options;
  const started = await startWriterThread(
    { dialect: 'sqlite', path, ...(busyTimeoutMs === undefined ? {} : { busyTimeoutMs }) },
    threadOptions,
  );
  cleanups.push(() => started.close());
  return started;
}

function event(i: number): AuditEventInput {
  return {
    requestId: `req-${i}`,
    route: 'openai.chat',
    model: 'gpt-test',
    stream: false,
    status: 200,
    outcome: 'forwarded',
    latencyMs: 12,
    detectionMs: 1,
    countsByType: { email: 1 },
    countsByAction: { mask: 1 },
    rehydrated: 1,
    touchedPaths: ['messages[0].content'],
  };
}

/** What another connection (the admin API) sees in the file. */
async function stored(path: string): Promise<{ events: number; requests: number }> {
  const reader = openSqliteStore(path);
  try {
    return { events: await reader.countEvents(), requests: (await summarize(reader, 'all')).requests_total };
  } finally {
    await reader.close();
  }
}

/** Nice value of every thread of this process (Linux). */
function threadNiceness(): Map<string, number> {
  const out = new Map<string, number>();
  for (const thread of readdirSync(`/proc/${process.pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${process.pid}/task/${thread}/stat`, 'utf8');
      out.set(thread, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
    } catch {} // the thread ended meanwhile
  }
  return out;
}

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('writer thread on SQLite', () => {
  it('persists batches through its own connection, with their rollups', async () => {
    const path = tempDb();
    const writer = createAuditWriter(await thread(path), { batchSize: 40, flushIntervalMs: 5 });
    for (let i = 0; i < 150; i++) writer.record(event(i));
    await writer.flush();
    expect(writer.stats()).toMatchObject({ written: 150, dropped: 0, queued: 0, threadRestarts: 0 });
    expect(await stored(path)).toEqual({ events: 150, requests: 150 });
  });

  it('openAuditWriter uses the thread for a SQLite file and flushes everything on close', async () => {
    const path = tempDb();
    // Only close() can write these in time.
    const writer = await openAuditWriter(
      { dbPath: path, databaseUrl: undefined },
      { flushIntervalMs: 60_000 },
    );
    expect(writer.mode).toBe('thread');
    for (let i = 0; i < 25; i++) writer.record(event(i));
    await writer.close();
    expect(await stored(path)).toEqual({ events: 25, requests: 25 });
    writer.record(event(99));
    expect(writer.stats()).toMatchObject({ written: 25, dropped: 1 });
  });

  it.skipIf(!existsSync('/proc/thread-self'))(
    'runs at a lower scheduling priority than the event loop (Linux)',
    async () => {
      const base = getPriority();
      const before = threadNiceness();
      await thread(tempDb());
      const started = [...threadNiceness()].filter(([id]) => !before.has(id)).map(([, nice]) => nice);
      expect(started).toContain(Math.min(19, base + 10));
      expect(getPriority()).toBe(base);
    },
  );

  it('fails at start-up when the file cannot be opened', async () => {
    // The path's directory is a file: the thread cannot create it, and says why with an error code only.
    const file = tempDb();
    new Database(file).close();
    const error = await startWriterThread({ dialect: 'sqlite', path: join(file, 'audit.sqlite') }).catch(
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ code: expect.stringMatching(/^E(EXIST|NOTDIR)$/) });
  });

  it('counts the batch of a thread that dies as dropped, then starts a new thread for the next batch', async () => {
    const path = tempDb();
    const workers: Worker[] = [];
    let crashNext = false;
    const spawn = (data: WriterThreadData) => {
      // A thread that opens fine but dies on the first request it gets, standing in for a crash mid-write.
      const w = crashNext
        ? new Worker(
            `const { parentPort } = require('node:worker_threads');
             parentPort.postMessage({ type: 'ready' });
             parentPort.once('message', () => process.exit(3));`,
            { eval: true },
          )
        : writerWorker(data);
      workers.push(w);
      return w;
    };
    const t = await thread(path, { spawn, restartDelayMs: 10 });
    const errors: string[] = [];
    const writer = createAuditWriter(t, {
      batchSize: 20,
      flushIntervalMs: 5,
      onError: (c) => errors.push(c),
    });
    for (let i = 0; i < 20; i++) writer.record(event(i));
    await writer.flush();

    // Killed while idle: nothing is lost, the next batch starts a new thread.
    await workers[0]!.terminate();
    crashNext = true;
    for (let i = 20; i < 40; i++) writer.record(event(i));
    await writer.flush();
    expect(writer.stats()).toMatchObject({ written: 20, dropped: 20, failedBatches: 1, threadRestarts: 1 });
    expect(errors).toEqual(['AUDIT_WRITER_THREAD_EXITED']);

    crashNext = false;
    for (let i = 40; i < 60; i++) writer.record(event(i));
    await writer.flush();
    expect(writer.stats()).toMatchObject({ written: 40, dropped: 20, threadRestarts: 2 });
    expect(workers).toHaveLength(3);
    expect(await stored(path)).toEqual({ events: 40, requests: 40 });
  });

  it('a thread killed mid-write loses at most its batch, and every event is written or counted', async () => {
    const path = tempDb();
    const workers: Worker[] = [];
    const t: WriterThread = await thread(path, {
      restartDelayMs: 10,
      spawn: (data) => {
        const w = writerWorker(data);
        workers.push(w);
        return w;
      },
    });
    const writer = createAuditWriter(t, { batchSize: 200, flushIntervalMs: 60_000 });
    for (let i = 0; i < 200; i++) writer.record(event(i));
    const flushed = writer.flush();
    await workers[0]!.terminate();
    await flushed;
    for (let i = 200; i < 300; i++) writer.record(event(i));
    await writer.flush();
    const { written, dropped } = writer.stats();
    expect(written + dropped).toBe(300);
    expect(written).toBeGreaterThanOrEqual(100);
    // A batch whose transaction committed just before the thread died is counted as dropped all the same.
    const { events } = await stored(path);
    expect(events).toBeGreaterThanOrEqual(written);
    expect(events).toBeLessThanOrEqual(written + dropped);
  });

  it('under a store that cannot keep up, drops and counts while the event loop stays free', async () => {
    const path = tempDb();
    const t = await thread(path, { busyTimeoutMs: 1500 });
    // Another process holding the write lock: the thread's insert waits the whole busy timeout, then fails.
    const blocker = new Database(path);
    cleanups.push(() => {
      if (blocker.open) blocker.close();
    });
    blocker.exec('BEGIN IMMEDIATE');
    const errors: string[] = [];
    const writer = createAuditWriter(t, {
      maxQueue: 100,
      batchSize: 50,
      flushIntervalMs: 1,
      onError: (c) => errors.push(c),
    });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    for (let i = 0; i < 50; i++) writer.record(event(i));
    await new Promise((r) => setTimeout(r, 50));
    // The first batch is waiting on the lock in the thread; the queue takes 100 more, the rest are dropped.
    for (let i = 50; i < 250; i++) writer.record(event(i));
    expect(writer.stats()).toMatchObject({ queued: 100, dropped: 100 });
    await until(() => writer.stats().failedBatches >= 1, 'the blocked batch to fail');
    blocker.exec('COMMIT');
    await writer.flush();
    delay.disable();

    const stats = writer.stats();
    expect(errors[0]).toBe('SQLITE_BUSY');
    expect(stats.written + stats.dropped).toBe(250);
    expect(stats.dropped).toBeGreaterThanOrEqual(150);
    expect((await stored(path)).events).toBe(stats.written);
    // The store waited 1.5 s per blocked batch; the loop, never more than a fraction of that (generous for CI).
    expect(delay.max / 1e6).toBeLessThan(750);
  });
});

describe.skipIf(!PG_URL)('writer thread on Postgres', () => {
  it('writes batches through its own pool, with their rollups, and closes it', async () => {
    // The schema and its tables come from a store opened here; the thread opens its own pool on them.
    const t = await pgTestStore(PG_URL!);
    cleanups.push(() => t.dispose());
    const writer = await openAuditWriter(
      { dbPath: 'unused', databaseUrl: PG_URL },
      { pg: { schema: t.location }, batchSize: 40, flushIntervalMs: 5 },
    );
    expect(writer.mode).toBe('thread');
    for (let i = 0; i < 90; i++) writer.record(event(i));
    await writer.close();
    expect(writer.stats()).toMatchObject({ written: 90, dropped: 0 });
    expect(await t.store.countEvents()).toBe(90);
    expect((await summarize(t.store, 'all')).requests_total).toBe(90);
  });

  it('fails at start-up when the database refuses the connection', async () => {
    const url = new URL(PG_URL!);
    url.password = 'not-the-password';
    const error = await startWriterThread({ dialect: 'postgres', url: url.href }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: expect.stringMatching(/^[0-9A-Z]{5}$/) });
  });
});
