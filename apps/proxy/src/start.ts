import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createProxyApp, createRedactorForConfig, type ProxyAppOptions } from './app.ts';
import { registerDetectionWorkerGauges } from './observability/detection-worker-metrics.ts';
import type { ProxyMetrics } from './observability/metrics.ts';
import { type TraceRing, withTraceCapture } from './observability/trace-ring.ts';
import { createResponsesWebsocketBridge } from './websocket/index.ts';

export interface RunningProxyServer {
  host: string;
  port: number;
  /** The underlying node:http server (for upgrade handlers and connection tracking). */
  server: ReturnType<typeof serve>;
  /**
   * Stops listening at once. With `graceMs` > 0 (SIGTERM), in-flight requests, SSE streams and websocket
   * turns get that long to finish (websockets then close with 1001); whatever is left is cut. Without it,
   * everything is cut now (tests).
   */
  close(options?: { graceMs?: number }): Promise<void>;
}

export interface StartProxyOptions extends ProxyAppOptions {
  /** Serves GET /metrics (Prometheus) on this listener and counts websocket upgrades. */
  metrics?: ProxyMetrics;
  /** Copies raw exchanges into this in-memory ring (exposed only on the private trace listener). */
  traceRing?: TraceRing;
}

/** Builds the proxy app and listens on the configured host and port (port 0 picks a free one). */
export async function startProxyServer(options: StartProxyOptions): Promise<RunningProxyServer> {
  // One redactor for both transports, so HTTP and websocket turns mask identically.
  const ownRedactor = options.redactor === undefined;
  const redactor = options.redactor ?? createRedactorForConfig(options.config);
  // Detection workers load their dictionaries before the first request may wait on them.
  await redactor.ready();
  const app = createProxyApp({ ...options, redactor, keepMaskedViews: options.traceRing !== undefined });
  let handler: (request: Request, env: unknown) => Response | Promise<Response> = app.fetch;
  if (options.traceRing) handler = withTraceCapture(handler, options.traceRing);
  const metrics = options.metrics;
  if (metrics) registerDetectionWorkerGauges(metrics.registry, redactor);
  const fetchHandler = metrics
    ? async (request: Request, env: unknown) => {
        if (request.method === 'GET' && new URL(request.url).pathname === '/metrics') {
          return new Response(await metrics.registry.metrics(), {
            headers: { 'content-type': metrics.registry.contentType, 'cache-control': 'no-store' },
          });
        }
        return handler(request, env);
      }
    : handler;
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: fetchHandler, hostname: options.config.host, port: options.config.port }, () =>
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
    traceRing: options.traceRing,
  });
  server.on('upgrade', websocket.handleUpgrade);
  // In-flight HTTP requests (an SSE stream counts until its last byte), for the graceful drain.
  let inFlight = 0;
  let draining = false;
  server.on('request', (_request: IncomingMessage, response: ServerResponse) => {
    inFlight++;
    // A keep-alive connection that brings one more request during the drain is closed after it.
    if (draining) response.shouldKeepAlive = false;
    response.once('close', () => inFlight--);
  });
  if (metrics) {
    server.on('upgrade', (_request, socket) => {
      metrics.websocketUpgrades.inc();
      metrics.websocketOpen.inc();
      socket.once('close', () => metrics.websocketOpen.dec());
    });
  }
  const { address, port } = server.address() as AddressInfo;
  return {
    host: address,
    port,
    server,
    async close(options = {}) {
      const http = server as unknown as { closeAllConnections(): void; closeIdleConnections(): void };
      draining = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + (options.graceMs ?? 0);
      websocket.drain();
      while (Date.now() < deadline && (inFlight > 0 || websocket.stats().sessions > 0)) {
        http.closeIdleConnections();
        await new Promise((r) => setTimeout(r, 25));
      }
      websocket.close();
      http.closeAllConnections();
      await closed;
      if (ownRedactor) await redactor.close();
    },
  };
}
