import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'stream', include: ['src/**/*.test.ts', 'test/**/*.test.ts'] },
});
