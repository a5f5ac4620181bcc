import { ConfigError } from '../config.ts';

type Env = Readonly<Record<string, string | undefined>>;
const PREFIX = 'STRONK_GATEWAY_';

export interface ObservabilityConfig {
  /** GET /metrics on the proxy listener. */
  metricsEnabled: boolean;
  traces:
    | { enabled: false }
    | {
        enabled: true;
        host: string;
        port: number;
        secret: string;
        maxEntries: number;
        maxBytes: number;
        ttlMs: number;
      };
}

function read(env: Env, name: string): string | undefined {
  const value = env[PREFIX + name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(PREFIX + name, 'expected true or false');
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(PREFIX + name, 'expected a whole number');
  const n = Number(value);
  if (n < min || n > max) throw new ConfigError(PREFIX + name, `expected a number from ${min} to ${max}`);
  return n;
}

/** STRONK_GATEWAY_METRICS_ENABLED and the raw-trace switches (STRONK_GATEWAY_UNSAFE_DEBUG_*). */
export function loadObservabilityConfig(env: Env): ObservabilityConfig {
  const metricsEnabled = bool(env, 'METRICS_ENABLED', true);
  if (!bool(env, 'UNSAFE_DEBUG_TRACES_ENABLED', false)) return { metricsEnabled, traces: { enabled: false } };
  const secret = read(env, 'UNSAFE_DEBUG_GATEWAY_SECRET');
  if (secret === undefined || secret.length < 16)
    throw new ConfigError(
      `${PREFIX}UNSAFE_DEBUG_GATEWAY_SECRET`,
      'raw traces need a shared secret of at least 16 characters',
    );
  const host = read(env, 'UNSAFE_DEBUG_GATEWAY_HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(host))
    throw new ConfigError(`${PREFIX}UNSAFE_DEBUG_GATEWAY_HOST`, 'not a valid host name or address');
  return {
    metricsEnabled,
    traces: {
      enabled: true,
      host,
      port: int(env, 'UNSAFE_DEBUG_GATEWAY_PORT', 8789, 0, 65535),
      secret,
      maxEntries: int(env, 'UNSAFE_DEBUG_TRACE_MAX_ENTRIES', 50, 1, 10_000),
      maxBytes: int(env, 'UNSAFE_DEBUG_TRACE_MAX_BYTES', 8 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
      ttlMs: int(env, 'UNSAFE_DEBUG_TRACE_TTL_SECONDS', 600, 1, 86_400) * 1000,
    },
  };
}
