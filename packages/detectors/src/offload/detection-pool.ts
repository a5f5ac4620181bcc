import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '@stronk/threads';
import type { EntityType, Finding, Language } from '../types.ts';
import {
  type DetectionReply,
  type DetectionRequest,
  type DetectionWorkerData,
  unpackFindings,
} from './protocol.ts';

/** Runs detection for batches of texts somewhere other than the calling thread. */
export interface DetectionOffload {
  /** Findings per text, in order, exactly as the built-in engine's `detect` would report them. */
  detectMany(texts: readonly string[], langs: readonly (Language | undefined)[]): Promise<Finding[][]>;
}

export interface DetectionPoolOptions {
  /** Worker threads (≥ 1). */
  size: number;
  denyTerms?: readonly string[];
  allowTerms?: readonly string[];
  enabledTypes?: readonly EntityType[];
  /** Each worker detects the built-in warm-up texts before it reports ready (see DetectionEngine.warmUp). */
  warmUp?: boolean;
  /** Starts one worker (default: the bundled or source detection worker); tests wrap it. */
  spawn?: (data: DetectionWorkerData) => Worker;
}

export interface DetectionPoolStats {
  batches: number;
  texts: number;
  /** Batches that failed because their worker died or threw; the caller detects those itself. */
  failures: number;
  /** Workers started again after one exited. */
  restarts: number;
}

export interface DetectionPool extends DetectionOffload {
  readonly size: number;
  /** Resolves once every worker has loaded its detectors. */
  ready(): Promise<void>;
  stats(): DetectionPoolStats;
  /** Ends the workers; later batches fail with `DETECTION_POOL_CLOSED`. */
  close(): Promise<void>;
}

/** File name of the bundled worker that scripts/build.mjs writes beside a bundle. */
export const BUNDLED_DETECTION_WORKER = 'detection-worker.mjs';

export function detectionWorker(data: DetectionWorkerData): Worker {
  return spawnModuleWorker(
    { bundled: BUNDLED_DETECTION_WORKER, source: new URL('./detection-worker.ts', import.meta.url) },
    { workerData: data },
  );
}

interface Pending {
  chars: number;
  resolve(findings: Finding[][]): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  pending: Map<number, Pending>;
  /** Characters queued on this worker: batches go to the least loaded one. */
  queuedChars: number;
}

function poolError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/**
 * A fixed set of detection worker threads. Each batch goes whole to the worker with the fewest queued
 * characters. A worker that dies fails its batches (the caller falls back to detecting them itself) and is
 * replaced on the next batch. Workers keep the process alive only while a batch waits on them.
 */
export function createDetectionPool(options: DetectionPoolOptions): DetectionPool {
  if (!Number.isInteger(options.size) || options.size < 1)
    throw new RangeError('size must be an integer ≥ 1');
  const data: DetectionWorkerData = {
    denyTerms: [...(options.denyTerms ?? [])],
    allowTerms: [...(options.allowTerms ?? [])],
    ...(options.enabledTypes ? { enabledTypes: [...options.enabledTypes] } : {}),
    ...(options.warmUp ? { warmUp: true } : {}),
  };
  const spawn = options.spawn ?? detectionWorker;
  const slots: (Slot | undefined)[] = Array.from({ length: options.size }, () => undefined);
  const stats: DetectionPoolStats = { batches: 0, texts: 0, failures: 0, restarts: 0 };
  let nextId = 1;
  let closed = false;
  let started = false;

  function start(index: number): Slot {
    const worker = spawn(data);
    const pending = new Map<number, Pending>();
    let loaded = false;
    let markReady!: () => void;
    let failReady!: (error: Error) => void;
    const ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      failReady = reject;
    });
    ready.catch(() => {});
    const slot: Slot = { worker, ready, pending, queuedChars: 0 };
    const settle = (id: number): Pending | undefined => {
      const entry = pending.get(id);
      if (!entry) return undefined;
      pending.delete(id);
      slot.queuedChars -= entry.chars;
      if (pending.size === 0 && loaded) worker.unref();
      return entry;
    };
    worker.on('message', (reply: DetectionReply) => {
      if ('ready' in reply) {
        // Held while starting, so a caller awaiting ready() keeps the process alive.
        loaded = true;
        if (pending.size === 0) worker.unref();
        return markReady();
      }
      const entry = settle(reply.id);
      if (!entry) return;
      if ('error' in reply)
        entry.reject(poolError('DETECTION_WORKER_FAILED', `detection worker: ${reply.error}`));
      else entry.resolve(unpackFindings(reply.packed, reply.names));
    });
    const fail = (error: Error) => {
      if (slots[index] === slot) slots[index] = undefined;
      failReady(error);
      for (const id of [...pending.keys()]) settle(id)?.reject(error);
    };
    // A worker error's message may quote the text it was reading: only the class is passed on.
    worker.on('error', (error) =>
      fail(poolError('DETECTION_WORKER_EXITED', `detection worker crashed (${error.name})`)),
    );
    worker.on('exit', (code) =>
      fail(poolError('DETECTION_WORKER_EXITED', `detection worker exited with code ${code}`)),
    );
    return slot;
  }

  function slotFor(index: number): Slot {
    const existing = slots[index];
    if (existing) return existing;
    if (started) stats.restarts++;
    const slot = start(index);
    slots[index] = slot;
    return slot;
  }

  function leastLoaded(): Slot {
    let best = slotFor(0);
    for (let i = 1; i < slots.length; i++) {
      const slot = slotFor(i);
      if (slot.queuedChars < best.queuedChars) best = slot;
    }
    return best;
  }

  return {
    size: options.size,
    async ready() {
      if (closed) throw poolError('DETECTION_POOL_CLOSED', 'detection pool is closed');
      const all = slots.map((_, i) => slotFor(i));
      started = true;
      await Promise.all(all.map((slot) => slot.ready));
    },
    detectMany(texts, langs) {
      if (closed) return Promise.reject(poolError('DETECTION_POOL_CLOSED', 'detection pool is closed'));
      if (texts.length === 0) return Promise.resolve([]);
      const slot = leastLoaded();
      started = true;
      const id = nextId++;
      const chars = texts.reduce((sum, text) => sum + text.length, 0);
      stats.batches++;
      stats.texts += texts.length;
      return new Promise<Finding[][]>((resolve, reject) => {
        if (slot.pending.size === 0) slot.worker.ref();
        slot.pending.set(id, { chars, resolve, reject });
        slot.queuedChars += chars;
        slot.worker.postMessage({ id, texts, langs } satisfies DetectionRequest);
      }).catch((error: Error) => {
        stats.failures++;
        throw error;
      });
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      const workers = slots.filter((slot): slot is Slot => slot !== undefined).map((slot) => slot.worker);
      slots.fill(undefined);
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
