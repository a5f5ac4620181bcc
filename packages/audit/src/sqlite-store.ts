import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { migrationsDir } from './migrations-dir.ts';
import { rollupRows } from './rollups.ts';
import { adminAccessLog, adminSessions, auditEvents, auditRollups } from './schema-sqlite.ts';
import { accessRow, chunks, eventRow, sharedQueries } from './store-common.ts';
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

  const insertAll = client.transaction((events: Parameters<AuditStore['insertEvents']>[0]) => {
    for (const part of chunks(events.map(eventRow), 400)) db.insert(auditEvents).values(part).run();
    for (const part of chunks(rollupRows(events), 1000)) {
      db.insert(auditRollups)
        .values(part)
        .onConflictDoUpdate({
          target: [auditRollups.bucket, auditRollups.dimension, auditRollups.name],
          set: { value: sql.raw('"audit_rollups"."value" + excluded."value"') },
        })
        .run();
    }
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
