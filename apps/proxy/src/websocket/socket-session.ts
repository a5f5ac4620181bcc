import type { Duplex } from 'node:stream';
import type { ErrorDetails } from '@stronk/providers';
import { BOUNDED_TOKEN } from '@stronk/redaction';
import WebSocket from 'ws';
import type { RequestRecordSink } from '../request-record.ts';
import { type ClientEvent, parseClientEvent } from './client-events.ts';
import { type ForwardTurnDeps, forwardTurn, newTurnRecord } from './forward-turn.ts';
import { prewarm } from './prewarm.ts';
import type { Chain, SessionStore, TurnState } from './session-store.ts';
import { parseTurnKey } from './turn-key.ts';
import { LOCAL_RESPONSE_PREFIX } from './turn-request.ts';
import { CLOSE_GOING_AWAY, CLOSE_NORMAL, CLOSE_UNSUPPORTED_DATA, websocketErrorEvent } from './ws-errors.ts';

export interface SocketSessionDeps extends ForwardTurnDeps {
  store: SessionStore;
  onRecord: RequestRecordSink;
}

/** Frames waiting in the socket beyond this make the relay wait for the client to catch up. */
const HIGH_WATER_BYTES = 1024 * 1024;

/** The socket closed while a turn was writing to it. */
class SocketGone extends Error {}

/** A continuation that resolved to one of our chains, or an id left for upstream to resolve. */
type Resolved = { chain?: Chain; passThroughId?: string } | { error: ErrorDetails };

/**
 * One client socket on GET /v1/responses: parses client events, runs at most one turn at a time
 * (mask → decide → POST {openai}/responses with stream:true → relay rehydrated events), and commits
 * the chain only after a terminal event has been delivered.
 */
export class SocketSession {
  #state: TurnState;
  #busy = false;
  #corked = false;
  #closingForLifetime = false;
  #closingForShutdown = false;
  #abort: AbortController | undefined;
  #idleTimer: NodeJS.Timeout | undefined;
  readonly #lifetimeTimer: NodeJS.Timeout;

  constructor(
    private readonly ws: WebSocket,
    state: TurnState,
    private readonly handshakeHeaders: Headers,
    private readonly deps: SocketSessionDeps,
    private readonly onClosed: (session: SocketSession) => void,
  ) {
    this.#state = state;
    this.#armIdle();
    this.#lifetimeTimer = setTimeout(() => this.#lifetimeReached(), deps.config.websocket.maxLifetimeMs);
    this.#lifetimeTimer.unref();
    ws.on('message', (data, isBinary) => this.#onMessage(data, isBinary));
    ws.on('close', () => this.#onClose());
    ws.on('error', () => ws.terminate());
  }

  get busy(): boolean {
    return this.#busy;
  }

  /** Server shutdown past its grace period: abort the turn and say goodbye. */
  shutdown(): void {
    this.#abort?.abort();
    this.#closeGoingAway();
  }

  /**
   * Graceful server shutdown: an idle socket is closed now, a busy one right after its turn's terminal
   * event (the turn is committed first), both with 1001 "going away" so the client reconnects elsewhere.
   */
  drain(): void {
    this.#closingForShutdown = true;
    if (!this.#busy) this.#closeGoingAway();
  }

  #closeGoingAway(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING)
      this.ws.close(CLOSE_GOING_AWAY, 'server shutting down');
  }

  #armIdle(): void {
    clearTimeout(this.#idleTimer);
    // A closed socket keeps no timer, so nothing holds the session in memory.
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.#idleTimer = setTimeout(() => {
      if (!this.#busy) this.ws.close(CLOSE_NORMAL, 'idle timeout');
    }, this.deps.config.websocket.idleTimeoutMs);
    this.#idleTimer.unref();
  }

  #lifetimeReached(): void {
    this.#closingForLifetime = true;
    if (!this.#busy) this.#closeForLifetime();
  }

  #closeForLifetime(): void {
    // Codex treats this code as retryable and reconnects.
    this.#sendError({
      status: 400,
      message: 'Responses websocket connection limit reached. Create a new websocket connection to continue.',
      code: 'websocket_connection_limit_reached',
    });
    this.ws.close(CLOSE_NORMAL, 'session lifetime reached');
  }

  #onClose(): void {
    clearTimeout(this.#idleTimer);
    clearTimeout(this.#lifetimeTimer);
    // A drop mid-turn aborts the upstream request; nothing of that turn is committed.
    this.#abort?.abort();
    if (this.#state.inFlight === this) this.#state.inFlight = undefined;
    this.deps.store.detach(this.#state);
    this.onClosed(this);
  }

  #send(data: string, confirm: boolean): Promise<void> {
    if (this.ws.readyState !== WebSocket.OPEN) return Promise.reject(new SocketGone('socket closed'));
    this.#corkUntilNextTick();
    if (!confirm && this.ws.bufferedAmount < HIGH_WATER_BYTES) {
      this.ws.send(data);
      return Promise.resolve();
    }
    return new Promise((resolve, reject) =>
      this.ws.send(data, (error) => (error ? reject(error) : resolve())),
    );
  }

  /**
   * The events of one upstream read (often dozens of small deltas) leave in one socket write instead
   * of one write each; ws exposes no batching, so its underlying socket is corked for the tick.
   */
  #corkUntilNextTick(): void {
    const socket = (this.ws as unknown as { _socket?: Duplex })._socket;
    if (!socket || this.#corked) return;
    this.#corked = true;
    socket.cork();
    process.nextTick(() => {
      this.#corked = false;
      socket.uncork();
    });
  }

  #sendError(details: ErrorDetails): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(websocketErrorEvent(details));
  }

  #onMessage(data: WebSocket.RawData, isBinary: boolean): void {
    this.#armIdle();
    if (isBinary) {
      this.#sendError({
        status: 400,
        message: 'Binary frames are not supported; send JSON text.',
        code: 'unsupported_frame',
      });
      this.ws.close(CLOSE_UNSUPPORTED_DATA, 'binary frames are not supported');
      return;
    }
    const event = parseClientEvent(
      Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.concat(data as Buffer[]).toString('utf8'),
    );
    void this.#handle(event).catch(() => {
      // Failures are answered inside #handle; this only guards against a socket that vanished.
    });
  }

  async #handle(event: ClientEvent): Promise<void> {
    if (event.type === 'invalid') {
      this.#sendError({ status: 400, message: event.message, code: event.code });
      return;
    }
    // Codex acknowledges responses it has processed; there is nothing to forward.
    if (event.type === 'response.processed') return;
    if (this.#busy) {
      this.#sendError({
        status: 409,
        message: 'A response is already in progress on this socket.',
        code: 'turn_in_progress',
      });
      return;
    }
    if (!this.#switchTurnKey(event.turnKey)) return;
    if (this.#state.inFlight) {
      this.#sendError({
        status: 409,
        message: 'A turn is already in flight for this turn state.',
        code: 'invalid_websocket_turn',
      });
      return;
    }
    if (event.type === 'response.append') {
      const chain = this.#state.committed;
      if (!chain) {
        this.#sendError({
          status: 400,
          message: '`response.append` needs a completed response to continue.',
          code: 'no_previous_response',
        });
        return;
      }
      await this.#runTurn({ ...chain.template, input: event.input }, { chain });
      return;
    }
    const resolved = this.#resolve(event.request.previous_response_id);
    if ('error' in resolved) {
      this.#sendError(resolved.error);
      return;
    }
    if (event.generate) await this.#runTurn(event.request, resolved);
    else await this.#prewarm(event.request, resolved);
  }

  /** A turn key inside client_metadata (newer Codex) moves this socket onto that key's state. */
  #switchTurnKey(value: unknown): boolean {
    const parsed = parseTurnKey(value);
    if (parsed.kind === 'absent' || (parsed.kind === 'valid' && parsed.key === this.#state.key)) return true;
    if (parsed.kind === 'invalid') {
      this.#sendError({
        status: 400,
        message: 'The turn state is not a valid opaque key.',
        code: 'invalid_websocket_turn',
      });
      return false;
    }
    const next = this.deps.store.attach(parsed.key, this.#state.credential);
    if (next === 'conflict') {
      this.#sendError({
        status: 409,
        message: 'A turn is already in flight for this turn state.',
        code: 'invalid_websocket_turn',
      });
      return false;
    }
    this.deps.store.detach(this.#state);
    this.#state = next;
    return true;
  }

  #resolve(previous: unknown): Resolved {
    if (previous === undefined || previous === null) return {};
    if (typeof previous !== 'string' || !BOUNDED_TOKEN.test(previous)) {
      return {
        error: {
          status: 400,
          message: '`previous_response_id` must be a response id.',
          code: 'invalid_event',
        },
      };
    }
    const committed = this.#state.committed;
    const chain =
      committed?.responseId === previous
        ? committed
        : this.deps.store.findChain(previous, this.#state.credential);
    if (chain) return { chain };
    // Our own ids mean nothing upstream: a forgotten or aborted one is refused, never forwarded.
    if (previous.startsWith(LOCAL_RESPONSE_PREFIX)) {
      return {
        error: { status: 400, message: 'Previous response not found.', code: 'previous_response_not_found' },
      };
    }
    return { passThroughId: previous };
  }

  /** generate:false — answered here; its masked input waits in memory for the turn that continues it. */
  async #prewarm(request: Record<string, unknown>, resolved: { chain?: Chain; passThroughId?: string }) {
    const state = this.#state;
    const outcome = await prewarm(this.deps, {
      request,
      ...resolved,
      credential: state.credential,
      headers: this.handshakeHeaders,
    });
    if ('refused' in outcome) {
      this.#sendError(outcome.refused);
      return;
    }
    this.#busy = true;
    try {
      await this.#send(outcome.events[0], false);
      await this.#send(outcome.events[1], true);
      this.deps.store.commit(state, outcome.chain, resolved.chain);
    } catch {
      // Socket gone before the terminal event: nothing is committed.
    } finally {
      this.#turnFinished();
    }
  }

  async #runTurn(request: Record<string, unknown>, resolved: { chain?: Chain; passThroughId?: string }) {
    const started = performance.now();
    const record = newTurnRecord(request);
    const state = this.#state;
    const abort = new AbortController();
    this.#busy = true;
    this.#abort = abort;
    state.inFlight = this;
    try {
      const next = await forwardTurn(
        this.deps,
        { request, ...resolved, credential: state.credential, headers: this.handshakeHeaders },
        { send: (data, confirm) => this.#send(data, confirm), signal: abort.signal },
        record,
      );
      // Committed only now: the terminal event has been written to the socket.
      if (next) this.deps.store.commit(state, next, resolved.chain);
    } catch (error) {
      // A socket that went away mid-turn ends the turn silently; anything else is reported.
      if (!(error instanceof SocketGone) && !abort.signal.aborted) {
        record.status = 500;
        record.errorClass = 'internal_error';
        this.#sendError({ status: 500, message: 'Internal proxy error.', code: 'internal_error' });
      }
    } finally {
      if (state.inFlight === this) state.inFlight = undefined;
      if (this.#abort === abort) this.#abort = undefined;
      record.latencyMs = performance.now() - started;
      this.deps.onRecord(record);
      this.#turnFinished();
    }
  }

  #turnFinished(): void {
    this.#busy = false;
    if (this.#closingForShutdown) {
      this.#closeGoingAway();
      return;
    }
    this.#armIdle();
    if (this.#closingForLifetime) this.#closeForLifetime();
  }
}
