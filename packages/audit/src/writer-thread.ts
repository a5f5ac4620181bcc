import type { Worker } from 'node:worker_threads';
import { spawnModuleWorker } from '@stronk/threads';
import { codedError } from './error-class.ts';
import type { AuditEventSink } from './writer.ts';
import type { WriterReply, WriterRequest, WriterThreadData, WriterThreadStore } from './writer-protocol.ts';

export interface WriterThread extends AuditEventSink {
  /** How many times the thread was started again after it died. */
  readonly restarts: number;
  /** Closes the thread's connection and ends the thread; later calls fail with `AUDIT_WRITER_CLOSED`. */
  close(): Promise<void>;
}

export interface WriterThreadOptions {
  /** Added to the thread's nice value on Linux (default 10: the event loop gets the CPU first); 0: unchanged. */
  niceness?: number;
  /** First wait before starting a thread again after it died or failed to open; doubles up to 5 s. */
  restartDelayMs?: number;
  /** Starts one thread (default `writerWorker`); tests wrap it to stop a thread mid-run. */
  spawn?: (data: WriterThreadData) => Worker;
}

/** File name of the bundled worker that scripts/build.mjs writes beside a bundle. */
export const BUNDLED_WRITER_WORKER = 'audit-writer-worker.mjs';
const MAX_RESTART_DELAY_MS = 5000;
const CLOSE_TIMEOUT_MS = 5000;

/** The writer thread's code: the bundle beside an app bundle, or the TypeScript source. */
export function writerWorker(data: WriterThreadData): Worker {
  return spawnModuleWorker(
    { bundled: BUNDLED_WRITER_WORKER, source: new URL('./writer-worker.ts', import.meta.url) },
    { workerData: data },
  );
}

interface Pending {
  resolve(value: number): void;
  reject(error: Error): void;
}

/**
 * Starts the audit writer thread (writer-worker.ts) for `store` and resolves once its connection is open and
 * migrated, so a bad path or URL fails here, at start-up. Batches are posted as structured clones of the
 * sanitized events; the calling thread runs no store code.
 *
 * If the thread dies, the requests it was answering fail with `AUDIT_WRITER_THREAD_EXITED` (the writer counts
 * those events as dropped) and the next request starts a new thread, after a delay that doubles while
 * starting keeps failing. The thread keeps the process alive only while it starts or a request waits for it.
 */
export async function startWriterThread(
  store: WriterThreadStore,
  options: WriterThreadOptions = {},
): Promise<WriterThread> {
  const data: WriterThreadData = { store, niceness: options.niceness ?? 10 };
  const firstDelay = options.restartDelayMs ?? 250;
  const newWorker = options.spawn ?? writerWorker;
  const pending = new Map<number, Pending>();
  let worker: Worker | undefined;
  let starting: Promise<Worker> | undefined;
  let nextId = 1;
  let failures = 0;
  let startAfter = 0;
  let started = 0;
  let closed = false;

  function spawn(): Promise<Worker> {
    const w = newWorker(data);
    started++;
    let openError: Error | undefined;
    let died = false;
    // Every thread that ends unasked (or cannot open the store) pushes the next start further out.
    const noteDeath = () => {
      if (died || closed) return;
      died = true;
      failures++;
      startAfter = Date.now() + Math.min(MAX_RESTART_DELAY_MS, firstDelay * 2 ** (failures - 1));
    };
    return new Promise((ready, fail) => {
      w.on('message', (message: WriterReply) => {
        if (message.type === 'ready') {
          w.unref();
          ready(w);
        } else if (message.type === 'open-failed') {
          openError = codedError(message.errorClass, 'audit writer thread could not open the store');
          noteDeath();
          fail(openError);
          // A pool that failed to connect may keep the thread's loop alive; it has nothing left to do.
          void w.terminate();
        } else {
          const call = pending.get(message.id);
          if (!call) return;
          pending.delete(message.id);
          if (pending.size === 0) w.unref();
          if (message.type === 'done') {
            failures = 0;
            call.resolve(message.value);
          } else {
            call.reject(codedError(message.errorClass, 'audit write failed'));
          }
        }
      });
      // An uncaught error in the thread is followed by 'exit', which settles everything.
      w.on('error', () => {});
      w.on('exit', () => {
        if (worker === w) worker = undefined;
        const exited = openError ?? codedError('AUDIT_WRITER_THREAD_EXITED', 'audit writer thread exited');
        fail(exited);
        for (const call of pending.values()) call.reject(exited);
        pending.clear();
        noteDeath();
      });
    });
  }

  function ensureWorker(): Promise<Worker> {
    if (worker) return Promise.resolve(worker);
    starting ??= (async () => {
      const wait = startAfter - Date.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (closed) throw codedError('AUDIT_WRITER_CLOSED');
      try {
        worker = await spawn();
        return worker;
      } finally {
        starting = undefined;
      }
    })();
    return starting;
  }

  async function call(request: WriterRequest): Promise<number> {
    if (closed) throw codedError('AUDIT_WRITER_CLOSED');
    const w = await ensureWorker();
    return new Promise((resolveCall, rejectCall) => {
      pending.set(request.id, { resolve: resolveCall, reject: rejectCall });
      w.ref();
      w.postMessage(request);
    });
  }

  await ensureWorker();
  return {
    get restarts() {
      return Math.max(0, started - 1);
    },
    async insertEvents(events) {
      if (events.length > 0) await call({ type: 'insert', id: nextId++, events });
    },
    prune({ maxEvents, maxAgeMs, now }) {
      return call({ type: 'prune', id: nextId++, maxEvents, maxAgeMs, now });
    },
    async close() {
      if (closed) return;
      closed = true;
      const w = worker ?? (await starting?.catch(() => undefined));
      if (!w) return;
      w.ref();
      const exited = new Promise<void>((r) => w.once('exit', () => r()));
      // Requests already posted are answered first: the thread handles messages in order.
      w.postMessage({ type: 'close', id: nextId++ } satisfies WriterRequest);
      const timer = setTimeout(() => void w.terminate(), CLOSE_TIMEOUT_MS);
      await exited;
      clearTimeout(timer);
    },
  };
}
