import { BUCKET_MS } from './rollups.ts';
import { OUTCOMES } from './sanitize.ts';
import type { AuditStore, RollupTotals, TimeWindow } from './types.ts';

export const WINDOWS = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  all: null,
} as const satisfies Record<string, number | null>;
export type WindowName = keyof typeof WINDOWS;

export function isWindowName(value: unknown): value is WindowName {
  return typeof value === 'string' && Object.hasOwn(WINDOWS, value);
}

/** Minute-aligned range ending after the current minute. */
export function windowRange(name: WindowName, now: number = Date.now()): TimeWindow {
  const length = WINDOWS[name];
  const until = Math.floor(now / BUCKET_MS) * BUCKET_MS + BUCKET_MS;
  return { since: length === null ? null : until - length, until };
}

export interface Summary {
  window: WindowName;
  since: string | null;
  until: string;
  /** Every request the proxy answered in the window, blocked and rejected ones included. */
  requests_total: number;
  outcomes: Record<(typeof OUTCOMES)[number], number>;
  forwarded_total: number;
  blocked_total: number;
  route_local_total: number;
  rejected_total: number;
  errors_total: number;
  findings_total: number;
  masked_total: number;
  block_findings_total: number;
  rehydrated_total: number;
  streams_total: number;
  latency_ms_avg: number;
  detection_ms_avg: number;
  status_classes: Record<string, number>;
  error_classes: Record<string, number>;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function summaryOf(name: WindowName, range: TimeWindow, t: RollupTotals): Summary {
  const get = (dimension: string, key: string) => t[dimension]?.[key] ?? 0;
  const requests = get('requests', 'total');
  const outcomes = Object.fromEntries(OUTCOMES.map((o) => [o, get('outcome', o)])) as Summary['outcomes'];
  return {
    window: name,
    since: range.since === null ? null : new Date(range.since).toISOString(),
    until: new Date(range.until).toISOString(),
    requests_total: requests,
    outcomes,
    forwarded_total: outcomes.forwarded,
    blocked_total: outcomes.blocked,
    route_local_total: outcomes.route_local,
    rejected_total: outcomes.rejected,
    errors_total: outcomes.error,
    findings_total: get('findings', 'total'),
    masked_total: get('action', 'mask'),
    block_findings_total: get('action', 'block'),
    rehydrated_total: get('rehydrated', 'total'),
    streams_total: get('stream', 'true'),
    latency_ms_avg: requests ? round(get('latency_ms', 'sum') / requests) : 0,
    detection_ms_avg: requests ? round(get('detection_ms', 'sum') / requests) : 0,
    status_classes: { ...t.status_class },
    error_classes: { ...t.error_class },
  };
}

export async function summarize(store: AuditStore, name: WindowName, now: number = Date.now()) {
  const range = windowRange(name, now);
  return summaryOf(name, range, await store.rollups(range));
}

export interface MixEntry {
  name: string;
  count: number;
}

export interface Mix {
  detectors: MixEntry[];
  actions: MixEntry[];
  outcomes: MixEntry[];
  routes: MixEntry[];
  models: MixEntry[];
}

const sorted = (counts: Record<string, number> | undefined): MixEntry[] =>
  Object.entries(counts ?? {})
    .map(([name, count]) => ({ name, count }))
    .filter((e) => e.count > 0)
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));

export function mixOf(t: RollupTotals): Mix {
  return {
    detectors: sorted(t.type),
    actions: sorted(t.action),
    outcomes: sorted(t.outcome),
    routes: sorted(t.route),
    models: sorted(t.model),
  };
}
