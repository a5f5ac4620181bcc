import { AuditConfigError, readBooleanVar } from '@stronk/audit';

type Env = Readonly<Record<string, string | undefined>>;
const PREFIX = 'STRONK_GATEWAY_';

export const ROLES = ['admin', 'operator', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export interface AdminUser {
  username: string;
  /** argon2id PHC string. */
  passwordHash: string;
  roles: Role[];
}

export interface AdminConfig {
  enabled: boolean;
  host: string;
  port: number;
  enableUi: boolean;
  uiDir: string | undefined;
  cookieName: string;
  /** Secure cookie flag: `auto` sets it when the request came over https. */
  cookieSecure: 'auto' | boolean;
  sessionIdleTtlMs: number;
  sessionAbsoluteTtlMs: number;
  users: AdminUser[];
  allowedRoles: Role[];
  traceAllowedRoles: Role[];
  loginAttemptLimit: number;
  loginAttemptWindowMs: number;
  /** Extra origins accepted on state-changing requests, besides the admin API's own. */
  allowedOrigins: string[];
  /** Private trace listener of the proxy, bridged at /api/debug/*. */
  debugGatewayUrl: URL | undefined;
  debugGatewaySecret: string | undefined;
  accessLogKeep: number;
}

export class AdminConfigError extends AuditConfigError {}

function read(env: Env, name: string): string | undefined {
  const value = env[PREFIX + name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function readInteger(env: Env, name: string, fallback: number, min: number, max: number): number {
  const value = read(env, name);
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new AdminConfigError(PREFIX + name, 'expected a whole number');
  const n = Number(value);
  if (n < min || n > max)
    throw new AdminConfigError(PREFIX + name, `expected a number from ${min} to ${max}`);
  return n;
}

function readRoles(env: Env, name: string, fallback: Role[]): Role[] {
  const value = read(env, name);
  if (value === undefined) return fallback;
  const roles = value
    .split(',')
    .map((r) => r.trim().toLowerCase())
    .filter((r) => r);
  for (const role of roles) {
    if (!(ROLES as readonly string[]).includes(role))
      throw new AdminConfigError(PREFIX + name, `unknown role (expected ${ROLES.join(', ')})`);
  }
  return [...new Set(roles)] as Role[];
}

export function loadAdminConfig(env: Env): AdminConfig {
  const host = read(env, 'ADMIN_HOST') ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:_-]+$/.test(host))
    throw new AdminConfigError(`${PREFIX}ADMIN_HOST`, 'not a valid host name or address');
  const cookieName = read(env, 'ADMIN_SESSION_COOKIE_NAME') ?? 'stronk_admin_session';
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(cookieName))
    throw new AdminConfigError(`${PREFIX}ADMIN_SESSION_COOKIE_NAME`, 'letters, digits, _ and - only');
  const secureValue = read(env, 'ADMIN_COOKIE_SECURE')?.toLowerCase() ?? 'auto';
  const cookieSecure = secureValue === 'auto' ? 'auto' : readBooleanVar(env, 'ADMIN_COOKIE_SECURE', false);

  const users: AdminUser[] = [];
  const bootstrapUser = read(env, 'ADMIN_BOOTSTRAP_USER');
  const bootstrapHash = read(env, 'ADMIN_BOOTSTRAP_PASSWORD_HASH');
  if (bootstrapUser !== undefined || bootstrapHash !== undefined) {
    if (bootstrapUser === undefined || !/^[A-Za-z0-9_.@-]{1,64}$/.test(bootstrapUser))
      throw new AdminConfigError(`${PREFIX}ADMIN_BOOTSTRAP_USER`, 'set a user name (letters, digits, _.@-)');
    if (bootstrapHash === undefined || !bootstrapHash.startsWith('$argon2id$'))
      throw new AdminConfigError(
        `${PREFIX}ADMIN_BOOTSTRAP_PASSWORD_HASH`,
        'expected an argon2id hash from `pnpm --silent stronk hash-password`',
      );
    users.push({
      username: bootstrapUser,
      passwordHash: bootstrapHash,
      roles: readRoles(env, 'ADMIN_BOOTSTRAP_ROLES', ['admin']),
    });
  }

  const idle = readInteger(env, 'ADMIN_SESSION_IDLE_TTL_SECONDS', 1800, 10, 30 * 86400);
  const absolute = readInteger(env, 'ADMIN_SESSION_ABSOLUTE_TTL_SECONDS', 12 * 3600, 10, 365 * 86400);
  let debugGatewayUrl: URL | undefined;
  const debugUrl = read(env, 'UNSAFE_DEBUG_GATEWAY_URL');
  if (debugUrl !== undefined) {
    try {
      debugGatewayUrl = new URL(debugUrl);
    } catch {
      throw new AdminConfigError(`${PREFIX}UNSAFE_DEBUG_GATEWAY_URL`, 'not a valid URL');
    }
    if (debugGatewayUrl.protocol !== 'http:' && debugGatewayUrl.protocol !== 'https:')
      throw new AdminConfigError(`${PREFIX}UNSAFE_DEBUG_GATEWAY_URL`, 'must be http(s)');
  }
  const allowedOrigins = (read(env, 'ADMIN_ALLOWED_ORIGINS') ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[A-Za-z0-9.:[\]-]+$/.test(origin))
      throw new AdminConfigError(
        `${PREFIX}ADMIN_ALLOWED_ORIGINS`,
        'expected origins like https://admin.example',
      );
  }
  return {
    enabled: readBooleanVar(env, 'ENABLE_ADMIN_API', false),
    host,
    port: readInteger(env, 'ADMIN_PORT', 8788, 0, 65535),
    enableUi: readBooleanVar(env, 'ENABLE_ADMIN_UI', false),
    uiDir: read(env, 'ADMIN_UI_DIR'),
    cookieName,
    cookieSecure,
    sessionIdleTtlMs: idle * 1000,
    sessionAbsoluteTtlMs: Math.max(absolute, idle) * 1000,
    users,
    allowedRoles: readRoles(env, 'ADMIN_ALLOWED_ROLES', [...ROLES]),
    traceAllowedRoles: readRoles(env, 'ADMIN_TRACE_ALLOWED_ROLES', ['admin']),
    loginAttemptLimit: readInteger(env, 'ADMIN_LOGIN_ATTEMPT_LIMIT', 5, 1, 10_000),
    loginAttemptWindowMs: readInteger(env, 'ADMIN_LOGIN_ATTEMPT_WINDOW_SECONDS', 900, 1, 86400) * 1000,
    allowedOrigins,
    debugGatewayUrl,
    debugGatewaySecret: read(env, 'UNSAFE_DEBUG_GATEWAY_SECRET'),
    accessLogKeep: readInteger(env, 'ADMIN_ACCESS_LOG_MAX_ENTRIES', 5000, 10, 10_000_000),
  };
}
