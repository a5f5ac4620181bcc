import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  json(): unknown;
}

export interface RawRequestOptions {
  method?: string;
  /** The request target exactly as sent: origin-form, absolute-form, dot segments … */
  target: string;
  /** Header list sent as given (node:http lets tests send hop-by-hop and forwarding headers). */
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** Send the body with chunked transfer encoding instead of content-length. */
  chunked?: boolean;
}

/** One HTTP/1.1 request to `baseUrl`'s host and port with full control of the target and headers. */
export function rawRequest(baseUrl: string, options: RawRequestOptions): Promise<RawResponse> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        hostname,
        port,
        method: options.method ?? 'POST',
        path: options.target,
        headers: options.headers ?? {},
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) {
      if (options.chunked) {
        const bytes =
          typeof options.body === 'string' ? Buffer.from(options.body) : Buffer.from(options.body);
        for (let i = 0; i < bytes.length; i += 16 * 1024) req.write(bytes.subarray(i, i + 16 * 1024));
      } else {
        req.setHeader('content-length', Buffer.byteLength(options.body));
        req.write(options.body);
      }
    }
    req.end();
  });
}

/** POSTs a JSON body with fetch and returns status, headers and the parsed (or raw) answer. */
export async function postJson(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: Headers; text: string; body: unknown }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test-key', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON (an SSE stream): keep the text.
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

/** Parses an SSE text into frames (event name, or null, and data). */
export function parseSse(text: string): Array<{ event: string | null; data: string }> {
  const frames: Array<{ event: string | null; data: string }> = [];
  for (const block of text.split(/\r?\n\r?\n/)) {
    if (!block.trim()) continue;
    let event: string | null = null;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':')) continue;
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    if (data.length > 0) frames.push({ event, data: data.join('\n') });
  }
  return frames;
}

/** The three caller-facing routes with minimal valid bodies around one user text. */
export const ROUTES = {
  chat: {
    path: '/v1/chat/completions',
    upstreamPath: '/v1/chat/completions',
    provider: 'openai',
    body: (text: string, extra: Record<string, unknown> = {}) => ({
      model: 'gpt-test',
      messages: [{ role: 'user', content: text }],
      ...extra,
    }),
  },
  responses: {
    path: '/v1/responses',
    upstreamPath: '/v1/responses',
    provider: 'openai',
    body: (text: string, extra: Record<string, unknown> = {}) => ({
      model: 'gpt-test',
      input: text,
      ...extra,
    }),
  },
  anthropic: {
    path: '/anthropic/v1/messages',
    upstreamPath: '/v1/messages',
    provider: 'anthropic',
    body: (text: string, extra: Record<string, unknown> = {}) => ({
      model: 'claude-test',
      max_tokens: 64,
      messages: [{ role: 'user', content: text }],
      ...extra,
    }),
  },
} as const;
export type RouteName = keyof typeof ROUTES;
export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** Asserts the exact provider error shape and returns the message. */
export function errorMessageOf(provider: 'openai' | 'anthropic', body: unknown, code?: string): string {
  if (provider === 'openai') {
    const error = (body as { error: Record<string, unknown> }).error;
    if (!error || typeof error.message !== 'string')
      throw new Error(`not an OpenAI error: ${JSON.stringify(body)}`);
    if (
      !('param' in error) ||
      typeof error.type !== 'string' ||
      !(typeof error.code === 'string' || error.code === null)
    ) {
      throw new Error(`OpenAI error missing fields: ${JSON.stringify(body)}`);
    }
    if (code !== undefined && error.code !== code)
      throw new Error(`expected code ${code}: ${JSON.stringify(body)}`);
    return error.message;
  }
  const b = body as { type?: string; error?: { type?: unknown; message?: unknown } };
  if (b.type !== 'error' || typeof b.error?.type !== 'string' || typeof b.error.message !== 'string') {
    throw new Error(`not an Anthropic error: ${JSON.stringify(body)}`);
  }
  return b.error.message;
}

/** Parsed event payloads in assertions: whatever shape the provider sent. */
// biome-ignore lint/suspicious/noExplicitAny: test data of arbitrary shape
export type AnyJson = any;

/** The assistant text a caller reassembles from an SSE answer (chat choice 0, Responses, Anthropic). */
export function streamedText(route: RouteName, sseText: string): string {
  let text = '';
  for (const frame of parseSse(sseText)) {
    if (frame.data === '[DONE]') continue;
    const data = JSON.parse(frame.data) as Record<string, AnyJson>;
    if (route === 'chat') text += data.choices?.[0]?.delta?.content ?? '';
    else if (route === 'responses' && data.type === 'response.output_text.delta') text += data.delta;
    else if (
      route === 'anthropic' &&
      data.type === 'content_block_delta' &&
      data.delta?.type === 'text_delta'
    ) {
      text += data.delta.text;
    }
  }
  return text;
}
