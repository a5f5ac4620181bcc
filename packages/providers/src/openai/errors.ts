import type { ErrorDetails } from '../types.ts';

function openAiErrorType(details: ErrorDetails): string {
  if (details.type) return details.type;
  if (details.status === 401) return 'authentication_error';
  if (details.status === 429) return 'rate_limit_error';
  return details.status >= 500 ? 'server_error' : 'invalid_request_error';
}

/** `{"error":{"message","type","code","param":null}}`, the shape the openai SDK parses. */
export function openAiErrorBody(details: ErrorDetails): unknown {
  return {
    error: { message: details.message, type: openAiErrorType(details), code: details.code, param: null },
  };
}

/** Responses streams carry errors as a typed `error` event; chat streams use the plain error body. */
export function openAiResponsesErrorEvent(details: ErrorDetails): { event: string; data: unknown } {
  return {
    event: 'error',
    data: { type: 'error', code: details.code, message: details.message, param: null, sequence_number: 0 },
  };
}
