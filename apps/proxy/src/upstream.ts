export class UpstreamTimeoutError extends Error {
  constructor(readonly phase: 'headers' | 'idle') {
    super(phase === 'headers' ? 'upstream did not answer in time' : 'upstream stream went silent');
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
  /** Aborted when the caller goes away: the upstream request is cancelled too. */
  callerSignal?: AbortSignal | undefined;
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
export async function callUpstream(
  url: URL,
  init: RequestInit,
  options: UpstreamOptions,
): Promise<UpstreamResponse> {
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort();
  options.callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
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
    options.callerSignal?.removeEventListener('abort', onCallerAbort);
    if (controller.signal.reason instanceof UpstreamTimeoutError) throw controller.signal.reason;
    if (options.callerSignal?.aborted) throw error;
    throw new UpstreamConnectionError();
  } finally {
    clearTimeout(headerTimer);
  }
  const release = () => {
    options.callerSignal?.removeEventListener('abort', onCallerAbort);
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
