import { errorClassOf } from './error-class.ts';
import { type AuditEventInput, type SanitizedEvent, sanitizeEvent } from './sanitize.ts';
import type { AuditStore } from './types.ts';

/** What the writer needs from a store: the batch insert and retention (a store, or the writer thread). */
export type AuditEventSink = Pick<AuditStore, 'insertEvents' | 'prune'> & {
  /** Times the sink's thread was started again after it died (the writer thread). */
  readonly restarts?: number;
};

export interface AuditWriterOptions {
  /** Retention: newest events kept (default 2000). */
  maxEvents?: number;
  /** Retention: events older than this are removed. */
  maxAgeMs?: number | undefined;
  /** Events waiting for the store; past this, new events are dropped and counted (default 10 000). */
  maxQueue?: number;
  /** Events per transaction (default 500). */
  batchSize?: number;
  /** Longest time an event waits before a write starts (default 200 ms). */
  flushIntervalMs?: number;
  /** Called with an error class name (never a message) when a batch fails. */
  onError?: (errorClass: string) => void;
  now?: () => number;
}

export interface AuditWriterStats {
  queued: number;
  written: number;
  /** Events lost: queue full, or their batch failed to write. */
  dropped: number;
  failedBatches: number;
  pruned: number;
  /** Times the writer thread was started again after it died (0 for other sinks). */
  threadRestarts: number;
}

export interface AuditWriter {
  /** Never throws and never waits: sanitizes, queues, and returns. */
  record(input: AuditEventInput): void;
  /** Writes everything queued so far. */
  flush(): Promise<void>;
  stats(): AuditWriterStats;
  /** Flushes and stops the timer; closes nothing else (the sink belongs to the caller). */
  close(): Promise<void>;
}

/**
 * Batches sanitized events into a sink off the request path, with a bounded queue and retention. With a store
 * as the sink, the store's own work runs on the caller's thread; `openAuditWriter` gives it a thread.
 */
export function createAuditWriter(store: AuditEventSink, options: AuditWriterOptions = {}): AuditWriter {
  const maxEvents = options.maxEvents ?? 2000;
  const maxQueue = options.maxQueue ?? 10_000;
  const batchSize = options.batchSize ?? 500;
  const flushIntervalMs = options.flushIntervalMs ?? 200;
  const now = options.now ?? Date.now;
  const pruneEvery = Math.max(50, Math.floor(maxEvents / 10));
  const stats: Omit<AuditWriterStats, 'threadRestarts'> = {
    queued: 0,
    written: 0,
    dropped: 0,
    failedBatches: 0,
    pruned: 0,
  };
  let queue: SanitizedEvent[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let sincePrune = 0;
  let lastPrune = 0;
  let closed = false;

  const schedule = (delay: number) => {
    if (timer || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void drain();
    }, delay);
    timer.unref();
  };

  async function writeBatches(): Promise<void> {
    while (queue.length > 0) {
      const batch = queue.length <= batchSize ? queue : queue.slice(0, batchSize);
      queue = queue.length <= batchSize ? [] : queue.slice(batchSize);
      stats.queued = queue.length;
      try {
        await store.insertEvents(batch);
        stats.written += batch.length;
        sincePrune += batch.length;
      } catch (error) {
        stats.dropped += batch.length;
        stats.failedBatches++;
        options.onError?.(errorClassOf(error));
      }
    }
    const t = now();
    if (sincePrune >= pruneEvery || (options.maxAgeMs !== undefined && t - lastPrune > 60_000)) {
      sincePrune = 0;
      lastPrune = t;
      try {
        stats.pruned += await store.prune({ maxEvents, maxAgeMs: options.maxAgeMs, now: t });
      } catch (error) {
        options.onError?.(errorClassOf(error));
      }
    }
  }

  function drain(): Promise<void> {
    if (!running) {
      running = writeBatches().finally(() => {
        running = undefined;
        if (queue.length > 0) schedule(0);
      });
    }
    return running;
  }

  return {
    record(input) {
      if (closed || queue.length >= maxQueue) {
        stats.dropped++;
        return;
      }
      let event: SanitizedEvent;
      try {
        event = sanitizeEvent(input, now());
      } catch {
        stats.dropped++;
        return;
      }
      queue.push(event);
      stats.queued = queue.length;
      schedule(queue.length >= batchSize ? 0 : flushIntervalMs);
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        timer = undefined;
      }
      while (running || queue.length > 0) await drain();
    },
    stats: () => ({ ...stats, threadRestarts: store.restarts ?? 0 }),
    async close() {
      await this.flush();
      closed = true;
    },
  };
}
