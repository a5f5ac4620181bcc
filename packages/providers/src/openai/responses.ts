import type { ProviderRouteSpec } from '../types.ts';
import { openAiResponsesErrorEvent } from './errors.ts';

/** POST /v1/responses → {openai}/responses */
export const openAiResponsesRoute: ProviderRouteSpec = {
  id: 'openai.responses',
  provider: 'openai',
  path: '/v1/responses',
  upstreamPath: '/responses',
  request: {
    structural: [
      'model',
      'previous_response_id',
      'conversation',
      'conversation.id',
      'input.*.role',
      'input.*.type',
      'input.*.id',
      'input.*.call_id',
      'input.*.status',
      'input.*.name',
      'input.*.content.*.type',
      'input.*.content.*.detail',
      'input.*.content.*.file_id',
      'input.*.summary.*.type',
      'input.*.encrypted_content',
      'tools.*.type',
      'tools.*.name',
      'tool_choice',
      'tool_choice.**',
      'text.format.type',
      'text.format.name',
      'text.format.strict',
      'text.verbosity',
      'reasoning.effort',
      'reasoning.summary',
      'include.*',
      'truncation',
      'service_tier',
      'prompt_cache_key',
      'safety_identifier',
      'prompt.id',
      'prompt.version',
    ],
    binary: ['input.*.content.*.image_url', 'input.*.content.*.file_data'],
    rejectIfSensitive: ['tools.**'],
    // The provider's own addresses in an agent's tool text (a commit trailer's noreply@) are not the caller's.
    ownDomains: ['openai.com', 'chatgpt.com'],
    // The provider's own names read as names; masking them hides nothing from it and garbles agent prompts.
    ownNames: ['OpenAI', 'ChatGPT', 'Codex', 'GPT'],
    opaqueKeys: ['tools.**', 'text.format.schema.**'],
  },
  errorEvent: openAiResponsesErrorEvent,
};
