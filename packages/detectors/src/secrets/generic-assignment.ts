import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { charClassCount, isPlaceholder, shannonEntropy } from './entropy.ts';
import { fitsNamedFormat, isSecretName, namesTypedSecret, splitWords } from './secret-names.ts';
import { decodesToText, isHexKey, isPeriodic, looksLikeIdentifier } from './token-shape.ts';

/**
 * `name = "value"` style secrets in code, config, env files, JSON and YAML: the name must end in a
 * secret word (key, secret, token, password, …) and the value must look random (entropy and character
 * classes), so `api_key = "changeme"` or `token_url = "https://…"` are left alone.
 */

/** Cheap pre-filter: only positions where a secret word occurs are parsed further. */
const KEYWORD =
  /key|secret|token|passw|pwd|pass\b|pw\b|auth|credential|login|sumo|sourcegraph|tenant|azure/gi;

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

/** Values whose format identifies the provider, accepted whatever the name's last word is. */
const NAMED_FORMATS: readonly { name: RegExp; value: RegExp }[] = [
  { name: /sumo(?:logic)?[._-]?access/i, value: /^su[A-Za-z0-9]{12}$/ },
  { name: /sourcegraph/i, value: /^[a-fA-F0-9]{40}$/ },
  // Azure AD app registrations: tenant + client id are what an attacker pairs with a leaked secret.
  // An AWS access key id under its own name (`aws_access_key_id`, `accessKeyId`): half of the credential pair.
  { name: /access[_-]?key[_-]?id$/i, value: /^(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-Z0-9]{20}$/ },
  {
    name: /azure[\w.-]*client[_-]?id|tenant[_-]?id/i,
    value: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  },
];

const REFERENCE = /^(?:\$|%|\{|<|@|&|\*|#|\/|\.\/|~\/|[a-z]+:\/\/)/i;
/** `foo(bar)`, `os.getenv(x)`: a call computes the value at run time. */
const CALL = /^[A-Za-z_][\w.]*\(/;

/** A placeholder, a reference (`$VAR`, `{{x}}`, a URL) or a call: no literal secret written there. */
function isNoLiteral(value: string): boolean {
  return isPlaceholder(value) || REFERENCE.test(value) || CALL.test(value);
}

export function looksRandom(value: string): boolean {
  const length = value.length;
  if (length < 8 || length > 500) return false;
  if (/\s/.test(value)) return false;
  if (isNoLiteral(value)) return false;
  // Hex of an exact key size is key material even when typed as a pattern (`abcd1234…`).
  if (isHexKey(value)) return shannonEntropy(value) >= 3;
  if (looksLikeIdentifier(value) || isPeriodic(value)) return false;
  if (decodesToText(value)) return false;
  const classes = charClassCount(value);
  if (classes < 2 && !/^[0-9a-f]{32,}$/.test(value)) return false;
  const entropy = shannonEntropy(value);
  // Short values need a richer alphabet to stand out from words; long hex/base64 runs do well anyway.
  const threshold = length < 16 ? 3.3 : 3.5;
  return entropy >= threshold;
}

/** Characters of generated keys and tokens: base64/base64url, hex, separators, URL escapes. */
/**
 * A password a person chose ("Crm_R0@2024jun", "Spring!Tide42"): words and digits with a symbol, which the
 * identifier test alone would pass over as a name. Only under a name for a typed secret.
 */
export function looksLikeChosenPassword(value: string): boolean {
  if (value.length < 8 || value.length > 64 || /\s/.test(value) || isNoLiteral(value)) return false;
  return /[!@#$%^&*?~+=]/.test(value) && /\d/.test(value) && charClassCount(value) >= 3;
}

function isTokenAlphabet(code: number): boolean {
  return (
    (code >= 48 && code <= 58) || // digits and `:`
    (code >= 65 && code <= 90) ||
    (code >= 97 && code <= 122) ||
    code === 95 ||
    code === 45 ||
    code === 43 ||
    code === 47 ||
    code === 61 ||
    code === 46 ||
    code === 126 ||
    code === 37
  );
}

/**
 * A generated key is drawn from an encoding alphabet. One or two symbols outside it (`ab?cd…`, `…xyz$`)
 * mark a mangled or truncated sample; a value with many symbols is a generated password instead.
 */
function hasStraySymbols(value: string): boolean {
  let foreign = 0;
  for (let i = 0; i < value.length && foreign < 3; i++) if (!isTokenAlphabet(value.charCodeAt(i))) foreign++;
  return foreign === 1 || foreign === 2;
}

interface ParsedValue {
  start: number;
  end: number;
}

const OPERATOR = /^\s{0,4}(?::::=|::=|:=|\?=|=>|==|=|:|,)\s{0,4}/;
/** Longest run of spaces or tabs that may align an operator (`db_password      = "…"` in tfvars, YAML, INI). */
const MAX_ALIGNMENT = 40;

/** Spaces and tabs from `from`, counted up to MAX_ALIGNMENT + 1. */
function blankRun(text: string, from: number): number {
  let i = from;
  while (i < text.length && i - from <= MAX_ALIGNMENT) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9) break;
    i++;
  }
  return i - from;
}
/** `--api-key VALUE` (CLI flag) and `apikey "VALUE";` (C-like call): a space stands for the operator. */
const SPACE_OPERATOR = /^[ \t]{1,3}/;

function isQuote(code: number): boolean {
  return code === 34 || code === 39 || code === 96;
}

/** Unquoted values end at spaces, quotes, `,` `;` `<` `&`, and at closing brackets they did not open. */
function unquotedEnd(text: string, start: number, limit: number): number {
  let i = start;
  let depth = 0;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c <= 32 || isQuote(c) || c === 44 || c === 59 || c === 60 || c === 38) break;
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) break;
      depth--;
    }
    i++;
  }
  return i;
}

/** From just after a name, reads the operator and the value it assigns. */
function parseValue(
  text: string,
  from: number,
  nameQuoted: boolean,
  cliFlag: boolean,
): ParsedValue | undefined {
  let i = from;
  if (isQuote(text.charCodeAt(i))) i++;
  // `dict["secret"] = …`, `apikey[] = …`
  if (text.charCodeAt(i) === 93) i++;
  else if (text.charCodeAt(i) === 91 && text.charCodeAt(i + 1) === 93) i += 2;
  const window = text.slice(i, i + 16);
  let op = OPERATOR.exec(window);
  if (!op) {
    // Aligned columns: the operator comes after a longer run of blanks.
    const blanks = blankRun(text, i);
    if (blanks > 4 && blanks <= MAX_ALIGNMENT) {
      const aligned = OPERATOR.exec(text.slice(i + blanks, i + blanks + 16));
      if (aligned) {
        op = aligned;
        i += blanks;
      }
    }
  }
  let spaceOnly = false;
  if (op) {
    if (op[0].trim() === ',' && !nameQuoted) return undefined;
    i += op[0].length;
  } else {
    const space = SPACE_OPERATOR.exec(window);
    if (!space) return undefined;
    spaceOnly = true;
    i += space[0].length;
  }
  // Objective-C string literal `@"…"`.
  if (text.charCodeAt(i) === 64 && isQuote(text.charCodeAt(i + 1))) i++;
  const quote = text.charCodeAt(i);
  const quoted = isQuote(quote);
  // Without an operator only a flag (`--key v`) or a quoted literal closed by `;` counts.
  if (spaceOnly && !cliFlag && !quoted) return undefined;
  if (quoted) i++;
  const start = i;
  const limit = Math.min(text.length, start + 500);
  if (quoted) {
    while (i < limit) {
      const c = text.charCodeAt(i);
      if (c === quote || c === 10 || c === 13 || c === 92) break;
      i++;
    }
    if (spaceOnly && !cliFlag && text.charCodeAt(i + 1) !== 59) return undefined;
  } else {
    i = unquotedEnd(text, start, limit);
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
      const cliFlag = name.startsWith('-') && (nameStart === 0 || before <= 32);
      // `--- PASS: TestParse/unicode (0.00s)`: a Go test result, not a password.
      if (goTestResult(text, nameStart, name)) continue;
      const parsed = parseValue(text, nameEnd, nameQuoted, cliFlag);
      if (!parsed) continue;
      const value = text.slice(parsed.start, parsed.end);
      const words = splitWords(name);
      const typed = namesTypedSecret(words);
      const accepted = isSecretName(words)
        ? (looksRandom(value) || (typed && looksLikeChosenPassword(value))) &&
          fitsNamedFormat(words, value) &&
          (typed || !hasStraySymbols(value))
        : NAMED_FORMATS.some((f) => f.name.test(name) && f.value.test(value));
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

function goTestResult(text: string, nameStart: number, name: string): boolean {
  return (name === 'PASS' || name === 'FAIL' || name === 'SKIP') && text.startsWith('--- ', nameStart - 4);
}
