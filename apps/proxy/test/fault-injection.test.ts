import { readdirSync, readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeHandler, type FakeUpstream, lastUserText, startFakeUpstream } from './fake-upstream.ts';
import { type AnyJson, errorMessageOf, parseSse, ROUTE_NAMES, ROUTES, type RouteName } from './http.ts';
import {
  type AuditedProxy,
  type RunningProxy,
  startAuditedProxy,
  startProxy,
  upstreamView as upstreamViewOf,
} from './proxy-harness.ts';

/*
 * Fault injection: upstreams that fail in every way a network and a provider can, and clients that misbehave.
 * Each answer must come in bounded time, be provider-shaped, carry no raw value, and leave the process healthy;
 * thousands of faults in a row must not leak file descriptors, heap or audit rows. upstream-faults.test.ts has
 * the single-case behaviour (error passthrough, resets, idle timeouts, cancellation); this file sweeps.
 */

const EMAIL = 'ann.lee@example.com';
const CARD = '4111 1111 1111 1111';
const PROMPT = `Please mail ${EMAIL} the receipt for card ${CARD}.`;
const RAW = [EMAIL, CARD, '4111111111111111'];
const SEED = process.env.STRONK_FUZZ_SEED === undefined ? {} : { seed: Number(process.env.STRONK_FUZZ_SEED) };
const FUZZ_RUNS = Number(process.env.STRONK_FUZZ_RUNS ?? 120);
/** Generous: only an unbounded wait (a hang) can come near it on a loaded machine. */
const BOUNDED_MS = 8000;

let upstream: FakeUpstream;
/** Short timeouts, so silence and slowness end quickly: 0.5 s for headers or silence, 1.5 s in total. */
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy(upstream, {
    STRONK_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: '0.5',
    STRONK_GATEWAY_UPSTREAM_IDLE_TIMEOUT_SECONDS: '0.5',
    STRONK_GATEWAY_UPSTREAM_MAX_RESPONSE_SECONDS: '1.5',
  });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

// --- helpers -------------------------------------------------------------------------------------

const routeOf = (url: string): RouteName =>
  url.endsWith('/chat/completions') ? 'chat' : url.endsWith('/responses') ? 'responses' : 'anthropic';
const placeholderIn = (body: string): string => /\[\[EMAIL_[0-9A-Z]{10}\]\]/.exec(body)?.[0] ?? '[[missing]]';

function expectNoRawValue(text: string, what: string): void {
  for (const value of RAW) expect(text.includes(value), `${what} holds a raw value`).toBe(false);
}

async function send(
  target: string,
  route: RouteName,
  stream: boolean,
  signal?: AbortSignal,
): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const started = performance.now();
  const response = await fetch(`${target}${ROUTES[route].path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
    body: JSON.stringify(ROUTES[route].body(PROMPT, stream ? { stream: true } : {})),
    ...(signal ? { signal } : {}),
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started, headers: response.headers };
}

/** A complete, valid answer of the route (JSON or SSE) carrying the placeholder the upstream received. */
function validAnswer(route: RouteName, stream: boolean, placeholder: string): { type: string; body: Buffer } {
  const text = `Hello ${placeholder}, done.`;
  if (!stream) {
    const json =
      route === 'chat'
        ? {
            id: 'c1',
            object: 'chat.completion',
            choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
          }
        : route === 'responses'
          ? {
              id: 'r1',
              object: 'response',
              status: 'completed',
              output: [{ type: 'message', role: 'assistant', content: [{ type: 'output_text', text }] }],
            }
          : { id: 'm1', type: 'message', role: 'assistant', content: [{ type: 'text', text }] };
    return { type: 'application/json', body: Buffer.from(JSON.stringify(json)) };
  }
  const frame = (event: string | null, data: unknown) =>
    `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;
  const pieces = [text.slice(0, 9), text.slice(9, 20), text.slice(20)];
  let sse = '';
  if (route === 'chat') {
    for (const piece of pieces)
      sse += frame(null, {
        id: 'c1',
        choices: [{ index: 0, delta: { content: piece }, finish_reason: null }],
      });
    sse += frame(null, { id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    sse += frame(null, '[DONE]');
  } else if (route === 'responses') {
    sse += frame('response.created', { type: 'response.created', response: { id: 'r1', output: [] } });
    for (const piece of pieces)
      sse += frame('response.output_text.delta', {
        type: 'response.output_text.delta',
        output_index: 0,
        content_index: 0,
        delta: piece,
      });
    sse += frame('response.output_text.done', {
      type: 'response.output_text.done',
      output_index: 0,
      content_index: 0,
      text,
    });
    sse += frame('response.completed', {
      type: 'response.completed',
      response: { id: 'r1', status: 'completed' },
    });
  } else {
    sse += frame('message_start', { type: 'message_start', message: { id: 'm1', content: [] } });
    sse += frame('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text' },
    });
    for (const piece of pieces)
      sse += frame('content_block_delta', {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: piece },
      });
    sse += frame('content_block_stop', { type: 'content_block_stop', index: 0 });
    sse += frame('message_stop', { type: 'message_stop' });
  }
  return { type: 'text/event-stream', body: Buffer.from(sse) };
}

/** Checks a streamed answer ended either complete or with exactly one provider-shaped error frame, last. */
function expectStreamEndsCleanly(route: RouteName, text: string): 'complete' | 'error' {
  const frames = parseSse(text);
  const errors = frames.filter((f) => f.event === 'error' || f.data.startsWith('{"error"'));
  if (errors.length === 0) {
    const last = frames.at(-1);
    if (route === 'chat') expect(last?.data).toBe('[DONE]');
    else if (route === 'responses') expect(last?.event).toBe('response.completed');
    else expect(last?.event).toBe('message_stop');
    return 'complete';
  }
  expect(errors).toHaveLength(1);
  expect(frames.at(-1)).toBe(errors[0]);
  const data = JSON.parse(errors[0]!.data) as AnyJson;
  if (route === 'chat') errorMessageOf('openai', data);
  else if (route === 'responses') expect(data).toMatchObject({ type: 'error', message: expect.any(String) });
  else errorMessageOf('anthropic', data);
  expectNoRawValue(errors[0]!.data, 'the error frame');
  return 'error';
}

async function expectHealthy(target: string): Promise<void> {
  expect((await fetch(`${target}/health`)).status).toBe(200);
}

// --- status codes and headers ------------------------------------------------------------------------

const CASES = ROUTE_NAMES.flatMap((route) => [false, true].map((stream) => [route, stream] as const));

const RATE_LIMIT_HEADERS: Record<string, string> = {
  'retry-after': '2',
  'retry-after-ms': '1500',
  'x-ratelimit-limit-requests': '500',
  'x-ratelimit-remaining-requests': '0',
  'x-ratelimit-reset-requests': '1.5s',
  'x-ratelimit-limit-tokens': '30000',
  'x-ratelimit-remaining-tokens': '12',
  'x-ratelimit-reset-tokens': '20ms',
  'anthropic-ratelimit-requests-limit': '50',
  'anthropic-ratelimit-requests-remaining': '0',
  'anthropic-ratelimit-requests-reset': '2026-01-01T00:00:02Z',
  'anthropic-ratelimit-tokens-remaining': '0',
  'request-id': 'req_upstream_1',
};

function providerError(route: RouteName, status: number, message: string): unknown {
  if (ROUTES[route].provider === 'anthropic') {
    const type = status === 429 ? 'rate_limit_error' : status === 529 ? 'overloaded_error' : 'api_error';
    return { type: 'error', error: { type, message } };
  }
  return {
    error: { message, type: status === 429 ? 'requests' : 'server_error', code: null, param: null },
  };
}

describe('upstream status codes', () => {
  it.each(CASES)('%s (stream=%s): 429 passes through with every rate-limit header', async (route, stream) => {
    upstream.use((req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', ...RATE_LIMIT_HEADERS });
      res.end(
        JSON.stringify(
          providerError(route, 429, `Rate limited while reading ${lastUserText(JSON.parse(req.body))}`),
        ),
      );
    });
    const response = await send(proxy.url, route, stream);
    expect(response.status).toBe(429);
    for (const [name, value] of Object.entries(RATE_LIMIT_HEADERS))
      expect(response.headers.get(name), name).toBe(value);
    const body = JSON.parse(response.text) as AnyJson;
    expect(errorMessageOf(ROUTES[route].provider, body)).toContain('[[EMAIL_');
    expectNoRawValue(response.text, 'the 429 body');
  });

  it.each(CASES)(
    '%s (stream=%s): 5xx pass through with their status; non-JSON 5xx become 502',
    async (route, stream) => {
      for (const status of [500, 502, 503, 504, 529]) {
        upstream.use((_req, res) => {
          res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '1' });
          res.end(JSON.stringify(providerError(route, status, 'Overloaded, try again.')));
        });
        const response = await send(proxy.url, route, stream);
        expect(response.status, `upstream ${status}`).toBe(status);
        expect(response.headers.get('retry-after')).toBe('1');
        errorMessageOf(ROUTES[route].provider, JSON.parse(response.text));

        upstream.use((_req, res) => {
          res.writeHead(status, { 'content-type': 'text/html' });
          res.end(`<html><body>${status} from a load balancer about ${EMAIL}</body></html>`);
        });
        const garbage = await send(proxy.url, route, stream);
        expect(garbage.status).toBe(502);
        errorMessageOf(ROUTES[route].provider, JSON.parse(garbage.text));
        expectNoRawValue(garbage.text, 'the 502 body');
      }
    },
  );

  it('the OpenAI SDK honours retry-after-ms through the proxy and then succeeds', async () => {
    let calls = 0;
    upstream.use((req, res) => {
      calls++;
      if (calls === 1) {
        // Without retry-after-ms the SDK would wait the 5 s of retry-after.
        res.writeHead(429, {
          'content-type': 'application/json',
          'retry-after-ms': '300',
          'retry-after': '5',
        });
        res.end(JSON.stringify(providerError('chat', 429, 'slow down')));
        return;
      }
      const answer = validAnswer('chat', false, placeholderIn(req.body));
      res.writeHead(200, { 'content-type': answer.type });
      res.end(answer.body);
    });
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${proxy.url}/v1`, maxRetries: 1 });
    const started = performance.now();
    const completion = await openai.chat.completions.create({
      model: 'm',
      messages: [{ role: 'user', content: PROMPT }],
    });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(4000);
    expect(completion.choices[0]?.message.content).toBe(`Hello ${EMAIL}, done.`);
    expect(calls).toBe(2);
  });
});

// --- broken bodies at random points ----------------------------------------------------------------

type Ending = 'reset' | 'end' | 'garbage';

/** Serves the first `cut` bytes of a valid answer, then resets, ends, or continues with garbage. */
function brokenAt(cut: number, ending: Ending, garbage: Uint8Array, declareLength: boolean): FakeHandler {
  return (req, res) => {
    const route = routeOf(req.url);
    const stream = (JSON.parse(req.body) as { stream?: boolean }).stream === true;
    const answer = validAnswer(route, stream, placeholderIn(req.body));
    const at = Math.min(cut, answer.body.length);
    res.writeHead(200, {
      'content-type': answer.type,
      ...(declareLength && !stream ? { 'content-length': String(answer.body.length) } : {}),
    });
    res.write(answer.body.subarray(0, at));
    if (ending === 'garbage') {
      res.end(garbage);
      return;
    }
    // Let the written bytes reach the proxy first, so the break lands mid-body.
    setTimeout(() => (ending === 'reset' ? res.socket?.destroy() : res.end()), 5);
  };
}

describe('bodies broken at random points (fast-check)', () => {
  it(
    'every route, JSON and SSE: a valid answer, a provider-shaped 502, or a stream ending in one error frame',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...ROUTE_NAMES),
          fc.boolean(),
          fc.nat({ max: 1200 }),
          fc.constantFrom<Ending>('reset', 'end', 'garbage'),
          fc.uint8Array({ minLength: 1, maxLength: 64 }),
          fc.boolean(),
          async (route, stream, cut, ending, garbage, declareLength) => {
            upstream.use(brokenAt(cut, ending, garbage, declareLength));
            const response = await send(proxy.url, route, stream);
            expect(response.ms).toBeLessThan(BOUNDED_MS);
            if (response.headers.get('content-type')?.includes('text/event-stream')) {
              // The upstream's headers came before the break: an SSE answer that ends cleanly either way.
              expect(stream && response.status === 200).toBe(true);
              expectStreamEndsCleanly(route, response.text);
              return;
            }
            if (response.status === 200) {
              // Only a complete body (the cut fell at or past its end, nothing appended) may pass.
              const body = JSON.parse(response.text) as AnyJson;
              expect(JSON.stringify(body)).toContain(EMAIL);
              return;
            }
            expect([502, 504]).toContain(response.status);
            errorMessageOf(ROUTES[route].provider, JSON.parse(response.text));
            expectNoRawValue(response.text, 'the error body');
          },
        ),
        { numRuns: FUZZ_RUNS, ...SEED },
      );
      await expectHealthy(proxy.url);
    },
    Math.max(60_000, FUZZ_RUNS * 100),
  );

  it('malformed SSE of every kind ends the stream with one error frame, never raw garbage', async () => {
    const malformed = [
      'data: {"not json\n\n',
      'data: [1,2,3\n\n',
      'event: message\ndata: \u0000\u0001binary\n\n',
      `data: ${'{'.repeat(5000)}\n\n`,
      'data: {"choices":"not a list","type":42,"delta":null,"index":{}}\n\n',
    ];
    for (const route of ROUTE_NAMES) {
      for (const bad of malformed) {
        upstream.use((req, res) => {
          const valid = validAnswer(route, true, placeholderIn(req.body)).body.toString();
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end(valid.slice(0, valid.indexOf('\n\n') + 2) + bad);
        });
        const response = await send(proxy.url, route, true);
        expect(response.status).toBe(200);
        expect(response.ms).toBeLessThan(BOUNDED_MS);
        expectStreamEndsCleanly(route, response.text);
        expect(response.text).not.toContain('binary');
      }
    }
  });

  it('an event that never ends (no blank line, ever growing) is cut at the event size limit', async () => {
    upstream.use((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: ');
      const piece = Buffer.alloc(256 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(piece));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    for (const route of ROUTE_NAMES) {
      const response = await send(proxy.url, route, true);
      expect(response.ms).toBeLessThan(BOUNDED_MS);
      expect(expectStreamEndsCleanly(route, response.text)).toBe('error');
      expect(response.text.length).toBeLessThan(64 * 1024);
    }
  });
});

// --- slow and endless upstreams -------------------------------------------------------------------

/** Keeps writing `piece` every `everyMs` until the connection goes. */
function trickle(res: ServerResponse, piece: () => string, everyMs: number): void {
  const timer = setInterval(() => {
    if (res.destroyed || res.writableEnded) clearInterval(timer);
    else res.write(piece());
  }, everyMs);
  res.on('close', () => clearInterval(timer));
}

const isStream = (body: string): boolean => (JSON.parse(body) as { stream?: boolean }).stream === true;

describe('slow and endless upstreams end in bounded time (all routes at once)', () => {
  it('a body trickled in under the idle timeout (slowloris) is cut at the response limit', async () => {
    upstream.use((req, res) => {
      const stream = isStream(req.body);
      const answer = validAnswer(routeOf(req.url), stream, placeholderIn(req.body)).body.toString();
      res.writeHead(200, { 'content-type': stream ? 'text/event-stream' : 'application/json' });
      let at = 0;
      // One byte every 100 ms: never silent for the 0.5 s idle timeout, never done either.
      trickle(res, () => answer[at++ % answer.length] ?? ' ', 100);
    });
    await Promise.all(
      CASES.map(async ([route, stream]) => {
        const response = await send(proxy.url, route, stream);
        expect(response.ms).toBeLessThan(BOUNDED_MS);
        expect(response.ms).toBeGreaterThanOrEqual(1000);
        if (stream) expect(expectStreamEndsCleanly(route, response.text)).toBe('error');
        else {
          expect(response.status).toBe(504);
          errorMessageOf(ROUTES[route].provider, JSON.parse(response.text));
        }
      }),
    );
  });

  it('a stream that never ends (valid events and keep-alives for ever) is cut at the response limit', async () => {
    upstream.use((req, res) => {
      const frames = validAnswer(routeOf(req.url), true, placeholderIn(req.body))
        .body.toString()
        .split('\n\n');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`${frames[0]}\n\n`);
      // Keep-alive comments and more deltas, each well inside the idle timeout.
      let n = 0;
      trickle(res, () => (n++ % 2 === 0 ? ': keep-alive\n\n' : `${frames[1]}\n\n`), 50);
    });
    await Promise.all(
      ROUTE_NAMES.map(async (route) => {
        const response = await send(proxy.url, route, true);
        expect(response.ms).toBeLessThan(BOUNDED_MS);
        expect(expectStreamEndsCleanly(route, response.text)).toBe('error');
      }),
    );
  });
});

// --- misbehaving clients --------------------------------------------------------------------------

function openFds(): number {
  return readdirSync('/proc/self/fd').length;
}

function rawSocket(url: string): Promise<Socket> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port) }, () => resolve(socket));
    socket.on('error', reject);
  });
}

async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

describe('misbehaving clients', () => {
  it('the server bounds how long a client may take to send its request', () => {
    // Node's defaults bound a slow client (headers 60 s, whole request 300 s); the proxy must not disable them.
    expect(proxy.server.headersTimeout).toBeGreaterThan(0);
    expect(proxy.server.requestTimeout).toBeGreaterThan(0);
    expect(proxy.server.requestTimeout).toBeLessThanOrEqual(300_000);
  });

  it('a client sending its body byte by byte is served correctly, and others are served meanwhile', async () => {
    upstream.use((req, res) => {
      const answer = validAnswer(routeOf(req.url), false, placeholderIn(req.body));
      res.writeHead(200, { 'content-type': answer.type });
      res.end(answer.body);
    });
    const body = JSON.stringify(ROUTES.chat.body(PROMPT));
    const socket = await rawSocket(proxy.url);
    let answer = '';
    socket.on('data', (chunk) => {
      answer += chunk;
    });
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      `POST ${ROUTES.chat.path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    let at = 0;
    const drip = setInterval(() => {
      if (at < body.length) socket.write(body[at++]!);
      else clearInterval(drip);
    }, 3);
    // Meanwhile a normal request is answered at once: one slow body holds no one else up.
    const normal = await send(proxy.url, 'chat', false);
    expect(normal.status).toBe(200);
    expect(normal.ms).toBeLessThan(BOUNDED_MS);
    expect(
      await Promise.race([
        closed.then(() => true),
        new Promise((r) => setTimeout(() => r(false), BOUNDED_MS)),
      ]),
    ).toBe(true);
    expect(answer.startsWith('HTTP/1.1 200')).toBe(true);
    expect(answer).toContain(`Hello ${EMAIL}, done.`);
    expect(upstream.requests).toHaveLength(2);
    expectNoRawValue(upstreamViewOf(upstream), 'the upstream view');
  }, 30_000);

  it('a client that stops halfway through its body and leaves costs no upstream call', async () => {
    const before = openFds();
    for (let i = 0; i < 50; i++) {
      const socket = await rawSocket(proxy.url);
      socket.on('error', () => {});
      socket.write(
        `POST ${ROUTES.anthropic.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 5000\r\n\r\n{"model":"m","messages":[{"role":"user","content":"${EMAIL}`,
      );
      await new Promise((r) => setTimeout(r, 2));
      socket.destroy();
    }
    expect(upstream.requests).toHaveLength(0);
    expect(await waitFor(() => openFds() <= before + 10, 5000), `fds ${before} → ${openFds()}`).toBe(true);
    await expectHealthy(proxy.url);
  });

  it('hundreds of idle and half-open sockets do not starve real requests, and their descriptors come back', async () => {
    const before = openFds();
    const sockets: Socket[] = [];
    for (let i = 0; i < 300; i++) {
      const socket = await rawSocket(proxy.url);
      socket.on('error', () => {});
      if (i % 2 === 0) socket.write(`POST ${ROUTES.chat.path} HTTP/1.1\r\nHost: x\r\nContent-Le`);
      sockets.push(socket);
    }
    upstream.use((req, res) => {
      const answer = validAnswer(routeOf(req.url), false, placeholderIn(req.body));
      res.writeHead(200, { 'content-type': answer.type });
      res.end(answer.body);
    });
    const results = await Promise.all(ROUTE_NAMES.map((route) => send(proxy.url, route, false)));
    for (const result of results) {
      expect(result.status).toBe(200);
      expect(result.ms).toBeLessThan(BOUNDED_MS);
    }
    await expectHealthy(proxy.url);
    for (const socket of sockets) socket.destroy();
    // Both ends of every socket live in this process; all of them must be released.
    expect(await waitFor(() => openFds() <= before + 10, 5000), `fds ${before} → ${openFds()}`).toBe(true);
  });

  it('clients that disconnect mid-stream, again and again, leave nothing behind', async () => {
    upstream.use((req, res) => {
      const frames = validAnswer(routeOf(req.url), true, placeholderIn(req.body))
        .body.toString()
        .split('\n\n');
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(`${frames[0]}\n\n${frames[1]}\n\n`);
      trickle(res, () => ': still thinking\n\n', 20);
    });
    const before = openFds();
    for (let i = 0; i < 60; i++) {
      const controller = new AbortController();
      const route = ROUTE_NAMES[i % 3]!;
      const response = await fetch(`${proxy.url}${ROUTES[route].path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ROUTES[route].body(PROMPT, { stream: true })),
        signal: controller.signal,
      });
      await response.body!.getReader().read();
      controller.abort();
    }
    expect(await waitFor(() => openFds() <= before + 10, 5000), `fds ${before} → ${openFds()}`).toBe(true);
    await expectHealthy(proxy.url);
  });
});

// --- thousands of faults in a row -----------------------------------------------------------------

/** Heap used after a full collection (gc exposed at runtime; vitest workers do not get --expose-gc). */
function heapAfterGc(): number {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('after thousands of faults', () => {
  let audited: AuditedProxy;
  beforeAll(async () => {
    audited = await startAuditedProxy(upstream, {
      STRONK_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: '0.5',
      STRONK_GATEWAY_UPSTREAM_IDLE_TIMEOUT_SECONDS: '0.5',
      STRONK_GATEWAY_AUDIT_MAX_EVENTS: '100000',
    });
  });
  afterAll(async () => {
    await audited.close();
  });

  /** One fast fault of each kind, round robin: every answer is checked as it comes. */
  const FAULTS: Array<(route: RouteName, stream: boolean) => FakeHandler> = [
    (route, stream) => (req, res) => {
      const answer = validAnswer(route, stream, placeholderIn(req.body));
      res.writeHead(200, { 'content-type': answer.type });
      res.end(answer.body);
    },
    () => (_req, res) => {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '1' });
      res.end('{"error":{"message":"overloaded","type":"server_error","code":null,"param":null}}');
    },
    () => (_req, res) => {
      res.writeHead(429, { 'content-type': 'application/json', ...RATE_LIMIT_HEADERS });
      res.end('{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}');
    },
    () => (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"x","choices":[{"mess');
    },
    (route, stream) => (req, res) => {
      const answer = validAnswer(route, stream, placeholderIn(req.body));
      res.writeHead(200, { 'content-type': answer.type });
      res.write(answer.body.subarray(0, answer.body.length >> 1));
      setImmediate(() => res.socket?.destroy());
    },
    () => (_req, res) => {
      res.socket?.destroy();
    },
    () => (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>gateway</html>');
    },
  ];

  it('2,000 mixed faults: bounded answers, no fd or heap growth, audit rows for every request, /health stays 200', async () => {
    const total = Number(process.env.STRONK_FAULT_ITERATIONS ?? 2000);
    const run = async (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const route = ROUTE_NAMES[i % 3]!;
        const stream = i % 2 === 0;
        upstream.use(FAULTS[i % FAULTS.length]!(route, stream));
        // The fake upstream keeps what it received; only the proxy's memory is under test.
        upstream.requests.length = 0;
        const response = await send(audited.url, route, stream);
        expect(response.ms).toBeLessThan(BOUNDED_MS);
        expect(response.status).toBeLessThan(600);
        if (response.status >= 400) expectNoRawValue(response.text, `fault ${i % FAULTS.length}`);
        if (stream && response.status === 200) expectStreamEndsCleanly(route, response.text);
        if (i % 250 === 0) await expectHealthy(audited.url);
      }
    };
    // Warm up pools, JIT and caches, then measure against that.
    const warm = Math.min(300, total / 4);
    await run(0, warm);
    await audited.writer.flush();
    const fdsWarm = openFds();
    const heapWarm = heapAfterGc();
    await run(warm, total);
    await audited.writer.flush();
    const fdsEnd = openFds();
    const heapEnd = heapAfterGc();

    // Pooled keep-alive sockets may differ by a few; a leak per fault would add hundreds.
    expect(fdsEnd - fdsWarm, `fds ${fdsWarm} → ${fdsEnd}`).toBeLessThan(40);
    // A leak of even 10 kB per fault would be 17 MB here.
    expect(heapEnd - heapWarm, `heap ${heapWarm} → ${heapEnd}`).toBeLessThan(16 * 1024 * 1024);
    await expectHealthy(audited.url);

    // The audit store kept up: one sanitized row per request, none dropped, no value anywhere in the file.
    expect(audited.writer.stats().dropped).toBe(0);
    expect(await audited.store.countEvents()).toBe(total);
    const files = readdirSync(audited.dbPath.replace(/\/[^/]+$/, ''));
    for (const file of files) {
      const bytes = readFileSync(`${audited.dbPath.replace(/\/[^/]+$/, '')}/${file}`).toString('latin1');
      expectNoRawValue(bytes, file);
    }
    console.info(
      `fault sweep: ${total} requests, fds ${fdsWarm} → ${fdsEnd}, heap ${(heapWarm / 1e6).toFixed(1)} → ${(heapEnd / 1e6).toFixed(1)} MB`,
    );
  }, 180_000);
});
