/** A keep-alive HTTP client for the load generator: one POST, timed to the first and to the last byte. */
import { Agent, request } from 'node:http';

export interface HttpOutcome {
  status: number;
  /** From sending to the first byte of the body (for a stream: the first event). */
  ttfbMs: number;
  totalMs: number;
  body: string;
}

export interface HttpClient {
  post(port: number, path: string, headers: Record<string, string>, body: string): Promise<HttpOutcome>;
  get(port: number, path: string, headers?: Record<string, string>): Promise<HttpOutcome>;
  destroy(): void;
}

class StaleSocket extends Error {}

export function createHttpClient(options: { maxSockets: number; timeoutMs?: number }): HttpClient {
  const agent = new Agent({ keepAlive: true, maxSockets: options.maxSockets });
  const timeoutMs = options.timeoutMs ?? 60_000;
  const sendOnce = (
    method: string,
    port: number,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpOutcome> => {
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          agent,
          headers: body === undefined ? headers : { ...headers, 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let ttfbMs = 0;
          res.on('data', (chunk: Buffer) => {
            ttfbMs ||= performance.now() - started;
            chunks.push(chunk);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              ttfbMs: ttfbMs || performance.now() - started,
              totalMs: performance.now() - started,
              body: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (error: Error & { code?: string }) => {
        // A kept-alive socket the server closed just as it was reused: not the server's failure, send again.
        if (error.code === 'ECONNRESET' && req.reusedSocket) reject(new StaleSocket());
        else reject(error);
      });
      req.end(body);
    });
  };
  const send = async (
    method: string,
    port: number,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpOutcome> => {
    try {
      return await sendOnce(method, port, path, headers, body);
    } catch (error) {
      if (!(error instanceof StaleSocket)) throw error;
      return sendOnce(method, port, path, headers, body);
    }
  };
  return {
    post: (port, path, headers, body) => send('POST', port, path, headers, body),
    get: (port, path, headers = {}) => send('GET', port, path, headers),
    destroy: () => agent.destroy(),
  };
}
