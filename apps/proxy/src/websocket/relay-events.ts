import type { Vault } from '@stronk/redaction';
import { rehydrateSse, type SseFrame, type SseRehydrationStats } from '@stronk/stream';
import { createParser } from 'eventsource-parser';
import { websocketErrorEvent } from './ws-errors.ts';

export const TERMINAL_EVENTS = new Set(['response.completed', 'response.failed', 'response.incomplete']);

/** The terminal event as upstream sent it: masked, so its output can be replayed upstream later. */
export interface UpstreamTerminal {
  type: string;
  response: Record<string, unknown>;
}

export interface RelayResult {
  /** Set once the terminal event has been handed to the socket (masked form when captured). */
  terminal?: UpstreamTerminal | undefined;
  /** Set when the turn ended with an error event instead. */
  error?: string;
  restored: number;
}

export interface RelayOptions {
  /** Absent for the unmasked route_local passthrough. */
  vault: Vault | undefined;
  rehydrateToolArguments: boolean;
  /**
   * Keep the terminal event as upstream sent it (masked), for chains whose history is replayed. Costs a
   * second parse of the upstream bytes, so it is off when only the response id is needed.
   */
  captureMaskedTerminal: boolean;
  /**
   * Sends one event. With `confirm` it resolves only once the frame is written to the socket (a turn
   * commits after its terminal event is delivered); otherwise it may resolve at once.
   */
  send(data: string, confirm: boolean): Promise<void>;
}

function errorFrame(details: Parameters<typeof websocketErrorEvent>[0]): SseFrame {
  return { event: 'error', data: websocketErrorEvent(details) };
}

function eventType(name: string | undefined, data: string): string {
  if (name) return name;
  try {
    const parsed = JSON.parse(data) as { type?: unknown };
    return typeof parsed.type === 'string' ? parsed.type : '';
  } catch {
    return '';
  }
}

/** The terminal event as delivered (rehydrated): enough when only its response id is needed. */
function delivered(type: string, data: string): UpstreamTerminal | undefined {
  try {
    const parsed = JSON.parse(data) as { response?: unknown };
    return parsed.response && typeof parsed.response === 'object'
      ? { type, response: parsed.response as Record<string, unknown> }
      : undefined;
  } catch {
    return undefined;
  }
}

/** Passes bytes through while remembering the terminal event in its upstream (masked) form. */
async function* tapTerminal(
  source: AsyncIterable<Uint8Array>,
  found: (terminal: UpstreamTerminal) => void,
): AsyncGenerator<Uint8Array> {
  const decoder = new TextDecoder();
  const parser = createParser({
    onEvent(event) {
      const type = eventType(event.event, event.data);
      if (!TERMINAL_EVENTS.has(type)) return;
      try {
        const parsed = JSON.parse(event.data) as { response?: unknown };
        if (parsed.response && typeof parsed.response === 'object') {
          found({ type, response: parsed.response as Record<string, unknown> });
        }
      } catch {
        // A malformed terminal event is reported by the relay itself.
      }
    },
  });
  for await (const chunk of source) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield chunk;
  }
}

/** The unmasked passthrough still ends a broken stream with one error event. */
async function* passthroughText(
  source: AsyncIterable<Uint8Array>,
  stats: SseRehydrationStats,
): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  try {
    for await (const chunk of source) yield decoder.decode(chunk, { stream: true });
  } catch {
    stats.error = 'upstream_stream_error';
    const frame = errorFrame({
      status: 502,
      message: 'The upstream connection failed mid-stream; the response is incomplete.',
      code: 'upstream_stream_error',
      type: 'api_error',
    });
    yield `\n\nevent: error\ndata: ${frame.data}\n\n`;
  }
}

/**
 * Relays one upstream Responses SSE stream as websocket events, text rehydrated through the shared
 * SSE rehydrator (split placeholders included). Each SSE data payload becomes one text frame.
 */
export async function relayResponseEvents(
  source: AsyncIterable<Uint8Array>,
  options: RelayOptions,
): Promise<RelayResult> {
  let captured: UpstreamTerminal | undefined;
  const tapped = options.captureMaskedTerminal
    ? tapTerminal(source, (terminal) => {
        captured = terminal;
      })
    : source;
  const stats: SseRehydrationStats = { events: 0, restored: 0 };
  const text = options.vault
    ? rehydrateSse(
        tapped,
        {
          route: 'openai.responses',
          vault: options.vault,
          rehydrateToolArguments: options.rehydrateToolArguments,
          errorFrame,
        },
        stats,
      )
    : passthroughText(tapped, stats);

  const result: RelayResult = { restored: 0 };
  const outgoing: Array<{ type: string; data: string }> = [];
  const parser = createParser({
    onEvent(event) {
      if (event.data === '[DONE]') return;
      outgoing.push({ type: eventType(event.event, event.data), data: event.data });
    },
  });
  for await (const piece of text) {
    parser.feed(piece);
    for (const event of outgoing.splice(0)) {
      await options.send(event.data, TERMINAL_EVENTS.has(event.type));
      if (event.type === 'error') result.error = stats.error ?? 'upstream_error_event';
      if (TERMINAL_EVENTS.has(event.type)) {
        result.terminal = options.captureMaskedTerminal
          ? captured?.type === event.type
            ? captured
            : undefined
          : delivered(event.type, event.data);
      }
    }
  }
  result.restored = stats.restored;
  if (!result.terminal && !result.error) {
    result.error = 'upstream_stream_incomplete';
    await options.send(
      websocketErrorEvent({
        status: 502,
        message: 'The upstream stream ended before the response was complete.',
        code: 'upstream_stream_incomplete',
        type: 'api_error',
      }),
      false,
    );
  }
  return result;
}
