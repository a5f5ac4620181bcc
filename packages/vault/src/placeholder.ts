import { randomFillSync } from 'node:crypto';

/** Short labels the model reads naturally: it should know a person from an email without seeing either. */
export const PLACEHOLDER_LABELS: Readonly<Record<string, string>> = {
  person_name: 'PERSON',
  organization: 'ORG',
  address: 'ADDRESS',
  email: 'EMAIL',
  phone: 'PHONE',
  api_key: 'API_KEY',
  bearer_token: 'TOKEN',
  jwt: 'JWT',
  private_key: 'PRIVATE_KEY',
  url_credentials: 'URL_CREDENTIALS',
  credit_card: 'CARD',
  iban: 'IBAN',
  us_ssn: 'SSN',
  cn_resident_id: 'CN_ID',
  ip_address: 'IP',
  custom: 'REDACTED',
};

/** Crockford base32 without I, L, O, U: unambiguous for models and people to copy. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const NONCE_LENGTH = 10;
const ALPHABET_CODES = Uint16Array.from(ALPHABET, (char) => char.charCodeAt(0));
const nonceCodes = new Uint16Array(NONCE_LENGTH);

// One CSPRNG call per 4 KiB of randomness: a call per placeholder showed up as 13 % of proxy CPU.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/** 50 random bits: a caller cannot guess a placeholder this vault will mint. */
export function randomNonce(): string {
  if (poolOffset + NONCE_LENGTH > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  for (let i = 0; i < NONCE_LENGTH; i++) nonceCodes[i] = ALPHABET_CODES[pool[poolOffset + i]! & 31]!;
  poolOffset += NONCE_LENGTH;
  // One flat string instead of a ten-piece `+=` rope.
  return String.fromCharCode(...nonceCodes);
}

export function labelFor(type: string): string {
  return PLACEHOLDER_LABELS[type] ?? 'REDACTED';
}

/** `[[EMAIL_7QX2KD9MZA]]` — the shape every minted placeholder has. */
export function formatPlaceholder(label: string, nonce: string): string {
  return `[[${label}_${nonce}]]`;
}

/**
 * Finds placeholder-shaped tokens. Case-insensitive because models sometimes change case when
 * copying; whether a token was really minted is decided by the vault, never by this shape.
 */
export const PLACEHOLDER_SHAPE = /\[\[([A-Za-z_]{1,20})_([0-9A-Za-z]{10})\]\]/g;

/** The longest placeholder any label can produce: bounds the streaming holdback. */
export const MAX_PLACEHOLDER_LENGTH = Math.max(
  ...Object.values(PLACEHOLDER_LABELS).map(
    (label) => formatPlaceholder(label, 'X'.repeat(NONCE_LENGTH)).length,
  ),
);
