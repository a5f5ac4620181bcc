import { execFile } from 'node:child_process';
import { createServer, get, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { responseAlreadySent, writeFramesToNode } from './sse-to-node.ts';

const run = promisify(execFile);
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function listen(handler: (response: ServerResponse) => void): Promise<number> {
  const server = createServer((_request, response) => handler(response));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  return (server.address() as AddressInfo).port;
}

function open(port: number): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => get({ host: '127.0.0.1', port }, resolve).on('error', reject));
}

async function readAll(response: IncomingMessage, pauseMs = 0): Promise<string> {
  let text = '';
  for await (const chunk of response) {
    text += chunk;
    if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return text;
}

describe('writeFramesToNode', () => {
  it('sends status and headers, then every frame in order, to a slow reader (backpressure)', async () => {
    // 64 frames of 64 KiB: far more than the socket buffers, so writes must wait for drains.
    const frames = Array.from(
      { length: 64 },
      (_, i) => `data: ${String(i).padStart(2, '0')}${'x'.repeat(65_536)}\n\n`,
    );
    let ended = false;
    const port = await listen((response) => {
      const source = (async function* () {
        try {
          for (const [i, frame] of frames.entries()) yield i % 2 ? frame : new TextEncoder().encode(frame);
        } finally {
          ended = true;
        }
      })();
      const headers = new Headers({
        'content-type': 'text/event-stream; charset=utf-8',
        'x-request-id': 'req_1',
      });
      void writeFramesToNode(source, response, 201, headers, () => {});
    });
    const response = await open(port);
    expect(response.statusCode).toBe(201);
    expect(response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(response.headers['x-request-id']).toBe('req_1');
    expect(await readAll(response, 2)).toBe(frames.join(''));
    expect(ended).toBe(true);
  });

  it('sends the first frame at once, while later frames of the same upstream read are still being rehydrated', async () => {
    const port = await listen((response) => {
      const source = (async function* () {
        yield 'data: first\n\n';
        // Rehydrating the rest of a large first read: synchronous work in the same microtask chain.
        const until = performance.now() + 300;
        while (performance.now() < until) {}
        yield 'data: second\n\n';
      })();
      void writeFramesToNode(source, response, 200, new Headers(), () => {});
    });
    // The client runs in its own process, so it can note arrival times while this event loop is busy.
    const client = `const t0 = Date.now(); require('node:http').get('http://127.0.0.1:${port}/', (r) => {
      r.on('data', (c) => console.log(JSON.stringify({ at: Date.now() - t0, text: String(c) })));
    });`;
    const { stdout } = await run(process.execPath, ['-e', client]);
    const chunks = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { at: number; text: string });
    expect(chunks.map((c) => c.text).join('')).toBe('data: first\n\ndata: second\n\n');
    expect(chunks[0]!.text).toBe('data: first\n\n');
    expect(chunks.at(-1)!.at - chunks[0]!.at).toBeGreaterThan(150);
  });

  it('stops, ends the frames and cancels the upstream when the caller leaves mid-stream', async () => {
    let cancelled = 0;
    let finished!: () => void;
    const generatorEnded = new Promise<void>((resolve) => {
      finished = resolve;
    });
    let release!: () => void;
    const upstreamSilence = new Promise<void>((resolve) => {
      release = resolve;
    });
    const port = await listen((response) => {
      const source = (async function* () {
        try {
          yield 'data: first\n\n';
          await upstreamSilence; // the upstream goes quiet; the caller leaves meanwhile
          yield 'data: after the caller left\n\n';
        } finally {
          finished();
        }
      })();
      void writeFramesToNode(source, response, 200, new Headers(), () => {
        cancelled++;
        release(); // as a real cancel does: the upstream body ends
      });
    });
    const response = await open(port);
    const first = await new Promise<string>((resolve) =>
      response.once('data', (chunk) => resolve(String(chunk))),
    );
    expect(first).toBe('data: first\n\n');
    response.destroy();
    await generatorEnded;
    expect(cancelled).toBe(1);
  });
});

describe('responseAlreadySent', () => {
  it('leaves the answer written on Node’s response alone, also after @hono/node-server replaced Response', async () => {
    const app = new Hono<{ Bindings: { outgoing: ServerResponse } }>();
    app.get('/', (c) => {
      c.env.outgoing.writeHead(202, { 'content-type': 'text/plain' });
      c.env.outgoing.end('written directly');
      return responseAlreadySent();
    });
    // serve() installs its own global Response class; responseAlreadySent() is created after that.
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', resolve));
    closers.push(() => new Promise((resolve) => server.close(() => resolve())));
    const response = await open((server.address() as AddressInfo).port);
    expect(response.statusCode).toBe(202);
    expect(await readAll(response)).toBe('written directly');
  });
});
