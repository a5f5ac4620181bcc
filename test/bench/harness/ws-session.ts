/** A client session on the proxy's Responses websocket, with timed turns (send → terminal event). */
import { type RawData, WebSocket } from '../../../apps/proxy/bench/ws-client.ts';

export interface WsTurnResult {
  ms: number;
  /** From sending to the first server event of the turn. */
  ttfbMs: number;
  /** The concatenated output_text deltas. */
  text: string;
  responseId?: string;
  /** Error code of an `error` event, `closed_<code>` or `timeout`; absent for a completed turn. */
  error?: string;
}

export interface WsSession {
  ws: WebSocket;
  handshakeMs: number;
  /** The turn key the proxy answered in `x-codex-turn-state`. */
  turnKey: string | undefined;
  turn(event: Record<string, unknown>, timeoutMs?: number): Promise<WsTurnResult>;
  /** Every event received outside a turn (errors for abusive frames, mostly). */
  nextEvent(timeoutMs?: number): Promise<Record<string, unknown> | undefined>;
  closed: Promise<{ code: number; reason: string }>;
  close(): Promise<void>;
}

export class HandshakeRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`handshake refused: HTTP ${status} ${code}`);
  }
}

const TERMINAL = new Set(['response.completed', 'response.failed', 'response.incomplete', 'error']);

export function openWsSession(port: number, headers: Record<string, string> = {}): Promise<WsSession> {
  const started = performance.now();
  const ws = new WebSocket(`ws://127.0.0.1:${port}/v1/responses`, {
    headers: { authorization: 'Bearer bench-key', ...headers },
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  // Events outside a turn queue here; a turn installs its own handler.
  const queued: Array<Record<string, unknown>> = [];
  let wake: (() => void) | undefined;
  let onTurnEvent: ((event: Record<string, unknown>) => void) | undefined;
  ws.on('message', (data: RawData) => {
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(String(data)) as Record<string, unknown>;
    } catch {
      event = { type: 'unparsable' };
    }
    if (onTurnEvent) onTurnEvent(event);
    else {
      queued.push(event);
      wake?.();
    }
  });
  ws.on('close', () => wake?.());

  const turn = (event: Record<string, unknown>, timeoutMs = 60_000): Promise<WsTurnResult> => {
    const sent = performance.now();
    let ttfbMs = 0;
    let text = '';
    return new Promise((resolve) => {
      const finish = (result: Omit<WsTurnResult, 'ms' | 'ttfbMs' | 'text'>) => {
        clearTimeout(timer);
        onTurnEvent = undefined;
        ws.off('close', onClose);
        resolve({
          ms: performance.now() - sent,
          ttfbMs: ttfbMs || performance.now() - sent,
          text,
          ...result,
        });
      };
      const onClose = (code: number) => finish({ error: `closed_${code}` });
      const timer = setTimeout(() => finish({ error: 'timeout' }), timeoutMs);
      onTurnEvent = (received) => {
        ttfbMs ||= performance.now() - sent;
        if (received.type === 'response.output_text.delta' && typeof received.delta === 'string')
          text += received.delta;
        if (!TERMINAL.has(String(received.type))) return;
        if (received.type === 'error') {
          const error = received.error as { code?: unknown } | undefined;
          finish({ error: String(error?.code ?? 'error') });
        } else if (received.type !== 'response.completed') finish({ error: String(received.type) });
        else finish({ responseId: String((received.response as { id?: unknown } | undefined)?.id ?? '') });
      };
      ws.on('close', onClose);
      ws.send(JSON.stringify(event));
    });
  };

  const nextEvent = async (timeoutMs = 5000) => {
    const deadline = performance.now() + timeoutMs;
    while (queued.length === 0 && ws.readyState !== WebSocket.CLOSED && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, Math.max(1, deadline - performance.now()));
      });
      wake = undefined;
    }
    return queued.shift();
  };

  return new Promise((resolve, reject) => {
    ws.once('upgrade', (response) => {
      const key = response.headers['x-codex-turn-state'];
      ws.once('open', () =>
        resolve({
          ws,
          handshakeMs: performance.now() - started,
          turnKey: typeof key === 'string' ? key : undefined,
          turn,
          nextEvent,
          closed,
          async close() {
            if (ws.readyState === WebSocket.CLOSED) return;
            ws.close(1000);
            const done = await Promise.race([
              closed.then(() => true),
              new Promise<boolean>((r) => setTimeout(() => r(false), 2000)),
            ]);
            if (!done) ws.terminate();
          },
        }),
      );
    });
    ws.once('unexpected-response', (_request, response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => {
        body += chunk;
      });
      response.on('end', () => {
        let code = '';
        try {
          code = String((JSON.parse(body) as { error?: { code?: unknown } }).error?.code ?? '');
        } catch {}
        ws.terminate();
        reject(new HandshakeRefused(response.statusCode ?? 0, code));
      });
    });
    // Before the handshake an error fails the open; after it, the turn or `closed` reports the outcome.
    ws.on('error', (error) => {
      if (ws.readyState !== WebSocket.CLOSED) ws.terminate();
      reject(error);
    });
  });
}
