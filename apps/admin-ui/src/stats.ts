import type { Timeseries } from '@stronk/audit';

/**
 * Columns for the uPlot charts: x is each bucket's middle in seconds (uPlot's unit), so a bar sits inside its
 * bucket and the window's edges stay visible; null where a bucket had no stored event.
 */
export interface ChartColumns {
  x: number[];
  /** The whole window, in seconds. */
  range: [number, number];
  requests: number[];
  blocked: number[];
  errors: number[];
  p50: (number | null)[];
  p95: (number | null)[];
  p99: (number | null)[];
}

export function chartColumns(series: Timeseries): ChartColumns {
  const columns: ChartColumns = {
    x: [],
    range: [Date.parse(series.since) / 1000, Date.parse(series.until) / 1000],
    requests: [],
    blocked: [],
    errors: [],
    p50: [],
    p95: [],
    p99: [],
  };
  for (const b of series.buckets) {
    columns.x.push(Date.parse(b.start) / 1000 + series.step_seconds / 2);
    columns.requests.push(b.requests);
    columns.blocked.push(b.blocked);
    columns.errors.push(b.errors);
    columns.p50.push(b.latency_ms.p50);
    columns.p95.push(b.latency_ms.p95);
    columns.p99.push(b.latency_ms.p99);
  }
  return columns;
}

/** "—" for a percentile of no events. */
export function formatLatency(ms: number | null): string {
  return ms === null ? '—' : formatMs(ms);
}

export function formatNumber(n: number): string {
  return new Intl.NumberFormat('en').format(n);
}

export function formatMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms < 10 ? 1 : 0)} ms`;
}

/** A bucket length in words: "1 min", "30 min", "4 h", "1 d". */
export function formatStep(seconds: number): string {
  if (seconds % 86_400 === 0) return `${seconds / 86_400} d`;
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
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
