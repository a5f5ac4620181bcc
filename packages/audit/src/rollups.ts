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

/** Per-minute counters for a batch of events, summed per key and sorted (stable lock order on Postgres). */
export function rollupRows(events: readonly SanitizedEvent[]): RollupRow[] {
  const sums = new Map<string, RollupRow>();
  const add = (bucket: number, dimension: string, name: string, value: number) => {
    if (value === 0) return;
    const key = `${bucket}\u0000${dimension}\u0000${name}`;
    const row = sums.get(key);
    if (row) row.value += value;
    else sums.set(key, { bucket, dimension, name, value });
  };
  for (const e of events) {
    const b = Math.floor(e.ts / BUCKET_MS) * BUCKET_MS;
    add(b, 'requests', 'total', 1);
    add(b, 'outcome', e.outcome, 1);
    add(b, 'route', e.route, 1);
    add(b, 'model', e.model, 1);
    add(b, 'status_class', statusClass(e.status), 1);
    add(b, 'stream', e.stream ? 'true' : 'false', 1);
    add(b, 'findings', 'total', e.findings);
    add(b, 'rehydrated', 'total', e.rehydrated);
    add(b, 'latency_ms', 'sum', e.latencyMs);
    add(b, 'detection_ms', 'sum', e.detectionMs);
    if (e.errorClass) add(b, 'error_class', e.errorClass, 1);
    for (const [type, n] of Object.entries(e.countsByType)) add(b, 'type', type, n);
    for (const [action, n] of Object.entries(e.countsByAction)) add(b, 'action', action, n);
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.bucket - b.bucket ||
      (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : 0) ||
      (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}
