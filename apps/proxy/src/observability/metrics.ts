import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RequestRecord } from '../request-record.ts';

/**
 * Prometheus metrics for the proxy. Labels are routes, outcomes, status classes, detector types, actions and
 * error classes, all drawn from fixed vocabularies; never a model name, header or value.
 */
export function createProxyMetrics(registry: Registry = new Registry()) {
  const requests = new Counter({
    name: 'stronk_proxy_requests_total',
    help: 'Answered proxy requests by route, outcome and status class.',
    labelNames: ['route', 'outcome', 'status_class'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'stronk_proxy_request_duration_seconds',
    help: 'Total request latency as seen by the proxy.',
    labelNames: ['route', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
    registers: [registry],
  });
  const detection = new Histogram({
    name: 'stronk_proxy_detection_duration_seconds',
    help: 'Time spent detecting and masking per request.',
    labelNames: ['route'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const detections = new Counter({
    name: 'stronk_proxy_detections_total',
    help: 'Findings by detector type.',
    labelNames: ['type'] as const,
    registers: [registry],
  });
  const actions = new Counter({
    name: 'stronk_proxy_actions_total',
    help: 'Findings by policy action.',
    labelNames: ['action'] as const,
    registers: [registry],
  });
  const rehydrated = new Counter({
    name: 'stronk_proxy_rehydrated_total',
    help: 'Placeholders restored in answers.',
    registers: [registry],
  });
  const upstreamErrors = new Counter({
    name: 'stronk_proxy_upstream_errors_total',
    help: 'Requests that ended with an upstream or proxy error, by error class.',
    labelNames: ['error_class'] as const,
    registers: [registry],
  });
  const websocketUpgrades = new Counter({
    name: 'stronk_proxy_websocket_upgrades_total',
    help: 'Websocket upgrade requests received.',
    registers: [registry],
  });
  const websocketOpen = new Gauge({
    name: 'stronk_proxy_websocket_connections',
    help: 'Open websocket connections.',
    registers: [registry],
  });
  const label = (value: string) => (/^[a-z][a-z0-9_.]{0,63}$/.test(value) ? value : 'other');

  return {
    registry,
    websocketUpgrades,
    websocketOpen,
    observe(record: RequestRecord): void {
      const route = label(record.route);
      const statusClass =
        record.status >= 100 && record.status < 600 ? `${Math.floor(record.status / 100)}xx` : 'other';
      requests.inc({ route, outcome: record.outcome, status_class: statusClass });
      latency.observe({ route, outcome: record.outcome }, record.latencyMs / 1000);
      detection.observe({ route }, record.detectionMs / 1000);
      for (const [type, n] of Object.entries(record.countsByType)) detections.inc({ type: label(type) }, n);
      for (const [action, n] of Object.entries(record.countsByAction))
        actions.inc({ action: label(action) }, n);
      if (record.rehydrated > 0) rehydrated.inc(record.rehydrated);
      if (record.outcome === 'error' && record.errorClass)
        upstreamErrors.inc({ error_class: label(record.errorClass) });
    },
  };
}
export type ProxyMetrics = ReturnType<typeof createProxyMetrics>;
