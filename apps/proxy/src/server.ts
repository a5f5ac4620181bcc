import { AuditConfigError, auditConfigFromEnv } from '@stronk/audit';
import { preloadChineseSegmenter } from '@stronk/detectors';
import { ConfigError, loadProxyConfig } from './config.ts';
import { startGateway } from './gateway.ts';
import { loadObservabilityConfig } from './observability/config.ts';

function log(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

let config: ReturnType<typeof loadProxyConfig>;
let audit: ReturnType<typeof auditConfigFromEnv>;
let observability: ReturnType<typeof loadObservabilityConfig>;
try {
  config = loadProxyConfig(process.env);
  audit = auditConfigFromEnv(process.env);
  observability = loadObservabilityConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError || error instanceof AuditConfigError) {
    process.stderr.write(`stronk-gateway: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}

// Load detector dictionaries before listening so the first request does not pay for them.
preloadChineseSegmenter();
const running = await startGateway({ config, audit, observability, log });
log({
  level: 'info',
  msg: 'stronk-gateway proxy listening',
  host: running.proxy.host,
  port: running.proxy.port,
  upstreams: { openai: config.upstreams.openai.origin, anthropic: config.upstreams.anthropic.origin },
  audit: audit.enabled ? (audit.databaseUrl ? 'postgres' : 'sqlite') : 'off',
  ...(running.traceListener
    ? { unsafe_trace_listener: `${running.traceListener.host}:${running.traceListener.port}` }
    : {}),
});

// Stop accepting, let in-flight requests, streams and websocket turns finish within the grace period,
// close websockets with 1001, flush the audit queue, exit 0. A stuck drain or flush exits after a margin.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log({ level: 'info', msg: 'shutting down', signal, grace_ms: config.shutdownGraceMs });
    void running.close({ graceMs: config.shutdownGraceMs }).then(() => {
      log({ level: 'info', msg: 'shut down', ...(running.audit ? running.audit.writer.stats() : {}) });
      process.exit(0);
    });
    setTimeout(() => process.exit(0), config.shutdownGraceMs + 10_000).unref();
  });
}
