import { availableParallelism } from 'node:os';
import { type PolicyConfig, policyConfigFromEnv } from '@stronk/policy';
import { PROVIDERS, type ProviderId } from '@stronk/providers';
import { loadWebsocketConfig, type WebsocketConfig } from './websocket/websocket-config.ts';

/** A configuration problem found at startup; the message names the variable (never a secret value). */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'ConfigError';
  }
}

export interface ProxyConfig {
  host: string;
  port: number;
  upstreams: Record<ProviderId, URL>;
  /** route_local targets; absent means route_local answers 503. */
  localUpstreams: Partial<Record<ProviderId, URL>>;
  allowInsecureUpstreams: boolean;
  allowNonstandardUpstreamHosts: boolean;
  policy: PolicyConfig;
  denyTerms: string[];
  allowTerms: string[];
  enableDebugMaskEndpoint: boolean;
  rehydrateToolArguments: boolean;
  maxRequestBytes: number;
  maxJsonDepth: number;
  /** Most JSON values (every object, array, string, number …) one request body may hold. */
  maxJsonValues: number;
  /** Time allowed until upstream response headers arrive. */
  upstreamTimeoutMs: number;
  /** Longest silence tolerated inside an upstream response body (SSE included). */
  upstreamIdleTimeoutMs: number;
  /** Longest a whole upstream response may take (a trickled body, a stream that never ends). */
  upstreamMaxResponseMs: number;
  /** Responses websocket bridge limits (STRONK_GATEWAY_WS_*). */
  websocket: WebsocketConfig;
  /** On SIGTERM/SIGINT: how long in-flight requests, streams and websocket turns may take to finish. */
  shutdownGraceMs: number;
  /** Worker threads that detect new text off the event loop (0: detect on the event loop). */
  detectionWorkers: number;
  /** Event-loop utilization (0–1) from which new text goes to the detection workers. */
  detectionWorkerLoad: number;
  /** Detect built-in synthetic texts on every detecting thread before listening (JIT warm-up). */
  detectionWarmUp: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;
const PREFIX = 'STRONK_GATEWAY_';

function read(env: Env, name: string): string | undefined {
  const value = env[PREFIX + name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(PREFIX + name, 'expected true or false');
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new ConfigError(PREFIX + name, 'expected a whole number');
  const parsed = Number(value);
  if (parsed < min || parsed > max)
    throw new ConfigError(PREFIX + name, `expected a number from ${min} to ${max}`);
  return parsed;
}

/**
 * `auto` (the default) leaves one core to the event loop and uses up to four of the rest for detection;
 * on a single core, workers would only add a hop, so detection stays on the event loop.
 */
function readDetectionWorkers(env: Env): number {
  const value = read(env, 'DETECTION_WORKERS');
  if (value === undefined || value.toLowerCase() === 'auto') {
    const cores = availableParallelism();
    return cores < 2 ? 0 : Math.min(4, cores - 1);
  }
  return readInteger(env, 'DETECTION_WORKERS', 0, 0, 64);
}

/** A fraction from 0 to 1 (`0.3`). */
function readFraction(env: Env, name: string, fallback: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const parsed = /^\d+(?:\.\d+)?$/.test(value) ? Number(value) : Number.NaN;
  if (!(parsed >= 0 && parsed <= 1)) throw new ConfigError(PREFIX + name, 'expected a number from 0 to 1');
  return parsed;
}

/** Seconds as a whole or decimal number (`30`, `0.5`), returned in milliseconds. */
function readSeconds(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback * 1000;
  if (!/^\d+(?:\.\d+)?$/.test(value)) throw new ConfigError(PREFIX + name, 'expected a number of seconds');
  const parsed = Number(value);
  if (parsed < min || parsed > max)
    throw new ConfigError(PREFIX + name, `expected a number of seconds from ${min} to ${max}`);
  return Math.round(parsed * 1000);
}

function readList(env: Env, name: string): string[] {
  const value = read(env, name);
  if (!value) return [];
  return value
    .split(/[,\n]/)
    .map((t) => t.trim())
    .filter((t) => t.length > 0);
}

function readUrl(env: Env, name: string, fallback: string | undefined): URL | undefined {
  const value = read(env, name) ?? fallback;
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(PREFIX + name, 'not a valid absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ConfigError(PREFIX + name, 'must be http(s)');
  if (url.username || url.password) throw new ConfigError(PREFIX + name, 'must not contain credentials');
  if (url.search || url.hash) throw new ConfigError(PREFIX + name, 'must not contain a query or fragment');
  // Normalize away a trailing slash so route paths join predictably.
  url.pathname = url.pathname.replace(/\/+$/, '');
  return url;
}

/** Anthropic base URLs are given without /v1 (like the Anthropic SDK's baseURL); the route appends /v1/messages. */
function rejectVersionSuffix(url: URL, name: string): void {
  if (/\/v1$/.test(url.pathname)) {
    throw new ConfigError(PREFIX + name, 'must not end in /v1 (the proxy appends /v1/messages itself)');
  }
}

/** Reads and validates everything the proxy needs; throws ConfigError naming the first bad variable. */
export function loadProxyConfig(env: Env): ProxyConfig {
  const allowInsecureUpstreams = readBoolean(env, 'ALLOW_INSECURE_UPSTREAMS', false);
  const allowNonstandardUpstreamHosts = readBoolean(env, 'ALLOW_NONSTANDARD_UPSTREAM_HOSTS', false);
  const upstreamVariables: Record<ProviderId, string> = {
    openai: 'OPENAI_UPSTREAM_BASE_URL',
    anthropic: 'ANTHROPIC_UPSTREAM_BASE_URL',
  };
  const upstreams = {} as Record<ProviderId, URL>;
  for (const [provider, name] of Object.entries(upstreamVariables) as Array<[ProviderId, string]>) {
    const spec = PROVIDERS[provider];
    const url = readUrl(env, name, spec.defaultBaseUrl)!;
    if (url.protocol !== 'https:' && !allowInsecureUpstreams) {
      throw new ConfigError(
        PREFIX + name,
        'must use https (set STRONK_GATEWAY_ALLOW_INSECURE_UPSTREAMS=true to allow http)',
      );
    }
    if (url.hostname !== spec.officialHost && !allowNonstandardUpstreamHosts) {
      throw new ConfigError(
        PREFIX + name,
        `host must be ${spec.officialHost} (set STRONK_GATEWAY_ALLOW_NONSTANDARD_UPSTREAM_HOSTS=true to allow others)`,
      );
    }
    if (provider === 'anthropic') rejectVersionSuffix(url, name);
    upstreams[provider] = url;
  }
  const localUpstreams: Partial<Record<ProviderId, URL>> = {};
  const localOpenAi = readUrl(env, 'LOCAL_UPSTREAM_BASE_URL', undefined);
  const localAnthropic = readUrl(env, 'LOCAL_ANTHROPIC_UPSTREAM_BASE_URL', undefined);
  if (localOpenAi) localUpstreams.openai = localOpenAi;
  if (localAnthropic) {
    rejectVersionSuffix(localAnthropic, 'LOCAL_ANTHROPIC_UPSTREAM_BASE_URL');
    localUpstreams.anthropic = localAnthropic;
  }

  let policy: PolicyConfig;
  try {
    policy = policyConfigFromEnv(env);
  } catch (error) {
    const variable = (error as { variable?: string }).variable ?? 'STRONK_GATEWAY_*_ACTION';
    throw new ConfigError(variable, (error as Error).message.replace(`${variable}: `, ''));
  }

  const host = read(env, 'HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(host))
    throw new ConfigError(`${PREFIX}HOST`, 'not a valid host name or address');

  const maxRequestBytes = readInteger(env, 'MAX_REQUEST_BYTES', 10 * 1024 * 1024, 1024, 512 * 1024 * 1024);
  return {
    host,
    port: readInteger(env, 'PORT', 8787, 0, 65535),
    upstreams,
    localUpstreams,
    allowInsecureUpstreams,
    allowNonstandardUpstreamHosts,
    policy,
    denyTerms: readList(env, 'DENY_TERMS'),
    allowTerms: readList(env, 'ALLOW_TERMS'),
    enableDebugMaskEndpoint: readBoolean(env, 'ENABLE_DEBUG_MASK_ENDPOINT', false),
    rehydrateToolArguments: readBoolean(env, 'REHYDRATE_TOOL_ARGUMENTS', false),
    maxRequestBytes,
    maxJsonDepth: readInteger(env, 'MAX_JSON_DEPTH', 64, 4, 1024),
    maxJsonValues: readInteger(env, 'MAX_JSON_VALUES', 100_000, 100, 10_000_000),
    upstreamTimeoutMs: readSeconds(env, 'UPSTREAM_TIMEOUT_SECONDS', 120, 0.1, 3600),
    upstreamIdleTimeoutMs: readSeconds(env, 'UPSTREAM_IDLE_TIMEOUT_SECONDS', 300, 0.1, 3600),
    upstreamMaxResponseMs: readSeconds(env, 'UPSTREAM_MAX_RESPONSE_SECONDS', 3600, 0.1, 86_400),
    websocket: loadWebsocketConfig(env, maxRequestBytes),
    shutdownGraceMs: readSeconds(env, 'SHUTDOWN_GRACE_SECONDS', 10, 0, 3600),
    detectionWorkers: readDetectionWorkers(env),
    detectionWorkerLoad: readFraction(env, 'DETECTION_WORKER_LOAD', 0.3),
    detectionWarmUp: readBoolean(env, 'DETECTION_WARMUP', true),
  };
}
