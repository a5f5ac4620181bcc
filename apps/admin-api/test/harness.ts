import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AuditStore, auditConfigFromEnv, openAuditStore } from '@stronk/audit';
import { loadObservabilityConfig, loadProxyConfig, type RunningGateway, startGateway } from '@stronk/proxy';
import { type FakeUpstream, startFakeUpstream } from '../../proxy/test/fake-upstream.ts';
import { type AdminConfig, loadAdminConfig, type Role } from '../src/config.ts';
import { hashPassword } from '../src/passwords.ts';
import { buildPosture } from '../src/posture.ts';
import { type RunningAdminServer, startAdminServer } from '../src/start.ts';

export const PASSWORD = 'correct horse battery staple';
let hashed: Promise<string> | undefined;
export const passwordHash = () => (hashed ??= hashPassword(PASSWORD));

export interface Stack {
  upstream: FakeUpstream;
  gateway: RunningGateway;
  admin: RunningAdminServer;
  store: AuditStore;
  adminConfig: AdminConfig;
  proxyUrl: string;
  dbPath: string;
  close(): Promise<void>;
}

/** Fake upstream → proxy (audit on) → store ← admin API, all on 127.0.0.1 with random ports. */
export async function startStack(
  env: Record<string, string> = {},
  options: { users?: Array<{ username: string; roles: Role[] }>; pgSchema?: string; now?: () => number } = {},
): Promise<Stack> {
  const dir = mkdtempSync(join(tmpdir(), 'stronk-admin-'));
  const dbPath = join(dir, 'audit.sqlite');
  const upstream = await startFakeUpstream();
  const fullEnv = {
    STRONK_GATEWAY_OPENAI_UPSTREAM_BASE_URL: `${upstream.url}/v1`,
    STRONK_GATEWAY_ANTHROPIC_UPSTREAM_BASE_URL: upstream.url,
    STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS: 'true',
    STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS: 'true',
    STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
    STRONK_GATEWAY_AUDIT_DB_PATH: dbPath,
    STRONK_GATEWAY_AUDIT_FLUSH_INTERVAL_SECONDS: '0.05',
    STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
    STRONK_GATEWAY_HOST: '127.0.0.1',
    STRONK_GATEWAY_PORT: '0',
    STRONK_GATEWAY_ADMIN_HOST: '127.0.0.1',
    STRONK_GATEWAY_ADMIN_PORT: '0',
    STRONK_GATEWAY_UNSAFE_DEBUG_GATEWAY_PORT: '0',
    // Detection on the event loop keeps the many short admin suites light; the proxy suites cover workers.
    STRONK_GATEWAY_DETECTION_WORKERS: '0',
    STRONK_GATEWAY_DETECTION_WARMUP: 'false',
    ...env,
  };
  const proxyConfig = loadProxyConfig(fullEnv);
  const audit = auditConfigFromEnv(fullEnv);
  const observability = loadObservabilityConfig(fullEnv);
  const store = await openAuditStore(audit, options.pgSchema ? { schema: options.pgSchema } : {});
  const gateway = await startGateway({ config: proxyConfig, audit, observability, auditStore: store });
  const adminConfig = loadAdminConfig(fullEnv);
  const hash = await passwordHash();
  for (const u of options.users ?? [{ username: 'root', roles: ['admin'] as Role[] }])
    adminConfig.users.push({ ...u, passwordHash: hash });
  if (observability.traces.enabled && gateway.traceListener) {
    adminConfig.debugGatewayUrl = new URL(`http://127.0.0.1:${gateway.traceListener.port}`);
    adminConfig.debugGatewaySecret = observability.traces.secret;
  }
  const posture = buildPosture(proxyConfig, audit, {
    rawTracesEnabled: observability.traces.enabled,
    adminUi: adminConfig.enableUi,
  });
  const admin = await startAdminServer({
    config: adminConfig,
    store,
    posture: () => posture,
    auditStats: () => gateway.audit?.writer.stats(),
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    upstream,
    gateway,
    admin,
    store,
    adminConfig,
    proxyUrl: `http://127.0.0.1:${gateway.proxy.port}`,
    dbPath,
    async close() {
      await admin.close();
      await gateway.close();
      await store.close();
      await upstream.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A cookie-keeping client for the admin API that sends a same-origin Origin header on writes. */
export function adminClient(baseUrl: string) {
  let cookie: string | undefined;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(method !== 'GET' ? { origin: baseUrl } : {}),
        ...(cookie ? { cookie } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return response;
  };
  return {
    call,
    get: (path: string) => call('GET', path),
    login: (username: string, password = PASSWORD) => call('POST', '/api/auth/login', { username, password }),
    logout: () => call('POST', '/api/auth/logout'),
    get cookie() {
      return cookie;
    },
    set cookie(value: string | undefined) {
      cookie = value;
    },
  };
}

export async function chat(proxyUrl: string, content: string, extra: Record<string, unknown> = {}) {
  return fetch(`${proxyUrl}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer sk-test-caller-key' },
    body: JSON.stringify({ model: 'gpt-test', messages: [{ role: 'user', content }], ...extra }),
  });
}
