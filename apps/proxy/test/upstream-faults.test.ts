import type { ServerResponse } from 'node:http';
import { createServer } from 'node:net';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, lastUserText, type RecordedRequest, startFakeUpstream } from './fake-upstream.ts';
import {
  type AnyJson,
  errorMessageOf,
  parseSse,
  postJson,
  ROUTE_NAMES,
  ROUTES,
  type RouteName,
  streamedText,
} from './http.ts';
import { type RunningProxy, startProxy } from './proxy-harness.ts';

const EMAIL = 'ann.lee@example.com';
const CARD = '4111 1111 1111 1111';
const PROMPT = `Please mail ${EMAIL} the receipt for card ${CARD}.`;
const CANARIES = [EMAIL, CARD, '4111'];

let upstream: FakeUpstream;
let proxy: RunningProxy;
/** Short timeouts: 300 ms for response headers, 300 ms of silence inside a body. */
let impatient: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  [proxy, impatient] = await Promise.all([
    startProxy(upstream),
    startProxy(upstream, {
      STRONK_GATEWAY_UPSTREAM_TIMEOUT_SECONDS: '0.3',
      STRONK_GATEWAY_UPSTREAM_IDLE_TIMEOUT_SECONDS: '0.3',
    }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy.close(), impatient.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

const CASES = ROUTE_NAMES.flatMap((route) => [false, true].map((stream) => [route, stream] as const));

function expectNoRawValue(text: string): void {
  for (const canary of CANARIES) expect(text).not.toContain(canary);
}

async function expectHealthy(target: RunningProxy): Promise<void> {
  expect((await fetch(`${target.url}/health`)).status).toBe(200);
}

/** The first streamed frames of each route's reply around `text`, without an ending. */
function openingFrames(route: RouteName, text: string): string {
  const frame = (event: string | null, data: unknown) =>
    `${event ? `event: ${event}\n` : ''}data: ${JSON.stringify(data)}\n\n`;
  if (route === 'chat') {
    const chunk = (content: string) => ({
      id: 'c',
      object: 'chat.completion.chunk',
      created: 1,
      model: 'm',
      choices: [{ index: 0, delta: { content }, finish_reason: null }],
    });
    return frame(null, chunk(text.slice(0, 5))) + frame(null, chunk(text.slice(5)));
  }
  if (route === 'responses') {
    const delta = (d: string, n: number) => ({
      type: 'response.output_text.delta',
      item_id: 'msg_1',
      output_index: 0,
      content_index: 0,
      delta: d,
      sequence_number: n,
    });
    return (
      frame('response.created', {
        type: 'response.created',
        sequence_number: 0,
        response: { id: 'resp_1', object: 'response', status: 'in_progress', output: [] },
      }) +
      frame('response.output_text.delta', delta(text.slice(0, 5), 1)) +
      frame('response.output_text.delta', delta(text.slice(5), 2))
    );
  }
  const delta = (t: string) => ({
    type: 'content_block_delta',
    index: 0,
    delta: { type: 'text_delta', text: t },
  });
  return (
    frame('message_start', {
      type: 'message_start',
      message: {
        id: 'msg_1',
        type: 'message',
        role: 'assistant',
        model: 'm',
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { input_tokens: 1, output_tokens: 1 },
      },
    }) +
    frame('content_block_start', {
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'text', text: '' },
    }) +
    frame('content_block_delta', delta(text.slice(0, 5))) +
    frame('content_block_delta', delta(text.slice(5)))
  );
}

/** The text the fake got (masked), e.g. to echo it back inside an error. */
function maskedPrompt(request: RecordedRequest): string {
  return lastUserText(JSON.parse(request.body) as Record<string, unknown>);
}

/** Checks the stream ended with exactly one provider-shaped error frame, as its last frame. */
function expectErrorFrameLast(route: RouteName, sseText: string): void {
  const frames = parseSse(sseText);
  const last = frames.at(-1)!;
  const data = JSON.parse(last.data) as Record<string, AnyJson>;
  if (route === 'chat') {
    expect(last.event).toBeNull();
    expect(data).toEqual({
      error: { message: expect.any(String), type: expect.any(String), code: expect.any(String), param: null },
    });
  } else if (route === 'responses') {
    expect(last.event).toBe('error');
    expect(data).toMatchObject({ type: 'error', code: expect.any(String), message: expect.any(String) });
  } else {
    expect(last.event).toBe('error');
    expect(data).toEqual({ type: 'error', error: { type: 'api_error', message: expect.any(String) } });
  }
  expect(frames.filter((f) => f.event === 'error' || f.data.startsWith('{"error"'))).toHaveLength(1);
  expect(sseText).not.toContain('[DONE]');
}

describe('upstream errors', () => {
  it.each(CASES)(
    '%s (stream=%s): 4xx/5xx pass back with placeholders, never raw values',
    async (name, stream) => {
      const route = ROUTES[name];
      for (const status of [400, 422, 429, 500, 503]) {
        upstream.use((req, res) => {
          const echoed = `Could not process: ${maskedPrompt(req)}`;
          const body =
            route.provider === 'openai'
              ? { error: { message: echoed, type: 'invalid_request_error', code: null, param: 'messages' } }
              : { type: 'error', error: { type: 'invalid_request_error', message: echoed } };
          res.writeHead(status, { 'content-type': 'application/json', 'retry-after': '2' });
          res.end(JSON.stringify(body));
        });
        const response = await postJson(proxy.url, route.path, route.body(PROMPT, { stream }));
        expect(response.status).toBe(status);
        const message = errorMessageOf(route.provider, response.body);
        expect(message).toMatch(/\[\[EMAIL_[0-9A-Z]{10}\]\]/);
        expect(message).toMatch(/\[\[CARD_[0-9A-Z]{10}\]\]/);
        expectNoRawValue(response.text);
        expect(response.headers.get('retry-after')).toBe('2');
      }
    },
  );

  it('the real SDKs surface those errors, still masked', async () => {
    upstream.use((req, res) => {
      const anthropic = req.url.endsWith('/v1/messages');
      const echoed = `Bad input: ${maskedPrompt(req)}`;
      res.writeHead(400, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          anthropic
            ? { type: 'error', error: { type: 'invalid_request_error', message: echoed } }
            : { error: { message: echoed, type: 'invalid_request_error', code: 'bad', param: null } },
        ),
      );
    });
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
    const anthropic = new Anthropic({ apiKey: 'k', baseURL: `${proxy.url}/anthropic`, maxRetries: 0 });
    const errors = await Promise.all([
      openai.chat.completions
        .create({ model: 'm', messages: [{ role: 'user', content: PROMPT }] })
        .catch((e: unknown) => e),
      openai.responses.create({ model: 'm', input: PROMPT, stream: true }).catch((e: unknown) => e),
      anthropic.messages
        .create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: PROMPT }] })
        .catch((e: unknown) => e),
    ]);
    for (const error of errors) {
      expect(error).toBeInstanceOf(Error);
      expect((error as { status?: number }).status).toBe(400);
      expect((error as Error).message).toContain('[[EMAIL_');
      expectNoRawValue((error as Error).message);
    }
  });

  it.each(CASES)(
    '%s (stream=%s): HTML or garbage from upstream → 502 provider-shaped',
    async (name, stream) => {
      const route = ROUTES[name];
      const replies: Array<[number, string, string]> = [
        [502, 'text/html', '<html><body><h1>502 Bad Gateway</h1></body></html>'],
        [200, 'text/html', '<!doctype html><title>Login</title>'],
        [200, 'application/json', '{"id":"chatcmpl-1","choices":[{"mess'],
        [500, 'text/plain', `upstream crashed while reading ${EMAIL}`],
        [200, 'application/octet-stream', '\u0000\u0001\u0002'],
      ];
      for (const [status, type, text] of replies) {
        upstream.use((_req, res) => {
          res.writeHead(status, { 'content-type': type });
          res.end(text);
        });
        const response = await postJson(proxy.url, route.path, route.body(PROMPT, { stream }));
        expect(response.status, `${status} ${type}`).toBe(502);
        errorMessageOf(route.provider, response.body);
        expect(response.text).not.toContain('<html');
        expectNoRawValue(response.text);
      }
      await expectHealthy(proxy);
    },
  );

  it.each(ROUTE_NAMES)('%s: an unreachable upstream → 502', async (name) => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer();
      server.listen(0, '127.0.0.1', () => {
        const { port } = server.address() as { port: number };
        server.close(() => resolve(port));
      });
    });
    const dead = await startProxy({ ...upstream, url: `http://127.0.0.1:${port}` });
    try {
      const response = await postJson(dead.url, ROUTES[name].path, ROUTES[name].body(PROMPT));
      expect(response.status).toBe(502);
      errorMessageOf(ROUTES[name].provider, response.body);
    } finally {
      await dead.close();
    }
  });
});

describe('broken streams', () => {
  function streamThen(route: RouteName, ending: (res: ServerResponse) => void) {
    return (req: RecordedRequest, res: ServerResponse) => {
      const email = /\[\[EMAIL_[0-9A-Z]{10}\]\]/.exec(req.body)![0];
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openingFrames(route, `Hello ${email}, one moment`));
      setTimeout(() => ending(res), 30);
    };
  }

  it.each(ROUTE_NAMES)(
    '%s: connection reset mid-stream → text so far, then one provider-shaped error event',
    async (name) => {
      upstream.use(streamThen(name, (res) => res.socket?.destroy()));
      const response = await postJson(
        proxy.url,
        ROUTES[name].path,
        ROUTES[name].body(PROMPT, { stream: true }),
      );
      expect(response.status).toBe(200);
      expect(streamedText(name, response.text)).toBe(`Hello ${EMAIL}, one moment`);
      expectErrorFrameLast(name, response.text);
      await expectHealthy(proxy);
    },
  );

  it.each(ROUTE_NAMES)('%s: malformed SSE mid-stream → one provider-shaped error event', async (name) => {
    upstream.use(
      streamThen(name, (res) => {
        res.write('data: {"this is": not json at all\n\n');
        res.write('data: {"choices":[{"index":0,"delta":{"content":"after the break"}}]}\n\n');
        res.end();
      }),
    );
    const response = await postJson(
      proxy.url,
      ROUTES[name].path,
      ROUTES[name].body(PROMPT, { stream: true }),
    );
    expect(streamedText(name, response.text)).toBe(`Hello ${EMAIL}, one moment`);
    expect(response.text).not.toContain('not json at all');
    expect(response.text).not.toContain('after the break');
    expectErrorFrameLast(name, response.text);
    await expectHealthy(proxy);
  });

  it('a stream that goes silent past the idle timeout ends with an error event (every route)', async () => {
    const routeOf = (url: string): RouteName =>
      url.endsWith('/chat/completions') ? 'chat' : url.endsWith('/responses') ? 'responses' : 'anthropic';
    upstream.use((req, res) => streamThen(routeOf(req.url), () => {})(req, res));
    await Promise.all(
      ROUTE_NAMES.map(async (name) => {
        const started = performance.now();
        const response = await postJson(
          impatient.url,
          ROUTES[name].path,
          ROUTES[name].body(PROMPT, { stream: true }),
        );
        expect(performance.now() - started).toBeLessThan(5000);
        expect(streamedText(name, response.text)).toBe(`Hello ${EMAIL}, one moment`);
        expectErrorFrameLast(name, response.text);
      }),
    );
  });

  it('the real SDKs raise an error when the stream breaks', async () => {
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
    const anthropic = new Anthropic({ apiKey: 'k', baseURL: `${proxy.url}/anthropic`, maxRetries: 0 });

    upstream.use(streamThen('chat', (res) => res.socket?.destroy()));
    let chatText = '';
    const chatError = await (async () => {
      const stream = await openai.chat.completions.create({
        model: 'm',
        stream: true,
        messages: [{ role: 'user', content: PROMPT }],
      });
      for await (const chunk of stream) chatText += chunk.choices[0]?.delta.content ?? '';
    })().catch((e: unknown) => e);
    expect(chatError).toBeInstanceOf(OpenAI.APIError);
    expect(chatText).toBe(`Hello ${EMAIL}, one moment`);

    // Responses streams carry errors as a typed `error` event; the stream helper rejects on it.
    upstream.use(streamThen('responses', (res) => res.socket?.destroy()));
    const events: string[] = [];
    for await (const event of await openai.responses.create({ model: 'm', input: PROMPT, stream: true }))
      events.push(event.type);
    expect(events.at(-1)).toBe('error');
    const helperError = await openai.responses
      .stream({ model: 'm', input: PROMPT })
      .finalResponse()
      .catch((e: unknown) => e);
    expect(helperError).toBeInstanceOf(Error);

    upstream.use(streamThen('anthropic', (res) => res.socket?.destroy()));
    let anthropicText = '';
    const stream = anthropic.messages.stream({
      model: 'm',
      max_tokens: 5,
      messages: [{ role: 'user', content: PROMPT }],
    });
    stream.on('text', (t) => {
      anthropicText += t;
    });
    const anthropicError = await stream.finalMessage().catch((e: unknown) => e);
    expect(anthropicError).toBeInstanceOf(Anthropic.APIError);
    expect(anthropicText).toBe(`Hello ${EMAIL}, one moment`);
    for (const error of [chatError, helperError, anthropicError])
      expectNoRawValue(String((error as Error).message));
  });
});

describe('timeouts and cancellation', () => {
  it('a slow upstream is cut off at UPSTREAM_TIMEOUT_SECONDS → 504 (every route, streaming or not)', async () => {
    const closed: Promise<void>[] = [];
    upstream.use((_req, res) => {
      closed.push(new Promise((resolve) => res.on('close', () => resolve())));
    });
    await Promise.all(
      CASES.map(async ([name, stream]) => {
        const started = performance.now();
        const response = await postJson(
          impatient.url,
          ROUTES[name].path,
          ROUTES[name].body(PROMPT, { stream }),
        );
        const elapsed = performance.now() - started;
        expect(response.status).toBe(504);
        errorMessageOf(ROUTES[name].provider, response.body);
        expect(elapsed).toBeGreaterThanOrEqual(250);
        expect(elapsed).toBeLessThan(5000);
      }),
    );
    expect(closed).toHaveLength(CASES.length);
    // The abandoned upstream requests are closed, not left hanging.
    await Promise.all(closed);
  });

  it.each(ROUTE_NAMES)('%s: a client disconnect mid-stream cancels the upstream request', async (name) => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve;
    });
    upstream.use((req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(openingFrames(name, `Hello ${/\[\[EMAIL_[0-9A-Z]{10}\]\]/.exec(req.body)![0]} `));
      // A model that never stops talking.
      const timer = setInterval(() => res.write(': still thinking\n\n'), 20);
      res.on('close', () => {
        clearInterval(timer);
        upstreamClosed();
      });
    });
    const controller = new AbortController();
    const response = await fetch(`${proxy.url}${ROUTES[name].path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ROUTES[name].body(PROMPT, { stream: true })),
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    controller.abort();
    const outcome = await Promise.race([
      closed.then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still open'), 2000)),
    ]);
    expect(outcome).toBe('closed');
    await expectHealthy(proxy);
  });

  it('a client disconnect while waiting for upstream headers cancels the upstream request', async () => {
    let upstreamClosed!: () => void;
    const closed = new Promise<void>((resolve) => {
      upstreamClosed = resolve;
    });
    let arrived!: () => void;
    const reached = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    upstream.use((_req, res) => {
      res.on('close', () => upstreamClosed());
      arrived();
    });
    const controller = new AbortController();
    const pending = fetch(`${proxy.url}${ROUTES.chat.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(ROUTES.chat.body(PROMPT)),
      signal: controller.signal,
    }).catch(() => 'aborted');
    await reached;
    controller.abort();
    expect(await pending).toBe('aborted');
    const outcome = await Promise.race([
      closed.then(() => 'closed'),
      new Promise((r) => setTimeout(() => r('still open'), 2000)),
    ]);
    expect(outcome).toBe('closed');
    await expectHealthy(proxy);
  });
});
