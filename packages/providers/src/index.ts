import { anthropicProvider } from './anthropic/index.ts';
import { openAiProvider } from './openai/index.ts';
import type { ProviderId, ProviderRouteSpec, ProviderSpec, RouteId } from './types.ts';

export { anthropicErrorBody, anthropicMessagesRoute, anthropicProvider } from './anthropic/index.ts';
export {
  openAiChatRoute,
  openAiErrorBody,
  openAiProvider,
  openAiResponsesErrorEvent,
  openAiResponsesRoute,
} from './openai/index.ts';
export type {
  ErrorDetails,
  ProviderError,
  ProviderId,
  ProviderRouteSpec,
  ProviderSpec,
  RouteId,
} from './types.ts';

export const PROVIDERS: Readonly<Record<ProviderId, ProviderSpec>> = {
  openai: openAiProvider,
  anthropic: anthropicProvider,
};

export const ROUTES: readonly ProviderRouteSpec[] = [...openAiProvider.routes, ...anthropicProvider.routes];

export function routeById(id: RouteId): ProviderRouteSpec {
  const route = ROUTES.find((r) => r.id === id);
  if (!route) throw new Error(`unknown route ${id}`);
  return route;
}
