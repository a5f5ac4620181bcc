import type { Detector } from '../detector.ts';
import type { EntityType, Finding } from '../types.ts';
import { shannonEntropy } from './entropy.ts';
import { fitsNamedFormat, isSecretName, splitWords } from './secret-names.ts';
import { tokenRuns } from './token-runs.ts';
import { looksLikeKeyMaterial } from './token-shape.ts';

/**
 * A secret word (key, token, secret, password, auth, api, …) shortly before a free-standing token that
 * looks like generated key material: `airtable token = 'patR4…'`, `Using Key=9f8e…`, `--api-key 4c1d…`,
 * `the secret is Zq8R…`. This is how most provider keys without a fixed prefix show up (a provider name
 * plus key/secret/token near a 32/40/64-char hex or base62 string), so one rule covers them all.
 *
 * Only tokens with clean edges count: a run glued to `?`, `$`, `@`, `#`… is a fragment of something else
 * (a URL query, a template, a mangled sample), not a token that was pasted on its own.
 */

/** How far before a token its secret word may start (as in common scanners' keyword windows). */
const WINDOW = 40;
const MIN_TOKEN = 16;
const MAX_TOKEN = 256;

/** Short words that may stand between a secret's name and its value: `the key is X`, `token = X`. */
const FILLER = new Set([
  'is',
  'was',
  'are',
  'be',
  'the',
  'a',
  'an',
  'my',
  'your',
  'our',
  'this',
  'that',
  'here',
  'using',
  'use',
  'with',
  'value',
  'as',
  'to',
  'for',
  'of',
  'in',
  'at',
  'set',
  'now',
  'new',
  'it',
  'and',
]);
/** A name chunk: letters, digits, `_`, `-`, `.` (so `doc.KeySize` is one name whose last word is `size`). */
function isNameChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code === 46
  );
}

function isHorizontalGap(code: number): boolean {
  return code !== 10 && code !== 13 && !isNameChar(code);
}

/**
 * Walks back from a token over at most a few words on the same line (or onto the line above when it
 * ends in `:` / `=`, as in YAML) and returns the words of the nearest name that is not filler.
 */
function nameBefore(text: string, start: number): string[] | undefined {
  const limit = Math.max(0, start - WINDOW);
  let i = start;
  for (let chunks = 0; chunks < 4; chunks++) {
    while (i > limit && isHorizontalGap(text.charCodeAt(i - 1))) i--;
    if (i > limit && (text.charCodeAt(i - 1) === 10 || text.charCodeAt(i - 1) === 13)) {
      let j = i - 1;
      while (j > limit && text.charCodeAt(j - 1) <= 32) j--;
      const last = text.charCodeAt(j - 1);
      if (chunks > 0 || (last !== 58 && last !== 61)) return undefined;
      i = j - 1;
      continue;
    }
    let j = i;
    while (j > limit && isNameChar(text.charCodeAt(j - 1))) j--;
    if (j === i) return undefined;
    const words = splitWords(text.slice(j, i));
    // Punctuation-only chunks (`-`, `...`) and filler words do not end the walk.
    if (words.length > 1 || (words.length === 1 && !FILLER.has(words[0] ?? ''))) return words;
    i = j;
  }
  return undefined;
}

/** Key material of elliptic-curve wallets: 64 hex chars next to wallet words, before or after. */
const CRYPTO_WORD = /private|priv|secret|wallet|mnemonic|seed|signer|signing|ethereum|bitcoin/;
const CRYPTO_WINDOW = 80;

/** Characters a token is made of; `.` and `/` only count inside a run (`a/b`, `a.b`). */
const TOKEN_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+=./') {
  TOKEN_CHAR[ch.charCodeAt(0)] = 1;
}
/** Characters that may sit right next to a pasted token: spaces, quotes, brackets and separators. */
const CLEAN_EDGE = new Uint8Array(128);
for (const ch of ' \t\n\r\f\v"\'`=:,;()[]{}<>|&') CLEAN_EDGE[ch.charCodeAt(0)] = 1;

function isTokenChar(code: number): boolean {
  return code < 128 && TOKEN_CHAR[code] === 1;
}

function isCleanEdge(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return true;
  const code = text.charCodeAt(index);
  return code < 128 && CLEAN_EDGE[code] === 1;
}

/** After a token, sentence punctuation (`!`, `?`) is a clean end when a space or the text end follows. */
function isCleanEnd(text: string, index: number): boolean {
  if (isCleanEdge(text, index)) return true;
  const code = text.charCodeAt(index);
  return (code === 33 || code === 63) && isCleanEdge(text, index + 1);
}

function isSeparator(code: number): boolean {
  return code === 46 || code === 47;
}

/** The words of the secret name shortly before `start`, if there is one. */
function secretNameBefore(text: string, start: number): string[] | undefined {
  const words = nameBefore(text, start);
  return words !== undefined && (isSecretName(words) || isSecretKeyAbbreviation(words)) ? words : undefined;
}

/**
 * `AK LTAI… / SK Tq4W…`: Chinese clouds (Alibaba, Huawei, Baidu, Volcano Engine) call the access key id and
 * secret key AK and SK. Only a lone `SK` before key material counts (`user_sk` is a DynamoDB sort key).
 */
function isSecretKeyAbbreviation(words: readonly string[]): boolean {
  return words.length === 1 && words[0] === 'sk';
}

function cryptoWordAround(text: string, start: number, end: number): boolean {
  const before = text.slice(Math.max(0, start - CRYPTO_WINDOW), start).toLowerCase();
  const after = text.slice(end, Math.min(text.length, end + CRYPTO_WINDOW)).toLowerCase();
  return CRYPTO_WORD.test(before) || CRYPTO_WORD.test(after);
}

const HEX_64 = /^(?:0x)?[0-9a-fA-F]{64}$/;

/** `image@sha256:4d1c…`, `sha256=…`, `SHA-256: …`: a content digest, whatever secret words are near. */
const DIGEST_LABEL = /(?:sha-?(?:1|224|256|384|512)|digest|checksum|hash)\s?[:=@]?\s?$/i;
function digestBefore(text: string, start: number): boolean {
  return DIGEST_LABEL.test(text.slice(Math.max(0, start - 12), start));
}

/**
 * Discord bot tokens need no keyword: three base64url parts of fixed lengths (user id, timestamp, HMAC)
 * are distinctive on their own.
 */
const DISCORD_BOT = /^[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}$/;

/** Azure storage account keys: 64 random bytes in base64, trusted when Azure is named nearby. */
const AZURE_STORAGE_KEY = /^[A-Za-z0-9+/]{86}==$/;
const AZURE_WINDOW = 200;

function azureNamedAround(text: string, start: number, end: number): boolean {
  const around = text.slice(Math.max(0, start - AZURE_WINDOW), Math.min(text.length, end + AZURE_WINDOW));
  return /azure/i.test(around) && !/public ?keys?\b/i.test(around);
}

function classify(text: string, start: number, end: number): EntityType | undefined {
  const length = end - start;
  const value = text.slice(start, end);
  if (length >= 59 && DISCORD_BOT.test(value) && shannonEntropy(value) >= 4) return 'api_key';
  if (length === 88 && AZURE_STORAGE_KEY.test(value) && azureNamedAround(text, start, end)) return 'api_key';
  if (
    (length === 64 || length === 66) &&
    HEX_64.test(value) &&
    !digestBefore(text, start) &&
    cryptoWordAround(text, start, end)
  )
    return 'private_key';
  // The name test is the cheap one and rejects nearly every run in ordinary text, so it goes first.
  const words = secretNameBefore(text, start);
  if (words === undefined) return undefined;
  return looksLikeKeyMaterial(value) && fitsNamedFormat(words, value) ? 'api_key' : undefined;
}

function push(findings: Finding[], start: number, end: number, type: EntityType): void {
  findings.push({ start, end, type, detector: 'secret.keyword-proximity', score: 0.6 });
}

/** Tries the whole run, then (if it holds `.` or `/`) each piece between them, e.g. URL path segments. */
function scanRun(text: string, runStart: number, runEnd: number, findings: Finding[]): void {
  let start = runStart;
  let end = runEnd;
  while (start < end && isSeparator(text.charCodeAt(start))) start++;
  while (end > start && isSeparator(text.charCodeAt(end - 1))) end--;
  if (end - start < MIN_TOKEN) return;
  if (end - start <= MAX_TOKEN + 2) {
    const whole = classify(text, start, end);
    if (whole) {
      // `0x` is notation, not key material.
      const from = whole === 'private_key' && text.charCodeAt(start + 1) === 120 ? start + 2 : start;
      push(findings, from, end, whole);
      return;
    }
  }
  let pieceStart = start;
  let sawSeparator = false;
  for (let i = start; i <= end; i++) {
    if (i < end && !isSeparator(text.charCodeAt(i))) continue;
    if (i < end) sawSeparator = true;
    if (sawSeparator && i - pieceStart >= MIN_TOKEN && i - pieceStart <= MAX_TOKEN) {
      const type = classify(text, pieceStart, i);
      if (type) push(findings, pieceStart, i, type);
    }
    pieceStart = i + 1;
  }
}

export const keywordProximityDetector: Detector = {
  id: 'secret.keyword-proximity',
  types: ['api_key', 'private_key'],
  detect(text) {
    const findings: Finding[] = [];
    const runs = tokenRuns(text);
    for (let r = 0; r < runs.length; r += 2) {
      const runEnd = runs[r + 1] ?? 0;
      // Shared runs also hold `:`, `|` and `~`; re-split them by this detector's stricter alphabet.
      let i = runs[r] ?? 0;
      while (i < runEnd) {
        while (i < runEnd && !isTokenChar(text.charCodeAt(i))) i++;
        const start = i;
        while (i < runEnd) {
          const code = text.charCodeAt(i);
          if (!isTokenChar(code)) break;
          // `=` belongs to a token only as base64 padding at its end; `md5=abc` is a name and a value.
          if (code === 61 && isNameChar(text.charCodeAt(i + 1))) break;
          i++;
        }
        if (i - start >= MIN_TOKEN && isCleanEdge(text, start - 1) && isCleanEnd(text, i)) {
          scanRun(text, start, i, findings);
        }
        if (i === start) i++;
      }
    }
    return findings;
  },
};
