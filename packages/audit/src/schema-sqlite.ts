import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * SQLite tables. Column names, types and meanings match schema-pg.ts exactly; only the dialect differs.
 * Every text column holds a validated token, a JSON object of counts, or a JSON list of JSON paths: never a value
 * from a request or response.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ts: integer('ts').notNull(),
    requestId: text('request_id').notNull(),
    route: text('route').notNull(),
    model: text('model').notNull(),
    stream: integer('stream').notNull(),
    status: integer('status').notNull(),
    outcome: text('outcome').notNull(),
    latencyMs: real('latency_ms').notNull(),
    detectionMs: real('detection_ms').notNull(),
    findings: integer('findings').notNull(),
    countsByType: text('counts_by_type').notNull(),
    countsByAction: text('counts_by_action').notNull(),
    rehydrated: integer('rehydrated').notNull(),
    touchedPaths: text('touched_paths').notNull(),
    errorClass: text('error_class'),
  },
  (t) => [index('audit_events_ts_idx').on(t.ts), index('audit_events_request_id_idx').on(t.requestId)],
);

/** Per-minute counters that survive event retention, so summaries count every answered request. */
export const auditRollups = sqliteTable(
  'audit_rollups',
  {
    bucket: integer('bucket').notNull(),
    dimension: text('dimension').notNull(),
    name: text('name').notNull(),
    value: real('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.dimension, t.name] })],
);

/** Admin sessions: only the SHA-256 of the session secret is stored. */
export const adminSessions = sqliteTable(
  'admin_sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    username: text('username').notNull(),
    roles: text('roles').notNull(),
    createdAt: integer('created_at').notNull(),
    lastSeenAt: integer('last_seen_at').notNull(),
  },
  (t) => [index('admin_sessions_username_idx').on(t.username)],
);

export const adminAccessLog = sqliteTable(
  'admin_access_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    ts: integer('ts').notNull(),
    username: text('username'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    client: text('client').notNull(),
    durationMs: real('duration_ms').notNull(),
  },
  (t) => [index('admin_access_log_ts_idx').on(t.ts)],
);
