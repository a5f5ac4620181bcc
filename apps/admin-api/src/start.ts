import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type AdminAppOptions, createAdminApp } from './app.ts';

export interface RunningAdminServer {
  host: string;
  port: number;
  url: string;
  close(): Promise<void>;
}

/** Listens on config.host:config.port (port 0 picks a free one). */
export async function startAdminServer(options: AdminAppOptions): Promise<RunningAdminServer> {
  const { app, flushAccessLog } = createAdminApp(options);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.config.host, port: options.config.port }, () =>
      resolve(s),
    );
    s.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    host: address,
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => void flushAccessLog().then(() => resolve()));
      }),
  };
}
