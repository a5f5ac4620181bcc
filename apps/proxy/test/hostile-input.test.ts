import { connect } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { errorMessageOf, postJson, ROUTE_NAMES, ROUTES, type RouteName, rawRequest } from './http.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';
import { baseBody, finishBody, SURFACES, slotsFor } from './request-slots.ts';
import { openSocket } from './websocket-helpers.ts';

/*
 * Hostile input, beyond bad-input.test.ts (malformed JSON, depth, content types, byte limits) and
 * egress-headers.test.ts (absolute-form targets, dot segments, Host tricks): size boundaries, extreme
 * values, JSON that parses in surprising ways, regex-DoS shaped texts in every field of every surface, raw
 * header tricks and request targets only a raw socket can send. Every case must end in a clear 4xx (or a
 * correctly masked 200) in bounded time, and the fake upstreams record that nothing unexpected was asked.
 */

const EMAIL = 'ann.lee@example.com';
const LIMIT = 64 * 1024;
/** Generous: only a hang or a quadratic blow-up comes near it. */
const BOUNDED_MS = 8000;

let upstream: FakeUpstream;
/** Stands in for any host a caller might try to reach instead of the configured upstream. */
let elsewhere: FakeUpstream;
let proxy: RunningProxy;
let small: RunningProxy;

beforeAll(async () => {
  [upstream, elsewhere] = await Promise.all([startFakeUpstream(), startFakeUpstream()]);
  [proxy, small] = await Promise.all([
    startProxy(upstream),
    startProxy(upstream, { STRONK_GATEWAY_MAX_REQUEST_BYTES: String(LIMIT) }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy.close(), small.close()]);
  await Promise.all([upstream.close(), elsewhere.close()]);
});
beforeEach(() => {
  upstream.requests.length = 0;
  elsewhere.requests.length = 0;
  upstream.use(echoHandler);
});

function expectNothingUpstream(): void {
  expect(upstream.requests).toHaveLength(0);
  expect(elsewhere.requests).toHaveLength(0);
}

/** Sends bytes on a fresh connection and returns everything the server wrote back before closing. */
function rawExchange(url: string, bytes: string | Buffer, waitMs = 1500): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    let answer = '';
    const socket = connect({ host: hostname, port: Number(port) }, () => socket.write(bytes));
    socket.on('data', (chunk) => {
      answer += chunk.toString('latin1');
    });
    socket.on('error', (error) =>
      (error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve(answer) : reject(error),
    );
    socket.on('close', () => resolve(answer));
    // A server that keeps the connection open after answering: take what came.
    setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, waitMs);
  });
}

const statusOf = (answer: string): number => Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0);
const BODY = JSON.stringify(ROUTES.chat.body(`mail ${EMAIL}`));

function request(target: string, headers: string[], body = BODY, method = 'POST'): string {
  return `${method} ${target} HTTP/1.1\r\n${headers.join('\r\n')}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

// --- sizes and values at their extremes -------------------------------------------------------------

describe('sizes at and over the limit', () => {
  /** A chat body of exactly `bytes` bytes (padding in the user text). */
  const bodyOf = (bytes: number): string => {
    const empty = JSON.stringify(ROUTES.chat.body(''));
    return JSON.stringify(ROUTES.chat.body('x'.repeat(bytes - Buffer.byteLength(empty))));
  };

  it.each([
    ['exactly at the limit', LIMIT, 200],
    ['one byte over', LIMIT + 1, 413],
  ])('%s (content-length and chunked)', async (_label, bytes, status) => {
    const body = bodyOf(bytes);
    expect(Buffer.byteLength(body)).toBe(bytes);
    for (const chunked of [false, true]) {
      upstream.requests.length = 0;
      const response = await rawRequest(small.url, {
        target: ROUTES.chat.path,
        headers: { 'content-type': 'application/json', authorization: 'Bearer k' },
        body,
        chunked,
      });
      expect(response.status, `chunked=${chunked}`).toBe(status);
      expect(upstream.requests).toHaveLength(status === 200 ? 1 : 0);
    }
  });

  it('a declared length far over the limit is refused before the body is read', async () => {
    const answer = await rawExchange(
      small.url,
      `POST ${ROUTES.chat.path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${10 * 1024 * 1024 * 1024}\r\n\r\n{"model":`,
    );
    expect(statusOf(answer)).toBe(413);
    expectNothingUpstream();
  });
});

describe('values at their extremes', () => {
  it('huge, tiny and non-finite numbers, long strings and many keys: a clear answer, never a crash', async () => {
    const cases: Array<[string, string, number[]]> = [
      [
        'numbers past double range',
        `{"model":"m","messages":[],"max_tokens":1e400,"temperature":-1e400}`,
        [200],
      ],
      ['integers past 2^53', `{"model":"m","messages":[],"seed":123456789012345678901234567890}`, [200]],
      ['denormals and negative zero', `{"model":"m","messages":[],"x":[5e-324,-0,0.0000000000001]}`, [200]],
      ['a 60 kB digit run', `{"model":"m","messages":[],"x":${'9'.repeat(60_000)}}`, [200, 400]],
      ['a 60 kB string of one character', JSON.stringify(ROUTES.chat.body('a'.repeat(60_000))), [200]],
      [
        '20,000 keys in one object',
        JSON.stringify({
          model: 'm',
          messages: [],
          x: Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`k${i}`, i])),
        }),
        [200, 413],
      ],
    ];
    for (const [label, body, allowed] of cases) {
      upstream.requests.length = 0;
      const started = performance.now();
      const response = await rawRequest(proxy.url, {
        target: ROUTES.chat.path,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(performance.now() - started, label).toBeLessThan(BOUNDED_MS);
      expect(allowed, `${label}: ${response.status}`).toContain(response.status);
      if (response.status !== 200) errorMessageOf('openai', response.json());
      // Whatever was forwarded is valid JSON.
      for (const forwarded of upstream.requests) expect(() => JSON.parse(forwarded.body)).not.toThrow();
    }
  });
});

describe('JSON that parses in surprising ways', () => {
  it('duplicate keys cannot smuggle a value past the scan: the upstream gets one re-serialized body', async () => {
    for (const [first, second] of [
      [`"mail ${EMAIL}"`, '"harmless"'],
      ['"harmless"', `"mail ${EMAIL}"`],
    ]) {
      upstream.requests.length = 0;
      const body = `{"model":"m","messages":[{"role":"user","content":${first}}],"messages":[{"role":"user","content":${second}}]}`;
      const response = await rawRequest(proxy.url, {
        target: ROUTES.chat.path,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(200);
      expect(upstream.requests).toHaveLength(1);
      expect(upstreamView(upstream)).not.toContain(EMAIL);
      expect(upstream.requests[0]!.body.match(/"messages"/g)).toHaveLength(1);
    }
  });

  it('a __proto__ key neither leaks its content nor pollutes prototypes', async () => {
    const body = `{"model":"m","messages":[{"role":"user","content":"hi"}],"__proto__":{"polluted":"mail ${EMAIL}"},"x":{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":2}}}}`;
    const response = await rawRequest(proxy.url, {
      target: ROUTES.chat.path,
      headers: { 'content-type': 'application/json' },
      body,
    });
    expect(response.status).toBe(200);
    expect(upstreamView(upstream)).not.toContain(EMAIL);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('overlong UTF-8, a byte-order mark and NUL characters get a clear answer', async () => {
    const overlong = Buffer.concat([
      Buffer.from('{"model":"m","messages":[{"role":"user","content":"'),
      Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf]),
      Buffer.from('"}]}'),
    ]);
    const refused = await rawRequest(proxy.url, {
      target: ROUTES.chat.path,
      headers: { 'content-type': 'application/json' },
      body: overlong,
    });
    expect(refused.status).toBe(400);
    errorMessageOf('openai', refused.json());
    for (const body of [`\ufeff${BODY}`, JSON.stringify(ROUTES.chat.body(`a\u0000b mail ${EMAIL}\u0000`))]) {
      const response = await rawRequest(proxy.url, {
        target: ROUTES.chat.path,
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect([200, 400]).toContain(response.status);
    }
    expect(upstreamView(upstream)).not.toContain(EMAIL);
  });
});

// --- regex-DoS shaped texts in every field ------------------------------------------------------------

/** Texts shaped to make a backtracking pattern explode: long runs a detector might try at every offset. */
const REDOS_SHAPES: ReadonlyArray<(n: number) => string> = [
  (n) => `${'a'.repeat(n)}@`,
  (n) => `${'a.'.repeat(n / 2)}@example`,
  (n) => '1-'.repeat(n / 2),
  (n) => '+1 ('.repeat(n / 4),
  (n) => '4111 '.repeat(n / 5),
  (n) => `${'A'.repeat(n)}=`,
  (n) => 'sk-'.repeat(n / 3),
  (n) => 'eyJ.'.repeat(n / 4),
  (n) => '-----BEGIN '.repeat(n / 11),
  (n) => 'http://a:b@'.repeat(n / 11),
  (n) => 'Bearer '.repeat(n / 7),
  (n) => '[[EMAIL_'.repeat(n / 8),
  (n) => '::'.repeat(n / 2),
  (n) => '1.'.repeat(n / 2),
  (n) => 'Ann Lee '.repeat(n / 8),
  (n) => '张伟'.repeat(n / 2),
  (n) => '\\u00'.repeat(n / 4),
  (n) => '\u200b1'.repeat(n / 2),
  (n) => 'DE89 '.repeat(n / 5),
];

describe('regex-DoS shaped texts in every field (fast-check)', () => {
  it('are answered (masked or refused) in bounded time on every surface and slot', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SURFACES),
        fc.nat(),
        fc.constantFrom(...REDOS_SHAPES),
        async (surface, slotPick, shape) => {
          const slots = slotsFor(surface);
          const slot = slots[slotPick % slots.length]!;
          const body = baseBody(surface);
          slot.place(body, [shape(20_000)]);
          finishBody(surface, body);
          const started = performance.now();
          if (surface === 'websocket') {
            const socket = await openSocket(proxy.url);
            try {
              socket.send({ type: 'response.create', ...body });
              const events = await socket.turn(BOUNDED_MS);
              expect(['response.completed', 'error']).toContain(events.at(-1)?.type);
            } finally {
              socket.ws.terminate();
            }
          } else {
            const route = surface as RouteName;
            const response = await postJson(proxy.url, ROUTES[route].path, body);
            expect([200, 400]).toContain(response.status);
          }
          expect(performance.now() - started).toBeLessThan(BOUNDED_MS);
        },
      ),
      { numRuns: Number(process.env.STRONK_FUZZ_RUNS ?? 40) },
    );
    expect((await fetch(`${proxy.url}/health`)).status).toBe(200);
  }, 120_000);
});

// --- headers ---------------------------------------------------------------------------------------------

describe('header tricks fail closed', () => {
  it.each([
    [
      'a bare CR inside a header value',
      ['Host: x', 'Content-Type: application/json', 'X-Request-Id: abc\rX-Injected: 1'],
    ],
    [
      'a bare LF inside a header value',
      ['Host: x', 'Content-Type: application/json', 'Authorization: Bearer k\nX-Injected: 1'],
    ],
    [
      'a NUL inside a header value',
      ['Host: x', 'Content-Type: application/json', 'Authorization: Bearer \u0000k'],
    ],
    [
      'obsolete line folding',
      ['Host: x', 'Content-Type: application/json', 'Authorization: Bearer k', ' X-Injected: 1'],
    ],
    ['a space before the colon', ['Host: x', 'Content-Type : application/json']],
    ['two different content lengths', ['Host: x', 'Content-Type: application/json', 'Content-Length: 3']],
    [
      'content length and chunked together',
      ['Host: x', 'Content-Type: application/json', 'Transfer-Encoding: chunked'],
    ],
  ])('%s → 4xx and no upstream call', async (_label, headers) => {
    const answer = await rawExchange(proxy.url, request(ROUTES.chat.path, headers));
    const status = statusOf(answer);
    expect(status === 0 || (status >= 400 && status < 500), answer.slice(0, 80)).toBe(true);
    expectNothingUpstream();
    expect(answer).not.toContain('X-Injected');
  });

  it('an oversized header is refused with 431 and nothing is forwarded', async () => {
    const answer = await rawExchange(
      proxy.url,
      request(ROUTES.chat.path, [
        'Host: x',
        'Content-Type: application/json',
        `Authorization: Bearer ${'k'.repeat(20_000)}`,
      ]),
    );
    expect(statusOf(answer)).toBe(431);
    expectNothingUpstream();
  });

  it.each(ROUTE_NAMES)(
    '%s: duplicated credential headers are refused, never merged and forwarded',
    async (route) => {
      for (const headers of [
        ['Authorization: Bearer first-key', 'Authorization: Bearer second-key'],
        ['X-Api-Key: first-key', 'X-Api-Key: second-key'],
        ['Proxy-Authorization: Basic a', 'Proxy-Authorization: Basic b'],
      ]) {
        upstream.requests.length = 0;
        const answer = await rawExchange(
          proxy.url,
          request(
            ROUTES[route].path,
            ['Host: x', 'Connection: close', 'Content-Type: application/json', ...headers],
            JSON.stringify(ROUTES[route].body('hi')),
          ),
        );
        expect(statusOf(answer), headers[0]).toBe(400);
        errorMessageOf(ROUTES[route].provider, JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)));
        expect(answer).not.toContain('second-key');
        expectNothingUpstream();
      }
    },
  );

  it('duplicated credential headers on the websocket upgrade are refused too', async () => {
    const answer = await rawExchange(
      proxy.url,
      [
        'GET /v1/responses HTTP/1.1',
        'Host: x',
        'Connection: Upgrade',
        'Upgrade: websocket',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Authorization: Bearer first-key',
        'Authorization: Bearer second-key',
        '',
        '',
      ].join('\r\n'),
    );
    expect(statusOf(answer)).toBe(400);
    expect(answer).not.toContain('second-key');
  });
});

// --- choosing the upstream -----------------------------------------------------------------------------

describe('request targets that try to choose the upstream fail closed', () => {
  const targets: Array<[string, () => string]> = [
    [
      'absolute-form with credentials',
      () => `http://user:pw@${new URL(elsewhere.url).host}/v1/chat/completions`,
    ],
    ['absolute-form https to a provider', () => 'https://api.openai.com/v1/chat/completions'],
    ['authority-form (CONNECT style)', () => new URL(elsewhere.url).host],
    ['asterisk-form', () => '*'],
    ['encoded dot segments', () => '/v1/%2e%2e/admin'],
    ['mixed-case encoded dots', () => '/v1/chat/%2E%2e/completions'],
    ['double-encoded dots', () => '/v1/%252e%252e/chat/completions'],
    ['an encoded NUL', () => '/v1/chat/completions%00'],
    ['a matrix parameter', () => '/v1/chat/completions;upstream=evil'],
    ['a fragment', () => '/v1/chat/completions#@evil.example'],
    ['double slashes inside', () => '/v1//chat/completions'],
    ['a trailing slash', () => '/v1/chat/completions/'],
    ['upper case', () => '/V1/CHAT/COMPLETIONS'],
    ['a unicode look-alike dot segment', () => '/v1/\u2024\u2024/chat/completions'],
    ['a tab in the target', () => '/v1/chat/\tcompletions'],
  ];

  it.each(targets)('%s', async (_label, target) => {
    const answer = await rawExchange(
      proxy.url,
      Buffer.from(
        request(target(), ['Host: x', 'Connection: close', 'Content-Type: application/json']),
        'utf8',
      ),
    );
    const status = statusOf(answer);
    expect(status === 0 || (status >= 400 && status < 500), `${status} ${answer.slice(0, 60)}`).toBe(true);
    expectNothingUpstream();
  });

  it.each(['CONNECT', 'TRACE', 'OPTIONS', 'PUT', 'DELETE'])('%s on a route is refused', async (method) => {
    const answer = await rawExchange(
      proxy.url,
      request(
        ROUTES.chat.path,
        ['Host: x', 'Connection: close', 'Content-Type: application/json'],
        BODY,
        method,
      ),
    );
    const status = statusOf(answer);
    expect(status === 0 || (status >= 400 && status < 500)).toBe(true);
    expect(answer).not.toContain(EMAIL);
    expectNothingUpstream();
  });

  it('rewrite and forwarding headers do not move the request anywhere', async () => {
    const host = new URL(elsewhere.url).host;
    const answer = await rawExchange(
      proxy.url,
      request(ROUTES.chat.path, [
        `Host: ${host}`,
        'Connection: close',
        'Content-Type: application/json',
        'X-Original-URL: /admin',
        'X-Rewrite-URL: /admin',
        `X-Forwarded-Host: ${host}`,
        'X-Forwarded-Proto: http',
        `Forwarded: for=1.2.3.4;host=${host};proto=http`,
        'X-HTTP-Method-Override: DELETE',
      ]),
    );
    expect(statusOf(answer)).toBe(200);
    expect(elsewhere.requests).toHaveLength(0);
    expect(upstream.requests).toHaveLength(1);
    expect(upstream.requests[0]!.url).toBe('/v1/chat/completions');
    expect(upstream.requests[0]!.method).toBe('POST');
    for (const name of [
      'x-original-url',
      'x-rewrite-url',
      'x-forwarded-host',
      'forwarded',
      'x-http-method-override',
    ])
      expect(upstream.requests[0]!.headers[name]).toBeUndefined();
  });
});
