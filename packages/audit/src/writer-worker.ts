/**
 * Entry point of the audit writer thread (started by writer-thread.ts). It owns its own store connection —
 * better-sqlite3 (WAL), or a small node-postgres pool — so batch inserts, query building, retention deletes, WAL
 * checkpoints and busy-timeout waits on a lock held by a reader happen here instead of on the proxy's event loop.
 * One request at a time, in order.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { errorClassOf } from './error-class.ts';
import { openPgStore } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { AuditStore } from './types.ts';
import type { WriterReply, WriterRequest, WriterThreadData } from './writer-protocol.ts';

if (!parentPort) throw new Error('writer-worker.ts runs only as a worker thread');
const port = parentPort;
const reply = (message: WriterReply) => port.postMessage(message);
const { store: target, niceness } = workerData as WriterThreadData;

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

async function open(): Promise<AuditStore> {
  if (target.dialect === 'sqlite') {
    const { path, busyTimeoutMs } = target;
    return openSqliteStore(path, busyTimeoutMs === undefined ? {} : { busyTimeoutMs });
  }
  const { url, schema, poolSize } = target;
  return openPgStore(url, { poolSize: poolSize ?? 2, ...(schema === undefined ? {} : { schema }) });
}

async function handle(store: AuditStore, request: WriterRequest): Promise<void> {
  try {
    if (request.type === 'insert') {
      await store.insertEvents(request.events);
      reply({ type: 'done', id: request.id, value: request.events.length });
    } else if (request.type === 'prune') {
      const { maxEvents, maxAgeMs, now } = request;
      const removed = await store.prune({ maxEvents, maxAgeMs, ...(now === undefined ? {} : { now }) });
      reply({ type: 'done', id: request.id, value: removed });
    } else {
      await store.close();
      port.close();
    }
  } catch (error) {
    reply({ type: 'failed', id: request.id, errorClass: errorClassOf(error) });
  }
}

try {
  const store = await open();
  // Postgres calls are asynchronous: chain them, so requests are answered in the order they came.
  let previous = Promise.resolve();
  port.on('message', (request: WriterRequest) => {
    previous = previous.then(() => handle(store, request));
  });
  reply({ type: 'ready' });
} catch (error) {
  // Nothing is listening after this, so the thread ends once the reply is sent.
  reply({ type: 'open-failed', errorClass: errorClassOf(error) });
}
