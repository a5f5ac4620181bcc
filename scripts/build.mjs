#!/usr/bin/env node
// Bundles the apps into single ESM files under apps/*/dist with esbuild, so production starts run plain
// `node` (no TypeScript loader in memory). Native addons and their data stay external.
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const EXTERNAL = ['@node-rs/jieba', '@node-rs/jieba/*', '@node-rs/argon2', 'better-sqlite3', 'pg-native'];
const targets = {
  proxy: { entry: 'apps/proxy/src/server.ts', out: 'apps/proxy/dist/server.mjs' },
  detect: { entry: 'packages/cli/src/bin/detect-jsonl.ts', out: 'packages/cli/dist/detect-jsonl.mjs' },
  stronk: { entry: 'packages/cli/src/bin/stronk.ts', out: 'packages/cli/dist/stronk.mjs' },
  'bench-detect': {
    entry: 'packages/detectors/bench/detect-bench.ts',
    out: 'packages/detectors/dist/detect-bench.mjs',
  },
};
const wanted = process.argv.slice(2);
for (const [name, { entry, out }] of Object.entries(targets)) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (!existsSync(entry)) continue;
  await esbuild.build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    external: EXTERNAL,
    // Bundled CommonJS dependencies still call require(); give the ESM bundle one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  // The audit store's migrations are read at run time; the bundle finds them beside itself.
  cpSync('packages/audit/drizzle', join(dirname(out), 'drizzle'), { recursive: true });
  if (!process.env.STRONK_BUILD_QUIET) console.error(`built ${out}`);
}
