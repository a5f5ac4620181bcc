import { randomBytes } from 'node:crypto';
import { type ErrorDetails, openAiProvider, openAiResponsesRoute } from '@stronk/providers';
import { BOUNDED_TOKEN } from '@stronk/redaction';
import { maskAndDecide } from '../mask-decision.ts';
import type { ForwardTurnDeps, TurnInput } from './forward-turn.ts';
import type { Chain } from './session-store.ts';
import { continuation, inputItems, LOCAL_RESPONSE_PREFIX, requestTemplate } from './turn-request.ts';

function mintLocalResponseId(): string {
  return `${LOCAL_RESPONSE_PREFIX}${randomBytes(12).toString('hex')}`;
}

/**
 * The lifecycle of a `generate: false` request, answered by the proxy itself: created, then
 * completed with no output. Only a bounded model name is echoed back.
 */
function prewarmEvents(id: string, model: unknown): [created: string, completed: string] {
  const response = {
    id,
    object: 'response',
    created_at: Math.floor(Date.now() / 1000),
    status: 'in_progress',
    model: typeof model === 'string' && BOUNDED_TOKEN.test(model) ? model : null,
    output: [],
    usage: null,
  };
  const completed = {
    ...response,
    status: 'completed',
    usage: { input_tokens: 0, output_tokens: 0, total_tokens: 0 },
  };
  return [
    JSON.stringify({ type: 'response.created', sequence_number: 0, response }),
    JSON.stringify({ type: 'response.completed', sequence_number: 1, response: completed }),
  ];
}

/**
 * A prewarm is masked and decided like a turn (a blocked one is refused now), but nothing goes upstream:
 * its masked input becomes the head of the chain under a local id, replayed by the turn that continues it.
 */
export async function prewarm(
  deps: ForwardTurnDeps,
  input: TurnInput,
): Promise<{ refused: ErrorDetails } | { chain: Chain; events: [string, string] }> {
  const { request, chain } = input;
  const vault = chain?.vault ?? deps.redactor.createVault();
  const decision = await maskAndDecide(deps, openAiProvider, openAiResponsesRoute, request, vault);
  if (decision.kind === 'refuse') return { refused: decision.details };
  const id = mintLocalResponseId();
  const local = decision.kind === 'route_local' || (chain?.local ?? false);
  const { history, previousResponseId } = continuation(chain, input.passThroughId);
  return {
    chain: {
      vault,
      credential: input.credential,
      responseId: id,
      upstreamResolvable: false,
      upstreamPreviousId: previousResponseId,
      template: requestTemplate(request),
      history: [...history, ...inputItems(local ? request.input : decision.masked.payload.input)],
      local,
      lastUsed: 0,
    },
    events: prewarmEvents(id, request.model),
  };
}
