import type { ErrorDetails, ProviderRouteSpec, ProviderSpec } from '@stronk/providers';
import type { SseFrame } from '@stronk/stream';

/** Builds provider-shaped error responses and stream frames for one route. */
export interface RouteErrors {
  response(details: ErrorDetails, headers?: Headers): Response;
  frame(details: ErrorDetails): SseFrame;
}

export function routeErrors(provider: ProviderSpec, route: ProviderRouteSpec): RouteErrors {
  return {
    response(details, headers = new Headers()) {
      headers.set('content-type', 'application/json');
      return new Response(JSON.stringify(provider.errorBody(details)), { status: details.status, headers });
    },
    frame(details) {
      const { event, data } = (route.errorEvent ?? provider.errorEvent)(details);
      return { event: event ?? undefined, data: JSON.stringify(data) };
    },
  };
}
