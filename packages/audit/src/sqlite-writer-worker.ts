/**
 * Entry point of the SQLite writer thread (started by sqlite-writer-thread.ts). It owns its own better-sqlite3
 * connection (WAL), so batch inserts, retention deletes, WAL checkpoints and busy-timeout waits on a lock held
 * by a reader process happen here instead of on the proxy's event loop. One request at a time, in order.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { errorClassOf } from './error-class.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { AuditStore } from './types.ts';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-protocol.ts';

if (!parentPort) throw new Error('sqlite-writer-worker.ts runs only as a worker thread');
const port = parentPort;
const reply = (message: WriterReply) => port.postMessage(message);
const { path, busyTimeoutMs, niceness } = workerData as WriterThreadData;

/**
 * Audit writes are background work: on Linux, where a thread is a task with its own nice value, this thread runs
 * at a lower priority than the proxy's event loop, so a saturated machine serves requests first and the writer
 * falls behind instead (the bounded queue absorbs that, then drops and counts). Best effort elsewhere.
 */
if (niceness > 0) {
  try {
    const thread = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(thread) && thread > 0)
      setPriority(thread, Math.min(19, getPriority(thread) + niceness));
  } catch {}
}

let store: AuditStore | undefined;
try {
  store = openSqliteStore(path, { busyTimeoutMs });
} catch (error) {
  // Nothing is listening after this, so the thread ends once the reply is sent.
  reply({ type: 'open-failed', errorClass: errorClassOf(error) });
}

async function handle(open: AuditStore, request: WriterRequest): Promise<void> {
  try {
    if (request.type === 'insert') {
      await open.insertEvents(request.events);
      reply({ type: 'done', id: request.id, value: request.events.length });
    } else if (request.type === 'prune') {
      const { maxEvents, maxAgeMs, now } = request;
      const removed = await open.prune({ maxEvents, maxAgeMs, ...(now === undefined ? {} : { now }) });
      reply({ type: 'done', id: request.id, value: removed });
    } else {
      await open.close();
      port.close();
    }
  } catch (error) {
    reply({ type: 'failed', id: request.id, errorClass: errorClassOf(error) });
  }
}

if (store) {
  const open = store;
  // The SQLite store's methods run synchronously inside, so requests are answered in the order they came.
  port.on('message', (request: WriterRequest) => void handle(open, request));
  reply({ type: 'ready' });
}
