import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createProxyApp, type ProxyAppOptions } from './app.ts';

export interface RunningProxyServer {
  host: string;
  port: number;
  /** The underlying node:http server (for upgrade handlers and connection tracking). */
  server: ReturnType<typeof serve>;
  close(): Promise<void>;
}

/** Builds the proxy app and listens on the configured host and port (port 0 picks a free one). */
export async function startProxyServer(options: ProxyAppOptions): Promise<RunningProxyServer> {
  const app = createProxyApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.config.host, port: options.config.port }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    host: address,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
