/**
 * `pnpm start`: the proxy and the admin plane in one process on embedded SQLite. Honours the same
 * STRONK_GATEWAY_* variables as the separate apps; only the defaults differ (audit storage and the admin API
 * are on unless set to false, and the admin UI is served when its build directory exists).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { AuditConfigError, auditConfigFromEnv, openAuditStore } from '@stronk/audit';
import { preloadChineseSegmenter } from '@stronk/detectors';
import { ConfigError, loadObservabilityConfig, loadProxyConfig, startGateway } from '@stronk/proxy';
import { type AdminConfig, loadAdminConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { hashPassword } from './passwords.ts';
import { buildPosture } from './posture.ts';
import { startAdminServer } from './start.ts';

const root = resolve(import.meta.dirname, '../../..');
const defaultUiDir = resolve(root, 'apps/admin-ui/dist');
const env: Record<string, string | undefined> = {
  STRONK_GATEWAY_AUDIT_STORAGE_ENABLED: 'true',
  STRONK_GATEWAY_ENABLE_ADMIN_API: 'true',
  ...(existsSync(defaultUiDir)
    ? { STRONK_GATEWAY_ENABLE_ADMIN_UI: 'true', STRONK_GATEWAY_ADMIN_UI_DIR: defaultUiDir }
    : {}),
};
for (const [key, value] of Object.entries(process.env))
  if (value !== undefined && value.trim() !== '') env[key] = value;

function say(text: string) {
  process.stderr.write(`${text}\n`);
}

let proxyConfig: ReturnType<typeof loadProxyConfig>;
let audit: ReturnType<typeof auditConfigFromEnv>;
let admin: AdminConfig;
let observability: ReturnType<typeof loadObservabilityConfig>;
try {
  proxyConfig = loadProxyConfig(env);
  audit = auditConfigFromEnv(env);
  admin = loadAdminConfig(env);
  observability = loadObservabilityConfig(env);
} catch (error) {
  if (error instanceof ConfigError || error instanceof AuditConfigError) {
    say(`stronk-gateway: invalid configuration: ${error.message}`);
    process.exit(78);
  }
  throw error;
}

const logger = createLogger();
preloadChineseSegmenter();
const store = audit.enabled || admin.enabled ? await openAuditStore(audit) : undefined;
const gateway = await startGateway({
  config: proxyConfig,
  audit,
  observability,
  ...(store ? { auditStore: store } : {}),
  log: (fields) => logger.warn(fields),
});
logger.info({ host: gateway.proxy.host, port: gateway.proxy.port }, 'stronk-gateway proxy listening');

let adminServer: Awaited<ReturnType<typeof startAdminServer>> | undefined;
let oneTimePassword: string | undefined;
if (admin.enabled && store) {
  if (admin.users.length === 0) {
    const loopback = /^(?:127\.\d+\.\d+\.\d+|::1|localhost)$/.test(admin.host);
    if (loopback) {
      oneTimePassword = Buffer.from(crypto.getRandomValues(new Uint8Array(12))).toString('base64url');
      admin.users.push({
        username: 'admin',
        passwordHash: await hashPassword(oneTimePassword),
        roles: ['admin'],
      });
    }
  }
  const traces = observability.traces;
  if (traces.enabled && gateway.traceListener && !admin.debugGatewayUrl) {
    admin.debugGatewayUrl = new URL(`http://${traces.host}:${gateway.traceListener.port}`);
    admin.debugGatewaySecret ??= traces.secret;
  }
  const posture = buildPosture(proxyConfig, audit, {
    rawTracesEnabled: traces.enabled,
    adminUi: admin.enableUi,
  });
  adminServer = await startAdminServer({
    config: admin,
    store,
    posture: () => posture,
    logger,
    auditStats: () => gateway.audit?.writer.stats(),
  });
}

const proxyUrl = `http://${gateway.proxy.host}:${gateway.proxy.port}`;
say('');
say(
  `  stronk-gateway proxy   ${proxyUrl}   (OpenAI base URL ${proxyUrl}/v1, Anthropic ${proxyUrl}/anthropic)`,
);
if (adminServer) {
  say(
    `  admin plane            ${adminServer.url}${admin.enableUi ? '/' : '/api/summary'}   (log in: POST /api/auth/login)`,
  );
  say(`  audit store            ${audit.databaseUrl ? 'postgres' : resolve(audit.dbPath)}`);
  if (oneTimePassword) {
    say(`  one-time login         user "admin", password "${oneTimePassword}" (new on every start)`);
    say('  to set your own:       export STRONK_GATEWAY_ADMIN_BOOTSTRAP_USER=admin');
    say(
      "                         export STRONK_GATEWAY_ADMIN_BOOTSTRAP_PASSWORD_HASH=\"$(printf '%s' 'your password' | pnpm --silent stronk hash-password)\"",
    );
  } else if (admin.users.length > 0) {
    say(`  log in as              ${admin.users.map((u) => u.username).join(', ')}`);
  }
}
say('');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void (async () => {
      await adminServer?.close();
      await gateway.close();
      await store?.close();
      process.exit(0);
    })();
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
