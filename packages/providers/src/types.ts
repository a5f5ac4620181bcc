import type { PayloadSpec } from '@stronk/redaction';

export type ProviderId = 'openai' | 'anthropic';
export type RouteId = 'openai.chat' | 'openai.responses' | 'anthropic.messages';

/** What the proxy needs to know about one caller-facing route, as data. */
export interface ProviderRouteSpec {
  readonly id: RouteId;
  readonly provider: ProviderId;
  /** Caller-facing path on the proxy. */
  readonly path: string;
  /** Appended to the provider's configured upstream base URL. */
  readonly upstreamPath: string;
  /** How to read the request body: which strings are structural, which subtrees reject instead of mask. */
  readonly request: PayloadSpec;
  /** Overrides the provider's stream error frame (the Responses API has its own `error` event). */
  readonly errorEvent?: (details: ErrorDetails) => { event: string | null; data: unknown };
}

/** A provider-shaped error: status, body, and the same error as a stream event for SSE. */
export interface ProviderError {
  status: number;
  body: unknown;
}

export interface ErrorDetails {
  status: number;
  /** Safe, value-free message. */
  message: string;
  /** Machine-readable code, e.g. `sensitive_content_blocked`. */
  code: string;
  /** Provider error type; defaults by status (invalid_request_error for 4xx, api_error for 5xx). */
  type?: string;
}

export interface ProviderSpec {
  readonly id: ProviderId;
  /** Official API host; other hosts need STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS. */
  readonly officialHost: string;
  readonly defaultBaseUrl: string;
  readonly routes: readonly ProviderRouteSpec[];
  errorBody(details: ErrorDetails): unknown;
  /** The same error as one SSE frame (event name or null for a bare `data:` frame, and data). */
  errorEvent(details: ErrorDetails): { event: string | null; data: unknown };
}
