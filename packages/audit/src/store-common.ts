import { type SQL, sql } from 'drizzle-orm';
import { type AuditOutcome, COUNT_KEY } from './sanitize.ts';
import { timeseriesQueries } from './timeseries-queries.ts';
import type {
  AccessEntry,
  AccessEntryInput,
  AuditEvent,
  AuditStore,
  EventPage,
  EventQuery,
  RollupTotals,
  SessionRow,
} from './types.ts';

/** The two things the shared queries need from a dialect. */
export interface Exec {
  all(query: SQL): Promise<Array<Record<string, unknown>>>;
  /** Returns the number of rows changed. */
  run(query: SQL): Promise<number>;
}

export const ROLLUP_DEFAULT_RETENTION_MS = 400 * 24 * 3600 * 1000;

const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0));

function parseJson<T>(text: unknown, fallback: T): T {
  if (typeof text !== 'string') return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

export function toEvent(r: Record<string, unknown>): AuditEvent {
  return {
    id: num(r.id),
    time: new Date(num(r.ts)).toISOString(),
    requestId: String(r.request_id),
    route: String(r.route),
    model: String(r.model),
    stream: num(r.stream) === 1,
    status: num(r.status),
    outcome: String(r.outcome) as AuditOutcome,
    latencyMs: num(r.latency_ms),
    detectionMs: num(r.detection_ms),
    findings: num(r.findings),
    countsByType: parseJson(r.counts_by_type, {}),
    countsByAction: parseJson(r.counts_by_action, {}),
    rehydrated: num(r.rehydrated),
    touchedPaths: parseJson(r.touched_paths, []),
    errorClass: r.error_class === null || r.error_class === undefined ? null : String(r.error_class),
  };
}

function toSession(r: Record<string, unknown>): SessionRow {
  return {
    id: String(r.id),
    secretHash: String(r.secret_hash),
    username: String(r.username),
    roles: String(r.roles)
      .split(',')
      .filter((x) => x),
    createdAt: num(r.created_at),
    lastSeenAt: num(r.last_seen_at),
  };
}

const EVENT_COLUMNS = sql.raw(
  'id, ts, request_id, route, model, stream, status, outcome, latency_ms, detection_ms, findings, counts_by_type, counts_by_action, rehydrated, touched_paths, error_class',
);

/** Everything but the event insert, written once for both dialects. */
export function sharedQueries(
  exec: Exec,
): Omit<AuditStore, 'dialect' | 'insertEvents' | 'close' | 'appendAccess' | 'createSession'> {
  return {
    ...timeseriesQueries(exec),

    async prune({ maxEvents, maxAgeMs, now = Date.now() }) {
      let removed = await exec.run(
        sql`DELETE FROM audit_events WHERE id <= (SELECT id FROM audit_events ORDER BY id DESC LIMIT 1 OFFSET ${Math.max(0, Math.floor(maxEvents))})`,
      );
      if (maxAgeMs !== undefined) {
        removed += await exec.run(sql`DELETE FROM audit_events WHERE ts < ${now - maxAgeMs}`);
      }
      await exec.run(
        sql`DELETE FROM audit_rollups WHERE bucket < ${now - (maxAgeMs ?? ROLLUP_DEFAULT_RETENTION_MS)}`,
      );
      return removed;
    },

    async countEvents() {
      const [row] = await exec.all(sql`SELECT COUNT(*) AS n FROM audit_events`);
      return num(row?.n);
    },

    async rollups({ since, until }) {
      const rows = await exec.all(
        since === null
          ? sql`SELECT dimension, name, SUM(value) AS total FROM audit_rollups WHERE bucket < ${until} GROUP BY dimension, name`
          : sql`SELECT dimension, name, SUM(value) AS total FROM audit_rollups WHERE bucket >= ${since} AND bucket < ${until} GROUP BY dimension, name`,
      );
      const out: RollupTotals = {};
      for (const r of rows) {
        const dimension = String(r.dimension);
        const bucket = out[dimension] ?? {};
        bucket[String(r.name)] = num(r.total);
        out[dimension] = bucket;
      }
      return out;
    },

    async listEvents(query: EventQuery = {}): Promise<EventPage> {
      const limit = Math.min(Math.max(Math.floor(query.limit ?? 50), 1), 500);
      const where: SQL[] = [];
      if (query.before !== undefined) where.push(sql`id < ${query.before}`);
      if (query.since !== undefined) where.push(sql`ts >= ${query.since}`);
      if (query.until !== undefined) where.push(sql`ts < ${query.until}`);
      if (query.route !== undefined) where.push(sql`route = ${query.route}`);
      if (query.outcome !== undefined) where.push(sql`outcome = ${query.outcome}`);
      if (query.model !== undefined) where.push(sql`model = ${query.model}`);
      if (query.status !== undefined) where.push(sql`status = ${query.status}`);
      if (query.stream !== undefined) where.push(sql`stream = ${query.stream ? 1 : 0}`);
      if (query.errorClass !== undefined) where.push(sql`error_class = ${query.errorClass}`);
      if (query.requestId !== undefined) where.push(sql`request_id = ${query.requestId}`);
      if (query.type !== undefined) {
        if (!COUNT_KEY.test(query.type)) return { events: [], nextBefore: null };
        where.push(sql`counts_by_type LIKE ${`%"${query.type.replaceAll('_', '!_')}":%`} ESCAPE '!'`);
      }
      const filter = where.length > 0 ? sql` WHERE ${sql.join(where, sql` AND `)}` : sql``;
      const rows = await exec.all(
        sql`SELECT ${EVENT_COLUMNS} FROM audit_events${filter} ORDER BY id DESC LIMIT ${limit + 1}`,
      );
      const events = rows.slice(0, limit).map(toEvent);
      return { events, nextBefore: rows.length > limit ? (events[events.length - 1]?.id ?? null) : null };
    },

    async getEvent(id) {
      const [row] = await exec.all(sql`SELECT ${EVENT_COLUMNS} FROM audit_events WHERE id = ${id}`);
      return row ? toEvent(row) : null;
    },

    async getSession(id) {
      const [row] = await exec.all(
        sql`SELECT id, secret_hash, username, roles, created_at, last_seen_at FROM admin_sessions WHERE id = ${id}`,
      );
      return row ? toSession(row) : null;
    },

    async touchSession(id, lastSeenAt) {
      await exec.run(sql`UPDATE admin_sessions SET last_seen_at = ${lastSeenAt} WHERE id = ${id}`);
    },

    async deleteSession(id) {
      await exec.run(sql`DELETE FROM admin_sessions WHERE id = ${id}`);
    },

    async deleteExpiredSessions(idleBefore, createdBefore) {
      return exec.run(
        sql`DELETE FROM admin_sessions WHERE last_seen_at < ${idleBefore} OR created_at < ${createdBefore}`,
      );
    },

    async listAccess({ limit = 100, before } = {}): Promise<AccessEntry[]> {
      const n = Math.min(Math.max(Math.floor(limit), 1), 1000);
      const rows = await exec.all(
        before === undefined
          ? sql`SELECT id, ts, username, method, path, status, client, duration_ms FROM admin_access_log ORDER BY id DESC LIMIT ${n}`
          : sql`SELECT id, ts, username, method, path, status, client, duration_ms FROM admin_access_log WHERE id < ${before} ORDER BY id DESC LIMIT ${n}`,
      );
      return rows.map((r) => ({
        id: num(r.id),
        ts: num(r.ts),
        username: r.username === null || r.username === undefined ? null : String(r.username),
        method: String(r.method),
        path: String(r.path),
        status: num(r.status),
        client: String(r.client),
        durationMs: num(r.duration_ms),
      }));
    },

    async pruneAccess(keep) {
      await exec.run(
        sql`DELETE FROM admin_access_log WHERE id <= (SELECT id FROM admin_access_log ORDER BY id DESC LIMIT 1 OFFSET ${Math.max(0, Math.floor(keep))})`,
      );
    },
  };
}

export function eventRow(e: import('./sanitize.ts').SanitizedEvent) {
  return {
    ts: e.ts,
    requestId: e.requestId,
    route: e.route,
    model: e.model,
    stream: e.stream ? 1 : 0,
    status: e.status,
    outcome: e.outcome,
    latencyMs: e.latencyMs,
    detectionMs: e.detectionMs,
    findings: e.findings,
    countsByType: JSON.stringify(e.countsByType),
    countsByAction: JSON.stringify(e.countsByAction),
    rehydrated: e.rehydrated,
    touchedPaths: JSON.stringify(e.touchedPaths),
    errorClass: e.errorClass,
  };
}

export function accessRow(e: AccessEntryInput) {
  return {
    ts: Math.round(e.ts),
    username: e.username,
    method: e.method.slice(0, 16),
    path: e.path.slice(0, 256),
    status: e.status,
    client: e.client.slice(0, 64),
    durationMs: e.durationMs,
  };
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
