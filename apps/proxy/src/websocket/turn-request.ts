import type { Vault } from '@stronk/redaction';
import { rehydrateDeep } from '@stronk/stream';
import type { Chain } from './session-store.ts';

/** Prefix of ids the proxy mints itself (prewarm answers); such an id must never reach upstream. */
export const LOCAL_RESPONSE_PREFIX = 'resp_local_';

/** Responses `input` as a list of items (a bare string is one user message). */
export function inputItems(input: unknown): unknown[] {
  if (Array.isArray(input)) return input;
  if (typeof input === 'string')
    return [{ type: 'message', role: 'user', content: [{ type: 'input_text', text: input }] }];
  return [];
}

/** The request's reusable parameters: everything but the input and the continuation id. */
export function requestTemplate(request: Record<string, unknown>): Record<string, unknown> {
  const { input: _input, previous_response_id: _previous, ...template } = request;
  return template;
}

/**
 * How a turn continues its chain upstream. A chain upstream can resolve keeps `previous_response_id`;
 * otherwise (store:false, prewarm, response.append) the chain's masked history is replayed as input.
 */
export function continuation(chain: Chain | undefined, passThroughId: string | undefined) {
  if (!chain) return { history: [] as unknown[], previousResponseId: passThroughId };
  if (chain.upstreamResolvable) return { history: [] as unknown[], previousResponseId: chain.responseId };
  return { history: chain.history, previousResponseId: chain.upstreamPreviousId };
}

/** The body POSTed upstream: always streamed, never carrying a local id or websocket-only fields. */
export function upstreamBody(
  request: Record<string, unknown>,
  history: readonly unknown[],
  previousResponseId: string | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = { ...requestTemplate(request), stream: true };
  body.input = history.length > 0 ? [...history, ...inputItems(request.input)] : (request.input ?? []);
  if (previousResponseId) body.previous_response_id = previousResponseId;
  return body;
}

/** The route_local body: unmasked, with the chain's history restored to raw values for the local model. */
export function localBody(
  rawRequest: Record<string, unknown>,
  history: readonly unknown[],
  vault: Vault,
): Record<string, unknown> {
  const restored = rehydrateDeep(history, vault, { rehydrateToolArguments: true }) as unknown[];
  return upstreamBody(rawRequest, restored, undefined);
}
