import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openPgStore } from '../src/pg-store.ts';
import { openSqliteStore } from '../src/sqlite-store.ts';
import type { AuditStore } from '../src/types.ts';

export const PG_URL = process.env.STRONK_GATEWAY_TEST_POSTGRES_URL;
export const PG_SKIP_MESSAGE =
  'STRONK_GATEWAY_TEST_POSTGRES_URL is unset: Postgres tests skipped (run `eval "$(bash scripts/start-postgres.sh)"` first)';

export interface TestStore {
  store: AuditStore;
  /** SQLite file path, or Postgres schema name. */
  location: string;
  dispose(): Promise<void>;
}

export function sqliteTestStore(): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-audit-'));
  const file = join(dir, 'audit.sqlite');
  const store = openSqliteStore(file);
  return {
    store,
    location: file,
    async dispose() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh schema per store, so test files running in parallel never share tables. */
export async function pgTestStore(url: string): Promise<TestStore> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const store = await openPgStore(url, { schema });
  return {
    store,
    location: schema,
    async dispose() {
      await store.close();
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

/** Every text the tables of one Postgres schema hold, one string (for raw-value scans). */
export async function dumpPgSchema(url: string, schema: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ table_name: string }>(
      'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
      [schema],
    );
    const parts: string[] = [];
    for (const { table_name } of tables.rows) {
      const rows = await client.query(`SELECT * FROM "${schema}"."${table_name}"`);
      parts.push(table_name, JSON.stringify(rows.rows));
    }
    return parts.join('\n');
  } finally {
    await client.end();
  }
}
