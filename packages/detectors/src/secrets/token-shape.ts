/**
 * Shape tests for a free-standing candidate token (no provider prefix to vouch for it): is it drawn from
 * a random alphabet, or is it a word, an identifier, a repeated pattern, a hash of a known length…
 */
import { charClassCount, isPlaceholder, shannonEntropy } from './entropy.ts';

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** True when the value repeats a unit of up to 16 chars (`abcd1234abcd1234…`, `FakeFakeFake`), ignoring case. */
export function isPeriodic(value: string): boolean {
  const lower = value.toLowerCase();
  const length = lower.length;
  for (let period = 1; period <= 16 && period * 2 <= length; period++) {
    let same = 0;
    for (let i = period; i < length; i++) if (lower.charCodeAt(i) === lower.charCodeAt(i - period)) same++;
    if (same >= 0.85 * (length - period)) return true;
  }
  return false;
}

/** Hex of a usual key size (128–512 bits) in one letter case: key material printed as hex. */
export function isHexKey(value: string): boolean {
  const n = value.length;
  if (n !== 32 && n !== 40 && n !== 48 && n !== 64 && n !== 96 && n !== 128) return false;
  return /^(?:[0-9a-f]+|[0-9A-F]+)$/.test(value);
}

/** ISO 13616 mod-97 check, so bank account numbers are left to the IBAN detector. */
export function isIbanLike(value: string): boolean {
  if (value.length < 15 || value.length > 34 || !/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(value)) return false;
  const rearranged = value.slice(4) + value.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const code = rearranged.charCodeAt(i);
    const digits = isDigit(code) ? code - 48 : code - 55;
    remainder = (digits > 9 ? remainder * 100 + digits : remainder * 10 + digits) % 97;
  }
  return remainder === 1;
}

/** camelCase or PascalCase words: `merchantId`, `customerEmail`, `RetryPolicy`. */
const CAMEL_CASE = /^(?:[a-z]{2,}|[A-Z][a-z]+)(?:[A-Z][a-z]+)+$/;

/** Whether `value` is camelCase words, each three letters or more on average (random letters alternate case more). */
function isCamelCaseWords(value: string): boolean {
  if (value.length > 40 || !CAMEL_CASE.test(value)) return false;
  let humps = 1;
  for (let i = 1; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 65 && c <= 90) humps++;
  }
  return value.length / humps >= 4;
}

/** `DOC_Vector_5_32`, `rc0.15.0_2023-SNAPSHOT`, `my-service-name`: word-like pieces, not random strings. */
export function looksLikeIdentifier(value: string): boolean {
  if (isCamelCaseWords(value)) return true;
  const segments = value.split(/[_.\-/:]+/).filter((s) => s.length > 0);
  if (segments.length < 2) return false;
  let wordy = 0;
  for (const s of segments) {
    // `django-insecure-<random>`, `app-prod-<random>`: two or more words before a long generated tail are a
    // key's prefix. One word (`cus_…`, `ch_…`) is how providers name object ids, so that stays an identifier.
    if (segments.length >= 3 && s.length >= 20 && mixesLettersAndDigits(s) && shannonEntropy(s) >= 3.8)
      return false;
    if (
      /^(?:[a-z]{3,}|[A-Z][a-z]{2,}|[A-Z]{3,})$/.test(s) ||
      /^\d{1,8}$/.test(s) ||
      /^[A-Za-z]\d{1,3}$/.test(s)
    )
      wordy++;
  }
  return wordy >= segments.length - 1 && !/^[0-9a-fA-F]{8}-/.test(value);
}

const NATURAL_TEXT = /^[A-Za-z ,.'!?-]+$/;

/** Base64 of an English sentence is an encoded message, not key material. */
export function decodesToText(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.length >= 8 && NATURAL_TEXT.test(decoded) && decoded.includes(' ');
}

/** Count of digits and letters, to tell `a1B2…` tokens from words and numbers. */
function mixesLettersAndDigits(value: string): boolean {
  let letters = 0;
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isLetter(c)) letters++;
  }
  return letters >= 2 && digits >= 2;
}

/**
 * Whether a token found only by context (a secret word shortly before it) looks like generated key
 * material: letters and digits mixed, a high-entropy alphabet for its length, and none of the usual
 * look-alikes (identifiers, placeholders, repeated units, IBANs, base64-encoded prose).
 */
export function looksLikeKeyMaterial(value: string): boolean {
  const length = value.length;
  if (length < 16 || length > 256) return false;
  if (!mixesLettersAndDigits(value) || isPlaceholder(value)) return false;
  // Hex of an exact key size is key material even when it was typed as a pattern (`abcd1234…`).
  if (isHexKey(value)) return shannonEntropy(value) >= 3;
  if (isPeriodic(value) || looksLikeIdentifier(value)) return false;
  if (isIbanLike(value) || decodesToText(value)) return false;
  if (charClassCount(value) < 2) return false;
  return shannonEntropy(value) >= (length < 24 ? 3.4 : 3.6);
}
