import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { charClassCount, isPlaceholder, shannonEntropy } from './entropy.ts';

/**
 * `name = "value"` style secrets in code, config, env files, JSON and YAML: the name must end in a
 * secret word (key, secret, token, password, …) and the value must look random (entropy and character
 * classes), so `api_key = "changeme"` or `token_url = "https://…"` are left alone.
 */

/** Cheap pre-filter: only positions where a secret word occurs are parsed further. */
const KEYWORD = /key|secret|token|passw|pwd|pass\b|auth|credential|login|sumo|sourcegraph|tenant|azure/gi;

/** Identifier characters (letters, digits, `_`, `-`, `.`). */
function isIdentChar(code: number): boolean {
  return (
    (code >= 48 && code <= 57) ||
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code === 46
  );
}

/** Splits `AWS_SECRET_ACCESS_KEY`, `oktaApiToken`, `client-secret` into lowercase words. */
function splitWords(identifier: string): string[] {
  return identifier
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 0);
}

const SECRET_LAST_WORD =
  /^(?:[a-z]*(?:key|secret|token|passwd|password|pwd|passphrase|credentials?)|pass|auth|login|apikey|accesskey|secretkey)$/;
/** Names that hold public or descriptive values even though they contain a secret word. */
const NON_SECRET_WORDS = new Set([
  'public',
  'pub',
  'publishable',
  'csrf',
  'xsrf',
  'monkey',
  'hotkey',
  'keyboard',
  'primary',
  'foreign',
  'sort',
  'partition',
  'cache',
  'idempotency',
  'sequence',
  'schema',
  'bucket',
  'next',
  'page',
  'continuation',
]);

function isSecretName(words: readonly string[]): boolean {
  const last = words[words.length - 1];
  if (last === undefined || !SECRET_LAST_WORD.test(last)) return false;
  for (const w of words) if (NON_SECRET_WORDS.has(w)) return false;
  return true;
}

/** Values whose format identifies the provider, accepted whatever the name's last word is. */
const NAMED_FORMATS: readonly { name: RegExp; value: RegExp }[] = [
  { name: /sumo(?:logic)?[._-]?access/i, value: /^su[A-Za-z0-9]{12}$/ },
  { name: /sourcegraph/i, value: /^[a-fA-F0-9]{40}$/ },
  // Azure AD app registrations: tenant + client id are what an attacker pairs with a leaked secret.
  {
    name: /azure[\w.-]*client[_-]?id|tenant[_-]?id/i,
    value: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  },
];

const REFERENCE = /^(?:\$|%|\{|<|@|&|\*|#|\/|\.\/|~\/|[a-z]+:\/\/)/i;
const NATURAL_TEXT = /^[A-Za-z ,.'!?-]+$/;

function decodesToText(value: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value) || value.length % 4 !== 0) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return decoded.length >= 8 && NATURAL_TEXT.test(decoded) && decoded.includes(' ');
}

/** `DOC_Vector_5_32`, `K8S_CRED`, `rc0.15.0_2023-SNAPSHOT`: word-like identifiers, not random strings. */
function looksLikeIdentifier(value: string): boolean {
  const segments = value.split(/[_.\-/:]+/).filter((s) => s.length > 0);
  if (segments.length < 2) return false;
  const wordy = segments.filter(
    (s) =>
      /^(?:[a-z]{3,}|[A-Z][a-z]{2,}|[A-Z]{3,})$/.test(s) ||
      /^\d{1,8}$/.test(s) ||
      /^[A-Za-z]\d{1,3}$/.test(s),
  );
  return wordy.length >= segments.length - 1 && !/^[0-9a-fA-F]{8}-/.test(value);
}

export function looksRandom(value: string): boolean {
  const length = value.length;
  if (length < 8 || length > 500) return false;
  if (/\s/.test(value)) return false;
  if (isPlaceholder(value) || REFERENCE.test(value)) return false;
  if (looksLikeIdentifier(value)) return false;
  if (decodesToText(value)) return false;
  const classes = charClassCount(value);
  if (classes < 2 && !/^[0-9a-f]{32,}$/.test(value)) return false;
  const entropy = shannonEntropy(value);
  // Short values need a richer alphabet to stand out from words; long hex/base64 runs do well anyway.
  const threshold = length < 16 ? 3.3 : 3.5;
  return entropy >= threshold;
}

interface ParsedValue {
  start: number;
  end: number;
}

const OPERATOR = /^\s{0,4}(?::::=|::=|:=|\?=|=>|==|=|:|,)\s{0,4}/;

/** From just after a name, reads the operator and the value it assigns. */
function parseValue(text: string, from: number, nameQuoted: boolean): ParsedValue | undefined {
  let i = from;
  const closing = text.charCodeAt(i);
  if (closing === 34 || closing === 39 || closing === 96) i++;
  const op = OPERATOR.exec(text.slice(i, i + 16));
  if (!op) return undefined;
  if (op[0].trim() === ',' && !nameQuoted) return undefined;
  i += op[0].length;
  // YAML/TOML block openers and comparisons are not assignments of a literal.
  let quote = text.charCodeAt(i);
  if (quote === 34 || quote === 39 || quote === 96) {
    i++;
  } else {
    quote = 0;
  }
  const start = i;
  const limit = Math.min(text.length, start + 500);
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote || c === 10 || c === 13 || c === 92) break;
    } else if (
      c <= 32 ||
      c === 34 ||
      c === 39 ||
      c === 96 ||
      c === 44 ||
      c === 59 ||
      c === 41 ||
      c === 125 ||
      c === 93 ||
      c === 60 ||
      c === 62
    ) {
      break;
    }
    i++;
  }
  if (i === start) return undefined;
  return { start, end: i };
}

export const genericAssignmentDetector: Detector = {
  id: 'secret.generic-assignment',
  types: ['api_key'],
  detect(text) {
    const findings: Finding[] = [];
    let lastNameEnd = -1;
    KEYWORD.lastIndex = 0;
    for (let m = KEYWORD.exec(text); m; m = KEYWORD.exec(text)) {
      // Expand the keyword hit to the whole identifier around it.
      let nameStart = m.index;
      while (nameStart > 0 && m.index - nameStart < 80 && isIdentChar(text.charCodeAt(nameStart - 1)))
        nameStart--;
      let nameEnd = m.index + m[0].length;
      while (nameEnd < text.length && nameEnd - m.index < 80 && isIdentChar(text.charCodeAt(nameEnd)))
        nameEnd++;
      if (nameEnd <= lastNameEnd) continue;
      lastNameEnd = nameEnd;
      KEYWORD.lastIndex = nameEnd;
      const name = text.slice(nameStart, nameEnd);
      const before = nameStart > 0 ? text.charCodeAt(nameStart - 1) : 32;
      const nameQuoted = before === 34 || before === 39;
      const parsed = parseValue(text, nameEnd, nameQuoted);
      if (!parsed) continue;
      const value = text.slice(parsed.start, parsed.end);
      const words = splitWords(name);
      let accepted = false;
      if (isSecretName(words)) {
        accepted = looksRandom(value);
        // AWS secret access keys are exactly 40 chars; other lengths here are encrypted blobs or ids.
        if (accepted && words.includes('aws') && words.includes('secret') && value.length !== 40)
          accepted = false;
      } else {
        accepted = NAMED_FORMATS.some((f) => f.name.test(name) && f.value.test(value));
      }
      if (accepted) {
        findings.push({
          start: parsed.start,
          end: parsed.end,
          type: 'api_key',
          detector: this.id,
          score: 0.7,
        });
      }
      // A value never contains the next assignment's name, so resume after it (keeps `key=key=…` linear).
      KEYWORD.lastIndex = Math.max(KEYWORD.lastIndex, parsed.end);
      lastNameEnd = Math.max(lastNameEnd, parsed.end);
    }
    return findings;
  },
};
