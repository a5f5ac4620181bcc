import { createVault } from '@stronk/redaction';
import { describe, expect, it } from 'vitest';
import { withoutTurnMetadata } from '../src/turn-metadata.ts';
import { parseClientEvent } from '../src/websocket/client-events.ts';
import { type Chain, SessionStore } from '../src/websocket/session-store.ts';
import { parseTurnKey } from '../src/websocket/turn-key.ts';
import { continuation, upstreamBody } from '../src/websocket/turn-request.ts';

function chain(responseId: string, overrides: Partial<Chain> = {}): Chain {
  return {
    vault: createVault(),
    credential: 'cred',
    responseId,
    upstreamResolvable: true,
    template: {},
    history: [],
    local: false,
    lastUsed: 0,
    ...overrides,
  };
}

describe('turn keys', () => {
  it('accepts bounded opaque keys and refuses anything else', () => {
    expect(parseTurnKey(undefined)).toEqual({ kind: 'absent' });
    expect(parseTurnKey('abc-DEF_123.456')).toEqual({ kind: 'valid', key: 'abc-DEF_123.456' });
    expect(parseTurnKey('short')).toEqual({ kind: 'invalid' });
    expect(parseTurnKey('x'.repeat(513))).toEqual({ kind: 'invalid' });
    expect(parseTurnKey('has space in it')).toEqual({ kind: 'invalid' });
    expect(parseTurnKey('line\r\nbreak-key')).toEqual({ kind: 'invalid' });
    expect(parseTurnKey(['array-key-1'])).toEqual({ kind: 'invalid' });
  });
});

describe('client events', () => {
  it('strips the websocket envelope and turn metadata from response.create', () => {
    const event = parseClientEvent(
      JSON.stringify({
        type: 'response.create',
        model: 'm',
        input: 'hi',
        generate: false,
        client_metadata: { 'x-codex-turn-metadata': '{}', 'x-codex-turn-state': 'key-12345678' },
      }),
    );
    expect(event).toEqual({
      type: 'response.create',
      request: { model: 'm', input: 'hi' },
      generate: false,
      turnKey: 'key-12345678',
    });
  });

  it('classifies malformed and unknown events without echoing free text', () => {
    expect(parseClientEvent('{')).toMatchObject({ type: 'invalid', code: 'invalid_json' });
    expect(parseClientEvent('[]')).toMatchObject({ type: 'invalid', code: 'invalid_event' });
    const unknown = parseClientEvent(JSON.stringify({ type: 'mail ann.lee@example.com' }));
    expect(unknown).toMatchObject({ type: 'invalid', code: 'unknown_event_type' });
    expect(JSON.stringify(unknown)).not.toContain('ann.lee');
    expect(parseClientEvent(JSON.stringify({ type: 'response.create', generate: 'no' }))).toMatchObject({
      code: 'invalid_event',
    });
  });
});

describe('turn metadata on the HTTP body', () => {
  it('drops the turn metadata and turn key from client_metadata, and an emptied client_metadata', () => {
    expect(
      withoutTurnMetadata({ a: 1, client_metadata: { 'x-codex-turn-metadata': '{}', thread_id: 't' } }),
    ).toEqual({
      a: 1,
      client_metadata: { thread_id: 't' },
    });
    expect(withoutTurnMetadata({ client_metadata: { 'x-codex-turn-state': 'k' } })).toEqual({});
    const untouched = { client_metadata: { thread_id: 't' } };
    expect(withoutTurnMetadata(untouched)).toBe(untouched);
  });
});

describe('continuation of a chain', () => {
  it('keeps previous_response_id for stored responses and replays history otherwise', () => {
    expect(continuation(chain('resp_1'), undefined)).toEqual({ history: [], previousResponseId: 'resp_1' });
    const replay = chain('resp_local_1', {
      upstreamResolvable: false,
      history: ['h1'],
      upstreamPreviousId: 'resp_0',
    });
    expect(continuation(replay, undefined)).toEqual({ history: ['h1'], previousResponseId: 'resp_0' });
    expect(continuation(undefined, 'resp_x')).toEqual({ history: [], previousResponseId: 'resp_x' });
    const body = upstreamBody(
      { model: 'm', input: 'new', previous_response_id: 'resp_local_1' },
      ['h1'],
      undefined,
    );
    expect(body).toEqual({
      model: 'm',
      stream: true,
      input: ['h1', { type: 'message', role: 'user', content: [{ type: 'input_text', text: 'new' }] }],
    });
  });
});

describe('session store', () => {
  it('refuses a key while its turn is in flight or for another credential', () => {
    const store = new SessionStore({ idleTtlMs: 1000, maxDetachedStates: 10 });
    const state = store.attach('key-00000001', 'cred');
    if (state === 'conflict') throw new Error('unexpected');
    expect(store.attach('key-00000001', 'other')).toBe('conflict');
    state.inFlight = {};
    expect(store.attach('key-00000001', 'cred')).toBe('conflict');
    state.inFlight = undefined;
    expect(store.attach('key-00000001', 'cred')).toBe(state);
  });

  it('forgets superseded responses and releases idle state and chains', () => {
    let now = 0;
    const store = new SessionStore({ idleTtlMs: 1000, maxDetachedStates: 10, now: () => now });
    const state = store.attach('key-00000001', 'cred');
    if (state === 'conflict') throw new Error('unexpected');
    const first = chain('resp_1');
    store.commit(state, first, undefined);
    const second = chain('resp_2', { vault: first.vault });
    store.commit(state, second, first);
    expect(store.findChain('resp_1', 'cred')).toBeUndefined();
    expect(store.findChain('resp_2', 'cred')).toBe(second);
    expect(store.findChain('resp_2', 'other')).toBeUndefined();
    expect(store.stats).toEqual({ states: 1, chains: 1 });

    // While the socket is open its committed chain is kept, however old.
    now = 5000;
    store.sweep();
    expect(store.stats).toEqual({ states: 1, chains: 1 });
    store.detach(state);
    now = 7000;
    store.sweep();
    expect(store.stats).toEqual({ states: 0, chains: 0 });
  });

  it('evicts the least recently used detached states beyond its bound', () => {
    const store = new SessionStore({ idleTtlMs: 60_000, maxDetachedStates: 2 });
    for (const key of ['key-0000000a', 'key-0000000b', 'key-0000000c']) {
      const state = store.attach(key, 'cred');
      if (state === 'conflict') throw new Error('unexpected');
      store.commit(state, chain(`resp_${key}`), undefined);
      store.detach(state);
    }
    expect(store.stats.states).toBe(2);
  });
});
