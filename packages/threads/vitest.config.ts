import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'threads', include: ['src/**/*.test.ts'] },
});
