import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { CallerPresence } from './caller-presence.ts';

export class UpstreamTimeoutError extends Error {
  constructor(readonly phase: 'headers' | 'idle' | 'total') {
    super(
      phase === 'headers'
        ? 'upstream did not answer in time'
        : phase === 'idle'
          ? 'upstream stream went silent'
          : 'upstream response took too long',
    );
    this.name = 'UpstreamTimeoutError';
  }
}

export class UpstreamConnectionError extends Error {
  constructor() {
    super('could not reach the upstream');
    this.name = 'UpstreamConnectionError';
  }
}

export interface UpstreamOptions {
  timeoutMs: number;
  idleTimeoutMs: number;
  /**
   * Longest a whole response may take, headers to last byte: a body trickled in just under the idle
   * timeout (slowloris) or a stream that never ends is cut here. Unset means no bound.
   */
  maxResponseMs?: number | undefined;
  /** When the caller goes away, the upstream request is cancelled too. */
  caller?: CallerPresence | undefined;
  /** Use this fetch instead of the built-in node:http client (tests inject faults this way). */
  fetch?: typeof fetch;
}

export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** The body, failing with UpstreamTimeoutError when the upstream goes silent for too long. */
  body: AsyncIterable<Uint8Array>;
  /** Releases the upstream connection. */
  cancel(): void;
}

/**
 * One request to a fixed upstream. Redirects are not followed (the caller maps 3xx to 502), the wait for
 * headers and every silence inside the body are bounded, and a caller disconnect cancels the request.
 */
export function callUpstream(
  url: URL,
  init: UpstreamRequestInit,
  options: UpstreamOptions,
): Promise<UpstreamResponse> {
  return options.fetch ? callWithFetch(url, init, options) : callWithNodeHttp(url, init, options);
}

export interface UpstreamRequestInit {
  method: 'POST';
  headers: Headers;
  body: Uint8Array | string;
}

// Pooled keep-alive connections: undici's fetch costs ~1–2 ms of CPU per request here, node:http a fraction.
const agents = {
  'http:': new HttpAgent({ keepAlive: true, maxSockets: 512, scheduling: 'lifo' }),
  'https:': new HttpsAgent({ keepAlive: true, maxSockets: 512, scheduling: 'lifo' }),
};

/**
 * Errors that mean a pooled keep-alive socket was closed by the upstream just as it was reused: the
 * request never reached a live connection, so sending it once more on a fresh one is safe (the retry
 * Node's http docs recommend for this race).
 */
const STALE_SOCKET_ERRORS = new Set(['ECONNRESET', 'EPIPE']);

function callWithNodeHttp(
  url: URL,
  init: UpstreamRequestInit,
  options: UpstreamOptions,
  retried = false,
): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of init.headers) headers[name] = value;
    headers['content-length'] = String(
      typeof init.body === 'string' ? Buffer.byteLength(init.body) : init.body.byteLength,
    );
    const secure = url.protocol === 'https:';
    const send = secure ? httpsRequest : httpRequest;
    const deadline = options.maxResponseMs === undefined ? undefined : Date.now() + options.maxResponseMs;
    let settled = false;
    const request = send(
      url,
      { method: init.method, headers, agent: agents[secure ? 'https:' : 'http:'] },
      (response) => {
        settled = true;
        clearTimeout(headerTimer);
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(response.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        const cancel = () => {
          stopListening();
          if (!response.complete) request.destroy();
        };
        resolve({
          status: response.statusCode ?? 502,
          headers: responseHeaders,
          body: readWithIdleTimeout(response, options.idleTimeoutMs, deadline, cancel),
          cancel,
        });
      },
    );
    const stopListening = options.caller?.onGone(() => request.destroy()) ?? noop;
    const headerTimer = setTimeout(
      () => request.destroy(new UpstreamTimeoutError('headers')),
      options.timeoutMs,
    );
    request.on('error', (error) => {
      clearTimeout(headerTimer);
      if (settled) return; // a body error reaches the body iterator instead
      stopListening();
      if (error instanceof UpstreamTimeoutError) reject(error);
      else if (options.caller?.gone) reject(error);
      else if (
        !retried &&
        request.reusedSocket &&
        STALE_SOCKET_ERRORS.has((error as NodeJS.ErrnoException).code ?? '')
      )
        callWithNodeHttp(url, init, options, true).then(resolve, reject);
      else reject(new UpstreamConnectionError());
    });
    request.end(init.body);
  });
}

/**
 * Yields the body, failing with UpstreamTimeoutError when the upstream is silent for too long or the
 * whole response passes its deadline.
 */
async function* readWithIdleTimeout(
  response: IncomingMessage,
  idleTimeoutMs: number,
  deadline: number | undefined,
  release: () => void,
): AsyncGenerator<Uint8Array> {
  let idle: NodeJS.Timeout | undefined;
  const total =
    deadline === undefined
      ? undefined
      : setTimeout(
          () => response.destroy(new UpstreamTimeoutError('total')),
          Math.max(0, deadline - Date.now()),
        );
  // Only time spent waiting on the upstream counts; the timer is off while the caller consumes a chunk.
  const arm = () => {
    idle = setTimeout(() => response.destroy(new UpstreamTimeoutError('idle')), idleTimeoutMs);
  };
  try {
    arm();
    for await (const chunk of response) {
      clearTimeout(idle);
      yield chunk as Uint8Array;
      arm();
    }
  } finally {
    clearTimeout(idle);
    clearTimeout(total);
    release();
  }
}

async function callWithFetch(
  url: URL,
  init: UpstreamRequestInit,
  options: UpstreamOptions,
): Promise<UpstreamResponse> {
  const started = Date.now();
  const controller = new AbortController();
  const stopListening = options.caller?.onGone(() => controller.abort()) ?? noop;
  const headerTimer = setTimeout(
    () => controller.abort(new UpstreamTimeoutError('headers')),
    options.timeoutMs,
  );
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, {
      ...init,
      redirect: 'manual',
      signal: controller.signal,
    });
  } catch (error) {
    stopListening();
    if (controller.signal.reason instanceof UpstreamTimeoutError) throw controller.signal.reason;
    if (options.caller?.gone) throw error;
    throw new UpstreamConnectionError();
  } finally {
    clearTimeout(headerTimer);
  }
  const total =
    options.maxResponseMs === undefined
      ? undefined
      : setTimeout(
          () => controller.abort(new UpstreamTimeoutError('total')),
          Math.max(0, started + options.maxResponseMs - Date.now()),
        );
  const release = () => {
    clearTimeout(total);
    stopListening();
    controller.abort();
  };
  const stream = response.body;
  async function* body(): AsyncGenerator<Uint8Array> {
    if (!stream) return;
    const reader = stream.getReader();
    let idle: NodeJS.Timeout | undefined;
    try {
      for (;;) {
        idle = setTimeout(() => controller.abort(new UpstreamTimeoutError('idle')), options.idleTimeoutMs);
        let result: Awaited<ReturnType<typeof reader.read>>;
        try {
          result = await reader.read();
        } catch (error) {
          if (controller.signal.reason instanceof UpstreamTimeoutError) throw controller.signal.reason;
          throw error;
        } finally {
          clearTimeout(idle);
        }
        if (result.done) return;
        yield result.value;
      }
    } finally {
      reader.releaseLock();
      release();
    }
  }
  return { status: response.status, headers: response.headers, body: body(), cancel: release };
}

const noop = () => {};

/** Reads a whole (non-streamed) upstream body as text, bounded in size. */
export async function readUpstreamText(body: AsyncIterable<Uint8Array>, limit: number): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  let total = 0;
  for await (const chunk of body) {
    total += chunk.byteLength;
    if (total > limit) throw new Error('upstream body too large');
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
