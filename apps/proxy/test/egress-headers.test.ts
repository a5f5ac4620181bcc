import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { errorMessageOf, postJson, ROUTE_NAMES, ROUTES, rawRequest } from './http.ts';
import { type RunningProxy, startProxy } from './proxy-harness.ts';

let upstream: FakeUpstream;
/** Stands in for any target a caller might try to reach instead of the configured upstream. */
let elsewhere: FakeUpstream;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  elsewhere = await startFakeUpstream();
  proxy = await startProxy(upstream);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
  await elsewhere.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  elsewhere.requests.length = 0;
  upstream.use(echoHandler);
});

const CHAT_BODY = JSON.stringify(ROUTES.chat.body('hello there'));

describe('the caller cannot choose the upstream target', () => {
  it.each([
    ['absolute-form target at another host', () => `${elsewhere.url}/v1/chat/completions`],
    ['absolute-form target at the proxy itself', () => `${proxy.url}/v1/chat/completions`],
    ['dot segments to leave /v1', () => '/v1/../admin'],
    ['dot segments after a route', () => '/v1/chat/completions/../x'],
    ['dot segments that would land on a route', () => '/v1/x/../chat/completions'],
    ['percent-encoded dot segments', () => '/v1/chat/completions/%2e%2e/x'],
    ['percent-encoded slash', () => '/v1/chat%2Fcompletions'],
    ['backslash separators', () => '/v1/x\\..\\chat/completions'],
    ['empty segments', () => '//v1/chat/completions'],
    ['anthropic route with dot segments', () => '/anthropic/v1/messages/../../../v1/chat/completions'],
  ])('%s fails closed with no upstream call', async (_name, target) => {
    const response = await rawRequest(proxy.url, {
      target: target(),
      headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
      body: CHAT_BODY,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    // Node's HTTP parser refuses some targets itself (empty body); the proxy's own answers are provider-shaped.
    if (response.text !== '') {
      const provider = target().startsWith('/anthropic/') ? 'anthropic' : 'openai';
      errorMessageOf(provider, response.json());
    }
    expect(upstream.requests).toHaveLength(0);
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('ignores Host header tricks and query strings: the fixed upstream gets the fixed path', async () => {
    const elsewhereHost = new URL(elsewhere.url).host;
    for (const host of [elsewhereHost, 'api.openai.com', 'evil.example:443']) {
      const response = await rawRequest(proxy.url, {
        target: '/v1/chat/completions?target=http://evil.example&api-version=1',
        headers: {
          host,
          'x-forwarded-host': elsewhereHost,
          forwarded: `host=${elsewhereHost}`,
          'content-type': 'application/json',
        },
        body: CHAT_BODY,
      });
      expect(response.status).toBe(200);
    }
    expect(elsewhere.requests).toHaveLength(0);
    expect(upstream.requests).toHaveLength(3);
    for (const request of upstream.requests) {
      expect(request.url).toBe('/v1/chat/completions');
      expect(request.headers.host).toBe(new URL(upstream.url).host);
    }
  });

  it('answers unknown paths and methods with a provider-shaped 404 and no upstream call', async () => {
    for (const [method, target] of [
      ['POST', '/v1/embeddings'],
      ['POST', '/admin'],
      ['GET', '/v1/chat/completions'],
      ['POST', '/anthropic/v1/complete'],
    ] as const) {
      const response = await rawRequest(proxy.url, {
        method,
        target,
        headers: { 'content-type': 'application/json' },
        ...(method === 'POST' ? { body: CHAT_BODY } : {}),
      });
      expect(response.status, target).toBe(404);
      errorMessageOf(target.startsWith('/anthropic/') ? 'anthropic' : 'openai', response.json());
    }
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('redirects are refused', () => {
  it.each(ROUTE_NAMES.flatMap((route) => [false, true].map((stream) => [route, stream] as const)))(
    '%s (stream=%s): upstream 3xx → 502, Location never followed',
    async (name, stream) => {
      const route = ROUTES[name];
      for (const status of [301, 302, 307, 308]) {
        upstream.use((_req, res) => {
          res.writeHead(status, {
            location: `${elsewhere.url}${route.upstreamPath}`,
            'content-type': 'application/json',
          });
          res.end('{}');
        });
        const response = await postJson(proxy.url, route.path, route.body('hello', { stream }));
        expect(response.status).toBe(502);
        errorMessageOf(route.provider, response.body);
        expect(response.headers.get('location')).toBeNull();
      }
      expect(upstream.requests).toHaveLength(4);
      expect(elsewhere.requests).toHaveLength(0);
    },
  );
});

describe('request headers to upstream', () => {
  const OPENAI_ONLY = {
    'openai-organization': 'org-test',
    'openai-project': 'proj_test',
    'openai-beta': 'responses=v1',
    'x-responsesapi-include-timing-metrics': 'true',
  };
  const ANTHROPIC_ONLY = {
    'x-api-key': 'test-anthropic-key',
    'anthropic-version': '2023-06-01',
    'anthropic-beta': 'tools-2024-04-04',
  };
  const BOTH = { authorization: 'Bearer sk-test-allowed', accept: 'application/json' };
  const DROPPED = {
    'x-codex-turn-metadata': '{"turn":1,"cwd":"/home/ann"}',
    'x-codex-turn-state': 'state-abc',
    cookie: 'session=abc123',
    'x-forwarded-for': '10.1.2.3',
    'x-forwarded-host': 'internal.example',
    'x-forwarded-proto': 'http',
    'x-real-ip': '10.1.2.3',
    forwarded: 'for=10.1.2.3;proto=http',
    via: '1.1 internal-proxy',
    'keep-alive': 'timeout=5',
    te: 'trailers',
    upgrade: 'h2c',
    'proxy-authorization': 'Basic dXNlcjpwYXNz',
    'proxy-connection': 'keep-alive',
    'x-custom-debug': 'ann.lee@example.com',
    'user-agent-extra': 'x',
    origin: 'https://evil.example',
    referer: 'https://evil.example/page',
  };

  it.each([
    ['openai', '/v1/chat/completions', CHAT_BODY, OPENAI_ONLY, ANTHROPIC_ONLY],
    [
      'anthropic',
      ROUTES.anthropic.path,
      JSON.stringify(ROUTES.anthropic.body('hello there')),
      ANTHROPIC_ONLY,
      OPENAI_ONLY,
    ],
  ] as const)(
    "%s: forwards exactly its allowlist; the other provider's credential and headers, and everything else, are dropped",
    async (_provider, target, body, own, other) => {
      const ALLOWED = { ...BOTH, ...own };
      const response = await rawRequest(proxy.url, {
        target,
        headers: {
          ...ALLOWED,
          ...other,
          ...DROPPED,
          connection: 'keep-alive',
          'content-type': 'application/json; charset=utf-8',
        },
        body,
      });
      expect(response.status).toBe(200);
      const seen = upstream.requests[0]!.headers;
      for (const [name, value] of Object.entries(ALLOWED)) expect(seen[name], name).toBe(value);
      expect(seen['content-type']).toBe('application/json');
      for (const name of [...Object.keys(DROPPED), ...Object.keys(other)])
        expect(seen[name], name).toBeUndefined();
      expect(JSON.stringify(seen)).not.toContain('ann.lee@example.com');
      expect(JSON.stringify(seen)).not.toContain('10.1.2.3');
      // Whatever the upstream's HTTP client adds itself, nothing the caller sent is in it.
      const callerOnly = new Set([
        'connection',
        'host',
        'content-length',
        'x-request-id',
        'user-agent',
        'accept-encoding',
        'accept-language',
        'sec-fetch-mode',
      ]);
      for (const name of Object.keys(seen)) {
        if (callerOnly.has(name)) continue;
        expect(Object.keys(ALLOWED).concat('content-type'), `unexpected header ${name}`).toContain(name);
      }
    },
  );

  it('never forwards the turn headers even though other rules might match them', async () => {
    await postJson(proxy.url, ROUTES.responses.path, ROUTES.responses.body('hi'), {
      'x-codex-turn-metadata': 'secret-turn',
      'x-codex-turn-state': 'secret-state',
      'openai-x-codex-turn-state': 'prefixed',
    });
    const seen = upstream.requests[0]!.headers;
    expect(seen['x-codex-turn-metadata']).toBeUndefined();
    expect(seen['x-codex-turn-state']).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('secret-turn');
    expect(JSON.stringify(seen)).not.toContain('secret-state');
  });

  it('asks for SSE upstream when the caller streams', async () => {
    await postJson(proxy.url, ROUTES.chat.path, ROUTES.chat.body('hi', { stream: true }), {
      accept: 'application/json',
    });
    expect(upstream.requests[0]!.headers.accept).toBe('text/event-stream');
  });

  describe('x-request-id', () => {
    const PROXY_ISSUED = /^req_[0-9a-f]{24}$/;
    async function sendWith(requestId?: string): Promise<{ upstreamId: unknown; callerId: string | null }> {
      upstream.requests.length = 0;
      const response = await postJson(
        proxy.url,
        ROUTES.chat.path,
        ROUTES.chat.body('hi'),
        requestId === undefined ? {} : { 'x-request-id': requestId },
      );
      return {
        upstreamId: upstream.requests[0]!.headers['x-request-id'],
        callerId: response.headers.get('x-request-id'),
      };
    }

    it('passes a bounded opaque id unchanged, both ways', async () => {
      for (const id of ['req_123', 'c0ffee-42.ab:cd', '0b7e2f1c-93a4-4e2b-8f55-6c1c8a9d2e10']) {
        const { upstreamId, callerId } = await sendWith(id);
        expect(upstreamId).toBe(id);
        expect(callerId).toBe(id);
      }
    });

    it('replaces anything else with a proxy-issued id', async () => {
      for (const id of [
        'ann.lee@example.com',
        'has spaces in it',
        'x'.repeat(129),
        'id/with/slashes',
        '{"json":true}',
        '4111111111111111',
        '123-45-6789',
        `ghp_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`,
      ]) {
        const { upstreamId, callerId } = await sendWith(id);
        expect(upstreamId, id).toMatch(PROXY_ISSUED);
        expect(callerId).toBe(upstreamId);
      }
    });

    it('issues one when the caller sends none', async () => {
      const { upstreamId, callerId } = await sendWith();
      expect(upstreamId).toMatch(PROXY_ISSUED);
      expect(callerId).toBe(upstreamId);
    });
  });
});

describe('response headers to the caller', () => {
  it('pass rate-limit and provider headers, never cookies or upstream internals', async () => {
    upstream.use((_req, res) => {
      res.writeHead(200, {
        'content-type': 'application/json',
        'set-cookie': 'upstream_session=abc; Path=/',
        'x-ratelimit-remaining-requests': '99',
        'openai-processing-ms': '12',
        'retry-after': '1',
        server: 'upstream-internal/1.0',
        'x-internal-trace': 'trace-abc',
      });
      res.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', choices: [] }));
    });
    const response = await postJson(proxy.url, ROUTES.chat.path, ROUTES.chat.body('hi'));
    expect(response.status).toBe(200);
    expect(response.headers.get('x-ratelimit-remaining-requests')).toBe('99');
    expect(response.headers.get('openai-processing-ms')).toBe('12');
    expect(response.headers.get('retry-after')).toBe('1');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(response.headers.get('x-internal-trace')).toBeNull();
    expect(response.headers.get('server')).toBeNull();
  });
});
