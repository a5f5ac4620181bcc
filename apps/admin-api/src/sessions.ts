import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import type { AuditStore, SessionRow } from '@stronk/audit';
import type { Role } from './config.ts';

/**
 * Sessions after Lucia's session guide: the token is `<id>.<secret>`, both random; the database keeps the id and
 * SHA-256(secret) only, so a leaked table cannot be replayed. Secrets are compared in constant time.
 */
export interface Session {
  id: string;
  username: string;
  roles: Role[];
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionManager {
  create(username: string, roles: readonly Role[]): Promise<{ token: string; session: Session }>;
  validate(token: string | undefined): Promise<Session | null>;
  revoke(id: string): Promise<void>;
  expiresAt(session: Session): { idle: number; absolute: number };
}

function randomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

const TOKEN_SHAPE = /^[a-z2-7]{24}\.[a-z2-7]{32}$/;

export function createSessionManager(options: {
  store: AuditStore;
  idleTtlMs: number;
  absoluteTtlMs: number;
  now?: () => number;
}): SessionManager {
  const { store, idleTtlMs, absoluteTtlMs } = options;
  const now = options.now ?? Date.now;
  // Refresh last_seen_at at most this often, so reads do not turn into writes.
  const touchEvery = Math.min(60_000, Math.floor(idleTtlMs / 10));
  let lastSweep = 0;

  return {
    async create(username, roles) {
      const id = randomString(15);
      const secret = randomString(20);
      const t = now();
      const row: SessionRow = {
        id,
        secretHash: hashSecret(secret),
        username,
        roles: [...roles],
        createdAt: t,
        lastSeenAt: t,
      };
      await store.createSession(row);
      if (t - lastSweep > 60_000) {
        lastSweep = t;
        await store.deleteExpiredSessions(t - idleTtlMs, t - absoluteTtlMs).catch(() => {});
      }
      return {
        token: `${id}.${secret}`,
        session: { id, username, roles: [...roles], createdAt: t, lastSeenAt: t },
      };
    },

    async validate(token) {
      if (token === undefined || !TOKEN_SHAPE.test(token)) return null;
      const [id, secret] = token.split('.') as [string, string];
      const row = await store.getSession(id);
      if (!row) return null;
      const expected = new TextEncoder().encode(row.secretHash);
      const given = new TextEncoder().encode(hashSecret(secret));
      if (!constantTimeEqual(expected, given)) return null;
      const t = now();
      if (t - row.createdAt >= absoluteTtlMs || t - row.lastSeenAt >= idleTtlMs) {
        await store.deleteSession(id);
        return null;
      }
      if (t - row.lastSeenAt >= touchEvery) {
        await store.touchSession(id, t);
        row.lastSeenAt = t;
      }
      return {
        id,
        username: row.username,
        roles: row.roles as Role[],
        createdAt: row.createdAt,
        lastSeenAt: row.lastSeenAt,
      };
    },

    revoke: (id) => store.deleteSession(id),

    expiresAt: (session) => ({
      idle: session.lastSeenAt + idleTtlMs,
      absolute: session.createdAt + absoluteTtlMs,
    }),
  };
}
