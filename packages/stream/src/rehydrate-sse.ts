import type { ErrorDetails, RouteId } from '@stronk/providers';
import type { Vault } from '@stronk/vault';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { createAnthropicEventRehydrator } from './anthropic-events.ts';
import { ChannelSet } from './channels.ts';
import type { BodyRehydrationOptions } from './deep-rehydrate.ts';
import type { EventRehydrator, EventRehydratorContext } from './event-rehydrator.ts';
import { createOpenAiChatEventRehydrator } from './openai-chat-events.ts';
import { createOpenAiResponsesEventRehydrator } from './openai-responses-events.ts';
import { encodeSseFrame, type SseFrame } from './sse-frame.ts';

const EVENT_REHYDRATORS: Record<RouteId, (context: EventRehydratorContext) => EventRehydrator> = {
  'openai.chat': createOpenAiChatEventRehydrator,
  'openai.responses': createOpenAiResponsesEventRehydrator,
  'anthropic.messages': createAnthropicEventRehydrator,
};

export interface SseRehydrationOptions extends BodyRehydrationOptions {
  route: RouteId;
  vault: Vault;
  /** Builds the provider-shaped error frame sent when the upstream stream breaks. */
  errorFrame: (details: ErrorDetails) => SseFrame;
  /** Largest single event (or unterminated line) accepted from upstream, in characters. Default 8 MiB. */
  maxEventSize?: number;
}

export interface SseRehydrationStats {
  events: number;
  /** Placeholders restored in streamed deltas. */
  restored: number;
  /** Set when the stream ended with an error frame. */
  error?: 'upstream_stream_error' | 'upstream_stream_malformed' | 'upstream_stream_truncated';
}

const typeOf = (event: unknown): unknown =>
  event !== null && typeof event === 'object' ? (event as { type?: unknown }).type : undefined;

/**
 * The events after which nothing is missing from a route's stream (chat's `[DONE]` is handled apart). An
 * upstream that closes before one of them was cut off, even when the connection ended cleanly.
 */
const IS_TERMINAL: Record<RouteId, (event: unknown) => boolean> = {
  'openai.chat': (event) => event !== null && typeof event === 'object' && 'error' in event,
  'openai.responses': (event) =>
    ['response.completed', 'response.failed', 'response.incomplete', 'error'].includes(String(typeOf(event))),
  'anthropic.messages': (event) => ['message_stop', 'error'].includes(String(typeOf(event))),
};

/**
 * Where the events of `text` end (just after each blank line). Remembers its searches, so walking a text
 * event by event reads it once.
 */
class EventEnds {
  #lf = -2;
  #crlf = -2;
  constructor(private readonly text: string) {}

  /** The end of the event that starts at `from`, or the text's length when it does not end in this text. */
  after(from: number): number {
    if (this.#lf !== -1 && this.#lf < from) this.#lf = this.text.indexOf('\n\n', from);
    if (this.#crlf !== -1 && this.#crlf < from) this.#crlf = this.text.indexOf('\r\n\r\n', from);
    const lf = this.#lf;
    const crlf = this.#crlf;
    if (lf === -1 && crlf === -1) return this.text.length;
    if (crlf === -1 || (lf !== -1 && lf < crlf)) return lf + 2;
    return crlf + 4;
  }
}

/** Ends the stream with a provider-shaped error after what was already relayed. */
class StreamBroken extends Error {
  constructor(readonly kind: NonNullable<SseRehydrationStats['error']>) {
    super(kind);
  }
}

/**
 * Relays an upstream SSE byte stream as SSE text with minted placeholders restored. Event order is
 * kept; a placeholder split across events or network reads is restored once complete. A broken or
 * malformed upstream ends the relay with one provider-shaped error frame instead of throwing.
 */
export async function* rehydrateSse(
  source: AsyncIterable<Uint8Array>,
  options: SseRehydrationOptions,
  stats: SseRehydrationStats = { events: 0, restored: 0 },
): AsyncGenerator<string> {
  const channels = new ChannelSet(options.vault);
  const handler = EVENT_REHYDRATORS[options.route]({ vault: options.vault, channels, options });
  const decoder = new TextDecoder('utf-8');
  const queue: Array<EventSourceMessage | { comment: string }> = [];
  /** Next queued item to relay (an index, so draining a large chunk stays linear). */
  let queueHead = 0;
  let parseError: StreamBroken | undefined;
  const parser = createParser({
    onEvent: (event) => queue.push(event),
    onComment: (comment) => queue.push({ comment }),
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded')
        parseError = new StreamBroken('upstream_stream_malformed');
    },
    maxBufferSize: options.maxEventSize ?? 8 * 1024 * 1024,
  });
  /** `[DONE]` was relayed (held-back text is flushed before it). */
  let finished = false;
  /** A route's terminal event was relayed. */
  let terminated = false;

  /**
   * Relays the queued events. With `firstOnly`, stops at the first event that produces output, so the caller
   * can send the stream's first bytes before rehydrating the rest of a large upstream chunk.
   */
  function drain(firstOnly = false): string {
    let out = '';
    while (queueHead < queue.length) {
      if (firstOnly && out !== '') break;
      const item = queue[queueHead++]!;
      if ('comment' in item) {
        out += `:${item.comment}\n\n`;
        continue;
      }
      stats.events++;
      const frame: SseFrame = { event: item.event, id: item.id, data: item.data };
      if (item.data === '[DONE]') {
        for (const extra of handler.onEnd()) out += encodeSseFrame(extra);
        out += encodeSseFrame(frame);
        finished = true;
        continue;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(item.data);
      } catch {
        throw new StreamBroken('upstream_stream_malformed');
      }
      for (const extra of handler.onEvent(frame, parsed)) out += encodeSseFrame(extra);
      if (IS_TERMINAL[options.route](parsed)) terminated = true;
    }
    if (queueHead === queue.length) {
      queue.length = 0;
      queueHead = 0;
    }
    return out;
  }

  let pendingOutput = '';
  // Time to first byte: the first output goes out alone, everything after it once per upstream chunk.
  let sentFirst = false;
  try {
    for await (const chunk of source) {
      const text = decoder.decode(chunk, { stream: true });
      // Until something has been sent, parse one event at a time: a large first read (a fast upstream
      // writes many events at once) should not be parsed whole before the first bytes go out.
      let from = 0;
      const ends = new EventEnds(text);
      while (!sentFirst && from < text.length) {
        const end = ends.after(from);
        parser.feed(from === 0 && end === text.length ? text : text.slice(from, end));
        if (parseError) throw parseError;
        from = end;
        const first = drain(true);
        if (first) {
          sentFirst = true;
          yield first;
        }
      }
      if (from < text.length) parser.feed(from === 0 ? text : text.slice(from));
      if (parseError) throw parseError;
      const out = drain();
      if (out) yield out;
    }
    parser.feed(decoder.decode());
    pendingOutput = drain();
    if (!finished && !terminated) {
      // The connection closed cleanly, but the upstream never said it was done.
      if (pendingOutput) yield pendingOutput;
      throw new StreamBroken('upstream_stream_truncated');
    }
    if (!finished) for (const extra of handler.onEnd()) pendingOutput += encodeSseFrame(extra);
    stats.restored = channels.restored;
    if (pendingOutput) yield pendingOutput;
  } catch (error) {
    const kind = error instanceof StreamBroken ? error.kind : 'upstream_stream_error';
    stats.error = kind;
    let out = '';
    // Text already held back belongs to the caller's answer: deliver it before the error.
    for (const extra of handler.onEnd()) out += encodeSseFrame(extra);
    stats.restored = channels.restored;
    const message = {
      upstream_stream_malformed: 'The upstream stream was malformed; the response is incomplete.',
      upstream_stream_truncated: 'The upstream stream ended before the response was complete.',
      upstream_stream_error: 'The upstream connection failed mid-stream; the response is incomplete.',
    }[kind];
    out += encodeSseFrame(options.errorFrame({ status: 502, message, code: kind, type: 'api_error' }));
    yield out;
  }
}
