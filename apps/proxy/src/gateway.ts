import { type AuditConfig, type AuditStore, type OpenedAuditWriter, openAuditWriter } from '@stronk/audit';
import { Gauge } from 'prom-client';
import type { ProxyConfig } from './config.ts';
import type { ObservabilityConfig } from './observability/config.ts';
import { createProxyMetrics, type ProxyMetrics } from './observability/metrics.ts';
import { startTraceListener } from './observability/trace-listener.ts';
import { createTraceRing } from './observability/trace-ring.ts';
import type { RequestRecordSink } from './request-record.ts';
import { type RunningProxyServer, startProxyServer } from './start.ts';

export interface RunningGateway {
  proxy: RunningProxyServer;
  metrics: ProxyMetrics;
  audit: { writer: OpenedAuditWriter } | undefined;
  traceListener: { host: string; port: number } | undefined;
  /** Drains the proxy (see RunningProxyServer.close), then flushes the audit queue and stops the writer. */
  close(options?: { graceMs?: number }): Promise<void>;
}

/**
 * The proxy with its optional parts: audit writer as the onRecord sink (STRONK_GATEWAY_AUDIT_STORAGE_ENABLED),
 * Prometheus metrics, and the raw-trace ring on its private listener (STRONK_GATEWAY_UNSAFE_DEBUG_TRACES_ENABLED).
 */
export async function startGateway(options: {
  config: ProxyConfig;
  audit: AuditConfig;
  observability: ObservabilityConfig;
  /** Value-free log lines (error classes only). */
  log?: (fields: Record<string, unknown>) => void;
  /**
   * An already-open store for the same configuration (the one-process launcher). A Postgres writer writes
   * through it; SQLite batches always go to the writer thread's own connection (see openAuditWriter).
   */
  auditStore?: AuditStore;
  fetch?: typeof fetch;
}): Promise<RunningGateway> {
  const metrics = createProxyMetrics();
  let audit: RunningGateway['audit'];
  if (options.audit.enabled) {
    let lastLogged = 0;
    const writer = await openAuditWriter(options.audit, {
      store: options.auditStore,
      maxEvents: options.audit.maxEvents,
      maxAgeMs: options.audit.maxAgeMs,
      maxQueue: options.audit.maxQueue,
      flushIntervalMs: options.audit.flushIntervalMs,
      onError: (errorClass) => {
        if (Date.now() - lastLogged < 10_000) return;
        lastLogged = Date.now();
        options.log?.({ level: 'warn', msg: 'audit write failed; events dropped', error_class: errorClass });
      },
    });
    audit = { writer };
    new Gauge({
      name: 'stronk_audit_events_dropped',
      help: 'Audit events dropped since start (queue full or store unavailable).',
      registers: [metrics.registry],
      collect() {
        this.set(writer.stats().dropped);
      },
    });
    new Gauge({
      name: 'stronk_audit_queue_depth',
      help: 'Audit events waiting to be written.',
      registers: [metrics.registry],
      collect() {
        this.set(writer.stats().queued);
      },
    });
  }
  const sink: RequestRecordSink = (record) => {
    metrics.observe(record);
    audit?.writer.record(record);
  };
  const traces = options.observability.traces;
  const ring = traces.enabled ? createTraceRing(traces) : undefined;
  const proxy = await startProxyServer({
    config: options.config,
    onRecord: sink,
    ...(options.observability.metricsEnabled ? { metrics } : {}),
    ...(ring ? { traceRing: ring } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const listener =
    traces.enabled && ring
      ? await startTraceListener(ring, { host: traces.host, port: traces.port, secret: traces.secret })
      : undefined;
  return {
    proxy,
    metrics,
    audit,
    traceListener: listener && { host: listener.host, port: listener.port },
    async close(closeOptions = {}) {
      await proxy.close(closeOptions);
      await listener?.close();
      await audit?.writer.close();
    },
  };
}
