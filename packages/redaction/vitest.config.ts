import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'redaction', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
