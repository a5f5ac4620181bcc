import { createRequire } from 'node:module';
import solid from 'vite-plugin-solid';
import { defineProject } from 'vitest/config';

// vite-plugin-solid resolves with the `browser` condition under test; the browser test starts the real proxy in
// this process, whose `ws` dependency must stay the Node build.
const fromProxy = createRequire(new URL('../proxy/package.json', import.meta.url));

export default defineProject({
  plugins: [solid()],
  resolve: { alias: { ws: fromProxy.resolve('ws') } },
  test: {
    name: 'admin-ui',
    // vite-plugin-solid would pick jsdom; component tests opt into happy-dom per file instead.
    environment: 'node',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
