import { createHash, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { TraceRing } from './trace-ring.ts';

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time: both sides are hashed to the same length first. */
export function secretMatches(given: string | undefined, secret: string): boolean {
  if (given === undefined) return false;
  return timingSafeEqual(digest(given), digest(secret));
}

/** The private trace API: GET /traces, GET /traces/:id, DELETE /traces. Every call needs the shared secret. */
export function createTraceApp(ring: TraceRing, secret: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (!secretMatches(c.req.header('x-stronk-debug-secret'), secret))
      return c.json({ error: { code: 'unauthorized', message: 'Missing or wrong debug secret.' } }, 401);
    await next();
    c.header('cache-control', 'no-store');
    c.header('x-content-type-options', 'nosniff');
  });
  app.get('/traces', (c) => c.json({ traces: ring.list() }));
  app.get('/traces/:id', (c) => {
    const trace = ring.get(c.req.param('id'));
    return trace ? c.json(trace) : c.json({ error: { code: 'not_found', message: 'No such trace.' } }, 404);
  });
  app.delete('/traces', (c) => {
    ring.clear();
    return c.json({ ok: true });
  });
  app.notFound((c) => c.json({ error: { code: 'not_found', message: 'No such route.' } }, 404));
  return app;
}

export async function startTraceListener(
  ring: TraceRing,
  options: { host: string; port: number; secret: string },
) {
  const app = createTraceApp(ring, options.secret);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, () => resolve(s));
    s.once('error', reject);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    host: address,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
