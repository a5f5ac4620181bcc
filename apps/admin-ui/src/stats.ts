import type { ApiEvent, WindowName } from './api.ts';

export const WINDOW_MS: Record<WindowName, number | null> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '24h': 86_400_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  all: null,
};

/** Nearest-rank percentile of `values` (p in 0..100); 0 for no values. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export interface Series {
  /** Bucket starts in seconds (uPlot's x unit). */
  x: number[];
  total: number[];
  blocked: number[];
  errors: number[];
  p50: number[];
  p95: number[];
}

/** Buckets events over [since, until) into about `buckets` slots for the volume and latency charts. */
export function bucketEvents(
  events: readonly ApiEvent[],
  range: { since: number; until: number },
  buckets = 30,
): Series {
  const span = Math.max(60_000, range.until - range.since);
  const step = Math.max(60_000, Math.ceil(span / buckets / 60_000) * 60_000);
  const start = Math.floor(range.since / step) * step;
  const count = Math.max(1, Math.ceil((range.until - start) / step));
  const series: Series = { x: [], total: [], blocked: [], errors: [], p50: [], p95: [] };
  const latencies: number[][] = [];
  for (let i = 0; i < count; i++) {
    series.x.push((start + i * step) / 1000);
    series.total.push(0);
    series.blocked.push(0);
    series.errors.push(0);
    latencies.push([]);
  }
  for (const e of events) {
    const i = Math.floor((Date.parse(e.time) - start) / step);
    if (i < 0 || i >= count) continue;
    series.total[i]! += 1;
    if (e.outcome === 'blocked') series.blocked[i]! += 1;
    if (e.outcome === 'error') series.errors[i]! += 1;
    latencies[i]!.push(e.latency_ms);
  }
  for (const l of latencies) {
    series.p50.push(percentile(l, 50));
    series.p95.push(percentile(l, 95));
  }
  return series;
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat('en').format(n);
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

export function formatRate(part: number, total: number): string {
  if (total === 0) return '0%';
  const r = (part / total) * 100;
  return `${r < 10 ? r.toFixed(1) : r.toFixed(0)}%`;
}

export function formatTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

/** Plain-language meaning of each posture setting, for the Posture view. */
export const SAFETY_TEXT: Record<string, { on: string; off: string; risky: boolean }> = {
  allow_insecure_upstreams: {
    on: 'Upstreams may be reached over plain http: masked traffic could be read on the network.',
    off: 'Upstreams must use https, so traffic to the provider is encrypted.',
    risky: true,
  },
  allow_nonstandard_upstream_hosts: {
    on: 'Upstream hosts are not pinned to the known provider hosts: a misconfiguration could send traffic elsewhere.',
    off: 'Upstream hosts are pinned to the known provider hosts.',
    risky: true,
  },
  debug_mask_endpoint: {
    on: 'A debugging endpoint that shows how text is masked is mounted on the proxy.',
    off: 'The masking debug endpoint is off.',
    risky: true,
  },
  rehydrate_tool_arguments: {
    on: 'Original values are put back into tool-call arguments, so local tools see the real values.',
    off: 'Tool-call arguments keep their placeholders.',
    risky: false,
  },
  raw_traces_enabled: {
    on: 'Raw, unmasked requests and responses are kept in memory for debugging. Turn this off in production.',
    off: 'No raw traffic is kept anywhere.',
    risky: true,
  },
  admin_ui: {
    on: 'This workspace is served by the admin API.',
    off: 'The admin UI is not served.',
    risky: false,
  },
};

export const ACTION_TEXT: Record<string, string> = {
  mask: 'replaced by a placeholder before it leaves; put back in the answer',
  block: 'the request is refused and nothing is sent upstream',
  allow: 'sent as it is',
  route_local: 'the request goes to a local model instead of the provider',
  redact: 'removed before it leaves and not put back',
};

export function explainAction(action: string): string {
  return ACTION_TEXT[action] ?? 'custom action';
}
