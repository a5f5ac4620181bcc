import { serve } from '@hono/node-server';
import { preloadChineseSegmenter } from '@stronk/detectors';
import { createProxyApp } from './app.ts';
import { ConfigError, loadProxyConfig } from './config.ts';

function log(fields: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify({ time: new Date().toISOString(), ...fields })}\n`);
}

let config: ReturnType<typeof loadProxyConfig>;
try {
  config = loadProxyConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`stronk-gateway: invalid configuration: ${error.message}\n`);
    process.exit(78);
  }
  throw error;
}

// Load detector dictionaries before listening so the first request does not pay for them.
preloadChineseSegmenter();
const app = createProxyApp({ config });
const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, (info) => {
  log({
    level: 'info',
    msg: 'stronk-gateway proxy listening',
    host: info.address,
    port: info.port,
    upstreams: { openai: config.upstreams.openai.origin, anthropic: config.upstreams.anthropic.origin },
  });
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log({ level: 'info', msg: 'shutting down', signal });
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
