import type { AuditConfig } from './config.ts';
import type { PgStoreOptions } from './pg-store.ts';
import { openSqliteStore } from './sqlite-store.ts';
import type { AuditStore } from './types.ts';
import {
  type AuditEventSink,
  type AuditWriter,
  type AuditWriterOptions,
  createAuditWriter,
} from './writer.ts';
import { startWriterThread, type WriterThreadOptions } from './writer-thread.ts';

export interface OpenAuditWriterOptions extends AuditWriterOptions {
  /**
   * A store already open for the same configuration (an admin plane in the same process). A SQLite file is
   * still written by the writer thread through its own connection; Postgres batches go through this store (it
   * carries connection options, such as a schema, that the thread could not see). Never closed by the writer.
   */
  store?: AuditStore | undefined;
  /** For a Postgres store the writer opens itself (in its thread). */
  pg?: Pick<PgStoreOptions, 'schema'>;
  thread?: WriterThreadOptions;
}

export interface OpenedAuditWriter extends AuditWriter {
  /** `thread`: batches go to a writer thread with its own connection; `store`: to a store on this thread. */
  readonly mode: 'thread' | 'store';
}

/**
 * The writer a proxy uses: batches go to a writer thread that opens its own connection (a SQLite file, or a
 * Postgres pool), so no store code — SQLite calls, query building, protocol encoding — runs on the caller's
 * event loop. Two cases stay on the caller's thread: an in-memory SQLite database (a thread could not share it)
 * and a Postgres store passed in `options.store`. `close()` flushes, then closes what this opened.
 */
export async function openAuditWriter(
  config: Pick<AuditConfig, 'dbPath' | 'databaseUrl'>,
  options: OpenAuditWriterOptions = {},
): Promise<OpenedAuditWriter> {
  const { store: shared, pg, thread: threadOptions, ...writerOptions } = options;
  let sink: AuditEventSink;
  let release: () => Promise<void> = async () => {};
  let mode: OpenedAuditWriter['mode'] = 'thread';
  if (config.databaseUrl === undefined && config.dbPath === ':memory:') {
    const store = shared ?? openSqliteStore(':memory:');
    if (!shared) release = () => store.close();
    sink = store;
    mode = 'store';
  } else if (config.databaseUrl !== undefined && shared) {
    sink = shared;
    mode = 'store';
  } else {
    const thread = await startWriterThread(
      config.databaseUrl === undefined
        ? { dialect: 'sqlite', path: config.dbPath }
        : { dialect: 'postgres', url: config.databaseUrl, ...(pg?.schema ? { schema: pg.schema } : {}) },
      threadOptions,
    );
    sink = thread;
    release = () => thread.close();
  }
  const writer = createAuditWriter(sink, writerOptions);
  return {
    mode,
    record: (input) => writer.record(input),
    flush: () => writer.flush(),
    stats: () => writer.stats(),
    async close() {
      await writer.close();
      await release();
    },
  };
}
