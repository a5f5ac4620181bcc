import { randomUUID } from 'node:crypto';
import { markBodyShared } from '../read-body.ts';
import { type MaskedView, takeMaskedView } from './masked-view.ts';

/** One raw request/response pair, kept in memory only. */
export interface RawTrace {
  id: string;
  time: string;
  method: string;
  path: string;
  requestId: string | null;
  status: number;
  requestBody: string;
  responseBody: string;
  /** The body as forwarded upstream, placeholders in place of detected values (absent when nothing was forwarded). */
  maskedRequestBody?: string;
  /** Where detections are in the raw request: JSON path + offsets + type + action, never values. */
  detections?: MaskedView['detections'];
  truncated: boolean;
}

export interface TraceRingOptions {
  maxEntries: number;
  maxBytes: number;
  ttlMs: number;
  /** Largest request or response body kept per trace (the rest is cut off). */
  maxBodyBytes?: number;
  now?: () => number;
}

/** A bounded ring (count, total bytes, age) of raw traces. Nothing here is ever written to disk or logged. */
export function createTraceRing(options: TraceRingOptions) {
  const now = options.now ?? Date.now;
  const maxBody = options.maxBodyBytes ?? Math.min(256 * 1024, Math.floor(options.maxBytes / 4));
  let entries: Array<{ trace: RawTrace; at: number; bytes: number }> = [];
  let bytes = 0;

  const expire = () => {
    const cutoff = now() - options.ttlMs;
    while (
      entries.length > 0 &&
      (entries[0]!.at < cutoff || entries.length > options.maxEntries || bytes > options.maxBytes)
    ) {
      bytes -= entries.shift()!.bytes;
    }
  };

  return {
    maxBodyBytes: maxBody,
    add(trace: Omit<RawTrace, 'id' | 'time'>): void {
      const full: RawTrace = { id: randomUUID(), time: new Date(now()).toISOString(), ...trace };
      const size =
        (full.requestBody.length + full.responseBody.length + (full.maskedRequestBody?.length ?? 0)) * 2 +
        (full.detections?.length ?? 0) * 64 +
        256;
      if (size > options.maxBytes) return;
      entries.push({ trace: full, at: now(), bytes: size });
      bytes += size;
      expire();
    },
    list(): Array<Omit<RawTrace, 'requestBody' | 'responseBody'>> {
      expire();
      return entries.map(({ trace: { requestBody: _a, responseBody: _b, ...meta } }) => meta).reverse();
    },
    get(id: string): RawTrace | undefined {
      expire();
      return entries.find((e) => e.trace.id === id)?.trace;
    },
    clear(): void {
      entries = [];
      bytes = 0;
    },
    size: () => entries.length,
  };
}
export type TraceRing = ReturnType<typeof createTraceRing>;

async function readCapped(stream: ReadableStream<Uint8Array> | null, cap: number) {
  if (!stream) return { text: '', truncated: false };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (size + value.byteLength > cap) {
        chunks.push(value.subarray(0, cap - size));
        truncated = true;
        break;
      }
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return { text: Buffer.concat(chunks).toString('utf8'), truncated };
}

/** Wraps a fetch handler so each exchange is copied into the ring (bodies capped), without delaying the caller. */
export function withTraceCapture<E>(
  handler: (request: Request, env: E) => Response | Promise<Response>,
  ring: TraceRing,
): (request: Request, env: E) => Promise<Response> {
  return async (request, env) => {
    const url = new URL(request.url);
    if (request.method !== 'POST') return handler(request, env);
    // The handler must read the same web body the clone tees, not the Node request underneath.
    markBodyShared(request);
    const requestCopy = readCapped(request.clone().body, ring.maxBodyBytes);
    const response = await handler(request, env);
    const [toCaller, toRing] = response.body ? response.body.tee() : [null, null];
    void (async () => {
      const req = await requestCopy.catch(() => ({ text: '', truncated: true }));
      const res = await readCapped(toRing, ring.maxBodyBytes).catch(() => ({ text: '', truncated: true }));
      const masked = takeMaskedView(request);
      ring.add({
        ...(masked
          ? {
              maskedRequestBody: masked.maskedRequestBody.slice(0, ring.maxBodyBytes),
              detections: masked.detections,
            }
          : {}),
        method: request.method,
        path: url.pathname,
        requestId: response.headers.get('x-request-id'),
        status: response.status,
        requestBody: req.text,
        responseBody: res.text,
        truncated: req.truncated || res.truncated,
      });
    })();
    return new Response(toCaller, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
