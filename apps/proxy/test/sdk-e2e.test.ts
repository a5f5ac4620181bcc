import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';

/** Values the proxy must never let upstream; each is caught by a different detector family. */
const CANARIES = ['ann.lee@example.com', '4111 1111 1111 1111', 'Project Nightjar', '+1 (202) 555-0143'];
const PROMPT = `Hi, I am reachable at ${CANARIES[0]} or ${CANARIES[3]}. Card ${CANARIES[1]} is for ${CANARIES[2]}; ask ${CANARIES[0]} again.`;
const EXPECTED = `You said: ${PROMPT}`;

let upstream: FakeUpstream;
let proxy: RunningProxy;
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  // Detection on a worker thread, as deployments with two or more cores run by default.
  proxy = await startProxy(upstream, {
    STRONK_GATEWAY_DETECTION_WORKERS: '1',
    STRONK_GATEWAY_DETECTION_WORKER_LOAD: '0',
  });
  openai = new OpenAI({ apiKey: 'test-openai-key', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({
    apiKey: 'test-anthropic-key',
    baseURL: `${proxy.url}/anthropic`,
    maxRetries: 0,
  });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.use(echoHandler);
});

function expectNoCanaryUpstream(): void {
  expect(upstream.requests.length).toBeGreaterThan(0);
  const seen = upstreamView(upstream);
  for (const canary of CANARIES) expect(seen).not.toContain(canary);
}

describe('real SDKs through the proxy', () => {
  it('openai chat completions, non-streaming', async () => {
    const completion = await openai.chat.completions.create({
      model: 'gpt-test',
      messages: [
        { role: 'system', content: `You help ${CANARIES[2]}.` },
        { role: 'user', content: PROMPT },
      ],
    });
    expect(completion.choices[0]?.message.content).toBe(EXPECTED);
    expectNoCanaryUpstream();
    expect(upstream.requests[0]?.url).toBe('/v1/chat/completions');
    expect(upstream.requests[0]?.headers.authorization).toBe('Bearer test-openai-key');
  });

  it('openai chat completions, streaming', async () => {
    const stream = await openai.chat.completions.create({
      model: 'gpt-test',
      stream: true,
      messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? '';
    expect(text).toBe(EXPECTED);
    expectNoCanaryUpstream();
  });

  it('openai responses, non-streaming', async () => {
    const response = await openai.responses.create({
      model: 'gpt-test',
      instructions: `Serve ${CANARIES[2]}.`,
      input: PROMPT,
    });
    expect(response.output_text).toBe(EXPECTED);
    expectNoCanaryUpstream();
    expect(upstream.requests[0]?.url).toBe('/v1/responses');
  });

  it('openai responses, streaming', async () => {
    const stream = await openai.responses.create({
      model: 'gpt-test',
      stream: true,
      input: [{ role: 'user', content: [{ type: 'input_text', text: PROMPT }] }],
    });
    let text = '';
    let finalText = '';
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') finalText = event.response.output_text ?? '';
    }
    expect(text).toBe(EXPECTED);
    expect(finalText === '' || finalText === EXPECTED).toBe(true);
    expectNoCanaryUpstream();
  });

  it('anthropic messages, non-streaming', async () => {
    const message = await anthropic.messages.create({
      model: 'claude-test',
      max_tokens: 100,
      system: [{ type: 'text', text: `Help ${CANARIES[2]}.` }],
      messages: [{ role: 'user', content: PROMPT }],
    });
    expect(message.content[0]?.type === 'text' && message.content[0].text).toBe(EXPECTED);
    expectNoCanaryUpstream();
    expect(upstream.requests[0]?.url).toBe('/v1/messages');
    const { authorization, 'x-api-key': apiKey } = upstream.requests[0]!.headers;
    expect(apiKey === 'test-anthropic-key' || authorization === 'Bearer test-anthropic-key').toBe(true);
    expect(upstream.requests[0]?.headers['anthropic-version']).toBeTruthy();
  });

  it('anthropic messages, streaming', async () => {
    const stream = anthropic.messages.stream({
      model: 'claude-test',
      max_tokens: 100,
      messages: [{ role: 'user', content: [{ type: 'text', text: PROMPT }] }],
    });
    let text = '';
    stream.on('text', (delta) => {
      text += delta;
    });
    const final = await stream.finalMessage();
    expect(text).toBe(EXPECTED);
    expect(final.content[0]?.type === 'text' && final.content[0].text).toBe(EXPECTED);
    expectNoCanaryUpstream();
  });

  it('records sanitized telemetry for each request', async () => {
    proxy.records.length = 0;
    await openai.chat.completions.create({
      model: 'gpt-test',
      messages: [{ role: 'user', content: PROMPT }],
    });
    const record = proxy.records.at(-1)!;
    expect(record).toMatchObject({
      route: 'openai.chat',
      model: 'gpt-test',
      status: 200,
      outcome: 'forwarded',
    });
    expect(record.countsByType.email).toBe(2);
    expect(record.rehydrated).toBeGreaterThanOrEqual(4);
    const serialized = JSON.stringify(record);
    for (const canary of CANARIES) expect(serialized).not.toContain(canary);
  });
});
