import { defineProject } from 'vitest/config';

// The benchmark suite's pure parts (statistics, SVG charts, Markdown sections, traffic shapes) and the short
// CI soak, which starts a fake provider and the proxy as child processes. Timings are never asserted here.
export default defineProject({
  test: { name: 'bench', include: ['**/*.test.ts'], testTimeout: 120_000, hookTimeout: 120_000 },
});
