import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type FakeHandler = (request: RecordedRequest, response: ServerResponse) => void | Promise<void>;

/** Pulls the last user-authored text out of any of the three request shapes. */
export function lastUserText(body: Record<string, unknown>): string {
  const textOf = (content: unknown): string => {
    if (typeof content === 'string') return content;
    if (Array.isArray(content)) {
      return content
        .map((part) =>
          part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string'
            ? (part as { text: string }).text
            : '',
        )
        .join('');
    }
    return '';
  };
  if (typeof body.input === 'string') return body.input;
  const list = (body.messages ?? body.input) as Array<{ role?: string; content?: unknown }> | undefined;
  const last = [...(list ?? [])].reverse().find((m) => m.role === 'user');
  return textOf(last?.content);
}

function sse(response: ServerResponse, frames: Array<{ event?: string; data: unknown }>, split = 5): void {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'x-request-id': 'upstream-req-1' });
  // Write in small uneven byte pieces so frames, placeholders and multi-byte characters straddle writes.
  const bytes = Buffer.from(
    frames
      .map(
        (f) =>
          `${f.event ? `event: ${f.event}\n` : ''}data: ${typeof f.data === 'string' ? f.data : JSON.stringify(f.data)}\n\n`,
      )
      .join(''),
  );
  for (let i = 0, step = 1; i < bytes.length; i += step, step = (step % split) + 3)
    response.write(bytes.subarray(i, i + step));
  response.end();
}

/** Splits text into small deltas (1–6 characters) the way a model streams tokens. */
export function toDeltas(text: string): string[] {
  const out: string[] = [];
  for (let i = 0, step = 1; i < text.length; i += step, step = (step % 6) + 1)
    out.push(text.slice(i, i + step));
  return out;
}

/** A model whose answer is `replyFor(request body)`, in the shape and mode (JSON or SSE) asked for. */
export function replyingHandler(replyFor: (body: Record<string, unknown>) => string): FakeHandler {
  return (request, response) => answer(request, response, replyFor);
}

/** An echo model: answers `You said: <last user text>` in the shape and mode (JSON or SSE) asked for. */
export const echoHandler: FakeHandler = replyingHandler((body) => `You said: ${lastUserText(body)}`);

function answer(
  request: RecordedRequest,
  response: ServerResponse,
  replyFor: (body: Record<string, unknown>) => string,
): void {
  const body = JSON.parse(request.body) as Record<string, unknown>;
  const reply = replyFor(body);
  const stream = body.stream === true;
  if (request.url.endsWith('/chat/completions')) {
    if (!stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          id: 'chatcmpl-1',
          object: 'chat.completion',
          created: 1,
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
        }),
      );
      return;
    }
    const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: body.model };
    sse(response, [
      {
        data: {
          ...base,
          choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }],
        },
      },
      ...toDeltas(reply).map((d) => ({
        data: { ...base, choices: [{ index: 0, delta: { content: d }, finish_reason: null }] },
      })),
      { data: { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] } },
      { data: '[DONE]' },
    ]);
    return;
  }
  if (request.url.endsWith('/responses')) {
    const message = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: reply, annotations: [] }],
    };
    const done = {
      id: 'resp_1',
      object: 'response',
      created_at: 1,
      status: 'completed',
      model: body.model,
      output: [message],
      usage: null,
    };
    if (!stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(done));
      return;
    }
    let seq = 0;
    const ev = (data: Record<string, unknown>) => ({
      event: String(data.type),
      data: { ...data, sequence_number: seq++ },
    });
    sse(response, [
      ev({ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } }),
      ev({
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...message, status: 'in_progress', content: [] },
      }),
      ev({
        type: 'response.content_part.added',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      }),
      ...toDeltas(reply).map((d) =>
        ev({
          type: 'response.output_text.delta',
          item_id: 'msg_1',
          output_index: 0,
          content_index: 0,
          delta: d,
        }),
      ),
      ev({
        type: 'response.output_text.done',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        text: reply,
      }),
      ev({
        type: 'response.content_part.done',
        item_id: 'msg_1',
        output_index: 0,
        content_index: 0,
        part: { type: 'output_text', text: reply, annotations: [] },
      }),
      ev({ type: 'response.output_item.done', output_index: 0, item: message }),
      ev({ type: 'response.completed', response: done }),
    ]);
    return;
  }
  if (request.url.endsWith('/v1/messages')) {
    const message = {
      id: 'msg_1',
      type: 'message',
      role: 'assistant',
      model: body.model,
      content: [{ type: 'text', text: reply }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    };
    if (!stream) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify(message));
      return;
    }
    sse(response, [
      {
        event: 'message_start',
        data: { type: 'message_start', message: { ...message, content: [], stop_reason: null } },
      },
      {
        event: 'content_block_start',
        data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      },
      ...toDeltas(reply).map((d) => ({
        event: 'content_block_delta',
        data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: d } },
      })),
      { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
      {
        event: 'message_delta',
        data: {
          type: 'message_delta',
          delta: { stop_reason: 'end_turn', stop_sequence: null },
          usage: { output_tokens: 1 },
        },
      },
      { event: 'message_stop', data: { type: 'message_stop' } },
    ]);
    return;
  }
  response.writeHead(404, { 'content-type': 'application/json' });
  response.end('{"error":{"message":"not found"}}');
}

export interface FakeUpstream {
  url: string;
  requests: RecordedRequest[];
  /** Replaces the handler for the following requests. */
  use(handler: FakeHandler): void;
  close(): Promise<void>;
}

/** A recording upstream on 127.0.0.1 that answers like OpenAI / Anthropic. */
export async function startFakeUpstream(handler: FakeHandler = echoHandler): Promise<FakeUpstream> {
  const requests: RecordedRequest[] = [];
  let current = handler;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      Promise.resolve(current(recorded, res)).catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    use(next) {
      current = next;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
