import { AuditConfigError, auditConfigFromEnv, openAuditStore } from '@stronk/audit';
import { ConfigError, loadObservabilityConfig, loadProxyConfig } from '@stronk/proxy';
import { loadAdminConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { buildPosture } from './posture.ts';
import { startAdminServer } from './start.ts';

const logger = createLogger();
let loaded: {
  admin: ReturnType<typeof loadAdminConfig>;
  audit: ReturnType<typeof auditConfigFromEnv>;
  proxy: ReturnType<typeof loadProxyConfig>;
  traces: boolean;
};
try {
  loaded = {
    admin: loadAdminConfig(process.env),
    audit: auditConfigFromEnv(process.env),
    proxy: loadProxyConfig(process.env),
    traces: loadObservabilityConfig(process.env).traces.enabled,
  };
} catch (error) {
  if (error instanceof AuditConfigError || error instanceof ConfigError) {
    process.stderr.write(`stronk-admin-api: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}
const { admin, audit, proxy, traces } = loaded;
if (!admin.enabled) {
  process.stderr.write('stronk-admin-api: disabled; set STRONK_GATEWAY_ENABLE_ADMIN_API=true to start it\n');
  process.exit(78);
}
if (admin.users.length === 0)
  logger.warn('no operator configured (STRONK_GATEWAY_ADMIN_BOOTSTRAP_USER): nobody can log in');

const store = await openAuditStore(audit);
const posture = buildPosture(proxy, audit, { rawTracesEnabled: traces, adminUi: admin.enableUi });
const running = await startAdminServer({ config: admin, store, posture: () => posture, logger });
logger.info({ host: running.host, port: running.port, backend: store.dialect }, 'stronk admin API listening');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void running
      .close()
      .then(() => store.close())
      .then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
