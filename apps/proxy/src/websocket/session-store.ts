import type { Vault } from '@stronk/redaction';

/** One chain of turns linked by previous_response_id: the vault scope and what a continuation needs. */
export interface Chain {
  /** Placeholder scope shared by every turn of the chain, so the model's context stays consistent. */
  vault: Vault;
  credential: string;
  /** The id the next turn continues from: the upstream response id, or a local prewarm id. */
  responseId: string;
  /** True when upstream stored that response and can resolve the id itself. */
  upstreamResolvable: boolean;
  /** Upstream id the replayed history itself continues from (a prewarm on top of a stored response). */
  upstreamPreviousId?: string | undefined;
  /** Request parameters of the last turn (as the client sent them, without input), re-masked for `response.append`. */
  template: Record<string, unknown>;
  /** Masked context upstream has seen (inputs then outputs), replayed when upstream cannot resolve the id. */
  history: unknown[];
  /** Once a turn went to the local model the chain stays local (its history may hold raw values). */
  local: boolean;
  lastUsed: number;
}

/** What a turn key resumes: the last committed chain, and whether a socket is running a turn right now. */
export interface TurnState {
  readonly key: string;
  readonly credential: string;
  committed?: Chain;
  /** The socket running a turn on this key right now (an owner token, so a late cleanup cannot clear a newer turn). */
  inFlight: object | undefined;
  sockets: number;
  lastUsed: number;
}

export interface SessionStoreOptions {
  /** Detached state and chains unused for this long are released. */
  idleTtlMs: number;
  /** Detached turn states kept at most; the least recently used go first. */
  maxDetachedStates: number;
  now?: () => number;
}

/**
 * Process-local memory of turn keys and chains. Nothing here is persisted, logged or sent upstream;
 * several processes need sticky routing (docs/websocket.md).
 */
export class SessionStore {
  readonly #states = new Map<string, TurnState>();
  readonly #chains = new Map<string, Chain>();
  readonly #options: SessionStoreOptions;
  readonly #now: () => number;

  constructor(options: SessionStoreOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** Attaches a socket to a key; refused while another socket runs a turn on it, or for another credential. */
  attach(key: string, credential: string): TurnState | 'conflict' {
    let state = this.#states.get(key);
    if (state && (state.credential !== credential || state.inFlight)) return 'conflict';
    if (!state) {
      state = { key, credential, inFlight: undefined, sockets: 0, lastUsed: this.#now() };
    }
    // Re-insert so Map order stays least-recently-used first.
    this.#states.delete(key);
    this.#states.set(key, state);
    state.sockets++;
    state.lastUsed = this.#now();
    return state;
  }

  detach(state: TurnState): void {
    state.sockets = Math.max(0, state.sockets - 1);
    state.lastUsed = this.#now();
    if (state.sockets === 0 && !state.committed) this.#states.delete(state.key);
    this.#evictDetached();
  }

  /** The chain whose latest response is `responseId`, for the same credential only. */
  findChain(responseId: string, credential: string): Chain | undefined {
    const chain = this.#chains.get(responseId);
    if (!chain || chain.credential !== credential) return undefined;
    chain.lastUsed = this.#now();
    return chain;
  }

  /** Records a turn that reached a terminal event; the superseded response of the chain is forgotten. */
  commit(state: TurnState, next: Chain, previous: Chain | undefined): void {
    if (previous) this.#chains.delete(previous.responseId);
    next.lastUsed = this.#now();
    this.#chains.set(next.responseId, next);
    state.committed = next;
    state.lastUsed = next.lastUsed;
  }

  /** Releases detached states and chains idle for longer than the TTL. */
  sweep(): void {
    const cutoff = this.#now() - this.#options.idleTtlMs;
    const live = new Set<Chain>();
    for (const [key, state] of this.#states) {
      if (state.sockets === 0 && !state.inFlight && state.lastUsed < cutoff) this.#states.delete(key);
      else if (state.committed) live.add(state.committed);
    }
    for (const [id, chain] of this.#chains) {
      if (chain.lastUsed < cutoff && !live.has(chain)) this.#chains.delete(id);
    }
  }

  #evictDetached(): void {
    let excess = this.#states.size - this.#options.maxDetachedStates;
    if (excess <= 0) return;
    for (const [key, state] of this.#states) {
      if (excess <= 0) break;
      if (state.sockets === 0 && !state.inFlight) {
        this.#states.delete(key);
        excess--;
      }
    }
  }

  get stats(): { states: number; chains: number } {
    return { states: this.#states.size, chains: this.#chains.size };
  }
}
