import { defineProject } from 'vitest/config';

// Linear-time guards run megabyte inputs; a generous timeout keeps them meaningful on a loaded 2-core machine.
export default defineProject({
  test: { name: 'detectors', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], testTimeout: 60_000 },
});
