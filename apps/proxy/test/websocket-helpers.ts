import type { IncomingHttpHeaders } from 'node:http';
import WebSocket from 'ws';
import { type FakeHandler, lastUserText, type RecordedRequest, toDeltas } from './fake-upstream.ts';

/** A test client on the proxy's websocket: queues received events and lets a test await them. */
export interface TestSocket {
  ws: WebSocket;
  /** Headers of the 101 answer (the proxy returns the turn key there). */
  handshake: IncomingHttpHeaders;
  events: Array<Record<string, unknown>>;
  send(event: unknown): void;
  /** Resolves with the next event (in order), failing after `timeoutMs`. */
  next(timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Collects events up to and including a terminal or error event. */
  turn(timeoutMs?: number): Promise<Array<Record<string, unknown>>>;
  closed: Promise<{ code: number; reason: string }>;
}

export const TERMINAL = new Set(['response.completed', 'response.failed', 'response.incomplete', 'error']);

export function openSocket(url: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/v1/responses`, {
    headers: { authorization: 'Bearer test-openai-key', ...headers },
  });
  const events: Array<Record<string, unknown>> = [];
  let cursor = 0;
  const waiters: Array<() => void> = [];
  ws.on('message', (data) => {
    events.push(JSON.parse(String(data)) as Record<string, unknown>);
    for (const wake of waiters.splice(0)) wake();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  const next = async (timeoutMs = 5000): Promise<Record<string, unknown>> => {
    const deadline = Date.now() + timeoutMs;
    while (cursor >= events.length) {
      if (Date.now() > deadline || ws.readyState === WebSocket.CLOSED) throw new Error('no further event');
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
    return events[cursor++]!;
  };
  return new Promise((resolve, reject) => {
    ws.once('upgrade', (response) => {
      ws.once('open', () =>
        resolve({
          ws,
          handshake: response.headers,
          events,
          send: (event) => ws.send(typeof event === 'string' ? event : JSON.stringify(event)),
          next,
          async turn(timeoutMs = 5000) {
            const out: Array<Record<string, unknown>> = [];
            for (;;) {
              const event = await next(timeoutMs);
              out.push(event);
              if (TERMINAL.has(String(event.type))) return out;
            }
          },
          closed,
        }),
      );
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      response.on('end', () =>
        reject(
          Object.assign(new Error(`handshake ${response.statusCode}`), { status: response.statusCode, body }),
        ),
      );
    });
    ws.once('error', reject);
  });
}

/** Text of all output_text deltas of one turn. */
export function deltaText(events: ReadonlyArray<Record<string, unknown>>): string {
  return events
    .filter((e) => e.type === 'response.output_text.delta')
    .map((e) => String(e.delta))
    .join('');
}

function sseText(frames: Array<Record<string, unknown>>): string {
  return frames.map((f) => `event: ${String(f.type)}\ndata: ${JSON.stringify(f)}\n\n`).join('');
}

/** Writes text in small uneven byte pieces so events, placeholders and characters straddle network writes. */
function writeSplit(response: Parameters<FakeHandler>[1], text: string): void {
  const bytes = Buffer.from(text);
  for (let i = 0, step = 1; i < bytes.length; i += step, step = (step % 5) + 3)
    response.write(bytes.subarray(i, i + step));
}

/** Every user-authored text in a Responses input list. */
function userTexts(body: Record<string, unknown>): string[] {
  if (typeof body.input === 'string') return [body.input];
  const items = (body.input ?? []) as Array<{ role?: string; content?: unknown }>;
  return items
    .filter((item) => item.role === 'user')
    .map((item) => lastUserText({ input: [item] }))
    .filter((text) => text.length > 0);
}

export interface ConversationUpstream {
  handler: FakeHandler;
  /** Pause the next response after this many deltas until `release()` (or until the client goes). */
  holdAfter(deltas: number): void;
  release(): void;
  /** Break the next response after this many deltas (socket destroyed mid-stream). */
  breakAfter(deltas: number): void;
}

/**
 * A Responses upstream with memory: it answers `You said: <every user text of the conversation>`, where
 * the conversation is what `previous_response_id` points to plus this request's input (replayed
 * history included). Ids are unique, so chains can be followed.
 */
export function conversationUpstream(): ConversationUpstream {
  const remembered = new Map<string, string[]>();
  let counter = 0;
  let hold: { after: number; release?: () => void } | undefined;
  let breakAt: number | undefined;
  const handler: FakeHandler = async (request: RecordedRequest, response) => {
    const body = JSON.parse(request.body) as Record<string, unknown>;
    const earlier =
      typeof body.previous_response_id === 'string' ? remembered.get(body.previous_response_id) : [];
    if (earlier === undefined) {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          error: {
            message: 'Previous response not found.',
            type: 'invalid_request_error',
            code: 'previous_response_not_found',
            param: 'previous_response_id',
          },
        }),
      );
      return;
    }
    const texts = [...earlier, ...userTexts(body)];
    const id = `resp_up_${++counter}`;
    remembered.set(id, texts);
    const reply = `You said: ${texts.join(' | ')}`;
    const message = {
      id: `msg_${counter}`,
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
    let seq = 0;
    const ev = (data: Record<string, unknown>) => ({ ...data, sequence_number: seq++ });
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    writeSplit(
      response,
      sseText([
        ev({ type: 'response.created', response: { ...done, status: 'in_progress', output: [] } }),
        ev({
          type: 'response.output_item.added',
          output_index: 0,
          item: { ...message, status: 'in_progress', content: [] },
        }),
      ]),
    );
    const deltas = toDeltas(reply);
    for (const [index, delta] of deltas.entries()) {
      if (breakAt !== undefined && index === breakAt) {
        breakAt = undefined;
        // Let what was written reach the proxy first, so the break is mid-stream.
        await new Promise((resolve) => setTimeout(resolve, 30));
        response.destroy();
        return;
      }
      if (hold && index === hold.after) {
        const current = hold;
        await new Promise<void>((resolve) => {
          current.release = resolve;
          response.once('close', resolve);
        });
        hold = undefined;
        if (response.destroyed || response.writableEnded) return;
      }
      writeSplit(
        response,
        sseText([
          ev({
            type: 'response.output_text.delta',
            item_id: message.id,
            output_index: 0,
            content_index: 0,
            delta,
          }),
        ]),
      );
    }
    writeSplit(
      response,
      sseText([
        ev({
          type: 'response.output_text.done',
          item_id: message.id,
          output_index: 0,
          content_index: 0,
          text: reply,
        }),
        ev({ type: 'response.output_item.done', output_index: 0, item: message }),
        ev({ type: 'response.completed', response: done }),
      ]),
    );
    response.end();
  };
  return {
    handler,
    holdAfter(deltas) {
      hold = { after: deltas };
    },
    release() {
      hold?.release?.();
    },
    breakAfter(deltas) {
      breakAt = deltas;
    },
  };
}
