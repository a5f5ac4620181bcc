import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANARIES, canaryFlow } from './flow.ts';
import { type Stack, startStack } from './harness.ts';

const PG_URL = process.env.STRONK_GATEWAY_TEST_POSTGRES_URL;
const SKIP =
  'STRONK_GATEWAY_TEST_POSTGRES_URL is unset: Postgres end-to-end test skipped (run `eval "$(bash scripts/start-postgres.sh)"` first)';
if (!PG_URL) console.warn(SKIP);

describe.skipIf(!PG_URL)('proxy → audit → admin (Postgres)', () => {
  let stack: Stack;
  const schema = `e2e_${randomBytes(5).toString('hex')}`;
  beforeAll(async () => {
    stack = await startStack(
      { STRONK_GATEWAY_DENY_TERMS: CANARIES.name, STRONK_GATEWAY_AUDIT_DATABASE_URL: PG_URL! },
      { pgSchema: schema },
    );
  });
  afterAll(async () => {
    await stack?.close();
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await client.end();
  });

  it('shows counts, never values, and no table holds a canary', async () => {
    expect(stack.store.dialect).toBe('postgres');
    await canaryFlow(stack);
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        'SELECT table_name FROM information_schema.tables WHERE table_schema = $1',
        [schema],
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(
        expect.arrayContaining(['audit_events', 'admin_sessions']),
      );
      for (const { table_name } of tables.rows) {
        const dump = JSON.stringify((await client.query(`SELECT * FROM "${schema}"."${table_name}"`)).rows);
        for (const value of Object.values(CANARIES))
          expect(dump, `${value} in ${table_name}`).not.toContain(value);
      }
    } finally {
      await client.end();
    }
  });
});

if (!PG_URL) describe('proxy → audit → admin (Postgres)', () => it.skip(SKIP, () => {}));
