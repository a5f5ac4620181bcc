import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Worker, type WorkerOptions } from 'node:worker_threads';

export interface ModuleWorkerEntry {
  /** File name of the worker bundle that scripts/build.mjs writes beside an app bundle, e.g. `x-worker.mjs`. */
  bundled: string;
  /** The worker's TypeScript source, for runs from sources (tests, `tsx`). */
  source: URL;
}

/**
 * Starts a worker thread running `entry`: the bundled file when this code runs from a bundle (every
 * module of a bundle shares one directory, where the build writes the worker bundles), otherwise the
 * TypeScript source. Node 20 applies module hooks only after a worker's entry is loaded, so the source
 * entry goes through a small JavaScript bootstrap that registers tsx first.
 */
export function spawnModuleWorker(entry: ModuleWorkerEntry, options: WorkerOptions = {}): Worker {
  const bundled = resolve(import.meta.dirname, entry.bundled);
  if (existsSync(bundled)) return new Worker(bundled, options);
  let tsx: string;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    // No tsx installed: Node itself must understand the source (type stripping).
    return new Worker(entry.source, options);
  }
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.source.href)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
