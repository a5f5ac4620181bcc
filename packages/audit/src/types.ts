import type { AuditOutcome, SanitizedEvent } from './sanitize.ts';
import type { TimeseriesQueries } from './timeseries-queries.ts';

/** A stored event as the admin API returns it. */
export interface AuditEvent {
  id: number;
  time: string;
  requestId: string;
  route: string;
  model: string;
  stream: boolean;
  status: number;
  outcome: AuditOutcome;
  latencyMs: number;
  detectionMs: number;
  findings: number;
  countsByType: Record<string, number>;
  countsByAction: Record<string, number>;
  rehydrated: number;
  touchedPaths: string[];
  errorClass: string | null;
}

export interface EventQuery {
  /** 1–500, default 50. */
  limit?: number;
  /** Return events with a smaller id (the previous page's `nextBefore`). */
  before?: number;
  since?: number;
  until?: number;
  route?: string;
  outcome?: AuditOutcome;
  model?: string;
  status?: number;
  stream?: boolean;
  /** Events that found at least one value of this detector type. */
  type?: string;
  errorClass?: string;
  requestId?: string;
}

export interface EventPage {
  events: AuditEvent[];
  nextBefore: number | null;
}

export interface TimeWindow {
  /** Inclusive start in ms since the epoch; null means since the beginning. */
  since: number | null;
  /** Exclusive end in ms since the epoch. */
  until: number;
}

/** Sums per dimension (`outcome`, `route`, `type`, `action`, `error_class`, …) and name. */
export type RollupTotals = Record<string, Record<string, number>>;

export interface SessionRow {
  id: string;
  secretHash: string;
  username: string;
  roles: string[];
  createdAt: number;
  lastSeenAt: number;
}

export interface AccessEntryInput {
  ts: number;
  username: string | null;
  method: string;
  path: string;
  status: number;
  client: string;
  durationMs: number;
}

export interface AccessEntry extends AccessEntryInput {
  id: number;
}

export interface AuditStore extends TimeseriesQueries {
  readonly dialect: 'sqlite' | 'postgres';
  /** Writes events and their per-minute rollups in one transaction. */
  insertEvents(events: readonly SanitizedEvent[]): Promise<void>;
  /** Keeps the newest `maxEvents` events and drops those older than `maxAgeMs`; returns how many were removed. */
  prune(options: { maxEvents: number; maxAgeMs?: number | undefined; now?: number }): Promise<number>;
  countEvents(): Promise<number>;
  rollups(window: TimeWindow): Promise<RollupTotals>;
  listEvents(query?: EventQuery): Promise<EventPage>;
  getEvent(id: number): Promise<AuditEvent | null>;

  createSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | null>;
  touchSession(id: string, lastSeenAt: number): Promise<void>;
  deleteSession(id: string): Promise<void>;
  deleteExpiredSessions(idleBefore: number, createdBefore: number): Promise<number>;

  appendAccess(entries: readonly AccessEntryInput[]): Promise<void>;
  listAccess(options?: { limit?: number; before?: number }): Promise<AccessEntry[]>;
  pruneAccess(keep: number): Promise<void>;

  close(): Promise<void>;
}
