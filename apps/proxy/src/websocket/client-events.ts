import { TURN_STATE_METADATA_KEY } from './turn-key.ts';

/** What a client text frame asks for; `invalid` events are answered with an error and go nowhere. */
export type ClientEvent =
  | { type: 'response.create'; request: Record<string, unknown>; generate: boolean; turnKey: unknown }
  | { type: 'response.append'; input: unknown[]; turnKey: unknown }
  | { type: 'response.processed' }
  | { type: 'invalid'; code: 'invalid_json' | 'unknown_event_type' | 'invalid_event'; message: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function turnKeyOf(event: Record<string, unknown>): unknown {
  const metadata = event.client_metadata;
  return isRecord(metadata) ? metadata[TURN_STATE_METADATA_KEY] : undefined;
}

/**
 * Parses one frame. The returned create request has the websocket envelope removed (`type`,
 * `generate`, `client_metadata` — turn metadata travels there and must never reach upstream).
 */
export function parseClientEvent(text: string): ClientEvent {
  let event: unknown;
  try {
    event = JSON.parse(text);
  } catch {
    return { type: 'invalid', code: 'invalid_json', message: 'The event is not valid JSON.' };
  }
  if (!isRecord(event) || typeof event.type !== 'string') {
    return {
      type: 'invalid',
      code: 'invalid_event',
      message: 'The event must be a JSON object with a string `type`.',
    };
  }
  switch (event.type) {
    case 'response.create': {
      const { type: _type, generate, client_metadata: _metadata, ...request } = event;
      if (generate !== undefined && typeof generate !== 'boolean') {
        return { type: 'invalid', code: 'invalid_event', message: '`generate` must be a boolean.' };
      }
      return { type: 'response.create', request, generate: generate !== false, turnKey: turnKeyOf(event) };
    }
    case 'response.append': {
      if (!Array.isArray(event.input)) {
        return {
          type: 'invalid',
          code: 'invalid_event',
          message: '`response.append` needs an `input` array.',
        };
      }
      return { type: 'response.append', input: event.input, turnKey: turnKeyOf(event) };
    }
    case 'response.processed':
      return { type: 'response.processed' };
    default:
      return {
        type: 'invalid',
        code: 'unknown_event_type',
        // The type is echoed only when it is a short token, never free text.
        message: /^[a-z0-9_.]{1,64}$/.test(event.type)
          ? `Unsupported event type \`${event.type}\`.`
          : 'Unsupported event type.',
      };
  }
}
