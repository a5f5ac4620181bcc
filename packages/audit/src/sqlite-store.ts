import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsDir } from './migrations-dir.ts';
import { rollupRows } from './rollups.ts';
import { adminAccessLog, adminSessions } from './schema-sqlite.ts';
import { accessRow, eventRow, sharedQueries } from './store-common.ts';
import type { AuditStore } from './types.ts';

export const SQLITE_MIGRATIONS = migrationsDir('sqlite');

/**
 * Embedded store: better-sqlite3 in WAL mode with a busy timeout, so a proxy process writing and an admin
 * process reading the same file wait for each other instead of failing with "database is locked".
 */
export function openSqliteStore(path: string, options: { busyTimeoutMs?: number } = {}): AuditStore {
  if (path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true });
  const client = new Database(path, { timeout: options.busyTimeoutMs ?? 10_000 });
  client.pragma('journal_mode = WAL');
  client.pragma('synchronous = NORMAL');
  client.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 10_000}`);
  const db = drizzle({ client });
  // Two processes may open a fresh file at once: the loser of the race sees the tables and retries.
  for (let attempt = 0; ; attempt++) {
    try {
      migrate(db, { migrationsFolder: SQLITE_MIGRATIONS });
      break;
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }

  // Prepared once and run per row: a multi-row insert built per batch costs more to build and compile than to run.
  const insertEvent = client.prepare(
    `INSERT INTO audit_events (ts, request_id, route, model, stream, status, outcome, latency_ms, detection_ms,
       findings, counts_by_type, counts_by_action, rehydrated, touched_paths, error_class)
     VALUES (@ts, @requestId, @route, @model, @stream, @status, @outcome, @latencyMs, @detectionMs,
       @findings, @countsByType, @countsByAction, @rehydrated, @touchedPaths, @errorClass)`,
  );
  const addRollup = client.prepare(
    `INSERT INTO audit_rollups (bucket, dimension, name, value) VALUES (@bucket, @dimension, @name, @value)
     ON CONFLICT (bucket, dimension, name) DO UPDATE SET value = audit_rollups.value + excluded.value`,
  );
  const insertAll = client.transaction((events: Parameters<AuditStore['insertEvents']>[0]) => {
    for (const event of events) insertEvent.run(eventRow(event));
    for (const row of rollupRows(events)) addRollup.run(row);
  });

  const exec = {
    all: async (query: Parameters<typeof db.all>[0]) => db.all<Record<string, unknown>>(query),
    run: async (query: Parameters<typeof db.run>[0]) => db.run(query).changes,
  };
  return {
    dialect: 'sqlite',
    ...sharedQueries(exec),
    async insertEvents(events) {
      if (events.length > 0) insertAll(events);
    },
    async createSession(s) {
      db.insert(adminSessions)
        .values({ ...s, roles: s.roles.join(',') })
        .run();
    },
    async appendAccess(entries) {
      if (entries.length > 0) db.insert(adminAccessLog).values(entries.map(accessRow)).run();
    },
    async close() {
      if (client.open) client.close();
    },
  };
}
