import type { SanitizedEvent } from './sanitize.ts';

/** What the SQLite writer thread is started with. */
export interface WriterThreadData {
  path: string;
  busyTimeoutMs: number;
  /** Nice value added to the thread's scheduling priority (Linux); 0 leaves it as the process's. */
  niceness: number;
}

/**
 * Main thread → writer thread. Events are structured-cloned plain data: only the fields of an event that
 * already passed `sanitizeEvent` on the main thread.
 */
export type WriterRequest =
  | { type: 'insert'; id: number; events: readonly SanitizedEvent[] }
  | { type: 'prune'; id: number; maxEvents: number; maxAgeMs: number | undefined; now: number | undefined }
  | { type: 'close'; id: number };

/** Writer thread → main thread. Failures carry an error class, never a message. */
export type WriterReply =
  | { type: 'ready' }
  | { type: 'open-failed'; errorClass: string }
  | { type: 'done'; id: number; value: number }
  | { type: 'failed'; id: number; errorClass: string };
