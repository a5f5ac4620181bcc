import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createProxyApp, createRedactorForConfig, type ProxyAppOptions } from './app.ts';
import { createResponsesWebsocketBridge } from './websocket/index.ts';

export interface RunningProxyServer {
  host: string;
  port: number;
  /** The underlying node:http server (for upgrade handlers and connection tracking). */
  server: ReturnType<typeof serve>;
  close(): Promise<void>;
}

/** Builds the proxy app and listens on the configured host and port (port 0 picks a free one). */
export async function startProxyServer(options: ProxyAppOptions): Promise<RunningProxyServer> {
  // One redactor for both transports, so HTTP and websocket turns mask identically.
  const redactor = options.redactor ?? createRedactorForConfig(options.config);
  const app = createProxyApp({ ...options, redactor });
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.config.host, port: options.config.port }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  // GET /v1/responses upgrades to the Responses websocket bridge; every other upgrade is refused there.
  const websocket = createResponsesWebsocketBridge({
    config: options.config,
    redactor,
    onRecord: options.onRecord ?? (() => {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  server.on('upgrade', websocket.handleUpgrade);
  const { address, port } = server.address() as AddressInfo;
  return {
    host: address,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        websocket.close();
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
