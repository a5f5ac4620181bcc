/** The comparison point: a bare @hono/node-server that forwards bodies to the upstream unchanged. */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const upstream = process.env.BENCH_UPSTREAM_URL!;
const app = new Hono();
app.post('/v1/chat/completions', async (c) => {
  const response = await fetch(`${upstream}/v1/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: c.req.header('authorization') ?? '' },
    body: await c.req.arrayBuffer(),
  });
  return new Response(response.body, {
    status: response.status,
    headers: { 'content-type': response.headers.get('content-type') ?? 'application/json' },
  });
});
const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
void server;
