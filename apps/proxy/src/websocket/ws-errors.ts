import type { ErrorDetails } from '@stronk/providers';
import { openAiErrorBody } from '@stronk/providers';

/**
 * OpenAI's websocket error event: `{"type":"error","status":…,"error":{message,type,code,param}}`.
 * Codex maps the status to the same error handling it uses for HTTP responses.
 */
export function websocketErrorEvent(details: ErrorDetails): string {
  return JSON.stringify({ type: 'error', status: details.status, ...(openAiErrorBody(details) as object) });
}

export const CLOSE_NORMAL = 1000;
export const CLOSE_GOING_AWAY = 1001;
export const CLOSE_UNSUPPORTED_DATA = 1003;
