export {
  type AuditConfig,
  AuditConfigError,
  auditConfigFromEnv,
  DEFAULT_AUDIT_DB_PATH,
  readBooleanVar,
} from './config.ts';
export { openAuditStore } from './open-store.ts';
export { type OpenAuditWriterOptions, type OpenedAuditWriter, openAuditWriter } from './open-writer.ts';
export { openPgStore, type PgStoreOptions } from './pg-store.ts';
export { BUCKET_MS } from './rollups.ts';
export {
  type AuditEventInput,
  type AuditOutcome,
  COUNT_KEY,
  isJsonPath,
  isToken,
  OUTCOMES,
  type SanitizedEvent,
  sanitizeEvent,
  TOKEN,
} from './sanitize.ts';
export { openSqliteStore } from './sqlite-store.ts';
export {
  isWindowName,
  type Mix,
  type MixEntry,
  mixOf,
  type Summary,
  summarize,
  summaryOf,
  WINDOWS,
  type WindowName,
  windowRange,
} from './summary.ts';
export {
  type LatencySummary,
  MAX_BUCKETS,
  stepFor,
  type Timeseries,
  type TimeseriesBucket,
  type TimeseriesCounts,
  timeseries,
  timeseriesRange,
} from './timeseries.ts';
export type {
  BoundedRange,
  BucketLatency,
  BucketTotal,
  TimeseriesQueries,
} from './timeseries-queries.ts';
export type {
  AccessEntry,
  AccessEntryInput,
  AuditEvent,
  AuditStore,
  EventPage,
  EventQuery,
  RollupTotals,
  SessionRow,
  TimeWindow,
} from './types.ts';
export {
  type AuditEventSink,
  type AuditWriter,
  type AuditWriterOptions,
  type AuditWriterStats,
  createAuditWriter,
} from './writer.ts';
export type { WriterThreadStore } from './writer-protocol.ts';
export { startWriterThread, type WriterThread, type WriterThreadOptions } from './writer-thread.ts';
