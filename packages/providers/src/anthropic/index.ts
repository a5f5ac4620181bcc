import type { ErrorDetails, ProviderRouteSpec, ProviderSpec } from '../types.ts';

/** POST /anthropic/v1/messages → {anthropic}/v1/messages */
export const anthropicMessagesRoute: ProviderRouteSpec = {
  id: 'anthropic.messages',
  provider: 'anthropic',
  path: '/anthropic/v1/messages',
  upstreamPath: '/v1/messages',
  request: {
    structural: [
      'model',
      'messages.*.role',
      'messages.*.content.*.type',
      'messages.*.content.*.id',
      'messages.*.content.*.tool_use_id',
      'messages.*.content.*.name',
      'messages.*.content.*.source.type',
      'messages.*.content.*.source.media_type',
      'messages.*.content.*.source.file_id',
      'messages.*.content.*.signature',
      'messages.*.content.*.cache_control.**',
      'messages.*.content.*.content.*.type',
      'messages.*.content.*.content.*.source.type',
      'messages.*.content.*.content.*.source.media_type',
      'system.*.type',
      'system.*.cache_control.**',
      'tools.*.type',
      'tools.*.name',
      'tool_choice.**',
      'thinking.type',
      'metadata.user_id',
      'service_tier',
    ],
    binary: ['messages.*.content.*.source.data', 'messages.*.content.*.content.*.source.data'],
    rejectIfSensitive: ['tools.**'],
    // The provider's own addresses in an agent's tool text (a commit trailer's noreply@) are not the caller's.
    ownDomains: ['anthropic.com', 'claude.ai', 'claude.com'],
    // The provider's own names read as names; masking them hides nothing from it and garbles agent prompts.
    ownNames: ['Anthropic', 'Claude', 'Claude Code'],
    opaqueKeys: ['tools.**'],
  },
};

function anthropicErrorType(details: ErrorDetails): string {
  if (details.type) return details.type;
  if (details.status === 401) return 'authentication_error';
  if (details.status === 429) return 'rate_limit_error';
  if (details.status === 413) return 'request_too_large';
  return details.status >= 500 ? 'api_error' : 'invalid_request_error';
}

/** `{"type":"error","error":{"type","message"}}`, the shape the Anthropic SDK parses. */
export function anthropicErrorBody(details: ErrorDetails): unknown {
  return { type: 'error', error: { type: anthropicErrorType(details), message: details.message } };
}

export const anthropicProvider: ProviderSpec = {
  id: 'anthropic',
  officialHost: 'api.anthropic.com',
  defaultBaseUrl: 'https://api.anthropic.com',
  routes: [anthropicMessagesRoute],
  errorBody: anthropicErrorBody,
  errorEvent: (details) => ({ event: 'error', data: anthropicErrorBody(details) }),
};
