import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * The drizzle migrations folder: `packages/audit/drizzle/<dialect>` when running from source, or
 * `drizzle/<dialect>` beside a bundle (scripts/build.mjs copies it next to apps/proxy/dist/server.mjs).
 */
export function migrationsDir(dialect: 'pg' | 'sqlite', here = import.meta.dirname): string {
  const candidates = [resolve(here, '../drizzle', dialect), resolve(here, 'drizzle', dialect)];
  return (
    candidates.find((dir) => existsSync(resolve(dir, 'meta/_journal.json'))) ?? (candidates[0] as string)
  );
}
