type Env = Readonly<Record<string, string | undefined>>;
const PREFIX = 'STRONK_GATEWAY_';

export class AuditConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(`${variable}: ${message}`);
    this.name = 'AuditConfigError';
  }
}

export interface AuditConfig {
  enabled: boolean;
  /** SQLite file (used unless databaseUrl is set). */
  dbPath: string;
  /** postgres:// URL; when set, Postgres is used instead of SQLite. */
  databaseUrl: string | undefined;
  maxEvents: number;
  maxAgeMs: number | undefined;
  maxQueue: number;
  flushIntervalMs: number;
}

export const DEFAULT_AUDIT_DB_PATH = 'data/stronk-audit.sqlite';

function read(env: Env, name: string): string | undefined {
  const value = env[PREFIX + name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

export function readBooleanVar(env: Env, name: string, fallback: boolean): boolean {
  const value = read(env, name)?.toLowerCase();
  if (value === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new AuditConfigError(PREFIX + name, 'expected true or false');
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new AuditConfigError(PREFIX + name, 'expected a whole number');
  const n = Number(value);
  if (n < min || n > max)
    throw new AuditConfigError(PREFIX + name, `expected a number from ${min} to ${max}`);
  return n;
}

function readSeconds(env: Env, name: string, min: number, max: number): number | undefined {
  const value = read(env, name);
  if (value === undefined) return undefined;
  if (!/^\d+(?:\.\d+)?$/.test(value))
    throw new AuditConfigError(PREFIX + name, 'expected a number of seconds');
  const n = Number(value);
  if (n < min || n > max)
    throw new AuditConfigError(PREFIX + name, `expected a number of seconds from ${min} to ${max}`);
  return Math.round(n * 1000);
}

/** Reads STRONK_GATEWAY_AUDIT_*; throws AuditConfigError naming the variable (never echoing a URL). */
export function auditConfigFromEnv(env: Env): AuditConfig {
  const databaseUrl = read(env, 'AUDIT_DATABASE_URL');
  if (databaseUrl !== undefined && !/^postgres(?:ql)?:\/\//i.test(databaseUrl)) {
    throw new AuditConfigError(`${PREFIX}AUDIT_DATABASE_URL`, 'expected a postgres:// or postgresql:// URL');
  }
  return {
    enabled: readBooleanVar(env, 'AUDIT_STORAGE_ENABLED', false),
    dbPath: read(env, 'AUDIT_DB_PATH') ?? DEFAULT_AUDIT_DB_PATH,
    databaseUrl,
    maxEvents: readInteger(env, 'AUDIT_MAX_EVENTS', 2000, 1, 10_000_000),
    maxAgeMs: readSeconds(env, 'AUDIT_MAX_AGE_SECONDS', 1, 10 * 365 * 24 * 3600),
    maxQueue: readInteger(env, 'AUDIT_QUEUE_MAX', 10_000, 1, 1_000_000),
    flushIntervalMs: readSeconds(env, 'AUDIT_FLUSH_INTERVAL_SECONDS', 0.01, 60) ?? 200,
  };
}
