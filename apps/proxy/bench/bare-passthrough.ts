/**
 * The comparison point: a bare @hono/node-server that forwards bodies to the upstream unchanged, with
 * the same pooled node:http client the proxy uses, so the difference is what the proxy adds. It serves the
 * proxy's routes (`/v1/*` to `{upstream}/v1/*`, `/anthropic/*` to `{upstream}/*`) and relays the answer,
 * JSON or SSE, as a stream.
 */
import { Agent, request } from 'node:http';
import { Readable } from 'node:stream';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const upstream = new URL(process.env.BENCH_UPSTREAM_URL!);
const agent = new Agent({ keepAlive: true, maxSockets: 512, scheduling: 'lifo' });
const FORWARDED_HEADERS = ['authorization', 'x-api-key', 'anthropic-version'];
const app = new Hono();
app.post('*', async (c) => {
  const body = Buffer.from(await c.req.arrayBuffer());
  const path = c.req.path.startsWith('/anthropic/') ? c.req.path.slice('/anthropic'.length) : c.req.path;
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'content-length': String(body.byteLength),
  };
  for (const name of FORWARDED_HEADERS) {
    const value = c.req.header(name);
    if (value !== undefined) headers[name] = value;
  }
  return new Promise<Response>((resolve, reject) => {
    const forwarded = request(new URL(path, upstream), { method: 'POST', agent, headers }, (res) => {
      resolve(
        new Response(Readable.toWeb(res) as ReadableStream, {
          status: res.statusCode ?? 502,
          headers: { 'content-type': res.headers['content-type'] ?? 'application/json' },
        }),
      );
    });
    forwarded.on('error', reject);
    forwarded.end(body);
  });
});
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info) => {
  process.stdout.write(`${JSON.stringify({ port: info.port })}\n`);
});
