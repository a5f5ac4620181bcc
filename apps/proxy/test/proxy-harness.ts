import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditStore, auditConfigFromEnv, type OpenedAuditWriter, openAuditStore } from '@stronk/audit';
import { loadProxyConfig } from '../src/config.ts';
import { startGateway } from '../src/gateway.ts';
import { loadObservabilityConfig } from '../src/observability/config.ts';
import type { RequestRecord } from '../src/request-record.ts';
import { startProxyServer } from '../src/start.ts';
import type { FakeUpstream } from './fake-upstream.ts';

export interface RunningProxy {
  url: string;
  records: RequestRecord[];
  /** The node:http server (timeouts, connection counts). */
  server: Server;
  close(): Promise<void>;
}

function upstreamEnv(upstream: FakeUpstream): Record<string, string> {
  return {
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_DENY_TERMS: 'Project Nightjar',
    // Detection on the event loop unless a suite asks for workers (sdk-e2e, leak-fuzz, server-process do).
    STRONK_GATEWAY_DETECTION_WORKERS: '0',
    STRONK_GATEWAY_DETECTION_WARMUP: 'false',
  };
}

/** Starts the real proxy app on 127.0.0.1 (random port) pointed at a fake upstream. */
export async function startProxy(
  upstream: FakeUpstream,
  env: Record<string, string> = {},
): Promise<RunningProxy> {
  const config = loadProxyConfig({ ...upstreamEnv(upstream), ...env });
  const records: RequestRecord[] = [];
  const running = await startProxyServer({
    config: { ...config, host: '127.0.0.1', port: 0 },
    onRecord: (r) => records.push(r),
  });
  return {
    url: `http://127.0.0.1:${running.port}`,
    records,
    server: running.server as Server,
    close: running.close,
  };
}

export interface AuditedProxy {
  url: string;
  /** A reader on the same SQLite file, as the admin API has. */
  store: AuditStore;
  writer: OpenedAuditWriter;
  /** The SQLite file (and its -wal, -shm siblings). */
  dbPath: string;
  close(): Promise<void>;
}

/** The whole gateway (proxy + audit writer on a fresh SQLite file) pointed at a fake upstream. */
export async function startAuditedProxy(
  upstream: FakeUpstream,
  env: Record<string, string> = {},
): Promise<AuditedProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-audited-'));
  const dbPath = join(dir, 'audit.sqlite');
  const fullEnv = {
    ...upstreamEnv(upstream),
    STRONK_GATEWAY_HOST: '127.0.0.1',
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
    STRONK_GATEWAY_AUDIT_DB_PATH: dbPath,
    ...env,
  };
  const audit = auditConfigFromEnv(fullEnv);
  const store = await openAuditStore(audit);
  const gateway = await startGateway({
    config: loadProxyConfig(fullEnv),
    audit,
    observability: loadObservabilityConfig(fullEnv),
    auditStore: store,
  });
  return {
    url: `http://127.0.0.1:${gateway.proxy.port}`,
    store,
    writer: gateway.audit!.writer,
    dbPath,
    async close() {
      await gateway.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every string the upstream saw — headers, raw body, and the body's JSON strings unescaped. */
export function upstreamView(upstream: FakeUpstream): string {
  const parts: string[] = [];
  const strings = (value: unknown): void => {
    if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(strings);
    else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) {
        parts.push(k);
        strings(v);
      }
    }
  };
  for (const request of upstream.requests) {
    parts.push(request.url, JSON.stringify(request.headers), request.body);
    try {
      strings(JSON.parse(request.body));
    } catch {
      // Raw body is already included.
    }
  }
  return parts.join('\n');
}
