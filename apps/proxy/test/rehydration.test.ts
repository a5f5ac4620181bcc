import type { ServerResponse } from 'node:http';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeUpstream, type RecordedRequest, startFakeUpstream } from './fake-upstream.ts';
import { type AnyJson, parseSse, postJson, ROUTES, streamedText } from './http.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';

const EMAIL = 'ann.lee@example.com';
const CARD = '4111 1111 1111 1111';
/** A deny term that needs JSON escaping: restoring it raw inside JSON text would break the JSON. */
const QUOTED = 'Acme "Q\\3" plan';
const PROMPT = `Mail ${EMAIL} about ${QUOTED}, card ${CARD}.`;
const PLACEHOLDER = /\[\[[A-Z_]+_[0-9A-Z]{10}\]\]/g;

let upstream: FakeUpstream;
/** Default: tool-call arguments stay masked. */
let proxy: RunningProxy;
/** STRONK_GATEWAY_REHYDRATE_TOOL_ARGUMENTS=true */
let restoring: RunningProxy;

beforeAll(async () => {
  upstream = await startFakeUpstream();
  const env = { STRONK_GATEWAY_DENY_TERMS: `Project Nightjar,${QUOTED}` };
  [proxy, restoring] = await Promise.all([
    startProxy(upstream, env),
    startProxy(upstream, { ...env, STRONK_GATEWAY_REHYDRATE_TOOL_ARGUMENTS: 'true' }),
  ]);
});
afterAll(async () => {
  await Promise.all([proxy.close(), restoring.close()]);
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
});

/** The placeholders the upstream saw, by the raw value they stand for (order of first use in PROMPT). */
function placeholdersOf(request: RecordedRequest): { email: string; quoted: string; card: string } {
  const found = [...new Set(request.body.match(PLACEHOLDER) ?? [])];
  const email = found.find((p) => p.startsWith('[[EMAIL_'));
  const quoted = found.find((p) => p.startsWith('[[REDACTED_'));
  const card = found.find((p) => p.startsWith('[[CARD_'));
  if (!email || !quoted || !card) throw new Error(`placeholders missing upstream: ${request.body}`);
  return { email, quoted, card };
}

/** Splits text into pieces of 1–3 characters so every placeholder straddles several events. */
function shards(text: string): string[] {
  const out: string[] = [];
  for (let i = 0, step = 1; i < text.length; i += step, step = (step % 3) + 1)
    out.push(text.slice(i, i + step));
  return out;
}

function writeSse(response: ServerResponse, frames: Array<{ event?: string; data: unknown } | string>): void {
  response.writeHead(200, { 'content-type': 'text/event-stream' });
  const text = frames
    .map((f) =>
      typeof f === 'string'
        ? f
        : `${f.event ? `event: ${f.event}\n` : ''}data: ${typeof f.data === 'string' ? f.data : JSON.stringify(f.data)}\n\n`,
    )
    .join('');
  // Odd-sized writes: frames and placeholders straddle network reads too.
  for (let i = 0, step = 1; i < text.length; i += step, step = (step % 7) + 2)
    response.write(text.slice(i, i + step));
  response.end();
}

function json(response: ServerResponse, body: unknown): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

describe('chat completions', () => {
  function chatToolReply(req: RecordedRequest, res: ServerResponse): void {
    const p = placeholdersOf(req);
    const args = JSON.stringify({ to: p.email, subject: p.quoted });
    const body = JSON.parse(req.body) as { stream?: boolean };
    if (!body.stream) {
      json(res, {
        id: 'chatcmpl-1',
        object: 'chat.completion',
        created: 1,
        model: 'gpt-test',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: `Mailing ${p.email} re ${p.quoted}.`,
              tool_calls: [
                { id: 'call_1', type: 'function', function: { name: 'send_mail', arguments: args } },
              ],
            },
            finish_reason: 'tool_calls',
          },
        ],
      });
      return;
    }
    const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: 'gpt-test' };
    const chunk = (choices: unknown[]) => ({ data: { ...base, choices } });
    const text0 = shards(`Mailing ${p.email} re ${p.quoted}.`);
    const text1 = shards(`Alternative: card ${p.card}, ${p.email}!`);
    const argShards = shards(args);
    const frames: Array<{ data: unknown }> = [
      chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
      chunk([{ index: 1, delta: { role: 'assistant', content: '' }, finish_reason: null }]),
    ];
    // n=2: the two choices' deltas interleave; a tool call streams its arguments on choice 0.
    for (let i = 0; i < Math.max(text0.length, text1.length); i++) {
      if (text0[i] !== undefined)
        frames.push(chunk([{ index: 0, delta: { content: text0[i] }, finish_reason: null }]));
      if (text1[i] !== undefined)
        frames.push(chunk([{ index: 1, delta: { content: text1[i] }, finish_reason: null }]));
    }
    frames.push(
      chunk([
        {
          index: 0,
          delta: {
            tool_calls: [
              { index: 0, id: 'call_1', type: 'function', function: { name: 'send_mail', arguments: '' } },
            ],
          },
          finish_reason: null,
        },
      ]),
    );
    for (const piece of argShards) {
      frames.push(
        chunk([
          {
            index: 0,
            delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] },
            finish_reason: null,
          },
        ]),
      );
    }
    frames.push(chunk([{ index: 1, delta: {}, finish_reason: 'stop' }]));
    frames.push(chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]));
    writeSse(res, [...frames, { data: '[DONE]' }]);
  }

  it('non-streaming: text restored; tool arguments masked by default, restored JSON-escaped when enabled', async () => {
    upstream.use(chatToolReply);
    for (const [target, restoreArgs] of [
      [proxy, false],
      [restoring, true],
    ] as const) {
      const openai = new OpenAI({ apiKey: 'k', baseURL: `${target.url}/v1`, maxRetries: 0 });
      const completion = await openai.chat.completions.create({
        model: 'gpt-test',
        messages: [{ role: 'user', content: PROMPT }],
      });
      const message = completion.choices[0]!.message;
      expect(message.content).toBe(`Mailing ${EMAIL} re ${QUOTED}.`);
      const call = message.tool_calls![0]!;
      if (call.type !== 'function') throw new Error('expected a function call');
      const args = JSON.parse(call.function.arguments);
      if (restoreArgs) expect(args).toEqual({ to: EMAIL, subject: QUOTED });
      else {
        expect(args.to).toMatch(/^\[\[EMAIL_[0-9A-Z]{10}\]\]$/);
        expect(call.function.arguments).not.toContain(EMAIL);
      }
    }
  });

  it('streaming, n=2: each choice is its own channel; streamed arguments restored only when enabled', async () => {
    upstream.use(chatToolReply);
    for (const [target, restoreArgs] of [
      [proxy, false],
      [restoring, true],
    ] as const) {
      const openai = new OpenAI({ apiKey: 'k', baseURL: `${target.url}/v1`, maxRetries: 0 });
      const final = await openai.chat.completions
        .stream({ model: 'gpt-test', n: 2, messages: [{ role: 'user', content: PROMPT }] })
        .finalChatCompletion();
      const [first, second] = [...final.choices].sort((a, b) => a.index - b.index);
      expect(first!.message.content).toBe(`Mailing ${EMAIL} re ${QUOTED}.`);
      expect(second!.message.content).toBe(`Alternative: card ${CARD}, ${EMAIL}!`);
      expect(first!.finish_reason).toBe('tool_calls');
      expect(second!.finish_reason).toBe('stop');
      const call = first!.message.tool_calls![0]!;
      if (call.type !== 'function') throw new Error('expected a function call');
      const args = JSON.parse(call.function.arguments);
      if (restoreArgs) expect(args).toEqual({ to: EMAIL, subject: QUOTED });
      else expect(args.subject).toMatch(/^\[\[REDACTED_[0-9A-Z]{10}\]\]$/);
    }
    expect(upstreamView(upstream)).not.toContain(EMAIL);
  });

  it('restores a placeholder at every split point between two deltas', async () => {
    let split = 0;
    upstream.use((req, res) => {
      const { email } = placeholdersOf(req);
      const reply = `To ${email}.`;
      const base = { id: 'c', object: 'chat.completion.chunk', created: 1, model: 'm' };
      writeSse(res, [
        {
          data: {
            ...base,
            choices: [{ index: 0, delta: { content: reply.slice(0, split) }, finish_reason: null }],
          },
        },
        {
          data: {
            ...base,
            choices: [{ index: 0, delta: { content: reply.slice(split) }, finish_reason: null }],
          },
        },
        { data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] } },
        { data: '[DONE]' },
      ]);
    });
    const replyLength = 'To .'.length + '[[EMAIL_0123456789]]'.length;
    for (split = 0; split <= replyLength; split++) {
      const response = await postJson(
        proxy.url,
        ROUTES.chat.path,
        ROUTES.chat.body(PROMPT, { stream: true }),
      );
      expect(streamedText('chat', response.text), `split at ${split}`).toBe(`To ${EMAIL}.`);
    }
  });
});

describe('responses', () => {
  /** The SDK's stream helper rejects event types it does not know, so its test leaves them out. */
  let includeUnknownEvent = true;
  beforeEach(() => {
    includeUnknownEvent = true;
  });
  function responsesToolReply(req: RecordedRequest, res: ServerResponse): void {
    const p = placeholdersOf(req);
    const args = JSON.stringify({ to: p.email, subject: p.quoted });
    const text = `Mailing ${p.email}.`;
    const message = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text, annotations: [] }],
    };
    const call = {
      id: 'fc_1',
      type: 'function_call',
      status: 'completed',
      call_id: 'call_1',
      name: 'send_mail',
      arguments: args,
    };
    const done = {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: 'gpt-test',
      output: [message, call],
      usage: null,
    };
    if (!(JSON.parse(req.body) as { stream?: boolean }).stream) {
      json(res, done);
      return;
    }
    let seq = 0;
    const ev = (data: Record<string, unknown>) => ({
      event: String(data.type),
      data: { ...data, sequence_number: seq++ },
    });
    writeSse(res, [
      ev({ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } }),
      ': keep-alive comment\n\n',
      ev({
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...message, status: 'in_progress', content: [] },
      }),
      ev({ type: 'response.web_search_call.in_progress', output_index: 0, item_id: 'ws_1' }),
      ...(includeUnknownEvent
        ? [ev({ type: 'response.some_future_event', output_index: 0, payload: { nested: [1, 2, 3] } })]
        : []),
      ev({
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      }),
      ...shards(text).map((d) =>
        ev({
          type: 'response.output_text.delta',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta: d,
        }),
      ),
      ev({ type: 'response.output_text.done', item_id: 'msg_1', output_index: 0, content_index: 0, text }),
      ev({ type: 'response.output_item.done', output_index: 0, item: message }),
      ev({
        type: 'response.output_item.added',
        output_index: 1,
        item: { ...call, status: 'in_progress', arguments: '' },
      }),
      ...shards(args).map((d) =>
        ev({ type: 'response.function_call_arguments.delta', item_id: 'fc_1', output_index: 1, delta: d }),
      ),
      ev({
        type: 'response.function_call_arguments.done',
        item_id: 'fc_1',
        output_index: 1,
        arguments: args,
      }),
      ev({ type: 'response.output_item.done', output_index: 1, item: call }),
      ev({ type: 'response.completed', response: done }),
    ]);
  }

  it('non-streaming: output text restored; function_call arguments per the switch', async () => {
    upstream.use(responsesToolReply);
    for (const [target, restoreArgs] of [
      [proxy, false],
      [restoring, true],
    ] as const) {
      const openai = new OpenAI({ apiKey: 'k', baseURL: `${target.url}/v1`, maxRetries: 0 });
      const response = await openai.responses.create({ model: 'gpt-test', input: PROMPT });
      expect(response.output_text).toBe(`Mailing ${EMAIL}.`);
      const call = response.output.find((o) => o.type === 'function_call');
      if (call?.type !== 'function_call') throw new Error('expected a function call');
      if (restoreArgs) expect(JSON.parse(call.arguments)).toEqual({ to: EMAIL, subject: QUOTED });
      else expect(call.arguments).not.toContain(EMAIL);
    }
  });

  it('streaming: deltas, done events and the final body restored; other events unchanged and in order', async () => {
    upstream.use(responsesToolReply);
    for (const [target, restoreArgs] of [
      [proxy, false],
      [restoring, true],
    ] as const) {
      const response = await postJson(
        target.url,
        ROUTES.responses.path,
        ROUTES.responses.body(PROMPT, { stream: true }),
      );
      const frames = parseSse(response.text).map((f) => ({
        event: f.event,
        data: JSON.parse(f.data) as Record<string, AnyJson>,
      }));
      expect(streamedText('responses', response.text)).toBe(`Mailing ${EMAIL}.`);
      const args = frames
        .filter((f) => f.data.type === 'response.function_call_arguments.delta')
        .map((f) => f.data.delta)
        .join('');
      const argsDone = frames.find((f) => f.data.type === 'response.function_call_arguments.done')!.data
        .arguments;
      const completed = frames.find((f) => f.data.type === 'response.completed')!.data.response;
      expect(completed.output[0].content[0].text).toBe(`Mailing ${EMAIL}.`);
      for (const text of [args, argsDone, completed.output[1].arguments]) {
        if (restoreArgs) expect(JSON.parse(text)).toEqual({ to: EMAIL, subject: QUOTED });
        else expect(JSON.parse(text).to).toMatch(/^\[\[EMAIL_/);
      }
      // Every event other than streamed text arrives once, in the upstream's order, with its fields intact.
      const order = frames.map((f) => f.data.type).filter((t) => !t.endsWith('.delta'));
      expect(order).toEqual([
        'response.created',
        'response.output_item.added',
        'response.web_search_call.in_progress',
        'response.some_future_event',
        'response.content_part.added',
        'response.output_text.done',
        'response.output_item.done',
        'response.output_item.added',
        'response.function_call_arguments.done',
        'response.output_item.done',
        'response.completed',
      ]);
      for (const f of frames) expect(f.event).toBe(f.data.type);
      const future = frames.find((f) => f.data.type === 'response.some_future_event')!.data;
      expect(future).toEqual({
        type: 'response.some_future_event',
        output_index: 0,
        payload: { nested: [1, 2, 3] },
        sequence_number: 3,
      });
      const search = frames.find((f) => f.data.type === 'response.web_search_call.in_progress')!.data;
      expect(search).toEqual({
        type: 'response.web_search_call.in_progress',
        output_index: 0,
        item_id: 'ws_1',
        sequence_number: 2,
      });
    }
  });

  it('the real SDK stream helper assembles the restored response', async () => {
    upstream.use(responsesToolReply);
    includeUnknownEvent = false;
    const openai = new OpenAI({ apiKey: 'k', baseURL: `${restoring.url}/v1`, maxRetries: 0 });
    const final = await openai.responses.stream({ model: 'gpt-test', input: PROMPT }).finalResponse();
    expect(final.output_text).toBe(`Mailing ${EMAIL}.`);
  });
});

describe('anthropic messages', () => {
  function anthropicReply(req: RecordedRequest, res: ServerResponse): void {
    const p = placeholdersOf(req);
    const input = { to: p.email, subject: p.quoted };
    const text0 = `Hello ${p.email}.`;
    const text2 = `Card ${p.card} noted, ${p.email}.`;
    const final = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: 'claude-test',
      content: [
        { type: 'text', text: text0 },
        { type: 'tool_use', id: 'toolu_1', name: 'send_mail', input },
        { type: 'text', text: text2 },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    };
    if (!(JSON.parse(req.body) as { stream?: boolean }).stream) {
      json(res, final);
      return;
    }
    const delta = (index: number, d: Record<string, unknown>) => ({
      event: 'content_block_delta',
      data: { type: 'content_block_delta', index, delta: d },
    });
    const t0 = shards(text0);
    const t2 = shards(text2);
    const frames: Array<{ event?: string; data: unknown } | string> = [
      {
        event: 'message_start',
        data: { type: 'message_start', message: { ...final, content: [], stop_reason: null } },
      },
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      },
      { event: 'ping', data: { type: 'ping' } },
      {
        event: 'content_block_start',
        data: {
          type: 'content_block_start',
          index: 1,
          content_block: { type: 'tool_use', id: 'toolu_1', name: 'send_mail', input: {} },
        },
      },
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 2, content_block: { type: 'text', text: '' } },
      },
    ];
    // Three blocks streaming interleaved: each index keeps its own channel.
    const json1 = shards(JSON.stringify(input));
    for (let i = 0; i < Math.max(t0.length, t2.length, json1.length); i++) {
      if (t0[i] !== undefined) frames.push(delta(0, { type: 'text_delta', text: t0[i] }));
      if (json1[i] !== undefined) frames.push(delta(1, { type: 'input_json_delta', partial_json: json1[i] }));
      if (t2[i] !== undefined) frames.push(delta(2, { type: 'text_delta', text: t2[i] }));
    }
    frames.push(
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 1 } },
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 2 } },
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: 'tool_use', stop_sequence: null },
          usage: { output_tokens: 9 },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    );
    writeSse(res, frames);
  }

  for (const stream of [false, true]) {
    it(`${stream ? 'streaming' : 'non-streaming'}: blocks keep separate channels; tool input per the switch`, async () => {
      upstream.use(anthropicReply);
      for (const [target, restoreArgs] of [
        [proxy, false],
        [restoring, true],
      ] as const) {
        const anthropic = new Anthropic({ apiKey: 'k', baseURL: `${target.url}/anthropic`, maxRetries: 0 });
        const params = {
          model: 'claude-test',
          max_tokens: 64,
          messages: [{ role: 'user' as const, content: PROMPT }],
        };
        const message = stream
          ? await anthropic.messages.stream(params).finalMessage()
          : await anthropic.messages.create(params);
        const [first, tool, last] = message.content;
        expect(first?.type === 'text' && first.text).toBe(`Hello ${EMAIL}.`);
        expect(last?.type === 'text' && last.text).toBe(`Card ${CARD} noted, ${EMAIL}.`);
        if (tool?.type !== 'tool_use') throw new Error('expected a tool_use block');
        if (restoreArgs) expect(tool.input).toEqual({ to: EMAIL, subject: QUOTED });
        else expect(JSON.stringify(tool.input)).not.toContain(EMAIL);
      }
    });
  }

  it('streaming: non-text events pass unchanged and in order', async () => {
    upstream.use(anthropicReply);
    const response = await postJson(
      restoring.url,
      ROUTES.anthropic.path,
      ROUTES.anthropic.body(PROMPT, { stream: true }),
    );
    const frames = parseSse(response.text).map((f) => ({
      event: f.event,
      data: JSON.parse(f.data) as Record<string, AnyJson>,
    }));
    const order = frames
      .filter((f) => f.event !== 'content_block_delta')
      .map((f) => `${f.event}${f.data.index ?? ''}`);
    expect(order).toEqual([
      'message_start',
      'content_block_start0',
      'ping',
      'content_block_start1',
      'content_block_start2',
      'content_block_stop0',
      'content_block_stop1',
      'content_block_stop2',
      'message_delta',
      'message_stop',
    ]);
    // Every delta for a block comes before that block's stop.
    frames.forEach((f, i) => {
      if (f.event !== 'content_block_delta') return;
      const stop = frames.findIndex((g) => g.event === 'content_block_stop' && g.data.index === f.data.index);
      expect(i).toBeLessThan(stop);
    });
    expect(frames.find((f) => f.event === 'message_delta')!.data).toEqual({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: 9 },
    });
  });
});
