import { defineProject } from 'vitest/config';

// Scale-out integration test: several bundled proxy processes behind HAProxy, one admin API, Postgres.
// Skips with a message when haproxy or STRONK_GATEWAY_TEST_POSTGRES_URL is missing. `pnpm test:scale`.
export default defineProject({
  test: { name: 'scale', include: ['**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
