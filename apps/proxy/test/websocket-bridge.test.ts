import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type FakeUpstream, startFakeUpstream } from './fake-upstream.ts';
import { type RunningProxy, startProxy, upstreamView } from './proxy-harness.ts';
import {
  type ConversationUpstream,
  conversationUpstream,
  deltaText,
  openSocket,
  type TestSocket,
} from './websocket-helpers.ts';

const EMAIL = 'ann.lee@example.com';
const CARD = '4111 1111 1111 1111';
const TERM = 'Project Nightjar';
const CANARIES = [EMAIL, CARD, TERM];
const PROMPT = `Mail ${EMAIL} about ${TERM}; card ${CARD}. Again: ${EMAIL}.`;

let upstream: FakeUpstream;
let conversation: ConversationUpstream;
let proxy: RunningProxy;
const sockets: TestSocket[] = [];

async function connect(
  headers: Record<string, string> = {},
  target: RunningProxy = proxy,
): Promise<TestSocket> {
  const socket = await openSocket(target.url, headers);
  sockets.push(socket);
  return socket;
}

function create(input: unknown, extra: Record<string, unknown> = {}) {
  return { type: 'response.create', model: 'gpt-test', input, ...extra };
}

function userMessage(text: string) {
  return [{ type: 'message', role: 'user', content: [{ type: 'input_text', text }] }];
}

function requestBodies(): Array<Record<string, unknown>> {
  return upstream.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>);
}

function expectNoCanaryUpstream(): void {
  const seen = upstreamView(upstream);
  for (const canary of CANARIES) expect(seen).not.toContain(canary);
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

beforeAll(async () => {
  upstream = await startFakeUpstream();
  proxy = await startProxy(upstream, { STRONK_GATEWAY_WS_MAX_SESSIONS: '8' });
});
afterAll(async () => {
  await proxy.close();
  await upstream.close();
});
beforeEach(() => {
  upstream.requests.length = 0;
  conversation = conversationUpstream();
  upstream.use(conversation.handler);
});
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.ws.terminate();
});

describe('responses websocket: masking and rehydration', () => {
  it('masks the turn, bridges to POST /responses with stream:true, and rehydrates split placeholders', async () => {
    const socket = await connect({ 'x-codex-turn-metadata': JSON.stringify({ turn_id: 't1', note: EMAIL }) });
    socket.send(
      create(userMessage(PROMPT), {
        instructions: `Serve ${TERM}.`,
        client_metadata: { 'x-codex-turn-metadata': JSON.stringify({ turn_id: 't1' }), thread_id: 'th1' },
      }),
    );
    const events = await socket.turn();
    const expected = `You said: ${PROMPT}`;
    expect(deltaText(events)).toBe(expected);
    const done = events.find((e) => e.type === 'response.output_text.done');
    expect(done?.text).toBe(expected);
    const completed = events.at(-1)!;
    expect(completed.type).toBe('response.completed');
    expect(JSON.stringify(completed.response)).toContain(EMAIL);

    expect(upstream.requests).toHaveLength(1);
    const [request] = upstream.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('/v1/responses');
    expect(request?.headers.authorization).toBe('Bearer test-openai-key');
    expect(request?.headers['x-codex-turn-metadata']).toBeUndefined();
    expect(request?.headers['x-codex-turn-state']).toBeUndefined();
    const body = requestBodies()[0]!;
    expect(body.stream).toBe(true);
    for (const field of ['type', 'client_metadata', 'generate']) expect(body).not.toHaveProperty(field);
    expect(upstreamView(upstream)).not.toContain('turn_id');
    expectNoCanaryUpstream();
    // The same value gets one placeholder within the turn.
    const placeholders = String(JSON.stringify(body.input)).match(/\[\[[A-Z_]+_[A-Za-z0-9]+\]\]/g) ?? [];
    expect(placeholders.length).toBeGreaterThanOrEqual(3);
  });

  it('keeps values out of telemetry and errors even when a value is an object key (found by the leak fuzzer)', async () => {
    const socket = await connect();
    proxy.records.length = 0;
    socket.send(create(userMessage('hello'), { x_keys: { [`mail ${EMAIL}`]: 1 } }));
    await socket.turn();
    socket.send(
      create('hello', {
        tools: [
          {
            type: 'function',
            name: 'lookup',
            parameters: { type: 'object', properties: { [EMAIL]: { type: 'string', description: EMAIL } } },
          },
        ],
      }),
    );
    const [refused] = await socket.turn();
    expect(refused).toMatchObject({ type: 'error', error: { code: 'sensitive_tool_definition' } });
    expect(JSON.stringify(refused)).not.toContain(EMAIL);
    expect(proxy.records).toHaveLength(2);
    expect(JSON.stringify(proxy.records)).not.toContain(EMAIL);
    expect(proxy.records[0]?.touchedPaths).toEqual(['x_keys[*]']);
  });

  it('returns a turn key in the handshake and never forwards one the client presents', async () => {
    const minted = await connect();
    expect(String(minted.handshake['x-codex-turn-state'])).toMatch(/^wst_/);
    const socket = await connect({ 'x-codex-turn-state': 'client-key-0001' });
    expect(socket.handshake['x-codex-turn-state']).toBe('client-key-0001');
    socket.send(create('hello', { client_metadata: { 'x-codex-turn-state': 'client-key-0001' } }));
    await socket.turn();
    expect(upstreamView(upstream)).not.toContain('client-key-0001');
  });

  it('blocks a turn with a secret: an error event, nothing upstream, and the socket stays usable', async () => {
    const socket = await connect();
    socket.send(create(`deploy with ghp_${'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'}`));
    const [error] = await socket.turn();
    expect(error).toMatchObject({
      type: 'error',
      status: 400,
      error: { code: 'sensitive_content_blocked', type: 'invalid_request_error' },
    });
    expect(upstream.requests).toHaveLength(0);
    socket.send(create('and now something harmless'));
    expect(deltaText(await socket.turn())).toBe('You said: and now something harmless');
  });

  it('answers route_local without a local model as a 503 error event', async () => {
    const local = await startProxy(upstream, { STRONK_GATEWAY_EMAIL_ACTION: 'route_local' });
    try {
      const socket = await connect({}, local);
      socket.send(create(PROMPT));
      const [error] = await socket.turn();
      expect(error).toMatchObject({ type: 'error', status: 503, error: { code: 'route_local_unavailable' } });
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await local.close();
    }
  });

  it('sends route_local turns unmasked to the local model and relays them as they are', async () => {
    const localModel = await startFakeUpstream(conversationUpstream().handler);
    const local = await startProxy(upstream, {
      STRONK_GATEWAY_EMAIL_ACTION: 'route_local',
      STRONK_GATEWAY_LOCAL_UPSTREAM_BASE_URL: `${localModel.url}/v1`,
    });
    try {
      const socket = await connect({}, local);
      socket.send(create(PROMPT));
      expect(deltaText(await socket.turn())).toBe(`You said: ${PROMPT}`);
      expect(upstream.requests).toHaveLength(0);
      expect(localModel.requests[0]?.body).toContain(EMAIL);
      expect(localModel.requests[0]?.headers.authorization).toBeUndefined();
    } finally {
      await local.close();
      await localModel.close();
    }
  });
});

describe('responses websocket: prewarm and chains', () => {
  it('answers generate:false locally and folds its input into the next real turn', async () => {
    const socket = await connect();
    socket.send(
      create(userMessage(`Context: the owner is ${EMAIL}.`), { generate: false, instructions: 'be brief' }),
    );
    const prewarm = await socket.turn();
    expect(prewarm.map((e) => e.type)).toEqual(['response.created', 'response.completed']);
    expect(upstream.requests).toHaveLength(0);
    const localId = String((prewarm[1]!.response as { id: string }).id);

    socket.send(
      create(userMessage(`Write to ${EMAIL} now.`), {
        previous_response_id: localId,
        instructions: 'be brief',
      }),
    );
    const events = await socket.turn();
    expect(deltaText(events)).toBe(`You said: Context: the owner is ${EMAIL}. | Write to ${EMAIL} now.`);
    expect(upstream.requests).toHaveLength(1);
    const body = requestBodies()[0]!;
    expect(body).not.toHaveProperty('previous_response_id');
    expect(upstreamView(upstream)).not.toContain(localId);
    expect(body.input).toHaveLength(2);
    expectNoCanaryUpstream();
  });

  it('keeps a real previous_response_id and one vault scope across the chain', async () => {
    const socket = await connect();
    socket.send(create(userMessage(`My mail is ${EMAIL}.`)));
    const first = await socket.turn();
    const firstId = String((first.at(-1)!.response as { id: string }).id);
    socket.send(create(userMessage('Repeat everything I said.'), { previous_response_id: firstId }));
    const second = await socket.turn();
    // The model repeats a value from turn 1; it is rehydrated in turn 2.
    expect(deltaText(second)).toBe(`You said: My mail is ${EMAIL}. | Repeat everything I said.`);
    const bodies = requestBodies();
    expect(bodies[1]?.previous_response_id).toBe(firstId);
    expectNoCanaryUpstream();
    const placeholderOf = (body: Record<string, unknown> | undefined) =>
      JSON.stringify(body?.input).match(/\[\[EMAIL[A-Z_]*_[A-Za-z0-9]+\]\]/)?.[0];
    expect(placeholderOf(bodies[0])).toBeDefined();
    // Turn 2 mentions the email again: same placeholder as turn 1.
    socket.send(
      create(userMessage(`Also cc ${EMAIL}.`), {
        previous_response_id: String((second.at(-1)!.response as { id: string }).id),
      }),
    );
    await socket.turn();
    expect(placeholderOf(requestBodies()[2])).toBe(placeholderOf(bodies[0]));
  });

  it('replays masked history instead of previous_response_id when store is false', async () => {
    const socket = await connect();
    socket.send(create(userMessage(`Mail ${EMAIL}.`), { store: false }));
    const first = await socket.turn();
    const firstId = String((first.at(-1)!.response as { id: string }).id);
    socket.send(create(userMessage('And again.'), { store: false, previous_response_id: firstId }));
    expect(deltaText(await socket.turn())).toBe(`You said: Mail ${EMAIL}. | And again.`);
    const body = requestBodies()[1]!;
    expect(body).not.toHaveProperty('previous_response_id');
    // Turn 1 input, turn 1 output (the assistant message), turn 2 input.
    expect((body.input as unknown[]).map((item) => (item as { role?: string }).role)).toEqual([
      'user',
      'assistant',
      'user',
    ]);
    expectNoCanaryUpstream();
  });

  it('response.append continues the last completed response with the same parameters', async () => {
    const socket = await connect();
    socket.send(create(userMessage(`Mail ${EMAIL}.`), { instructions: 'terse' }));
    const first = await socket.turn();
    socket.send({ type: 'response.append', input: userMessage('More.') });
    expect(deltaText(await socket.turn())).toBe(`You said: Mail ${EMAIL}. | More.`);
    const body = requestBodies()[1]!;
    expect(body.previous_response_id).toBe((first.at(-1)!.response as { id: string }).id);
    expect(body.instructions).toBe('terse');
  });
});

describe('responses websocket: turn state and reconnects', () => {
  it('resumes from the last committed response after a mid-turn drop', async () => {
    const key = 'reconnect-key-0001';
    const first = await connect({ 'x-codex-turn-state': key });
    first.send(create(userMessage(`Mail ${EMAIL}.`)));
    const committed = await first.turn();
    const committedId = String((committed.at(-1)!.response as { id: string }).id);

    conversation.holdAfter(3);
    first.send({ type: 'response.append', input: userMessage('This turn will be cut.') });
    await waitFor(
      () =>
        first.events.some(
          (e) => e.type === 'response.output_text.delta' && e !== committed.find((c) => c === e),
        ) && upstream.requests.length === 2,
    );
    first.ws.terminate();

    // The server notices the drop; the key is then free again (no 409).
    let second: TestSocket | undefined;
    await waitFor(() => false, 0).catch(() => {});
    for (let attempt = 0; attempt < 50 && !second; attempt++) {
      second = await connect({ 'x-codex-turn-state': key }).catch(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        return undefined;
      });
    }
    expect(second).toBeDefined();
    second!.send({ type: 'response.append', input: userMessage('Resumed.') });
    expect(deltaText(await second!.turn())).toBe(`You said: Mail ${EMAIL}. | Resumed.`);
    expect(requestBodies()[2]?.previous_response_id).toBe(committedId);
  });

  it('refuses a second socket with 409 invalid_websocket_turn while the key has a turn in flight', async () => {
    const key = 'collision-key-0001';
    const first = await connect({ 'x-codex-turn-state': key });
    conversation.holdAfter(2);
    first.send(create('a long answer'));
    await waitFor(() => upstream.requests.length === 1);
    const refused = await connect({ 'x-codex-turn-state': key }).then(
      () => undefined,
      (error: { status: number; body: string }) => error,
    );
    expect(refused?.status).toBe(409);
    expect(JSON.parse(refused!.body)).toMatchObject({ error: { code: 'invalid_websocket_turn' } });
    conversation.release();
    await first.turn();
    // Once the turn has ended the key is free again.
    const later = await connect({ 'x-codex-turn-state': key });
    expect(later.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('does not let another credential continue a chain', async () => {
    const socket = await connect();
    socket.send(create(userMessage(`Mail ${EMAIL}.`), { store: false }));
    const first = await socket.turn();
    const id = String((first.at(-1)!.response as { id: string }).id);
    const stranger = await connect({ authorization: 'Bearer someone-else' });
    stranger.send(create(userMessage('What did they say?'), { store: false, previous_response_id: id }));
    await stranger.turn();
    // Not resolved from memory: the id goes upstream as it is and no history is replayed.
    expect(requestBodies()[1]?.previous_response_id).toBe(id);
    expect(requestBodies()[1]?.input).toHaveLength(1);
  });
});

describe('responses websocket: limits and malformed traffic', () => {
  it('refuses sessions beyond the cap without evicting open ones', async () => {
    const capped = await startProxy(upstream, { STRONK_GATEWAY_WS_MAX_SESSIONS: '2' });
    try {
      const a = await connect({}, capped);
      const b = await connect({}, capped);
      const refused = await connect({}, capped).then(
        () => undefined,
        (error: { status: number; body: string }) => error,
      );
      expect(refused?.status).toBe(503);
      expect(JSON.parse(refused!.body)).toMatchObject({ error: { code: 'websocket_session_limit' } });
      for (const socket of [a, b]) {
        socket.send(create('still here'));
        expect(deltaText(await socket.turn())).toBe('You said: still here');
      }
    } finally {
      await capped.close();
    }
  });

  it('rejects binary frames with an error event and close 1003', async () => {
    const socket = await connect();
    socket.ws.send(Buffer.from(JSON.stringify(create('hi'))), { binary: true });
    const error = await socket.next();
    expect(error).toMatchObject({ type: 'error', error: { code: 'unsupported_frame' } });
    expect((await socket.closed).code).toBe(1003);
    expect(upstream.requests).toHaveLength(0);
  });

  it('answers malformed JSON and unknown event types with error events and sends nothing upstream', async () => {
    const socket = await connect();
    socket.send('{"type": "response.create", ');
    expect(await socket.next()).toMatchObject({
      type: 'error',
      status: 400,
      error: { code: 'invalid_json' },
    });
    socket.send({ type: 'session.update', secret: EMAIL });
    const unknown = await socket.next();
    expect(unknown).toMatchObject({ type: 'error', error: { code: 'unknown_event_type' } });
    socket.send({ type: 'response.append' });
    expect(await socket.next()).toMatchObject({ type: 'error', error: { code: 'invalid_event' } });
    socket.send({
      type: 'response.create',
      model: 'gpt-test',
      input: 'x',
      previous_response_id: 'resp_local_deadbeef',
    });
    expect(await socket.next()).toMatchObject({
      type: 'error',
      error: { code: 'previous_response_not_found' },
    });
    expect(upstream.requests).toHaveLength(0);
    expect(socket.ws.readyState).toBe(WebSocket.OPEN);
  });

  it('refuses upgrades on other paths', async () => {
    const result = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${proxy.url.replace('http', 'ws')}/v1/chat/completions`);
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('error', () => resolve(-1));
    });
    expect(result).toBe(404);
  });

  it('ends a turn whose upstream breaks mid-stream with an error event and commits nothing', async () => {
    const socket = await connect();
    conversation.breakAfter(4);
    socket.send(create(userMessage(`Mail ${EMAIL} please, it is urgent.`)));
    const events = await socket.turn();
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      status: 502,
      error: { code: 'upstream_stream_error' },
    });
    expect(deltaText(events).length).toBeGreaterThan(0);
    expect(deltaText(events)).not.toMatch(/\[\[/);
    socket.send({ type: 'response.append', input: userMessage('continue') });
    expect(await socket.next()).toMatchObject({ type: 'error', error: { code: 'no_previous_response' } });
  });

  it('passes an upstream error status back as an error event, unrehydrated', async () => {
    const socket = await connect();
    socket.send(create(userMessage('hi'), { previous_response_id: 'resp_unknown_1' }));
    const [error] = await socket.turn();
    expect(error).toMatchObject({
      type: 'error',
      status: 400,
      error: { code: 'previous_response_not_found' },
    });
  });

  it('ends a socket at its absolute lifetime only after the turn in flight has completed', async () => {
    const short = await startProxy(upstream, { STRONK_GATEWAY_WS_MAX_LIFETIME_SECONDS: '1' });
    try {
      const socket = await connect({}, short);
      conversation.holdAfter(2);
      socket.send(create('a slow answer'));
      await new Promise((resolve) => setTimeout(resolve, 1200));
      expect(socket.ws.readyState).toBe(WebSocket.OPEN);
      conversation.release();
      const turn = await socket.turn();
      expect(turn.at(-1)?.type).toBe('response.completed');
      expect(await socket.next()).toMatchObject({
        type: 'error',
        error: { code: 'websocket_connection_limit_reached' },
      });
      expect(await socket.closed).toEqual({ code: 1000, reason: 'session lifetime reached' });
    } finally {
      await short.close();
    }
  });

  it('closes the socket with 1009 when a frame exceeds the size limit', async () => {
    const small = await startProxy(upstream, { STRONK_GATEWAY_WS_MAX_FRAME_BYTES: '2048' });
    try {
      const socket = await connect({}, small);
      socket.send(create('x'.repeat(4096)));
      expect((await socket.closed).code).toBe(1009);
      expect(upstream.requests).toHaveLength(0);
    } finally {
      await small.close();
    }
  });

  it('closes idle sockets after the idle lifetime', async () => {
    const idle = await startProxy(upstream, { STRONK_GATEWAY_WS_IDLE_TIMEOUT_SECONDS: '1' });
    try {
      const socket = await connect({}, idle);
      const closed = await socket.closed;
      expect(closed.code).toBe(1000);
      expect(closed.reason).toBe('idle timeout');
    } finally {
      await idle.close();
    }
  });
});
