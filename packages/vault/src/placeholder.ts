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
/** Char code → digit value, upper and lower case (models sometimes change case); -1 for anything else. */
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) {
  DIGIT_OF[ALPHABET.charCodeAt(i)] = i;
  DIGIT_OF[ALPHABET.toLowerCase().charCodeAt(i)] = i;
}

// One CSPRNG call per 4 KiB of randomness: a call per placeholder showed up as 13 % of proxy CPU.
const pool = Buffer.alloc(4096);
let poolOffset = pool.length;

/**
 * 50 random bits as a number (exact in a double): a caller cannot guess a placeholder this vault will mint,
 * and a vault can index its placeholders by this number instead of hashing strings.
 */
export function randomNonceValue(): number {
  if (poolOffset + NONCE_LENGTH > pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  let value = 0;
  for (let i = 0; i < NONCE_LENGTH; i++) value = value * 32 + (pool[poolOffset + i]! & 31);
  poolOffset += NONCE_LENGTH;
  return value;
}

/** 50 random bits in the placeholder alphabet. */
export function randomNonce(): string {
  return nonceText(randomNonceValue());
}

function nonceText(value: number): string {
  return String.fromCharCode.apply(null, writeNonceCodes([], 0, value));
}

/** Writes the nonce's NONCE_LENGTH character codes into `codes` from `at` (most significant digit first). */
function writeNonceCodes(codes: number[], at: number, value: number): number[] {
  let rest = value;
  for (let i = NONCE_LENGTH - 1; i >= 0; i--) {
    codes[at + i] = ALPHABET_CODES[rest % 32]!;
    rest = Math.floor(rest / 32);
  }
  return codes;
}

/**
 * The nonce value of the NONCE_LENGTH characters at `start`, case-insensitive, or -1 when one of them is not
 * in the alphabet. Reads the text in place (no substring).
 */
export function nonceValueAt(text: string, start: number): number {
  if (start < 0 || start + NONCE_LENGTH > text.length) return -1;
  let value = 0;
  for (let i = start; i < start + NONCE_LENGTH; i++) {
    const code = text.charCodeAt(i);
    const digit = code < 128 ? DIGIT_OF[code]! : -1;
    if (digit < 0) return -1;
    value = value * 32 + digit;
  }
  return value;
}

/** Per label, the character codes of its placeholders with the nonce's place overwritten on each mint. */
const mintCodes = new Map<string, number[]>();

/**
 * `[[` + label + `_` + the nonce's characters + `]]` (what formatPlaceholder gives), built as one flat string:
 * a template literal makes a rope that V8 flattens again wherever the placeholder is hashed or compared. The
 * codes array is kept per label and reused: building a new one per placeholder cost ~600 bytes of garbage
 * (a masked 4 KB message mints ~50).
 */
export function mintPlaceholder(label: string, nonceValue: number): string {
  let codes = mintCodes.get(label);
  if (codes === undefined) {
    codes = [91, 91];
    for (let i = 0; i < label.length; i++) codes.push(label.charCodeAt(i));
    codes.push(95);
    for (let i = 0; i < NONCE_LENGTH; i++) codes.push(48);
    codes.push(93, 93);
    // Labels come from a short fixed table; the bound only keeps a misuse from growing the map.
    if (mintCodes.size < 64) mintCodes.set(label, codes);
  }
  return String.fromCharCode.apply(null, writeNonceCodes(codes, codes.length - 2 - NONCE_LENGTH, nonceValue));
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
