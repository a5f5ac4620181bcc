import { randomUUID } from 'node:crypto';

/**
 * Exact request header names forwarded to each provider; everything else is dropped (cookies, forwarding,
 * hop-by-hop …). Each provider gets only its own credential header and header family, so an Anthropic
 * key sent along on an OpenAI route (or the other way round) never reaches the other company.
 */
const FORWARDED_REQUEST_HEADERS: Record<UpstreamProvider, ReadonlySet<string>> = {
  openai: new Set(['authorization', 'x-responsesapi-include-timing-metrics', 'content-type', 'accept']),
  // Anthropic takes an API key in x-api-key, or an OAuth token as a bearer.
  anthropic: new Set(['authorization', 'x-api-key', 'content-type', 'accept']),
};
/** Provider header families (openai-organization, openai-beta, anthropic-version, anthropic-beta …). */
const FORWARDED_REQUEST_PREFIX: Record<UpstreamProvider, string> = {
  openai: 'openai-',
  anthropic: 'anthropic-',
};

export type UpstreamProvider = 'openai' | 'anthropic';

/**
 * Upstream response headers worth passing back to the caller (rate limits, ids, timings). The OpenAI SDKs
 * wait `retry-after-ms` before retrying a 429; without it they fall back to coarser seconds or backoff.
 */
const RETURNED_RESPONSE_HEADERS = new Set(['retry-after', 'retry-after-ms', 'request-id', 'x-request-id']);
const RETURNED_RESPONSE_PREFIXES = ['openai-', 'anthropic-', 'x-ratelimit-', 'ratelimit-'];

/** Credentials a request carries once: two values would be merged (`a, b`) into one upstream header. */
const SINGLE_CREDENTIALS = new Set(['authorization', 'proxy-authorization', 'x-api-key']);

/** The first credential header that appears more than once in node's raw header list, if any. */
export function repeatedCredentialHeader(rawHeaders: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (let i = 0; i < rawHeaders.length; i += 2) {
    const name = rawHeaders[i]!.toLowerCase();
    if (!SINGLE_CREDENTIALS.has(name)) continue;
    if (seen.has(name)) return name;
    seen.add(name);
  }
  return undefined;
}

/** Turn headers that must never leave the proxy, whatever a prefix rule says. */
const NEVER_FORWARDED = new Set(['x-codex-turn-metadata', 'x-codex-turn-state']);

const OPAQUE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function issueRequestId(): string {
  // randomUUID draws from Node's batched entropy cache; randomBytes(12) was a syscall per request.
  return `req_${randomUUID().replaceAll('-', '').slice(0, 24)}`;
}

/**
 * The caller's x-request-id passes only when it is already a bounded opaque id; `isSensitive` (the
 * detectors) catches values that have the shape but are data, e.g. a card number or a token.
 */
export function resolveRequestId(
  callerValue: string | null,
  isSensitive?: (value: string) => boolean,
): string {
  if (!callerValue || !OPAQUE_REQUEST_ID.test(callerValue)) return issueRequestId();
  return isSensitive?.(callerValue) ? issueRequestId() : callerValue;
}

export function upstreamRequestHeaders(
  incoming: Headers,
  requestId: string,
  stream: boolean,
  provider: UpstreamProvider,
): Headers {
  const out = new Headers();
  const names = FORWARDED_REQUEST_HEADERS[provider];
  const prefix = FORWARDED_REQUEST_PREFIX[provider];
  for (const [name, value] of incoming) {
    if (NEVER_FORWARDED.has(name)) continue;
    if (names.has(name) || name.startsWith(prefix)) out.set(name, value);
  }
  // The body is re-serialized JSON whatever the caller declared.
  out.set('content-type', 'application/json');
  if (stream) out.set('accept', 'text/event-stream');
  else if (!out.has('accept')) out.set('accept', 'application/json');
  out.set('x-request-id', requestId);
  return out;
}

export function callerResponseHeaders(upstream: Headers, requestId: string): Headers {
  const out = new Headers();
  for (const [name, value] of upstream) {
    if (RETURNED_RESPONSE_HEADERS.has(name) || RETURNED_RESPONSE_PREFIXES.some((p) => name.startsWith(p))) {
      out.set(name, value);
    }
  }
  out.set('x-request-id', requestId);
  return out;
}

/** Provider API keys are for the provider; a local model endpoint (route_local) never receives them. */
export function withoutProviderCredentials(headers: Headers): Headers {
  headers.delete('authorization');
  headers.delete('x-api-key');
  return headers;
}
