/** A lexical token of Latin-script address text. Offsets are UTF-16 indices into the scanned text. */
export interface AddressToken {
  /** `w` word, `n` number (may carry letters: "10A", "21st", "W206N"), `nl` line break(s), `p` punctuation. */
  kind: 'w' | 'n' | 'nl' | 'p';
  start: number;
  end: number;
  /** Token text without a trailing dot, lower-cased (for `p`, the character itself). */
  low: string;
  /** The token ended with a dot that was folded into it ("St.", "12."). */
  dot: boolean;
  /** First letter is upper case. */
  cap: boolean;
  /** Number of line breaks, for `nl` tokens. */
  lines: number;
  /** Dotted initials folded into `low` ("P.O." → "po", "N.W." → "nw"): an abbreviation, not a sentence end. */
  abbr: boolean;
}

/*
 * A hand-written scanner (several times faster than one alternation regex over the window, and
 * linear by construction). At each non-space position, first match wins:
 *   line break(s) → `nl`;  CJK run → `p` (CJK never belongs to a Latin-script address);
 *   1-3 ASCII letters + digit + [digits/letters]* → `n` ("W206N", "A1075");
 *   word: letters, up to 6 inner `'’.-` joins, optional final dot → `w`;
 *   number: digit + [digits/letters]*, up to 4 `/`/`-` parts, optional final dot → `n`;
 *   any other single character → `p`.
 */

const NON_ASCII_LETTER = /^[\p{L}\p{M}]$/u;
const NON_ASCII_UPPER = /^\p{Lu}$/u;
const NON_ASCII_SPACE = /^\s$/u;
const DOTTED_INITIALS = /^(?:\p{L}{1,2}\.){1,3}\p{L}{1,3}$/u;

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiAlnum(c: number): boolean {
  return isDigit(c) || isAsciiLetter(c);
}

function isCjk(c: number): boolean {
  return (
    (c >= 0x3040 && c <= 0x30ff) ||
    (c >= 0x3400 && c <= 0x9fff) ||
    (c >= 0xac00 && c <= 0xd7af) ||
    (c >= 0xf900 && c <= 0xfaff)
  );
}

/** Length (0, 1 or 2 UTF-16 units) of the letter or combining mark starting at `k`, before `to`. */
function letterLength(text: string, k: number, to: number): number {
  if (k >= to) return 0;
  const c = text.charCodeAt(k);
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  const cp = text.codePointAt(k) as number;
  const size = cp > 0xffff ? 2 : 1;
  if (k + size > to) return 0;
  return NON_ASCII_LETTER.test(String.fromCodePoint(cp)) ? size : 0;
}

function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && NON_ASCII_SPACE.test(String.fromCharCode(c));
}

/** Whether `body` starts with an upper-case letter. */
function startsUpper(body: string): boolean {
  const c = body.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  const cp = body.codePointAt(0) as number;
  return NON_ASCII_UPPER.test(String.fromCodePoint(cp));
}

/** End of the letters (and combining marks) from `k`, before `to`. */
function lettersEnd(text: string, k: number, to: number): number {
  let end = k;
  for (;;) {
    // ASCII letters in a tight loop; other characters go through letterLength.
    while (end < to && isAsciiLetter(text.charCodeAt(end))) end++;
    if (end >= to || text.charCodeAt(end) < 128) return end;
    const n = letterLength(text, end, to);
    if (n === 0) return end;
    end += n;
  }
}

/** End of a word starting at `k` (a letter), or `k` when there is none. */
function scanWord(text: string, k: number, to: number): number {
  let end = lettersEnd(text, k, to);
  if (end === k) return k;
  for (let joins = 0; joins < 6 && end < to; joins++) {
    const c = text.charCodeAt(end);
    if (c !== 39 && c !== 0x2019 && c !== 46 && c !== 45) break;
    const next = lettersEnd(text, end + 1, to);
    if (next === end + 1) break;
    end = next;
  }
  if (end < to && text.charCodeAt(end) === 46) end++;
  return end;
}

/** End of a number token ("12", "10A", "12-14", "1/2", "12.") starting at digit `k`. */
function scanNumber(text: string, k: number, to: number): number {
  let end = k + 1;
  while (end < to && isAsciiAlnum(text.charCodeAt(end))) end++;
  for (let parts = 0; parts < 4 && end + 1 < to; parts++) {
    const c = text.charCodeAt(end);
    if ((c !== 47 && c !== 45) || !isAsciiAlnum(text.charCodeAt(end + 1))) break;
    end += 2;
    while (end < to && isAsciiAlnum(text.charCodeAt(end))) end++;
  }
  if (end < to && text.charCodeAt(end) === 46) end++;
  return end;
}

/** "W206N", "A1075": 1-3 ASCII letters then a digit, then letters and digits. Returns the end or -1. */
function scanLetterNumber(text: string, k: number, to: number): number {
  let end = k;
  while (end < to && end - k < 3 && isAsciiLetter(text.charCodeAt(end))) end++;
  // Greedy {1,3} letters, backtracking to fewer: only the first non-letter can be the digit, and
  // with 3 letters read the 4th character must be it.
  if (end >= to || !isDigit(text.charCodeAt(end))) return -1;
  end++;
  while (end < to && isAsciiAlnum(text.charCodeAt(end))) end++;
  return end;
}

function pushWordOrNumber(text: string, start: number, end: number, kind: 'w' | 'n'): void {
  const dot = text.charCodeAt(end - 1) === 46;
  const body = text.slice(start, dot ? end - 1 : end);
  const abbr = kind === 'w' && body.includes('.') && DOTTED_INITIALS.test(body);
  const lower = body.toLowerCase();
  put(kind, start, end, abbr ? lower.replaceAll('.', '') : lower, dot, startsUpper(body), 0, abbr);
}

/*
 * The tokens being written. With `reuse`, the array and the token objects are those of the previous call,
 * overwritten (objects up to POOL_LIMIT; beyond, tokens are allocated and dropped): the address parser
 * keeps no token past a window, and allocating fresh ones was most of the memory this detector used.
 */
const reusedTokens: AddressToken[] = [];
const pool: AddressToken[] = [];
/** Pooled tokens the previous reusing call filled: beyond this call's count they are cleared. */
let pooledInUse = 0;
const POOL_LIMIT = 8192;
let out: AddressToken[] = reusedTokens;
let count = 0;
let reusing = false;

function put(
  kind: AddressToken['kind'],
  start: number,
  end: number,
  low: string,
  dot: boolean,
  cap: boolean,
  lines: number,
  abbr: boolean,
): void {
  if (reusing && count < pool.length) {
    const t = pool[count] as AddressToken;
    t.kind = kind;
    t.start = start;
    t.end = end;
    t.low = low;
    t.dot = dot;
    t.cap = cap;
    t.lines = lines;
    t.abbr = abbr;
    out[count++] = t;
    return;
  }
  const t: AddressToken = { kind, start, end, low, dot, cap, lines, abbr };
  if (reusing && count < POOL_LIMIT) pool.push(t);
  out[count++] = t;
}

/**
 * Tokenizes `text[from, to)`; whitespace other than line breaks is skipped. With `reuse`, the result (array
 * and tokens) is overwritten by the next reusing call.
 */
export function tokenizeAddressWindow(text: string, from: number, to: number, reuse = false): AddressToken[] {
  out = reuse ? reusedTokens : [];
  count = 0;
  reusing = reuse;
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === 10) {
      let end = k + 1;
      let lines = 1;
      for (; end < to; end++) {
        const d = text.charCodeAt(end);
        if (d === 10) lines++;
        else if (d !== 9 && d !== 32 && d !== 13) break;
      }
      put('nl', k, k + 1, '\n', false, false, lines, false);
      k = end;
      continue;
    }
    if (isSpace(c)) {
      k++;
      continue;
    }
    if (isDigit(c)) {
      const end = scanNumber(text, k, to);
      pushWordOrNumber(text, k, end, 'n');
      k = end;
      continue;
    }
    if (isAsciiLetter(c)) {
      const mixed = scanLetterNumber(text, k, to);
      if (mixed > 0) {
        pushWordOrNumber(text, k, mixed, 'n');
        k = mixed;
        continue;
      }
    } else if (isCjk(c)) {
      let end = k + 1;
      while (end < to && isCjk(text.charCodeAt(end))) end++;
      const raw = text.slice(k, end);
      put('p', k, end, raw, false, false, 0, false);
      k = end;
      continue;
    }
    const wordEnd = scanWord(text, k, to);
    if (wordEnd > k) {
      pushWordOrNumber(text, k, wordEnd, 'w');
      k = wordEnd;
      continue;
    }
    // Any other character (a whole code point, so emoji stay in one piece).
    const cp = text.codePointAt(k) as number;
    const end = Math.min(to, k + (cp > 0xffff ? 2 : 1));
    const raw = text.slice(k, end);
    put('p', k, end, raw, false, false, 0, false);
    k = end;
  }
  const tokens = out;
  if (tokens.length !== count) tokens.length = count;
  if (reuse) {
    // Pooled tokens past this window must not keep an earlier text alive (a slice of 13 or more
    // characters references its whole parent string).
    for (let k = count; k < pooledInUse && k < pool.length; k++) (pool[k] as AddressToken).low = '';
    pooledInUse = count;
  }
  return tokens;
}
