import { createHash, randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export const TURN_STATE_HEADER = 'x-codex-turn-state';
/** Codex newer versions repeat the turn key inside `client_metadata` of `response.create`. */
export const TURN_STATE_METADATA_KEY = 'x-codex-turn-state';

/** Opaque, bounded, header-safe: anything else is refused rather than stored. */
const TURN_KEY_SHAPE = /^[A-Za-z0-9._~+/=:-]{8,512}$/;

export type TurnKeyInput = { kind: 'absent' } | { kind: 'valid'; key: string } | { kind: 'invalid' };

export function parseTurnKey(value: unknown): TurnKeyInput {
  if (value === undefined || value === null || value === '') return { kind: 'absent' };
  if (typeof value !== 'string' || !TURN_KEY_SHAPE.test(value)) return { kind: 'invalid' };
  return { kind: 'valid', key: value };
}

/** A fresh key, returned to the client in the handshake so its reconnects find the same state. */
export function mintTurnKey(): string {
  return `wst_${randomBytes(18).toString('base64url')}`;
}

/**
 * A short digest of the caller's credential. State is bound to it so that a second caller who learns
 * a turn key or a response id cannot continue (and rehydrate) somebody else's chain.
 */
export function credentialDigest(headers: IncomingHttpHeaders): string {
  const hash = createHash('sha256');
  hash.update(String(headers.authorization ?? ''));
  hash.update('\u0000');
  hash.update(String(headers['x-api-key'] ?? ''));
  return hash.digest('base64url').slice(0, 22);
}
