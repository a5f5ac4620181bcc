import type { ProviderSpec } from '../types.ts';
import { openAiChatRoute } from './chat.ts';
import { openAiErrorBody, openAiResponsesErrorEvent } from './errors.ts';
import { openAiResponsesRoute } from './responses.ts';

export const openAiProvider: ProviderSpec = {
  id: 'openai',
  officialHost: 'api.openai.com',
  defaultBaseUrl: 'https://api.openai.com/v1',
  routes: [openAiChatRoute, openAiResponsesRoute],
  errorBody: openAiErrorBody,
  errorEvent: (details) => ({ event: null, data: openAiErrorBody(details) }),
};

export { openAiChatRoute, openAiErrorBody, openAiResponsesErrorEvent, openAiResponsesRoute };
