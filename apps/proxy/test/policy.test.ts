import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import {
  errorMessageOf,
  parseSse,
  postJson,
  ROUTE_NAMES,
  ROUTES,
  type RouteName,
  streamedText,
} from './http.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';

// Invented credentials in the providers' documented shapes (assembled so no scanner mistakes this file).
const GITHUB_TOKEN = ['ghp', 'R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3Zz12'].join('_');
const OPENAI_KEY = ['sk', 'proj', 'Ab12Cd34Ef56Gh78Ij90KlMnT3BlbkFJQr12St34Uv56Wx78Yz90'].join('-');
const EMAIL = 'ann.lee@example.com';
const SSN = '536-22-1234';
const CARD = '4111 1111 1111 1111';

let upstream: FakeUpstream;
let local: FakeUpstream;
/** Defaults: secrets block, everything else masks; SSNs route locally (a local endpoint is configured). */
let proxy: RunningProxy;
/** route_local configured for SSNs, but no local endpoint. */
let noLocal: RunningProxy;
/** Emails allowed through unmasked; deny terms blocked. */
let permissive: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  local = await startFakeUpstream();
  [proxy, noLocal, permissive] = await Promise.all([
    startProxy(upstream, {
      STRONK_GATEWAY_US_SSN_ACTION: 'route_local',
      STRONK_GATEWAY_LOCAL_UPSTREAM_BASE_URL: `${local.url}/v1`,
      STRONK_GATEWAY_LOCAL_ANTHROPIC_UPSTREAM_BASE_URL: local.url,
    }),
    startProxy(upstream, { STRONK_GATEWAY_US_SSN_ACTION: 'route_local' }),
    startProxy(upstream, { STRONK_GATEWAY_EMAIL_ACTION: 'allow', STRONK_GATEWAY_CUSTOM_ACTION: 'block' }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy.close(), noLocal.close(), permissive.close()]);
  await Promise.all([upstream.close(), local.close()]);
});
beforeEach(() => {
  upstream.requests.length = 0;
  local.requests.length = 0;
  upstream.use(echoHandler);
  local.use(echoHandler);
});

const CASES = ROUTE_NAMES.flatMap((route) => [false, true].map((stream) => [route, stream] as const));

function expectBlockedShape(route: RouteName, body: unknown): string {
  if (ROUTES[route].provider === 'openai') {
    expect(body).toEqual({
      error: {
        message: expect.any(String),
        type: 'invalid_request_error',
        code: 'sensitive_content_blocked',
        param: null,
      },
    });
  } else {
    expect(body).toEqual({
      type: 'error',
      error: { type: 'invalid_request_error', message: expect.any(String) },
    });
  }
  return errorMessageOf(ROUTES[route].provider, body);
}

describe('block', () => {
  it.each(CASES)(
    '%s (stream=%s): a secret is blocked by default: 400, provider shape, no upstream call',
    async (name, stream) => {
      const route = ROUTES[name];
      for (const secret of [GITHUB_TOKEN, OPENAI_KEY]) {
        const response = await postJson(
          proxy.url,
          route.path,
          route.body(`deploy with ${secret} and mail ${EMAIL}`, { stream }),
        );
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toContain('application/json');
        const message = expectBlockedShape(name, response.body);
        expect(message).toContain('api_key');
        expect(response.text).not.toContain(secret);
        expect(response.text).not.toContain(secret.slice(0, 12));
        expect(response.text).not.toContain(EMAIL);
      }
      expect(upstream.requests).toHaveLength(0);
      expect(local.requests).toHaveLength(0);
    },
  );

  it.each(ROUTE_NAMES)(
    '%s: a configured block type (deny term) is blocked; the message names types only',
    async (name) => {
      const route = ROUTES[name];
      const response = await postJson(
        permissive.url,
        route.path,
        route.body(`Status of Project Nightjar for ${EMAIL}?`),
      );
      expect(response.status).toBe(400);
      const message = expectBlockedShape(name, response.body);
      expect(message).toContain('custom');
      expect(message).not.toMatch(/nightjar/i);
      expect(upstream.requests).toHaveLength(0);
    },
  );

  it('blocks a secret wherever it hides: system, instructions, tool results, extra fields', async () => {
    const bodies: Array<[RouteName, unknown]> = [
      [
        'chat',
        {
          model: 'm',
          messages: [
            { role: 'system', content: `key ${OPENAI_KEY}` },
            { role: 'user', content: 'hi' },
          ],
        },
      ],
      [
        'chat',
        {
          model: 'm',
          messages: [
            { role: 'tool', tool_call_id: 'call_1', content: [{ type: 'text', text: GITHUB_TOKEN }] },
          ],
        },
      ],
      ['chat', { model: 'm', messages: [{ role: 'user', content: 'hi' }], metadata: { note: GITHUB_TOKEN } }],
      ['responses', { model: 'm', instructions: `use ${GITHUB_TOKEN}`, input: 'hi' }],
      [
        'responses',
        { model: 'm', input: [{ type: 'function_call_output', call_id: 'c1', output: OPENAI_KEY }] },
      ],
      [
        'anthropic',
        {
          model: 'm',
          max_tokens: 5,
          system: [{ type: 'text', text: GITHUB_TOKEN }],
          messages: [{ role: 'user', content: 'hi' }],
        },
      ],
      [
        'anthropic',
        {
          model: 'm',
          max_tokens: 5,
          messages: [
            {
              role: 'user',
              content: [
                { type: 'tool_result', tool_use_id: 'tu_1', content: [{ type: 'text', text: OPENAI_KEY }] },
              ],
            },
          ],
        },
      ],
    ];
    for (const [name, body] of bodies) {
      const response = await postJson(proxy.url, ROUTES[name].path, body);
      expect(response.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expectBlockedShape(name, response.body);
    }
    expect(upstream.requests).toHaveLength(0);
  });

  it('surfaces as a 400 BadRequestError in the real SDKs', async () => {
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
    const anthropic = new Anthropic({ apiKey: 'k', baseURL: `${proxy.url}/anthropic`, maxRetries: 0 });
    const chat = await openai.chat.completions
      .create({ model: 'm', messages: [{ role: 'user', content: GITHUB_TOKEN }] })
      .catch((e: unknown) => e);
    expect(chat).toBeInstanceOf(OpenAI.BadRequestError);
    expect((chat as InstanceType<typeof OpenAI.BadRequestError>).code).toBe('sensitive_content_blocked');
    const responses = await openai.responses
      .create({ model: 'm', input: GITHUB_TOKEN, stream: true })
      .catch((e: unknown) => e);
    expect(responses).toBeInstanceOf(OpenAI.BadRequestError);
    const message = await anthropic.messages
      .create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: GITHUB_TOKEN }] })
      .catch((e: unknown) => e);
    expect(message).toBeInstanceOf(Anthropic.BadRequestError);
    expect(JSON.stringify((message as InstanceType<typeof Anthropic.BadRequestError>).error)).toContain(
      'invalid_request_error',
    );
    expect(upstream.requests).toHaveLength(0);
  });
});

describe('route_local', () => {
  it.each(CASES)(
    '%s (stream=%s): the unmasked request goes to the local endpoint only',
    async (name, stream) => {
      const route = ROUTES[name];
      const text = `My SSN is ${SSN}, mail ${EMAIL}.`;
      const response = await postJson(proxy.url, route.path, route.body(text, { stream }), {
        'x-codex-turn-state': 'never-forwarded',
        cookie: 'a=b',
      });
      expect(response.status).toBe(200);
      if (stream) {
        expect(parseSse(response.text).length).toBeGreaterThan(2);
        expect(streamedText(name, response.text)).toBe(`You said: ${text}`);
      } else {
        expect(response.text).toContain(SSN);
      }
      expect(upstream.requests).toHaveLength(0);
      expect(local.requests).toHaveLength(1);
      const seen = local.requests[0]!;
      expect(seen.url).toBe(route.upstreamPath);
      // It stays local: the body is the caller's own, unmasked.
      expect(seen.body).toContain(SSN);
      expect(seen.body).toContain(EMAIL);
      expect(seen.body).not.toContain('[[');
      // The header allowlist still applies.
      expect(seen.headers['x-codex-turn-state']).toBeUndefined();
      expect(seen.headers.cookie).toBeUndefined();
    },
  );

  it('block still beats route_local', async () => {
    const response = await postJson(proxy.url, ROUTES.chat.path, ROUTES.chat.body(`${SSN} ${GITHUB_TOKEN}`));
    expect(response.status).toBe(400);
    expect(local.requests).toHaveLength(0);
    expect(upstream.requests).toHaveLength(0);
  });

  it.each(CASES)(
    '%s (stream=%s): without a local endpoint: 503 route_local_unavailable, nothing sent anywhere',
    async (name, stream) => {
      const route = ROUTES[name];
      const response = await postJson(noLocal.url, route.path, route.body(`My SSN is ${SSN}.`, { stream }));
      expect(response.status).toBe(503);
      const message = errorMessageOf(route.provider, response.body);
      if (route.provider === 'openai') {
        expect((response.body as { error: { code: string } }).error.code).toBe('route_local_unavailable');
      }
      expect(message).toContain('us_ssn');
      expect(response.text).not.toContain(SSN);
      expect(upstream.requests).toHaveLength(0);
      expect(local.requests).toHaveLength(0);
    },
  );
});

describe('allow and mask', () => {
  it.each(ROUTE_NAMES)('%s: an allowed type goes upstream as is, masked types do not', async (name) => {
    const route = ROUTES[name];
    const response = await postJson(permissive.url, route.path, route.body(`Mail ${EMAIL}, card ${CARD}.`));
    expect(response.status).toBe(200);
    const seen = upstreamView(upstream);
    expect(seen).toContain(EMAIL);
    expect(seen).not.toContain(CARD);
    expect(seen).toMatch(/\[\[CARD_[0-9A-Z]{10}\]\]/);
    expect(response.text).toContain(CARD);
  });

  it('a request with nothing sensitive is forwarded byte-for-byte in meaning', async () => {
    const body = ROUTES.chat.body('What is the capital of France?', { temperature: 0.2, n: 1 });
    const response = await postJson(proxy.url, ROUTES.chat.path, body);
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.requests[0]!.body)).toEqual(body);
  });
});

describe('tool definitions with sensitive text are rejected, not forwarded', () => {
  const chatTool = (fn: Record<string, unknown>) => ({
    type: 'function',
    function: { name: 'lookup', ...fn },
  });
  const cases: Array<[string, RouteName, Record<string, unknown>]> = [
    ['chat description', 'chat', { tools: [chatTool({ description: `Mail results to ${EMAIL}` })] }],
    [
      'chat schema default',
      'chat',
      {
        tools: [
          chatTool({
            parameters: { type: 'object', properties: { card: { type: 'string', default: CARD } } },
          }),
        ],
      },
    ],
    [
      'chat schema examples',
      'chat',
      {
        tools: [
          chatTool({
            parameters: { type: 'object', properties: { to: { type: 'string', examples: [EMAIL] } } },
          }),
        ],
      },
    ],
    ['chat legacy functions', 'chat', { functions: [{ name: 'f', description: `SSN ${SSN}` }] }],
    [
      'responses description',
      'responses',
      { tools: [{ type: 'function', name: 'lookup', description: `Ask Project Nightjar`, parameters: {} }] },
    ],
    [
      'responses schema default',
      'responses',
      {
        tools: [
          {
            type: 'function',
            name: 'lookup',
            parameters: { type: 'object', properties: { x: { default: EMAIL } } },
          },
        ],
      },
    ],
    [
      'anthropic description',
      'anthropic',
      { tools: [{ name: 'lookup', description: `Mail ${EMAIL}`, input_schema: { type: 'object' } }] },
    ],
    [
      'anthropic schema default',
      'anthropic',
      {
        tools: [
          {
            name: 'lookup',
            input_schema: { type: 'object', properties: { card: { type: 'string', default: CARD } } },
          },
        ],
      },
    ],
    [
      'sensitive property name with sensitive default',
      'chat',
      {
        tools: [
          chatTool({
            parameters: {
              type: 'object',
              properties: { [EMAIL]: { type: 'string', default: 'Project Nightjar' } },
            },
          }),
        ],
      },
    ],
  ];

  it.each(cases)('%s → 400 with no upstream call and no value in the error', async (_label, name, extra) => {
    const route = ROUTES[name];
    const response = await postJson(proxy.url, route.path, route.body('plain question', extra));
    expect(response.status).toBe(400);
    errorMessageOf(route.provider, response.body);
    for (const value of [EMAIL, CARD, SSN, 'Nightjar']) expect(response.text).not.toContain(value);
    expect(upstream.requests).toHaveLength(0);
  });

  it('tools with harmless text are forwarded untouched', async () => {
    const tools = [
      chatTool({
        description: 'Look up the weather',
        parameters: { type: 'object', properties: { city: { type: 'string' } } },
      }),
    ];
    const response = await postJson(proxy.url, ROUTES.chat.path, ROUTES.chat.body('weather?', { tools }));
    expect(response.status).toBe(200);
    expect(JSON.parse(upstream.requests[0]!.body).tools).toEqual(tools);
  });
});
