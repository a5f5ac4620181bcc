import {
  bigint,
  bigserial,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
} from 'drizzle-orm/pg-core';

/** Postgres tables: the same columns and meanings as schema-sqlite.ts. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ts: bigint('ts', { mode: 'number' }).notNull(),
    requestId: text('request_id').notNull(),
    route: text('route').notNull(),
    model: text('model').notNull(),
    stream: integer('stream').notNull(),
    status: integer('status').notNull(),
    outcome: text('outcome').notNull(),
    latencyMs: doublePrecision('latency_ms').notNull(),
    detectionMs: doublePrecision('detection_ms').notNull(),
    findings: integer('findings').notNull(),
    countsByType: text('counts_by_type').notNull(),
    countsByAction: text('counts_by_action').notNull(),
    rehydrated: integer('rehydrated').notNull(),
    touchedPaths: text('touched_paths').notNull(),
    errorClass: text('error_class'),
  },
  (t) => [index('audit_events_ts_idx').on(t.ts), index('audit_events_request_id_idx').on(t.requestId)],
);

export const auditRollups = pgTable(
  'audit_rollups',
  {
    bucket: bigint('bucket', { mode: 'number' }).notNull(),
    dimension: text('dimension').notNull(),
    name: text('name').notNull(),
    value: doublePrecision('value').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.dimension, t.name] })],
);

export const adminSessions = pgTable(
  'admin_sessions',
  {
    id: text('id').primaryKey(),
    secretHash: text('secret_hash').notNull(),
    username: text('username').notNull(),
    roles: text('roles').notNull(),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('admin_sessions_username_idx').on(t.username)],
);

export const adminAccessLog = pgTable(
  'admin_access_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    ts: bigint('ts', { mode: 'number' }).notNull(),
    username: text('username'),
    method: text('method').notNull(),
    path: text('path').notNull(),
    status: integer('status').notNull(),
    client: text('client').notNull(),
    durationMs: doublePrecision('duration_ms').notNull(),
  },
  (t) => [index('admin_access_log_ts_idx').on(t.ts)],
);
