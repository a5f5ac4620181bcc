import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { openAiErrorBody } from '@stronk/providers';
import { WebSocketServer } from 'ws';
import { repeatedCredentialHeader } from '../headers.ts';
import { SessionStore } from './session-store.ts';
import { SocketSession, type SocketSessionDeps } from './socket-session.ts';
import { credentialDigest, mintTurnKey, parseTurnKey, TURN_STATE_HEADER } from './turn-key.ts';

export const WEBSOCKET_PATH = '/v1/responses';

export interface ResponsesWebsocketBridge {
  /** For the node http server's 'upgrade' event. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Graceful shutdown: new handshakes get 503, idle sockets close now with 1001, busy ones right after
   * their turn. Poll `stats().sessions` until 0, then `close()`.
   */
  drain(): void;
  /** Closes every socket (aborting turns) and stops housekeeping. */
  close(): void;
  stats(): { sessions: number; states: number; chains: number };
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  404: 'Not Found',
  409: 'Conflict',
  503: 'Service Unavailable',
};

/** Answers a handshake with a plain HTTP error in OpenAI's body shape, then drops the socket. */
function refuse(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify(openAiErrorBody({ status, code, message }));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Error'}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    // The websocket-only beta flag means nothing to the HTTP upstream.
    if (name === 'openai-beta' && String(value).includes('responses_websockets')) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

export function createResponsesWebsocketBridge(
  deps: Omit<SocketSessionDeps, 'store'>,
): ResponsesWebsocketBridge {
  const limits = deps.config.websocket;
  const store = new SessionStore({
    idleTtlMs: limits.idleTimeoutMs,
    maxDetachedStates: Math.max(64, limits.maxSessions * 4),
  });
  const sessions = new Set<SocketSession>();
  let draining = false;
  const turnKeys = new WeakMap<IncomingMessage, string>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: limits.maxFrameBytes,
    perMessageDeflate: false,
  });
  // Returning the key lets the client's reconnects (Codex sends it back) resume this state.
  wss.on('headers', (headers, request) => {
    const key = turnKeys.get(request);
    if (key) headers.push(`${TURN_STATE_HEADER}: ${key}`);
  });
  const sweeper = setInterval(
    () => store.sweep(),
    Math.min(30_000, Math.max(1000, limits.idleTimeoutMs / 4)),
  );
  sweeper.unref();

  return {
    handleUpgrade(request, socket, head) {
      socket.on('error', () => socket.destroy());
      // Exact match on the raw target: nothing a URL parser would normalize into this path.
      const path = (request.url ?? '').split('?', 1)[0];
      if (request.method !== 'GET' || path !== WEBSOCKET_PATH) {
        refuse(socket, 404, 'not_found', 'No websocket route on this path.');
        return;
      }
      const repeated = repeatedCredentialHeader(request.rawHeaders);
      if (repeated) {
        refuse(socket, 400, 'duplicate_credentials', `The ${repeated} header was sent more than once.`);
        return;
      }
      if (draining) {
        refuse(socket, 503, 'server_shutting_down', 'This proxy process is shutting down; reconnect.');
        return;
      }
      if (sessions.size >= limits.maxSessions) {
        refuse(socket, 503, 'websocket_session_limit', 'Too many open websocket sessions; retry later.');
        return;
      }
      const presented = parseTurnKey(request.headers[TURN_STATE_HEADER]);
      if (presented.kind === 'invalid') {
        refuse(socket, 400, 'invalid_websocket_turn', 'The turn state is not a valid opaque key.');
        return;
      }
      const key = presented.kind === 'valid' ? presented.key : mintTurnKey();
      const state = store.attach(key, credentialDigest(request.headers));
      if (state === 'conflict') {
        // Deterministic, never queued: the other socket's turn must end (or drop) first.
        refuse(socket, 409, 'invalid_websocket_turn', 'A turn is already in flight for this turn state.');
        return;
      }
      turnKeys.set(request, key);
      let accepted = false;
      wss.handleUpgrade(request, socket, head, (ws) => {
        accepted = true;
        const session = new SocketSession(ws, state, headersOf(request), { ...deps, store }, (closed) =>
          sessions.delete(closed),
        );
        sessions.add(session);
      });
      // ws completes valid handshakes synchronously; an invalid one was answered and must not hold state.
      if (!accepted) store.detach(state);
    },
    drain() {
      draining = true;
      for (const session of sessions) session.drain();
    },
    close() {
      draining = true;
      clearInterval(sweeper);
      for (const session of sessions) session.shutdown();
      wss.close();
    },
    stats: () => ({ sessions: sessions.size, ...store.stats }),
  };
}
