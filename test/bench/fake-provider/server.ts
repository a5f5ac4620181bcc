/**
 * The fake provider every benchmark talks to (run as its own process): OpenAI chat completions, OpenAI
 * Responses and Anthropic messages, as JSON or as SSE with token-sized deltas. It answers
 * `You said: <last user text>` so the client can check rehydration exactly, gives every Responses answer a
 * fresh id, and counts requests that carry a canary value raw (the leak check), never printing one.
 *
 * Environment:
 *   BENCH_DELTA_CHARS   characters per streamed delta (default 8, about two tokens)
 *   BENCH_CANARY_SEED   with BENCH_CANARY_COUNT: the canaries to look for in every request
 * A model named `bench-slow-<ms>` holds its answer that long: a stream sends its first event at once and
 * the rest after the delay (the websocket abuse workload uses it to keep a turn observably in flight).
 * GET /__bench/stats answers {requests, leakedRequests, bodyBytes}.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastUserText } from '../../../apps/proxy/test/fake-upstream.ts';
import { createLeakScanner, makeCanaries } from '../traffic/canaries.ts';

const setting = (name: string): string | undefined => process.env[name];
const deltaChars = Number(setting('BENCH_DELTA_CHARS') ?? 8);
const canarySeed = setting('BENCH_CANARY_SEED');
const scanForLeaks = canarySeed
  ? createLeakScanner(makeCanaries(canarySeed, Number(setting('BENCH_CANARY_COUNT') ?? 50)))
  : undefined;
const stats = { requests: 0, leakedRequests: 0, bodyBytes: 0 };
let responseCounter = 0;

type Json = Record<string, unknown>;

function deltas(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += deltaChars) out.push(text.slice(i, i + deltaChars));
  return out;
}

type Frame = { event?: string; data: unknown };
const frameText = (frames: Frame[]) =>
  frames
    .map(
      (f) =>
        `${f.event ? `event: ${f.event}\n` : ''}data: ${typeof f.data === 'string' ? f.data : JSON.stringify(f.data)}\n\n`,
    )
    .join('');

/**
 * Writes SSE frames in four pieces, so events and placeholders straddle network writes. With `holdMs`, the
 * first frame goes out at once and the rest after that delay (a turn observably in flight).
 */
function writeSse(response: ServerResponse, frames: Frame[], holdMs = 0): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const writeRest = (rest: Frame[]) => {
    const text = frameText(rest);
    const piece = Math.max(1, Math.ceil(text.length / 4));
    for (let i = 0; i < text.length; i += piece) response.write(text.slice(i, i + piece));
    response.end();
  };
  if (holdMs <= 0) {
    writeRest(frames);
    return;
  }
  response.write(frameText(frames.slice(0, 1)));
  setTimeout(() => writeRest(frames.slice(1)), holdMs);
}

function writeJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

function chat(response: ServerResponse, body: Json, reply: string, holdMs: number): void {
  if (body.stream !== true) {
    writeJson(response, 200, {
      id: 'chatcmpl-bench',
      object: 'chat.completion',
      created: 1,
      model: body.model,
      choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
    });
    return;
  }
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1, model: body.model };
  const choice = (delta: Json, finish: string | null) => ({
    data: { ...base, choices: [{ index: 0, delta, finish_reason: finish }] },
  });
  writeSse(
    response,
    [
      choice({ role: 'assistant', content: '' }, null),
      ...deltas(reply).map((d) => choice({ content: d }, null)),
      choice({}, 'stop'),
      { data: '[DONE]' },
    ],
    holdMs,
  );
}

function responses(response: ServerResponse, body: Json, reply: string, holdMs: number): void {
  const id = `resp_bench_${++responseCounter}`;
  const message = {
    id: `msg_bench_${responseCounter}`,
    type: 'message',
    role: 'assistant',
    status: 'completed',
    content: [{ type: 'output_text', text: reply, annotations: [] }],
  };
  const done = {
    id,
    object: 'response',
    created_at: 1,
    status: 'completed',
    model: body.model,
    output: [message],
    usage: null,
  };
  if (body.stream !== true) {
    writeJson(response, 200, done);
    return;
  }
  let sequence = 0;
  const event = (data: Json) => ({
    event: String(data.type),
    data: { ...data, sequence_number: sequence++ },
  });
  const at = { item_id: message.id, output_index: 0, content_index: 0 };
  writeSse(
    response,
    [
      event({ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } }),
      event({
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...message, status: 'in_progress', content: [] },
      }),
      event({
        type: 'response.content_part.added',
        ...at,
        part: { type: 'output_text', text: '', annotations: [] },
      }),
      ...deltas(reply).map((delta) => event({ type: 'response.output_text.delta', ...at, delta })),
      event({ type: 'response.output_text.done', ...at, text: reply }),
      event({ type: 'response.content_part.done', ...at, part: message.content[0] }),
      event({ type: 'response.output_item.done', output_index: 0, item: message }),
      event({ type: 'response.completed', response: done }),
    ],
    holdMs,
  );
}

function anthropic(response: ServerResponse, body: Json, reply: string, holdMs: number): void {
  const message = {
    id: 'msg_bench',
    type: 'message',
    role: 'assistant',
    model: body.model,
    content: [{ type: 'text', text: reply }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 1, output_tokens: 1 },
  };
  if (body.stream !== true) {
    writeJson(response, 200, message);
    return;
  }
  const event = (type: string, data: Json) => ({ event: type, data: { type, ...data } });
  writeSse(
    response,
    [
      event('message_start', { message: { ...message, content: [], stop_reason: null } }),
      event('content_block_start', { index: 0, content_block: { type: 'text', text: '' } }),
      ...deltas(reply).map((text) =>
        event('content_block_delta', { index: 0, delta: { type: 'text_delta', text } }),
      ),
      event('content_block_stop', { index: 0 }),
      event('message_delta', {
        delta: { stop_reason: 'end_turn', stop_sequence: null },
        usage: { output_tokens: 1 },
      }),
      event('message_stop', {}),
    ],
    holdMs,
  );
}

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/__bench/stats') {
    writeJson(response, 200, stats);
    return;
  }
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    stats.requests++;
    stats.bodyBytes += raw.length;
    if (scanForLeaks && scanForLeaks(`${JSON.stringify(request.headers)}\n${request.url}\n${raw}`) > 0)
      stats.leakedRequests++;
    let body: Json;
    try {
      body = JSON.parse(raw) as Json;
    } catch {
      writeJson(response, 400, { error: { message: 'invalid JSON', type: 'invalid_request_error' } });
      return;
    }
    const reply = `You said: ${lastUserText(body)}`;
    const holdMs = Number(/^bench-slow-(\d+)$/.exec(String(body.model))?.[1] ?? 0);
    const answer = () => {
      if (request.url === '/v1/chat/completions') chat(response, body, reply, holdMs);
      else if (request.url === '/v1/responses') responses(response, body, reply, holdMs);
      else if (request.url === '/v1/messages') anthropic(response, body, reply, holdMs);
      else writeJson(response, 404, { error: { message: 'not found', type: 'invalid_request_error' } });
    };
    // A streamed answer starts at once and holds the rest; a JSON answer is delayed whole.
    if (holdMs > 0 && body.stream !== true) setTimeout(answer, holdMs);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: (server.address() as AddressInfo).port })}\n`);
});
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
