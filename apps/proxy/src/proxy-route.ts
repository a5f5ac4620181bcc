import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorDetails, ProviderRouteSpec, ProviderSpec } from '@stronk/providers';
import { BOUNDED_TOKEN, type Redactor } from '@stronk/redaction';
import { encodeSseFrame, rehydrateDeep, rehydrateSse, type SseRehydrationStats } from '@stronk/stream';
import { presenceFromResponse, presenceFromSignal } from './caller-presence.ts';
import type { ProxyConfig } from './config.ts';
import { routeErrors } from './errors.ts';
import {
  callerResponseHeaders,
  resolveRequestId,
  upstreamRequestHeaders,
  withoutProviderCredentials,
} from './headers.ts';
import { inspectJson } from './json-limits.ts';
import { maskAndDecide, recordFindings } from './mask-decision.ts';
import { detectionPositions, noteMaskedView } from './observability/masked-view.ts';
import { BodyTooLargeError, readBodyWithLimit } from './read-body.ts';
import { newRequestRecord, type RequestRecord, type RequestRecordSink } from './request-record.ts';
import { responseAlreadySent, writeFramesToNode } from './sse-to-node.ts';
import { withoutTurnMetadata } from './turn-metadata.ts';
import { callUpstream, readUpstreamText, UpstreamConnectionError, UpstreamTimeoutError } from './upstream.ts';
import { joinUrl } from './upstream-url.ts';

export interface ProxyRouteDeps {
  config: ProxyConfig;
  redactor: Redactor;
  onRecord: RequestRecordSink;
  /** Hand the masked body and detection positions to the raw-trace ring (only when tracing is on). */
  keepMaskedViews?: boolean;
  fetch?: typeof fetch;
}

const MAX_UPSTREAM_BODY = 64 * 1024 * 1024;
const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The whole request lifecycle for one provider route: read → mask → decide → forward → rehydrate. */
export function createProxyRoute(provider: ProviderSpec, route: ProviderRouteSpec, deps: ProxyRouteDeps) {
  const { config, redactor } = deps;
  const errors = routeErrors(provider, route);
  const isSensitiveId = (value: string) => redactor.detect(value).length > 0;
  // Fixed per route: built once, never from anything the caller sends.
  const upstreamUrl = joinUrl(config.upstreams[provider.id], route.upstreamPath);

  return async function handleProxyRoute(
    request: Request,
    incoming?: IncomingMessage,
    nodeResponse?: ServerResponse,
  ): Promise<Response> {
    const started = performance.now();
    const requestId = resolveRequestId(request.headers.get('x-request-id'), isSensitiveId);
    const record = newRequestRecord(requestId, route.id, 'unknown', false);
    const finish = (response: Response, outcome: RequestRecord['outcome'], errorClass?: string): Response => {
      record.status = response.status;
      record.outcome = outcome;
      record.latencyMs = performance.now() - started;
      if (errorClass) record.errorClass = errorClass;
      if (!response.headers.has('x-request-id')) response.headers.set('x-request-id', requestId);
      deps.onRecord(record);
      return response;
    };
    const fail = (
      details: ErrorDetails,
      errorClass: string,
      outcome: RequestRecord['outcome'] = 'rejected',
    ) => finish(errors.response(details), outcome, errorClass);

    // 1. Read and parse, refusing anything that is not a bounded JSON object.
    const contentType = request.headers.get('content-type') ?? '';
    if (!JSON_CONTENT_TYPE.test(contentType)) {
      return fail(
        { status: 415, message: 'Content-Type must be application/json.', code: 'unsupported_media_type' },
        'unsupported_media_type',
      );
    }
    let raw: Uint8Array;
    try {
      raw = await readBodyWithLimit(request, config.maxRequestBytes, incoming);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return fail(
          {
            status: 413,
            message: `Request body exceeds ${config.maxRequestBytes} bytes.`,
            code: 'request_too_large',
          },
          'request_too_large',
        );
      }
      return fail(
        { status: 400, message: 'Could not read the request body.', code: 'invalid_body' },
        'invalid_body',
      );
    }
    let body: unknown;
    try {
      body = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    } catch {
      return fail(
        { status: 400, message: 'Request body is not valid UTF-8 JSON.', code: 'invalid_json' },
        'invalid_json',
      );
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return fail(
        { status: 400, message: 'Request body must be a JSON object.', code: 'invalid_json' },
        'invalid_json',
      );
    }
    const problem = inspectJson(body, { maxDepth: config.maxJsonDepth, maxValues: config.maxJsonValues });
    if (problem) {
      const message = {
        too_deep: `Request JSON nests deeper than ${config.maxJsonDepth} levels.`,
        too_many_values: `Request JSON holds more than ${config.maxJsonValues} values.`,
        lone_surrogate: 'Request JSON contains a string that is not valid Unicode (a lone surrogate).',
      }[problem];
      return fail(
        { status: problem === 'too_many_values' ? 413 : 400, message, code: 'invalid_json' },
        problem,
      );
    }
    // Codex's turn metadata rides in client_metadata too; it never reaches a provider.
    const payload = withoutTurnMetadata(body as Record<string, unknown>);
    const stream = payload.stream === true;
    record.stream = stream;

    // 2. Mask every text the provider would see, and decide (the websocket bridge uses the same rules).
    const detectionStarted = performance.now();
    const decision = await maskAndDecide(deps, provider, route, payload);
    record.detectionMs = performance.now() - detectionStarted;
    if (decision.masked) {
      // The model name goes into the record only when masking left it alone (it held no value).
      const model = payload.model;
      if (typeof model === 'string' && BOUNDED_TOKEN.test(model) && decision.masked.payload.model === model)
        record.model = model;
      recordFindings(record, decision.masked, redactor);
    }
    if (decision.kind === 'refuse') return fail(decision.details, decision.errorClass, decision.outcome);
    if (decision.kind === 'route_local') {
      // The unmasked request stays on the local network. Turn metadata is still removed, and the caller's
      // provider credentials are not handed to the local endpoint.
      const localUrl = joinUrl(decision.localBaseUrl, route.upstreamPath);
      return forward(localUrl, new TextEncoder().encode(JSON.stringify(payload)), undefined, 'route_local');
    }
    const masked = decision.masked;
    const maskedBody = JSON.stringify(masked.payload);
    if (deps.keepMaskedViews) {
      noteMaskedView(request, {
        maskedRequestBody: maskedBody,
        detections: detectionPositions(masked.findings),
      });
    }
    return forward(upstreamUrl, new TextEncoder().encode(maskedBody), masked.vault, 'forwarded');

    async function forward(
      url: URL,
      outgoing: Uint8Array,
      vault: typeof masked.vault | undefined,
      outcome: RequestRecord['outcome'],
    ): Promise<Response> {
      let upstream: Awaited<ReturnType<typeof callUpstream>>;
      try {
        upstream = await callUpstream(
          url,
          {
            method: 'POST',
            headers:
              outcome === 'route_local'
                ? withoutProviderCredentials(
                    upstreamRequestHeaders(request.headers, requestId, stream, provider.id),
                  )
                : upstreamRequestHeaders(request.headers, requestId, stream, provider.id),
            body: outgoing,
          },
          {
            timeoutMs: config.upstreamTimeoutMs,
            idleTimeoutMs: config.upstreamIdleTimeoutMs,
            maxResponseMs: config.upstreamMaxResponseMs,
            caller: nodeResponse ? presenceFromResponse(nodeResponse) : presenceFromSignal(request.signal),
            ...(deps.fetch ? { fetch: deps.fetch } : {}),
          },
        );
      } catch (error) {
        if (error instanceof UpstreamTimeoutError) {
          return fail(
            { status: 504, message: 'The upstream did not answer in time.', code: 'upstream_timeout' },
            'upstream_timeout',
            'error',
          );
        }
        const message = error instanceof UpstreamConnectionError ? error.message : 'upstream request failed';
        return fail(
          { status: 502, message: `Bad gateway: ${message}.`, code: 'upstream_unreachable' },
          'upstream_unreachable',
          'error',
        );
      }
      const headers = callerResponseHeaders(upstream.headers, requestId);
      if (upstream.status >= 300 && upstream.status < 400) {
        upstream.cancel();
        return fail(
          {
            status: 502,
            message: 'The upstream answered with a redirect, which is refused.',
            code: 'upstream_redirect_refused',
          },
          'upstream_redirect_refused',
          'error',
        );
      }
      const upstreamType = upstream.headers.get('content-type') ?? '';
      const okStream = upstream.status < 300 && upstreamType.includes('text/event-stream');
      if (okStream) return relayStream(upstream, headers, vault, outcome);

      let text: string;
      try {
        text = await readUpstreamText(upstream.body, MAX_UPSTREAM_BODY);
      } catch (error) {
        const timeout = error instanceof UpstreamTimeoutError;
        return fail(
          {
            status: timeout ? 504 : 502,
            message: !timeout
              ? 'The upstream response could not be read.'
              : error.phase === 'total'
                ? 'The upstream response took longer than allowed.'
                : 'The upstream went silent mid-response.',
            code: timeout ? 'upstream_timeout' : 'upstream_read_failed',
          },
          timeout ? 'upstream_timeout' : 'upstream_read_failed',
          'error',
        );
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        // Garbage (HTML error pages, truncated JSON) is never passed through verbatim.
        return fail(
          {
            status: 502,
            message: `The upstream returned an unreadable response (HTTP ${upstream.status}).`,
            code: 'upstream_invalid_response',
          },
          'upstream_invalid_response',
          'error',
        );
      }
      headers.set('content-type', 'application/json');
      if (upstream.status >= 400) {
        // Upstream errors saw only masked input; they are passed back without rehydration so that no raw
        // value is ever placed into an error body.
        return finish(
          new Response(JSON.stringify(parsed), { status: upstream.status, headers }),
          outcome,
          `upstream_${upstream.status}`,
        );
      }
      if (!vault)
        return finish(new Response(JSON.stringify(parsed), { status: upstream.status, headers }), outcome);
      const stats = { restored: 0 };
      const restored = rehydrateDeep(parsed, vault, {
        rehydrateToolArguments: config.rehydrateToolArguments,
        stats,
      });
      record.rehydrated = stats.restored;
      return finish(new Response(JSON.stringify(restored), { status: upstream.status, headers }), outcome);
    }

    /** Streams are recorded when they end, so the record carries the rehydration count and any stream error. */
    function relayStream(
      upstream: Awaited<ReturnType<typeof callUpstream>>,
      headers: Headers,
      vault: typeof masked.vault | undefined,
      outcome: RequestRecord['outcome'],
    ): Response {
      headers.set('content-type', 'text/event-stream; charset=utf-8');
      headers.set('cache-control', 'no-cache');
      record.status = upstream.status;
      record.outcome = outcome;
      const stats: SseRehydrationStats = { events: 0, restored: 0 };
      const source: AsyncIterable<string | Uint8Array> = vault
        ? rehydrateSse(
            upstream.body,
            {
              route: route.id,
              vault,
              rehydrateToolArguments: config.rehydrateToolArguments,
              errorFrame: errors.frame,
            },
            stats,
          )
        : upstream.body;
      const frames = (async function* () {
        try {
          yield* source;
        } catch {
          // Only the unmasked route_local passthrough gets here; rehydrateSse reports its own failures.
          stats.error = 'upstream_stream_error';
          yield encodeSseFrame(
            errors.frame({
              status: 502,
              message: 'The upstream stream failed.',
              code: 'upstream_stream_error',
              type: 'api_error',
            }),
          );
        } finally {
          record.rehydrated = stats.restored;
          if (stats.error) record.errorClass = stats.error;
          record.latencyMs = performance.now() - started;
          deps.onRecord(record);
        }
      })();
      // On Node (and unless the trace ring must tee the body) the frames go straight to the socket: through a
      // web stream each one costs two more async hops, and @hono/node-server flushes the headers on their own.
      if (nodeResponse && !deps.keepMaskedViews) {
        void writeFramesToNode(frames, nodeResponse, upstream.status, headers, upstream.cancel);
        return responseAlreadySent();
      }
      return new Response(toReadable(frames, upstream.cancel), { status: upstream.status, headers });
    }
  };
}

/** Adapts an async iterator to a byte stream whose cancellation (caller gone) releases the upstream. */
function toReadable(
  source: AsyncGenerator<string | Uint8Array>,
  cancel: () => void,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await source.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === 'string' ? encoder.encode(value) : value);
      } catch {
        controller.close();
        cancel();
      }
    },
    async cancel() {
      cancel();
      await source.return(undefined).catch(() => {});
    },
  });
}
