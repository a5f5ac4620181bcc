import type { AuditConfig } from './config.ts';
import { openPgStore, type PgStoreOptions } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { AuditStore } from './types.ts';

/** Postgres when a postgres:// URL is configured, otherwise the embedded SQLite file. Runs migrations. */
export async function openAuditStore(
  config: Pick<AuditConfig, 'dbPath' | 'databaseUrl'>,
  pgOptions: PgStoreOptions = {},
): Promise<AuditStore> {
  if (config.databaseUrl !== undefined) return openPgStore(config.databaseUrl, pgOptions);
  return openSqliteStore(config.dbPath);
}
