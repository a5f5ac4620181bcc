import { describe, expect, it } from 'vitest';
import { type AuditEventInput, sanitizeEvent } from '../src/sanitize.ts';
import { mixOf, summarize, windowRange } from '../src/summary.ts';
import { createAuditWriter } from '../src/writer.ts';
import { PG_SKIP_MESSAGE, PG_URL, pgTestStore, sqliteTestStore, type TestStore } from './helpers.ts';

const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);

function event(i: number): AuditEventInput {
  return {
    time: NOW - i * 1000,
    requestId: `req-${i}`,
    route: i % 3 === 0 ? 'anthropic.messages' : 'openai.chat',
    model: 'gpt-test',
    stream: i % 2 === 0,
    status: i % 5 === 0 ? 400 : 200,
    outcome: i % 5 === 0 ? 'blocked' : 'forwarded',
    latencyMs: 10 + i,
    detectionMs: 1.5,
    countsByType: { email: 1, person_name: i % 2 },
    countsByAction: { mask: 1 + (i % 2) },
    rehydrated: 1,
    touchedPaths: ['messages[0].content', `messages[${i}].content`],
    ...(i % 5 === 0 ? { errorClass: 'sensitive_content_blocked' } : {}),
  };
}

/** The same scenario on every backend; the results must be equal (parity). */
async function scenario(t: TestStore) {
  const { store } = t;
  await store.insertEvents(Array.from({ length: 30 }, (_, i) => sanitizeEvent(event(i), NOW)));
  const first = await store.listEvents({ limit: 10 });
  const second = await store.listEvents({ limit: 10, before: first.nextBefore! });
  const blocked = await store.listEvents({ outcome: 'blocked', limit: 100 });
  const persons = await store.listEvents({ type: 'person_name', limit: 100 });
  const byRoute = await store.listEvents({ route: 'anthropic.messages', stream: true, limit: 100 });
  const one = await store.getEvent(first.events[0]!.id);
  const summary = await summarize(store, '1h', NOW);
  const mix = mixOf(await store.rollups(windowRange('24h', NOW)));
  const removed = await store.prune({ maxEvents: 12, now: NOW });
  const after = await store.countEvents();
  const summaryAfterPrune = await summarize(store, 'all', NOW);
  const strip = (e: { id: number }) => ({ ...e, id: 0 });
  return {
    firstIds: first.events.map((e) => e.requestId),
    secondIds: second.events.map((e) => e.requestId),
    blocked: blocked.events.length,
    persons: persons.events.length,
    byRoute: byRoute.events.map((e) => e.requestId),
    one: one && strip(one),
    summary,
    mix,
    removed,
    after,
    requestsAfterPrune: summaryAfterPrune.requests_total,
  };
}

async function checks(t: TestStore) {
  const r = await scenario(t);
  expect(r.firstIds).toEqual(Array.from({ length: 10 }, (_, i) => `req-${29 - i}`));
  expect(r.secondIds[0]).toBe('req-19');
  expect(r.blocked).toBe(6);
  expect(r.persons).toBe(15);
  expect(r.byRoute).toEqual(['req-24', 'req-18', 'req-12', 'req-6', 'req-0']);
  expect(r.one).toMatchObject({
    requestId: 'req-29',
    stream: false,
    countsByType: { email: 1, person_name: 1 },
    touchedPaths: ['messages[0].content', 'messages[29].content'],
    errorClass: null,
  });
  expect(r.summary.requests_total).toBe(30);
  expect(r.summary.blocked_total).toBe(6);
  expect(r.summary.forwarded_total).toBe(24);
  expect(r.summary.masked_total).toBe(45);
  expect(r.summary.error_classes).toEqual({ sensitive_content_blocked: 6 });
  expect(r.mix.detectors).toEqual([
    { name: 'email', count: 30 },
    { name: 'person_name', count: 15 },
  ]);
  expect(r.removed).toBe(18);
  expect(r.after).toBe(12);
  // Retention trims events, never the counters.
  expect(r.requestsAfterPrune).toBe(30);
  return r;
}

describe('audit store on SQLite', () => {
  it('writes, pages, filters, summarizes and prunes', async () => {
    const t = sqliteTestStore();
    try {
      await checks(t);
    } finally {
      await t.dispose();
    }
  });

  it('stores sessions and the access log', async () => {
    const t = sqliteTestStore();
    try {
      await sessionsAndAccess(t);
    } finally {
      await t.dispose();
    }
  });

  it('the writer batches, prunes, and counts drops when the store fails', async () => {
    const t = sqliteTestStore();
    try {
      const writer = createAuditWriter(t.store, { maxEvents: 100, batchSize: 50, flushIntervalMs: 5 });
      for (let i = 0; i < 500; i++) writer.record(event(i));
      await writer.flush();
      expect(writer.stats()).toMatchObject({ written: 500, dropped: 0, queued: 0 });
      expect(await t.store.countEvents()).toBeLessThanOrEqual(150);
      await t.store.prune({ maxEvents: 100 });
      expect(await t.store.countEvents()).toBe(100);

      const errors: string[] = [];
      const broken = createAuditWriter(
        {
          ...t.store,
          insertEvents: () => Promise.reject(Object.assign(new Error('x'), { code: 'SQLITE_BUSY' })),
        },
        { maxQueue: 10, batchSize: 5, onError: (c) => errors.push(c) },
      );
      for (let i = 0; i < 25; i++) broken.record(event(i));
      await broken.flush();
      expect(broken.stats().dropped).toBe(25);
      expect(errors[0]).toBe('SQLITE_BUSY');
    } finally {
      await t.dispose();
    }
  });
});

async function sessionsAndAccess(t: TestStore) {
  const { store } = t;
  await store.createSession({
    id: 'abc',
    secretHash: 'ff'.repeat(32),
    username: 'ops',
    roles: ['admin', 'auditor'],
    createdAt: 1000,
    lastSeenAt: 1000,
  });
  expect(await store.getSession('abc')).toMatchObject({ username: 'ops', roles: ['admin', 'auditor'] });
  await store.touchSession('abc', 5000);
  expect((await store.getSession('abc'))?.lastSeenAt).toBe(5000);
  expect(await store.deleteExpiredSessions(4000, 0)).toBe(0);
  expect(await store.deleteExpiredSessions(6000, 0)).toBe(1);
  expect(await store.getSession('abc')).toBeNull();
  await store.appendAccess(
    Array.from({ length: 5 }, (_, i) => ({
      ts: 1000 + i,
      username: i ? 'ops' : null,
      method: 'GET',
      path: '/api/summary',
      status: 200,
      client: '127.0.0.1',
      durationMs: 1.25,
    })),
  );
  await store.pruneAccess(3);
  const log = await store.listAccess({ limit: 10 });
  expect(log.map((e) => e.ts)).toEqual([1004, 1003, 1002]);
  expect(log[0]).toMatchObject({ username: 'ops', durationMs: 1.25 });
}

describe.skipIf(!PG_URL)('audit store on Postgres', () => {
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

  it('stores sessions and the access log', async () => {
    const t = await pgTestStore(PG_URL!);
    try {
      await sessionsAndAccess(t);
    } finally {
      await t.dispose();
    }
  });
});

if (!PG_URL) {
  describe('audit store on Postgres', () => {
    it.skip(PG_SKIP_MESSAGE, () => {});
  });
  console.warn(PG_SKIP_MESSAGE);
}
