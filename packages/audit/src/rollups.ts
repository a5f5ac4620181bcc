import type { SanitizedEvent } from './sanitize.ts';

export const BUCKET_MS = 60_000;

export interface RollupRow {
  bucket: number;
  dimension: string;
  name: string;
  value: number;
}

function statusClass(status: number): string {
  return status >= 100 && status <= 599 ? `${Math.floor(status / 100)}xx` : 'other';
}

/**
 * Per-minute counters for a batch of events, summed per key and sorted (stable lock order on Postgres). Sums go
 * into nested maps (bucket → dimension → name), so no key string is built per event.
 */
export function rollupRows(events: readonly SanitizedEvent[]): RollupRow[] {
  const buckets = new Map<number, Map<string, Map<string, number>>>();
  let bucket = Number.NaN;
  let sums = new Map<string, Map<string, number>>();
  const add = (dimension: string, name: string, value: number) => {
    if (value === 0) return;
    const names = sums.get(dimension);
    if (names) names.set(name, (names.get(name) ?? 0) + value);
    else sums.set(dimension, new Map([[name, value]]));
  };
  for (const e of events) {
    const b = Math.floor(e.ts / BUCKET_MS) * BUCKET_MS;
    if (b !== bucket) {
      bucket = b;
      sums = buckets.get(b) ?? new Map();
      buckets.set(b, sums);
    }
    add('requests', 'total', 1);
    add('outcome', e.outcome, 1);
    add('route', e.route, 1);
    add('model', e.model, 1);
    add('status_class', statusClass(e.status), 1);
    add('stream', e.stream ? 'true' : 'false', 1);
    add('findings', 'total', e.findings);
    add('rehydrated', 'total', e.rehydrated);
    add('latency_ms', 'sum', e.latencyMs);
    add('detection_ms', 'sum', e.detectionMs);
    if (e.errorClass) add('error_class', e.errorClass, 1);
    for (const type of Object.keys(e.countsByType)) add('type', type, e.countsByType[type] ?? 0);
    for (const action of Object.keys(e.countsByAction)) add('action', action, e.countsByAction[action] ?? 0);
  }
  const rows: RollupRow[] = [];
  for (const [b, dimensions] of buckets)
    for (const [dimension, names] of dimensions)
      for (const [name, value] of names) rows.push({ bucket: b, dimension, name, value });
  return rows.sort(
    (a, b) =>
      a.bucket - b.bucket ||
      (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
