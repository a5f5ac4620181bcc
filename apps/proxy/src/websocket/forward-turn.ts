import { type ErrorDetails, openAiProvider, openAiResponsesRoute } from '@stronk/providers';
import { BOUNDED_TOKEN, type Redactor } from '@stronk/redaction';
import { presenceFromSignal } from '../caller-presence.ts';
import type { ProxyConfig } from '../config.ts';
import { issueRequestId, upstreamRequestHeaders, withoutProviderCredentials } from '../headers.ts';
import { maskAndDecide, recordFindings } from '../mask-decision.ts';
import type { TraceRing } from '../observability/trace-ring.ts';
import { newRequestRecord, type RequestRecord } from '../request-record.ts';
import {
  callUpstream,
  readUpstreamText,
  UpstreamConnectionError,
  type UpstreamResponse,
  UpstreamTimeoutError,
} from '../upstream.ts';
import { joinUrl } from '../upstream-url.ts';
import { relayResponseEvents } from './relay-events.ts';
import type { Chain } from './session-store.ts';
import { continuation, inputItems, localBody, requestTemplate, upstreamBody } from './turn-request.ts';
import { createTurnCapture, type TurnCapture } from './turn-trace.ts';
import { websocketErrorEvent } from './ws-errors.ts';

const MAX_UPSTREAM_ERROR_BODY = 1024 * 1024;

export interface ForwardTurnDeps {
  config: ProxyConfig;
  redactor: Redactor;
  fetch?: typeof fetch;
  /** When tracing is on: each turn is copied into the raw-trace ring, like HTTP exchanges. */
  traceRing?: TraceRing | undefined;
}

export interface TurnInput {
  /** The client's request, websocket envelope already removed. */
  request: Record<string, unknown>;
  /** The chain this turn continues, if it is one of ours. */
  chain?: Chain | undefined;
  /** A previous_response_id we do not know, left for upstream to resolve. */
  passThroughId?: string | undefined;
  credential: string;
  /** The handshake's headers; only the allow-listed ones reach upstream. */
  headers: Headers;
}

export interface TurnIo {
  /** Sends one event; with `confirm`, resolves once it is written to the socket. */
  send(data: string, confirm: boolean): Promise<void>;
  /** Aborted when the socket goes away: the upstream request is cancelled. */
  signal: AbortSignal;
}

/** The audit record of one websocket turn: counts, paths and timings, never a value. */
export function newTurnRecord(request: Record<string, unknown>): RequestRecord {
  const model =
    typeof request.model === 'string' && BOUNDED_TOKEN.test(request.model) ? request.model : 'unknown';
  return newRequestRecord(issueRequestId(), 'openai.responses', model, true);
}

/**
 * One turn: mask and decide with the HTTP route's rules, POST {openai}/responses with stream:true (or
 * the unmasked body to the local model), relay the events rehydrated. Returns the chain to commit when
 * the terminal event was delivered; every failure has been answered with one error event.
 */
export async function forwardTurn(
  deps: ForwardTurnDeps,
  input: TurnInput,
  io: TurnIo,
  record: RequestRecord,
): Promise<Chain | undefined> {
  if (!deps.traceRing) return forwardTurnTo(deps, input, io, record, undefined);
  const capture = createTurnCapture(deps.traceRing, input.request);
  const traced: TurnIo = {
    signal: io.signal,
    send: (data, confirm) => {
      capture.sent(data);
      return io.send(data, confirm);
    },
  };
  try {
    return await forwardTurnTo(deps, input, traced, record, capture);
  } finally {
    capture.commit(record);
  }
}

async function forwardTurnTo(
  deps: ForwardTurnDeps,
  input: TurnInput,
  io: TurnIo,
  record: RequestRecord,
  capture: TurnCapture | undefined,
): Promise<Chain | undefined> {
  const fail = async (details: ErrorDetails, errorClass: string, outcome: RequestRecord['outcome']) => {
    record.status = details.status;
    record.outcome = outcome;
    record.errorClass = errorClass;
    await io.send(websocketErrorEvent(details), false);
  };
  const { request, chain } = input;
  const vault = chain?.vault ?? deps.redactor.createVault();
  const detectionStarted = performance.now();
  const decision = await maskAndDecide(deps, openAiProvider, openAiResponsesRoute, request, vault);
  record.detectionMs = performance.now() - detectionStarted;
  if (decision.masked) {
    recordFindings(record, decision.masked, deps.redactor);
    // A model name that held a value (masked upstream) is not copied into the record either.
    if (decision.masked.payload.model !== request.model) record.model = 'unknown';
  }
  if (decision.kind === 'refuse') {
    await fail(decision.details, decision.errorClass, decision.outcome);
    return undefined;
  }
  const local = decision.kind === 'route_local' || (chain?.local ?? false);
  const localBase = deps.config.localUpstreams.openai;
  if (local && !localBase) {
    await fail(
      {
        status: 503,
        message: 'This conversation needs a local model, but none is configured.',
        code: 'route_local_unavailable',
        type: 'server_error',
      },
      'route_local_unavailable',
      'route_local',
    );
    return undefined;
  }
  const { history, previousResponseId } = continuation(chain, input.passThroughId);
  const body = local
    ? localBody(request, history, vault)
    : upstreamBody(decision.masked.payload, history, previousResponseId);
  const url = joinUrl(local ? localBase! : deps.config.upstreams.openai, openAiResponsesRoute.upstreamPath);
  const serialized = JSON.stringify(body);
  // A locally routed turn is sent unmasked, so there is no masked view to show.
  if (capture && !local && decision.masked) capture.forwarded(serialized, decision.masked.findings);

  let upstream: UpstreamResponse;
  try {
    upstream = await callUpstream(
      url,
      {
        method: 'POST',
        headers: local
          ? withoutProviderCredentials(
              upstreamRequestHeaders(input.headers, record.requestId, true, 'openai'),
            )
          : upstreamRequestHeaders(input.headers, record.requestId, true, 'openai'),
        body: serialized,
      },
      {
        timeoutMs: deps.config.upstreamTimeoutMs,
        idleTimeoutMs: deps.config.upstreamIdleTimeoutMs,
        maxResponseMs: deps.config.upstreamMaxResponseMs,
        caller: presenceFromSignal(io.signal),
        ...(deps.fetch ? { fetch: deps.fetch } : {}),
      },
    );
  } catch (error) {
    if (io.signal.aborted) return undefined;
    if (error instanceof UpstreamTimeoutError) {
      await fail(
        { status: 504, message: 'The upstream did not answer in time.', code: 'upstream_timeout' },
        'upstream_timeout',
        'error',
      );
    } else {
      const message = error instanceof UpstreamConnectionError ? error.message : 'upstream request failed';
      await fail(
        { status: 502, message: `Bad gateway: ${message}.`, code: 'upstream_unreachable' },
        'upstream_unreachable',
        'error',
      );
    }
    return undefined;
  }
  if (upstream.status >= 300 || !(upstream.headers.get('content-type') ?? '').includes('text/event-stream')) {
    await relayUpstreamError(upstream, record, io, fail);
    return undefined;
  }

  record.status = upstream.status;
  record.outcome = local ? 'route_local' : 'forwarded';
  // Upstream can resolve its own id only for stored responses; otherwise the chain replays its history.
  const upstreamResolvable = !local && body.store !== false;
  const result = await relayResponseEvents(upstream.body, {
    vault: local ? undefined : vault,
    rehydrateToolArguments: deps.config.rehydrateToolArguments,
    captureMaskedTerminal: !upstreamResolvable,
    send: io.send,
  });
  record.rehydrated = result.restored;
  if (result.error) record.errorClass = result.error;
  const responseId = result.terminal?.response.id;
  if (!result.terminal || typeof responseId !== 'string' || !BOUNDED_TOKEN.test(responseId)) return undefined;
  const output = Array.isArray(result.terminal.response.output) ? result.terminal.response.output : [];
  return {
    vault,
    credential: input.credential,
    responseId,
    upstreamResolvable,
    upstreamPreviousId: upstreamResolvable ? undefined : previousResponseId,
    template: requestTemplate(request),
    history: upstreamResolvable ? [] : [...inputItems(body.input), ...output],
    local,
    lastUsed: 0,
  };
}

/** Non-stream answers (upstream 4xx/5xx, redirects, JSON where SSE was asked) become one error event. */
async function relayUpstreamError(
  upstream: UpstreamResponse,
  record: RequestRecord,
  io: TurnIo,
  fail: (details: ErrorDetails, errorClass: string, outcome: RequestRecord['outcome']) => Promise<void>,
): Promise<void> {
  if (upstream.status >= 300 && upstream.status < 400) {
    upstream.cancel();
    await fail(
      {
        status: 502,
        message: 'The upstream answered with a redirect, which is refused.',
        code: 'upstream_redirect_refused',
      },
      'upstream_redirect_refused',
      'error',
    );
    return;
  }
  let error: unknown;
  try {
    error = (
      JSON.parse(await readUpstreamText(upstream.body, MAX_UPSTREAM_ERROR_BODY)) as { error?: unknown }
    )?.error;
  } catch {
    error = undefined;
  }
  if (upstream.status >= 400 && error && typeof error === 'object') {
    // Upstream saw only masked input: its error is passed back as it is, never rehydrated.
    record.status = upstream.status;
    record.outcome = 'forwarded';
    record.errorClass = `upstream_${upstream.status}`;
    await io.send(JSON.stringify({ type: 'error', status: upstream.status, error }), false);
    return;
  }
  await fail(
    {
      status: 502,
      message: `The upstream returned an unreadable response (HTTP ${upstream.status}).`,
      code: 'upstream_invalid_response',
    },
    'upstream_invalid_response',
    'error',
  );
}
