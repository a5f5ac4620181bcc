import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoHandler, type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { postJson, ROUTES, type RouteName } from './http.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';

const E = 'ann.lee@example.com';
const E2 = 'bob.stone@example.org';
const C = '4111 1111 1111 1111';
const S = '536-22-1234';
const D = 'Project Nightjar';
const CANARIES = [E, E2, C, S, D];
const LABELS: Record<string, string> = {
  [E]: 'EMAIL',
  [E2]: 'EMAIL',
  [C]: 'CARD',
  [S]: 'SSN',
  [D]: 'REDACTED',
};
/** Real base64 media (long enough to be treated as binary, never scanned). */
const B64 = Buffer.from('not really a png, but bytes all the same '.repeat(4)).toString('base64');

let upstream: FakeUpstream;
let proxy: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy(upstream);
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  upstream.use(echoHandler);
  proxy.records.length = 0;
});

/** Replaces every occurrence of each map key in every string and object key. */
function replaceDeep(value: unknown, map: Map<string, string>): unknown {
  const text = (s: string) => {
    let out = s;
    for (const [from, to] of map) out = out.split(from).join(to);
    return out;
  };
  if (typeof value === 'string') return text(value);
  if (Array.isArray(value)) return value.map((v) => replaceDeep(v, map));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [text(k), replaceDeep(v, map)]));
  }
  return value;
}

/**
 * Sends `payload` (which carries `x_probe: CANARIES`, an unexpected top-level field) and checks the
 * upstream got exactly the payload with each canary replaced by one placeholder, the same everywhere.
 */
async function expectMaskedEverywhere(
  route: RouteName,
  payload: Record<string, unknown>,
): Promise<Map<string, string>> {
  upstream.requests.length = 0;
  const response = await postJson(proxy.url, ROUTES[route].path, { ...payload, x_probe: CANARIES });
  expect(response.status).toBe(200);
  expect(upstream.requests).toHaveLength(1);
  const seen = upstreamView(upstream);
  for (const canary of CANARIES) expect(seen).not.toContain(canary);

  const forwarded = JSON.parse(upstream.requests[0]!.body) as Record<string, unknown>;
  const probes = forwarded.x_probe as string[];
  const placeholders = new Map<string, string>();
  CANARIES.forEach((canary, i) => {
    expect(probes[i]).toMatch(new RegExp(`^\\[\\[${LABELS[canary]}_[0-9A-Z]{10}\\]\\]$`));
    placeholders.set(canary, probes[i]!);
  });
  // Distinct values get distinct placeholders.
  expect(new Set(placeholders.values()).size).toBe(CANARIES.length);
  expect(forwarded).toEqual(replaceDeep({ ...payload, x_probe: CANARIES }, placeholders));

  // Telemetry names paths and counts, never a value (not even one used as an object key).
  const record = JSON.stringify(proxy.records.at(-1));
  for (const canary of CANARIES) expect(record).not.toContain(canary);
  return placeholders;
}

describe('every string the provider would read is masked, with one placeholder per value', () => {
  it('chat completions: every role, content-part shapes, tool calls and results, extra fields', async () => {
    await expectMaskedEverywhere('chat', {
      model: 'gpt-test',
      messages: [
        { role: 'system', content: `Assist ${E}.` },
        { role: 'developer', content: [{ type: 'text', text: `Developer note on ${D} for ${E}` }] },
        {
          role: 'user',
          name: 'ann_lee',
          content: [
            { type: 'text', text: `I am ${E}, card ${C}.` },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${B64}`, detail: 'low' } },
          ],
        },
        {
          role: 'assistant',
          content: `Noted, ${E}.`,
          tool_calls: [
            {
              id: 'call_abc123',
              type: 'function',
              function: { name: 'send_mail', arguments: JSON.stringify({ to: E, cc: E2, note: D }) },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'call_abc123', content: `Sent to ${E}; SSN ${S} on file.` },
        {
          role: 'tool',
          tool_call_id: 'call_def456',
          content: [{ type: 'text', text: `Card ${C} charged.` }],
        },
        { role: 'assistant', content: [{ type: 'text', text: `Mail ${E2} too?` }], refusal: null },
        { role: 'user', content: `Yes, ${E2} and ${E}.` },
      ],
      metadata: { ticket: `${D} for ${E}` },
      user: 'user_42',
      x_extra: { nested: [{ deep: [`to ${E}`] }], [E]: 'an object key that is data' },
      temperature: 0.5,
      stream_options: null,
    });
  });

  it('responses: instructions, every input item shape, function_call_output; ids pass', async () => {
    await expectMaskedEverywhere('responses', {
      model: 'gpt-test',
      instructions: `Serve ${E} about ${D}.`,
      previous_response_id: 'resp_abc123',
      input: [
        { role: 'system', content: `System: ${E}` },
        { role: 'developer', content: [{ type: 'input_text', text: `dev ${D}` }] },
        {
          type: 'message',
          role: 'user',
          id: 'msg_user1',
          content: [{ type: 'input_text', text: `I am ${E}, card ${C}` }],
        },
        {
          type: 'message',
          role: 'assistant',
          id: 'msg_asst1',
          status: 'completed',
          content: [{ type: 'output_text', text: `Hello ${E}`, annotations: [] }],
        },
        {
          type: 'function_call',
          id: 'fc_1',
          call_id: 'call_1',
          name: 'lookup',
          arguments: JSON.stringify({ email: E2 }),
        },
        { type: 'function_call_output', call_id: 'call_1', output: `Found ${E2}, SSN ${S}` },
        {
          type: 'function_call_output',
          call_id: 'call_2',
          output: [{ type: 'input_text', text: `card ${C}` }],
        },
        { type: 'reasoning', id: 'rs_1', summary: [{ type: 'summary_text', text: `Thinking about ${E}` }] },
        { role: 'user', content: `Again: ${E}` },
      ],
      metadata: { note: E2 },
      x_extra: [{ anything: `${D}` }],
    });
  });

  it('anthropic messages: system blocks, text, tool_use input, tool_result blocks, extra fields', async () => {
    await expectMaskedEverywhere('anthropic', {
      model: 'claude-test',
      max_tokens: 64,
      system: [
        { type: 'text', text: `Help ${E}.`, cache_control: { type: 'ephemeral' } },
        { type: 'text', text: `Context: ${D}` },
      ],
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: `I am ${E}.` },
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: B64 } },
          ],
        },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: `Hi ${E}` },
            { type: 'tool_use', id: 'toolu_01', name: 'lookup', input: { email: E2, card: C } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_01', content: `SSN ${S} belongs to ${E2}` },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_02',
              content: [{ type: 'text', text: `card ${C}` }],
              is_error: false,
            },
            { type: 'text', text: `From ${D}, ${E}` },
          ],
        },
      ],
      metadata: { user_id: 'user_123' },
      x_extra: { [D]: E },
    });
  });

  it('anthropic messages: a plain-string system prompt', async () => {
    await expectMaskedEverywhere('anthropic', {
      model: 'claude-test',
      max_tokens: 64,
      system: `You help ${E} with ${D}.`,
      messages: [{ role: 'user', content: `SSN ${S}, card ${C}, cc ${E2}` }],
    });
  });

  it('structural fields pass only as bounded tokens; anything else in them is scanned', async () => {
    await expectMaskedEverywhere('responses', {
      model: 'gpt-test',
      previous_response_id: E,
      input: [
        {
          type: 'message',
          role: 'user',
          id: `${E2}`,
          content: [{ type: 'input_text', text: `${C} ${S} ${D}` }],
        },
      ],
    });
    await expectMaskedEverywhere('chat', {
      model: `gpt for ${E}`,
      messages: [{ role: 'user', content: `${C} ${S} ${D} ${E2}` }],
    });
  });

  it('a value written as an id, a model name or a plain key is masked, and kept out of the record', async () => {
    const card = '4111111111111111';
    const response = await postJson(proxy.url, ROUTES.anthropic.path, {
      model: card,
      max_tokens: 5,
      metadata: { user_id: card },
      messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: card, content: 'ok' }] }],
      x_extra: { [card]: 1 },
    });
    expect(response.status).toBe(200);
    expect(upstreamView(upstream)).not.toContain(card);
    expect(JSON.stringify(proxy.records.at(-1))).not.toContain(card);
    expect(proxy.records.at(-1)?.model).toBe('unknown');
    expect(proxy.records.at(-1)?.touchedPaths).toContain('x_extra[*]');
  });

  it('placeholders are scoped to one request', async () => {
    const first = await expectMaskedEverywhere('chat', {
      model: 'm',
      messages: [{ role: 'user', content: E }],
    });
    const second = await expectMaskedEverywhere('chat', {
      model: 'm',
      messages: [{ role: 'user', content: E }],
    });
    expect(first.get(E)).not.toBe(second.get(E));
  });

  it("forwards an agent's own-vendor text as written: its noreply address in a tool, its names in the system prompt", async () => {
    // Claude Code's Bash tool asks for a commit trailer with noreply@anthropic.com, and its system prompt
    // names Claude and Anthropic: every request of it was refused (400) before routes declared their own
    // domains and names. A user's address in the same tool still refuses.
    const tool = {
      name: 'bash',
      description: 'End commit messages with: Co-Authored-By: Assistant <noreply@anthropic.com>',
      input_schema: { type: 'object', properties: { command: { type: 'string' } } },
    };
    const body = {
      model: 'claude-test',
      max_tokens: 5,
      system: "You are a Claude agent, built on Anthropic's Claude Agent SDK.",
      tools: [tool],
      messages: [{ role: 'user', content: `Mail ${E} the summary.` }],
    };
    const response = await postJson(proxy.url, ROUTES.anthropic.path, body);
    expect(response.status).toBe(200);
    const sent = JSON.parse(upstream.requests.at(-1)?.body ?? '{}') as typeof body;
    expect(sent.tools).toEqual([tool]);
    expect(sent.system).toContain("You are a Claude agent, built on Anthropic's Claude Agent");
    expect(upstreamView(upstream)).not.toContain(E);
    const leaking = await postJson(proxy.url, ROUTES.anthropic.path, {
      ...body,
      tools: [{ ...tool, description: `End commit messages with: Co-Authored-By: Ann <${E}>` }],
    });
    expect(leaking.status).toBe(400);
  });
});
