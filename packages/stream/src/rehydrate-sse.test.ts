import { createVault } from '@stronk/vault';
import { createParser } from 'eventsource-parser';
import { describe, expect, it } from 'vitest';
import { rehydrateSse, type SseRehydrationStats } from './rehydrate-sse.ts';
import { encodeSseFrame } from './sse-frame.ts';

const vault = createVault();
const person = vault.placeholderFor('person_name', 'Zoë Ångström');
const email = vault.placeholderFor('email', 'zoe@example.test');
const reply = `Hello ${person}! I mailed ${email} 📬 and ${person} again. [[PERSON_NOTMINTED0]] stays.`;
const original = reply.replaceAll(person, 'Zoë Ångström').replaceAll(email, 'zoe@example.test');

/** Splits the reply into deltas of 1..7 characters (deterministic), as a model would stream it. */
function deltas(text: string): string[] {
  const out: string[] = [];
  for (let i = 0, step = 1; i < text.length; i += step, step = (step % 7) + 1)
    out.push(text.slice(i, i + step));
  return out;
}

const transcripts = {
  'openai.chat': () =>
    [
      ...deltas(reply).map((d) => ({
        data: {
          id: 'c1',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'm',
          choices: [{ index: 0, delta: { content: d }, finish_reason: null }],
        },
      })),
      {
        data: {
          id: 'c1',
          object: 'chat.completion.chunk',
          created: 1,
          model: 'm',
          choices: [{ index: 0, delta: {}, finish_reason: 'stop' }],
        },
      },
    ]
      .map((e) => encodeSseFrame({ data: JSON.stringify(e.data) }))
      .join('') + encodeSseFrame({ data: '[DONE]' }),
  'openai.responses': () =>
    [
      { type: 'response.created', response: { id: 'r1', output: [] } },
      ...deltas(reply).map((d) => ({
        type: 'response.output_text.delta',
        item_id: 'm1',
        output_index: 0,
        content_index: 0,
        delta: d,
      })),
      { type: 'response.output_text.done', item_id: 'm1', output_index: 0, content_index: 0, text: reply },
      {
        type: 'response.completed',
        response: {
          id: 'r1',
          output: [{ type: 'message', content: [{ type: 'output_text', text: reply }] }],
        },
      },
    ]
      .map((e) => encodeSseFrame({ event: e.type, data: JSON.stringify(e) }))
      .join(''),
  'anthropic.messages': () =>
    [
      { type: 'message_start', message: { id: 'msg1', content: [] } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      ...deltas(reply).map((d) => ({
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'text_delta', text: d },
      })),
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'end_turn' } },
      { type: 'message_stop' },
    ]
      .map((e) => encodeSseFrame({ event: e.type, data: JSON.stringify(e) }))
      .join(''),
} as const;

/** Concatenates the streamed assistant text of the relayed SSE, the way an SDK would. */
function streamedText(route: keyof typeof transcripts, sse: string): { text: string; finals: string[] } {
  let text = '';
  const finals: string[] = [];
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') return;
      const data = JSON.parse(event.data);
      if (route === 'openai.chat') text += data.choices?.[0]?.delta?.content ?? '';
      if (route === 'openai.responses') {
        if (data.type === 'response.output_text.delta') text += data.delta;
        if (data.type === 'response.output_text.done') finals.push(data.text);
        if (data.type === 'response.completed') finals.push(data.response.output[0].content[0].text);
      }
      if (route === 'anthropic.messages' && data.type === 'content_block_delta') text += data.delta.text;
    },
  });
  parser.feed(sse);
  return { text, finals };
}

async function relay(route: keyof typeof transcripts, chunks: Uint8Array[], stats?: SseRehydrationStats) {
  let out = '';
  const source = (async function* () {
    yield* chunks;
  })();
  for await (const piece of rehydrateSse(
    source,
    { route, vault, errorFrame: (d) => ({ event: 'error', data: JSON.stringify({ error: d }) }) },
    stats,
  )) {
    out += piece;
  }
  return out;
}

/** The pieces rehydrateSse yields when the whole upstream stream arrives as one chunk. */
async function piecesOfOneChunk(route: keyof typeof transcripts, sse: string): Promise<string[]> {
  const pieces: string[] = [];
  const source = (async function* () {
    yield new TextEncoder().encode(sse);
  })();
  for await (const piece of rehydrateSse(source, { route, vault, errorFrame: () => ({ data: '{}' }) }))
    pieces.push(piece);
  return pieces;
}

describe('rehydrateSse', () => {
  for (const route of Object.keys(transcripts) as Array<keyof typeof transcripts>) {
    it(`${route}: restores placeholders split at every byte offset of the upstream stream`, async () => {
      const bytes = new TextEncoder().encode(transcripts[route]());
      for (let cut = 0; cut <= bytes.length; cut++) {
        const out = await relay(route, [bytes.slice(0, cut), bytes.slice(cut)]);
        const { text, finals } = streamedText(route, out);
        expect(text).toBe(original);
        for (const final of finals) expect(final).toBe(original);
      }
    });

    it(`${route}: restores placeholders when bytes arrive one at a time`, async () => {
      const bytes = new TextEncoder().encode(transcripts[route]());
      const stats: SseRehydrationStats = { events: 0, restored: 0 };
      const out = await relay(
        route,
        [...bytes].map((b) => Uint8Array.of(b)),
        stats,
      );
      expect(streamedText(route, out).text).toBe(original);
      expect(stats.restored).toBe(3);
      expect(out).not.toContain(person);
    });
  }

  it('sends its first output before rehydrating the rest of a large upstream chunk', async () => {
    const sse = transcripts['openai.responses']();
    const pieces = await piecesOfOneChunk('openai.responses', sse);
    // The whole stream arrived as one chunk: the first event goes out alone, the rest in one piece.
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toBe(`${sse.split('\n\n')[0]}\n\n`);
    expect(streamedText('openai.responses', pieces.join('')).text).toBe(original);
  });

  it('finds the first event of a large chunk whose lines end in CRLF', async () => {
    const sse = transcripts['openai.chat']().replaceAll('\n', '\r\n');
    const pieces = await piecesOfOneChunk('openai.chat', sse);
    expect(pieces).toHaveLength(2);
    expect(pieces[0]!.match(/^data: /gm)).toHaveLength(1);
    expect(streamedText('openai.chat', pieces.join('')).text).toBe(original);
  });

  it('ends a stream the upstream closed cleanly before its terminal event with one error frame', async () => {
    for (const route of Object.keys(transcripts) as Array<keyof typeof transcripts>) {
      const full = transcripts[route]();
      const complete: SseRehydrationStats = { events: 0, restored: 0 };
      expect(await relay(route, [new TextEncoder().encode(full)], complete)).not.toContain('upstream_stream');
      expect(complete.error).toBeUndefined();
      // Everything up to the last event: a load balancer that closed the connection early.
      const cut = full.slice(0, full.trimEnd().lastIndexOf('\n\n') + 2);
      const stats: SseRehydrationStats = { events: 0, restored: 0 };
      const out = await relay(route, [new TextEncoder().encode(cut)], stats);
      expect(stats.error, route).toBe('upstream_stream_truncated');
      expect(out.trimEnd().endsWith('}')).toBe(true);
      expect(out.match(/upstream_stream_truncated/g)).toHaveLength(1);
    }
  });

  it('ends with a provider-shaped error frame when the upstream sends malformed JSON', async () => {
    const stats: SseRehydrationStats = { events: 0, restored: 0 };
    const out = await relay('openai.chat', [new TextEncoder().encode('data: {"choices":[\n\n')], stats);
    expect(stats.error).toBe('upstream_stream_malformed');
    expect(out).toContain('upstream_stream_malformed');
  });

  it('delivers held-back text and then an error frame when the upstream connection breaks', async () => {
    const chunk = encodeSseFrame({
      data: JSON.stringify({
        choices: [{ index: 0, delta: { content: `hi ${email.slice(0, 6)}` }, finish_reason: null }],
      }),
    });
    const source = (async function* () {
      yield new TextEncoder().encode(chunk);
      throw new Error('socket hang up');
    })();
    let out = '';
    const stats: SseRehydrationStats = { events: 0, restored: 0 };
    for await (const piece of rehydrateSse(
      source,
      { route: 'openai.chat', vault, errorFrame: (d) => ({ data: JSON.stringify({ error: d }) }) },
      stats,
    )) {
      out += piece;
    }
    expect(stats.error).toBe('upstream_stream_error');
    expect(streamedText('openai.chat', out.split('data: {"error"')[0]!).text).toBe(`hi ${email.slice(0, 6)}`);
    expect(out).toContain('upstream_stream_error');
  });

  it('stops buffering a never-ending event at the size limit', async () => {
    const stats: SseRehydrationStats = { events: 0, restored: 0 };
    let out = '';
    const source = (async function* () {
      yield new TextEncoder().encode('data: ');
      for (let i = 0; i < 100; i++) yield new TextEncoder().encode('x'.repeat(1024));
    })();
    for await (const piece of rehydrateSse(
      source,
      {
        route: 'anthropic.messages',
        vault,
        maxEventSize: 16 * 1024,
        errorFrame: (d) => ({ data: JSON.stringify(d) }),
      },
      stats,
    )) {
      out += piece;
    }
    expect(stats.error).toBe('upstream_stream_malformed');
    expect(out.length).toBeLessThan(1024);
  });
});
