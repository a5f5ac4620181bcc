import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../harness/http-client.ts';
import { type Service, startFakeProvider } from '../harness/services.ts';
import { canarySentence, makeCanaries } from '../traffic/canaries.ts';
import { piiConversation } from '../traffic/conversations.ts';
import {
  expectedReply,
  jsonReply,
  providerPath,
  requestBody,
  requestHeaders,
  SURFACES,
  streamReply,
} from '../traffic/surfaces.ts';

const SEED = `test-${Math.random().toString(36).slice(2)}`;
let provider: Service;
const client = createHttpClient({ maxSockets: 4 });

beforeAll(async () => {
  provider = await startFakeProvider({
    BENCH_CANARY_SEED: SEED,
    BENCH_CANARY_COUNT: '10',
    BENCH_DELTA_CHARS: '3',
  });
});
afterAll(async () => {
  client.destroy();
  await provider?.stop();
});

const stats = async () =>
  JSON.parse((await client.get(provider.port, '/__bench/stats')).body) as {
    requests: number;
    leakedRequests: number;
  };

describe('fake provider and the surfaces that read it', () => {
  for (const surface of SURFACES) {
    for (const stream of [false, true]) {
      it(`echoes the last user text of a ${surface} request ${stream ? 'as SSE' : 'as JSON'}`, async () => {
        const conversation = piiConversation(7, { userChars: 300, historyTurns: 2, historyChars: 100 });
        const answer = await client.post(
          provider.port,
          providerPath(surface),
          requestHeaders(surface),
          requestBody(surface, conversation, { stream }),
        );
        expect(answer.status).toBe(200);
        const reply = stream ? streamReply(surface, answer.body) : jsonReply(surface, answer.body);
        expect(reply).toEqual({ text: expectedReply(conversation.user) });
      });
    }
  }

  it('counts a request that carries a canary raw, and not one that does not', async () => {
    const before = await stats();
    const send = (user: string) =>
      client.post(
        provider.port,
        providerPath('chat'),
        requestHeaders('chat'),
        requestBody('chat', { system: 'hi', history: [], user }, { stream: false }),
      );
    await send('nothing sensitive here');
    expect((await stats()).leakedRequests).toBe(before.leakedRequests);
    await send(canarySentence(makeCanaries(SEED, 10)[3]!));
    const after = await stats();
    expect(after.leakedRequests).toBe(before.leakedRequests + 1);
    expect(after.requests).toBe(before.requests + 2);
  });

  it('reports an error event in a stream instead of text', () => {
    const body =
      'data: {"choices":[{"delta":{"content":"par"}}]}\n\ndata: {"error":{"code":"upstream_stream_error"}}\n\n';
    expect(streamReply('chat', body)).toEqual({ text: 'par', error: 'upstream_stream_error' });
  });
});
