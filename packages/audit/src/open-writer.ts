import type { AuditConfig } from './config.ts';
import { openAuditStore } from './open-store.ts';
import type { PgStoreOptions } from './pg-store.ts';
import { type SqliteWriterThreadOptions, startSqliteWriterThread } from './sqlite-writer-thread.ts';
import type { AuditStore } from './types.ts';
import {
  type AuditEventSink,
  type AuditWriter,
  type AuditWriterOptions,
  createAuditWriter,
} from './writer.ts';

export interface OpenAuditWriterOptions extends AuditWriterOptions {
  /**
   * A store already open for the same configuration (an admin plane in the same process). Postgres and
   * `:memory:` batches are written through it; it is never closed by the writer.
   */
  store?: AuditStore | undefined;
  pg?: PgStoreOptions;
  thread?: SqliteWriterThreadOptions;
}

export interface OpenedAuditWriter extends AuditWriter {
  /** `thread`: SQLite batches go to a writer thread; `store`: to a store on the calling thread (Postgres). */
  readonly mode: 'thread' | 'store';
}

/**
 * The writer a proxy uses. SQLite: a writer thread with its own connection (sqlite-writer-thread.ts), so no
 * SQLite call runs on the caller's event loop. Postgres: the node-postgres pool, already asynchronous. `close()`
 * flushes, then closes what this opened (the thread, or a Postgres pool it opened), never `options.store`.
 */
export async function openAuditWriter(
  config: Pick<AuditConfig, 'dbPath' | 'databaseUrl'>,
  options: OpenAuditWriterOptions = {},
): Promise<OpenedAuditWriter> {
  const { store: shared, pg, thread: threadOptions, ...writerOptions } = options;
  const threaded = config.databaseUrl === undefined && config.dbPath !== ':memory:';
  let sink: AuditEventSink;
  let release: () => Promise<void>;
  if (threaded) {
    const thread = await startSqliteWriterThread(config.dbPath, threadOptions);
    sink = thread;
    release = () => thread.close();
  } else if (shared) {
    sink = shared;
    release = async () => {};
  } else {
    const store = await openAuditStore(config, pg);
    sink = store;
    release = () => store.close();
  }
  const writer = createAuditWriter(sink, writerOptions);
  return {
    mode: threaded ? 'thread' : 'store',
    record: (input) => writer.record(input),
    flush: () => writer.flush(),
    stats: () => writer.stats(),
    async close() {
      await writer.close();
      await release();
    },
  };
}
