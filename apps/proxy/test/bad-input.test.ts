import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { errorMessageOf, postJson, ROUTE_NAMES, ROUTES, type RouteName, rawRequest } from './http.ts';
import { type RunningProxy, startProxy } from './proxy-harness.ts';

const LIMIT = 64 * 1024;
let upstream: FakeUpstream;
/** A small body limit, so "over the limit" is cheap to send. */
let proxy: RunningProxy;
/** The default body limit (10 MiB), for huge arrays that fit in it. */
let roomy: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  [proxy, roomy] = await Promise.all([
    startProxy(upstream, { STRONK_GATEWAY_MAX_REQUEST_BYTES: String(LIMIT) }),
    startProxy(upstream),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy.close(), roomy.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.use(echoHandler);
});

async function expectHealthy(target: RunningProxy): Promise<void> {
  const health = await fetch(`${target.url}/health`);
  expect(health.status).toBe(200);
  // And a normal request still works end to end.
  const ok = await postJson(target.url, ROUTES.chat.path, ROUTES.chat.body('still alive?'));
  expect(ok.status).toBe(200);
  upstream.requests.length = 0;
}

async function send(
  target: RunningProxy,
  route: RouteName,
  body: string | Uint8Array,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  chunked = false,
) {
  return rawRequest(target.url, {
    target: ROUTES[route].path,
    headers: { authorization: 'Bearer k', ...headers },
    body,
    chunked,
  });
}

/** Checks the answer is a provider-shaped 4xx and the upstream was never called. */
function expectRefused(
  route: RouteName,
  response: Awaited<ReturnType<typeof send>>,
  status: number,
  code?: string,
): void {
  expect(response.status, response.text.slice(0, 200)).toBe(status);
  expect(response.headers['content-type']).toContain('application/json');
  errorMessageOf(
    ROUTES[route].provider,
    response.json(),
    ROUTES[route].provider === 'openai' ? code : undefined,
  );
  expect(upstream.requests).toHaveLength(0);
}

const nested = (depth: number) => `{"model":"m","messages":[],"x":${'['.repeat(depth)}${']'.repeat(depth)}}`;

describe.each(ROUTE_NAMES)('%s: bad input gets a provider-shaped 4xx and no upstream call', (route) => {
  it.each([
    ['truncated JSON', '{"model":"m","messages":[{"role":'],
    ['not JSON at all', 'model=m&messages=hi'],
    ['empty body', ''],
    ['a JSON array', '[{"model":"m"}]'],
    ['a JSON string', '"hello"'],
    ['JSON null', 'null'],
    ['trailing garbage', '{"model":"m"} {"model":"n"}'],
    ['lone high surrogate', '{"model":"m","messages":[{"role":"user","content":"hi \\ud800 there"}]}'],
    ['lone low surrogate', '{"model":"m","messages":[{"role":"user","content":"\\udc00"}]}'],
    ['lone surrogate in a key', '{"model":"m","messages":[],"\\ud83d":1}'],
    ['nested past the depth limit', nested(80)],
    ['nested absurdly deep', `${nested(200_000).slice(0, LIMIT - 10)}}`],
  ])('%s → 400', async (_label, body) => {
    expectRefused(route, await send(proxy, route, body), 400, 'invalid_json');
    await expectHealthy(proxy);
  });

  it('nesting within the limit is fine', async () => {
    const x = JSON.parse(`${'['.repeat(40)}${']'.repeat(40)}`);
    const response = await send(proxy, route, JSON.stringify(ROUTES[route].body('hi', { x })));
    expect(response.status).toBe(200);
    expect(upstream.requests).toHaveLength(1);
  });

  it('invalid UTF-8 bytes → 400', async () => {
    const head = Buffer.from('{"model":"m","messages":[{"role":"user","content":"caf');
    const tail = Buffer.from('"}]}');
    for (const bad of [[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80] /* an encoded surrogate */]) {
      expectRefused(
        route,
        await send(proxy, route, Buffer.concat([head, Buffer.from(bad), tail])),
        400,
        'invalid_json',
      );
    }
    await expectHealthy(proxy);
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }],
    ['form-encoded', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['multipart', { 'content-type': 'multipart/form-data; boundary=x' }],
    ['missing', {}],
    ['json-looking but wrong', { 'content-type': 'application/jsonp' }],
  ])('content type %s → 415', async (_label, headers) => {
    expectRefused(route, await send(proxy, route, JSON.stringify(ROUTES[route].body('hi')), headers), 415);
    await expectHealthy(proxy);
  });

  it('body over the limit → 413, with content-length and when chunked', async () => {
    const big = JSON.stringify(ROUTES[route].body('x'.repeat(LIMIT + 10)));
    expectRefused(route, await send(proxy, route, big), 413, 'request_too_large');
    expectRefused(
      route,
      await send(proxy, route, big, { 'content-type': 'application/json' }, true),
      413,
      'request_too_large',
    );
    await expectHealthy(proxy);
  });

  it('a huge array that fits the byte limit → 413 before any scanning', async () => {
    const body = JSON.stringify(
      ROUTES[route].body('hi', { x: Array.from({ length: 150_000 }, (_, i) => `w${i}`) }),
    );
    expectRefused(route, await send(roomy, route, body), 413, 'invalid_json');
    // Refused before any scanning (150k strings would hold the event loop for about a second).
    expect(roomy.records.at(-1)).toMatchObject({ errorClass: 'too_many_values', detectionMs: 0 });
    await expectHealthy(roomy);
  });
});

describe('application/json variants are accepted', () => {
  it.each([
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/vnd.api+json',
  ])('%s', async (contentType) => {
    const response = await send(proxy, 'chat', JSON.stringify(ROUTES.chat.body('hi')), {
      'content-type': contentType,
    });
    expect(response.status).toBe(200);
  });
});

describe('the debug mask endpoint', () => {
  it('is off by default: 404, and nothing is masked or echoed', async () => {
    const response = await postJson(proxy.url, '/debug/mask', { text: 'mail ann.lee@example.com' });
    expect(response.status).toBe(404);
    expect(response.text).not.toContain('ann.lee@example.com');
  });

  it('when enabled: masked text, types and offsets, never the value', async () => {
    const debug = await startProxy(upstream, { STRONK_GATEWAY_ENABLE_DEBUG_MASK_ENDPOINT: 'true' });
    try {
      const text = 'mail ann.lee@example.com about Project Nightjar';
      const response = await postJson(debug.url, '/debug/mask', { text });
      expect(response.status).toBe(200);
      const body = response.body as {
        text: string;
        decision: { action: string };
        findings: Array<Record<string, unknown>>;
      };
      expect(body.text).toMatch(/^mail \[\[EMAIL_[0-9A-Z]{10}\]\] about \[\[REDACTED_[0-9A-Z]{10}\]\]$/);
      expect(body.decision.action).toBe('mask');
      expect(body.findings.map((f) => f.type)).toEqual(['email', 'custom']);
      expect(body.findings[0]).toMatchObject({ start: 5, end: 24, action: 'mask' });
      expect(response.text).not.toContain('ann.lee@example.com');
      expect(response.text).not.toContain('Nightjar');
      for (const bad of ['{"text":', '{"text":42}', '[]']) {
        const refused = await postJson(debug.url, '/debug/mask', bad);
        expect(refused.status).toBe(400);
        errorMessageOf('openai', refused.body);
      }
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await debug.close();
    }
  });
});
