import { preloadChineseSegmenter } from '@stronk/detectors';
import { ConfigError, loadProxyConfig } from './config.ts';
import { startProxyServer } from './start.ts';

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
const running = await startProxyServer({ config });
log({
  level: 'info',
  msg: 'stronk-gateway proxy listening',
  host: running.host,
  port: running.port,
  upstreams: { openai: config.upstreams.openai.origin, anthropic: config.upstreams.anthropic.origin },
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log({ level: 'info', msg: 'shutting down', signal });
    void running.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  });
}
