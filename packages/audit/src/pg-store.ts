import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsDir } from './migrations-dir.ts';
import { rollupRows } from './rollups.ts';
import { adminAccessLog, adminSessions, auditEvents, auditRollups } from './schema-pg.ts';
import { accessRow, chunks, eventRow, sharedQueries } from './store-common.ts';
import type { AuditStore } from './types.ts';

export const PG_MIGRATIONS = migrationsDir('pg');
const MIGRATION_LOCK = 0x5354524f; // "STRO": serializes migrations of several proxy instances

export interface PgStoreOptions {
  /** Schema for the tables and the migration journal (default `public`); tests use one per run. */
  schema?: string;
  poolSize?: number;
}

/** Postgres store (node-postgres pool) for deployments with several proxy instances. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<AuditStore> {
  const schema = options.schema;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error('invalid schema name');
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 4,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // A dropped idle connection must not crash the proxy; the next query reconnects.
  pool.on('error', () => {});
  const db = drizzle({ client: pool });

  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
    await migrate(drizzle({ client }), {
      migrationsFolder: PG_MIGRATIONS,
      ...(schema ? { migrationsSchema: schema } : {}),
    });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    client.release();
  }

  const exec = {
    all: async (query: Parameters<typeof db.execute>[0]) =>
      (await db.execute(query)).rows as Array<Record<string, unknown>>,
    run: async (query: Parameters<typeof db.execute>[0]) => (await db.execute(query)).rowCount ?? 0,
  };
  return {
    dialect: 'postgres',
    ...sharedQueries(exec),
    async insertEvents(events) {
      if (events.length === 0) return;
      await db.transaction(async (tx) => {
        for (const part of chunks(events.map(eventRow), 400)) await tx.insert(auditEvents).values(part);
        for (const part of chunks(rollupRows(events), 1000)) {
          await tx
            .insert(auditRollups)
            .values(part)
            .onConflictDoUpdate({
              target: [auditRollups.bucket, auditRollups.dimension, auditRollups.name],
              set: { value: sql.raw('"audit_rollups"."value" + excluded."value"') },
            });
        }
      });
    },
    async createSession(s) {
      await db.insert(adminSessions).values({ ...s, roles: s.roles.join(',') });
    },
    async appendAccess(entries) {
      if (entries.length > 0) await db.insert(adminAccessLog).values(entries.map(accessRow));
    },
    async close() {
      await pool.end();
    },
  };
}
