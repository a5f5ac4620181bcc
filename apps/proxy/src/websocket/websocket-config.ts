import { ConfigError } from '../config.ts';

/** Limits of the Responses websocket bridge (GET /v1/responses upgrade). */
export interface WebsocketConfig {
  /** Open sockets allowed at once; beyond it new handshakes get 503 and no open socket is evicted. */
  maxSessions: number;
  /** A socket with no traffic and no turn in flight is closed after this; unused turn state is released after it too. */
  idleTimeoutMs: number;
  /** Absolute socket lifetime; at the limit the socket is closed once its current turn has ended. */
  maxLifetimeMs: number;
  /** Largest client frame accepted; a bigger one closes the socket with 1009. */
  maxFrameBytes: number;
}

type Env = Readonly<Record<string, string | undefined>>;
const PREFIX = 'STRONK_GATEWAY_WS_';

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[PREFIX + name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(PREFIX + name, 'expected a whole number');
  const value = Number(raw);
  if (value < min || value > max)
    throw new ConfigError(PREFIX + name, `expected a number from ${min} to ${max}`);
  return value;
}

export function loadWebsocketConfig(env: Env, maxRequestBytes: number): WebsocketConfig {
  return {
    maxSessions: readInteger(env, 'MAX_SESSIONS', 1000, 0, 1_000_000),
    idleTimeoutMs: readInteger(env, 'IDLE_TIMEOUT_SECONDS', 300, 1, 86_400) * 1000,
    maxLifetimeMs: readInteger(env, 'MAX_LIFETIME_SECONDS', 3600, 1, 7 * 86_400) * 1000,
    maxFrameBytes: readInteger(env, 'MAX_FRAME_BYTES', maxRequestBytes, 1024, 512 * 1024 * 1024),
  };
}
