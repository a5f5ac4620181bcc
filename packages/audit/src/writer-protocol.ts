import type { SanitizedEvent } from './sanitize.ts';

/** The store a writer thread opens with its own connection(s). */
export type WriterThreadStore =
  | { dialect: 'sqlite'; path: string; busyTimeoutMs?: number }
  | { dialect: 'postgres'; url: string; schema?: string; poolSize?: number };

/** What a writer thread is started with. */
export interface WriterThreadData {
  store: WriterThreadStore;
  /** Added to the thread's nice value (Linux); 0 leaves it as the process's. */
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
