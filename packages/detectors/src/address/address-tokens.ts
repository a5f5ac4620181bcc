import { codeUnits } from './code-units.ts';

/** A lexical token of Latin-script address text. Offsets are UTF-16 indices into the scanned text. */
export interface AddressToken {
  /** `w` word, `n` number (may carry letters: "10A", "21st", "W206N"), `nl` line break(s), `p` punctuation. */
  kind: 'w' | 'n' | 'nl' | 'p';
  start: number;
  end: number;
  /** Token text without a trailing dot, lower-cased (for `p`, the character itself). */
  readonly low: string;
  /** The token ended with a dot that was folded into it ("St.", "12."). */
  dot: boolean;
  /** First letter is upper case. */
  cap: boolean;
  /** Number of line breaks, for `nl` tokens. */
  lines: number;
  /** Dotted initials folded into `low` ("P.O." → "po", "N.W." → "nw"): an abbreviation, not a sentence end. */
  abbr: boolean;
  /** A word or number of ASCII characters only: `low` is its text with A-Z folded (dots too, unless `abbr`). */
  ascii: boolean;
  /** The parser's lexicon flags of `low`, -1 until it reads them (set anew for every token written). */
  lex: number;
}

/**
 * Tokens build `low` on first use: most tokens of a window are only screened by their first letter and
 * length (see english-address.ts), and copying every word out of the text was most of the tokenizer's cost.
 */
class Token implements AddressToken {
  kind: AddressToken['kind'] = 'p';
  start = 0;
  end = 0;
  dot = false;
  cap = false;
  lines = 0;
  abbr = false;
  ascii = false;
  lex = -1;
  /** The scanned text while `low` is not built yet ('' once it is, or after release). */
  source = '';
  lowText = '';

  get low(): string {
    if (this.source !== '') {
      if (this.kind === 'p') {
        this.lowText = this.source.slice(this.start, this.end);
      } else {
        const lower = this.source.slice(this.start, this.dot ? this.end - 1 : this.end).toLowerCase();
        this.lowText = this.abbr ? lower.replaceAll('.', '') : lower;
      }
      this.source = '';
    }
    return this.lowText;
  }
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
function letterLength(text: string, codes: Uint16Array, k: number, to: number): number {
  if (k >= to) return 0;
  const c = codes[k] as number;
  if (c < 128) return isAsciiLetter(c) ? 1 : 0;
  const cp = text.codePointAt(k) as number;
  const size = cp > 0xffff ? 2 : 1;
  if (k + size > to) return 0;
  return NON_ASCII_LETTER.test(String.fromCodePoint(cp)) ? size : 0;
}

function isSpace(c: number): boolean {
  if (c === 32 || (c >= 9 && c <= 13)) return true;
  return c >= 128 && isNonAsciiSpace(c);
}

/**
 * `/^\s$/u` for one UTF-16 unit from U+0080 on (no-break space, the Zs spaces, line and paragraph
 * separators, BOM), without a string per test. A test compares it with the regex over every unit.
 */
export function isNonAsciiSpace(c: number): boolean {
  if (c < 0x2000) return c === 0xa0 || c === 0x1680;
  if (c <= 0x200a) return true;
  return c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `text[start, bodyEnd)` starts with an upper-case letter. */
function startsUpperAt(text: string, codes: Uint16Array, start: number, bodyEnd: number): boolean {
  const c = codes[start] as number;
  if (c < 128) return c >= 65 && c <= 90;
  // A surrogate pair counts as one code point only when both halves are in the body.
  const cp = bodyEnd - start >= 2 ? (text.codePointAt(start) as number) : c;
  return NON_ASCII_UPPER.test(String.fromCodePoint(cp));
}

/** End of the letters (and combining marks) from `k`, before `to`. */
function lettersEnd(text: string, codes: Uint16Array, k: number, to: number): number {
  let end = k;
  for (;;) {
    // ASCII letters in a tight loop; other characters go through letterLength.
    while (end < to && isAsciiLetter(codes[end] as number)) end++;
    if (end >= to || (codes[end] as number) < 128) return end;
    const n = letterLength(text, codes, end, to);
    if (n === 0) return end;
    sawNonAscii = true;
    end += n;
  }
}

/** End of a word starting at `k` (a letter), or `k` when there is none. */
function scanWord(text: string, codes: Uint16Array, k: number, to: number): number {
  let end = lettersEnd(text, codes, k, to);
  if (end === k) return k;
  for (let joins = 0; joins < 6 && end < to; joins++) {
    const c = codes[end] as number;
    if (c !== 39 && c !== 0x2019 && c !== 46 && c !== 45) break;
    const next = lettersEnd(text, codes, end + 1, to);
    if (next === end + 1) break;
    if (c === 0x2019) sawNonAscii = true;
    else if (c === 46) sawInnerDot = true;
    end = next;
  }
  if (end < to && (codes[end] as number) === 46) end++;
  return end;
}

/** End of a number token ("12", "10A", "12-14", "1/2", "12.") starting at digit `k`. */
function scanNumber(codes: Uint16Array, k: number, to: number): number {
  let end = k + 1;
  while (end < to && isAsciiAlnum(codes[end] as number)) end++;
  for (let parts = 0; parts < 4 && end + 1 < to; parts++) {
    const c = codes[end] as number;
    if ((c !== 47 && c !== 45) || !isAsciiAlnum(codes[end + 1] as number)) break;
    end += 2;
    while (end < to && isAsciiAlnum(codes[end] as number)) end++;
  }
  if (end < to && (codes[end] as number) === 46) end++;
  return end;
}

/** "W206N", "A1075": 1-3 ASCII letters then a digit, then letters and digits. Returns the end or -1. */
function scanLetterNumber(codes: Uint16Array, k: number, to: number): number {
  let end = k;
  while (end < to && end - k < 3 && isAsciiLetter(codes[end] as number)) end++;
  // Greedy {1,3} letters, backtracking to fewer: only the first non-letter can be the digit, and
  // with 3 letters read the 4th character must be it.
  if (end >= to || !isDigit(codes[end] as number)) return -1;
  end++;
  while (end < to && isAsciiAlnum(codes[end] as number)) end++;
  return end;
}

/** Set by scanWord when the word holds a non-ASCII letter, mark or apostrophe. */
let sawNonAscii = false;
/** Set by scanWord when the word joins letters with a dot ("P.O", "rahul.smith"). */
let sawInnerDot = false;

function pushWordOrNumber(
  text: string,
  codes: Uint16Array,
  start: number,
  end: number,
  kind: 'w' | 'n',
  ascii: boolean,
  innerDot: boolean,
): void {
  const dot = (codes[end - 1] as number) === 46;
  const bodyEnd = dot ? end - 1 : end;
  // Only a word body with an inner dot can be dotted initials.
  const abbr = innerDot && DOTTED_INITIALS.test(text.slice(start, bodyEnd));
  const t = next();
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.dot = dot;
  t.cap = startsUpperAt(text, codes, start, bodyEnd);
  t.lines = 0;
  t.abbr = abbr;
  t.ascii = ascii;
  t.lex = -1;
  t.source = text;
  t.lowText = '';
}

/*
 * The tokens being written. With `reuse`, the array and the token objects are those of the previous call,
 * overwritten (objects up to POOL_LIMIT; beyond, tokens are allocated and dropped): the address parser
 * keeps no token past a window, and allocating fresh ones was most of the memory this detector used.
 */
const reusedTokens: AddressToken[] = [];
const pool: Token[] = [];
/** Pooled tokens the previous reusing call filled: beyond this call's count they are cleared. */
let pooledInUse = 0;
const POOL_LIMIT = 8192;
let out: AddressToken[] = reusedTokens;
let count = 0;
let reusing = false;

/** The next token slot, recycled when reusing. */
function next(): Token {
  let t: Token;
  if (reusing && count < pool.length) {
    t = pool[count] as Token;
  } else {
    t = new Token();
    if (reusing && count < POOL_LIMIT) pool.push(t);
  }
  out[count++] = t;
  return t;
}

function putOther(kind: 'nl' | 'p', start: number, end: number, low: string, lines: number): void {
  const t = next();
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.dot = false;
  t.cap = false;
  t.lines = lines;
  t.abbr = false;
  t.ascii = false;
  t.lex = -1;
  t.source = '';
  t.lowText = low;
}

/** A `p` token: its text as it is (CJK runs, punctuation, symbols), copied out only when read. */
function putPunctuation(text: string, start: number, end: number): void {
  putOther('p', start, end, '', 0);
  const t = out[count - 1] as Token;
  t.source = text;
}

/** Drops the text references of the recycled tokens (a token keeps its text until `low` is built). */
export function releaseReusedTokens(): void {
  if (reusing && count > pooledInUse) pooledInUse = count;
  streamText = '';
  for (let k = 0; k < pooledInUse && k < pool.length; k++) {
    const t = pool[k] as Token;
    t.source = '';
    t.lowText = '';
  }
  pooledInUse = 0;
}

/**
 * Tokenizes from `from` until `to`, until more than `lastIndex` tokens are written, or until past `lastStart`
 * (whichever comes first), and returns where the next step starts. One loop rather than a call per token:
 * this is the detector's hottest loop.
 */
function tokenizeFrom(
  text: string,
  codes: Uint16Array,
  from: number,
  to: number,
  lastIndex: number,
  lastStart: number,
): number {
  let k = from;
  while (k < to && count <= lastIndex && k <= lastStart) {
    const c = codes[k] as number;
    if (c === 10) {
      let end = k + 1;
      let lines = 1;
      for (; end < to; end++) {
        const d = codes[end] as number;
        if (d === 10) lines++;
        else if (d !== 9 && d !== 32 && d !== 13) break;
      }
      putOther('nl', k, k + 1, '\n', lines);
      k = end;
      continue;
    }
    if (isSpace(c)) {
      k++;
      continue;
    }
    if (isDigit(c)) {
      const end = scanNumber(codes, k, to);
      pushWordOrNumber(text, codes, k, end, 'n', true, false);
      k = end;
      continue;
    }
    if (isAsciiLetter(c)) {
      const mixed = scanLetterNumber(codes, k, to);
      if (mixed > 0) {
        pushWordOrNumber(text, codes, k, mixed, 'n', true, false);
        k = mixed;
        continue;
      }
    } else if (isCjk(c)) {
      let end = k + 1;
      while (end < to && isCjk(codes[end] as number)) end++;
      putPunctuation(text, k, end);
      k = end;
      continue;
    }
    sawNonAscii = false;
    sawInnerDot = false;
    const wordEnd = scanWord(text, codes, k, to);
    if (wordEnd > k) {
      pushWordOrNumber(text, codes, k, wordEnd, 'w', !sawNonAscii, sawInnerDot);
      k = wordEnd;
      continue;
    }
    // Any other character (a whole code point, so emoji stay in one piece).
    const cp = text.codePointAt(k) as number;
    const end = Math.min(to, k + (cp > 0xffff ? 2 : 1));
    putPunctuation(text, k, end);
    k = end;
  }
  return k;
}

/**
 * Tokenizes `text[from, to)`; whitespace other than line breaks is skipped. With `reuse`, the result (array
 * and tokens) is overwritten by the next reusing call.
 */
export function tokenizeAddressWindow(text: string, from: number, to: number, reuse = false): AddressToken[] {
  out = reuse ? reusedTokens : [];
  count = 0;
  reusing = reuse;
  tokenizeFrom(text, codeUnits(text), from, to, Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY);
  const tokens = out;
  if (tokens.length !== count) tokens.length = count;
  if (reuse) {
    // Pooled tokens past this window must not keep an earlier text alive (a slice of 13 or more
    // characters references its whole parent string).
    for (let k = count; k < pooledInUse && k < pool.length; k++) {
      const t = pool[k] as Token;
      t.source = '';
      t.lowText = '';
    }
    pooledInUse = count;
  }
  return tokens;
}

/*
 * A token stream: the tokens of a window read lazily, from a point where the window's own tokenization
 * has a step boundary, so they equal the window's tokens from there on. The address parser only needs
 * tokens around places where an address may start; tokenizing whole windows was most of its cost in
 * number-dense text. Tokens are recycled as with `reuse`.
 */
let streamText = '';
let streamCodes: Uint16Array = new Uint16Array(0);
let streamTo = 0;
let streamPos = 0;

/** Tokens read on past the one asked for: the parser reads on token by token. */
const READ_AHEAD = 8;

/**
 * The token stream as an object: the parser calls it per token, and a method call on one object is
 * inlined where a call through a module import may not be. One stream is live at a time (the tokens
 * and their pool are shared with `tokenizeAddressWindow(..., true)`).
 */
export class TokenStream {
  /**
   * Starts at `from` of a window ending at `to`. `from` must be the window start or a step boundary of
   * the window's tokenization (see `isBoundary`).
   */
  start(text: string, codes: Uint16Array, from: number, to: number): void {
    if (count > pooledInUse && reusing) pooledInUse = count;
    out = reusedTokens;
    reusing = true;
    count = 0;
    streamText = text;
    streamCodes = codes;
    streamTo = to;
    streamPos = from;
  }

  /**
   * Whether `k` starts a chunk (a non-space after a space): a step boundary of every tokenization of a
   * range that starts before `k` (no token holds a space; a line-break token ends at a non-space), where
   * a token starts.
   */
  isBoundary(codes: Uint16Array, k: number): boolean {
    return k > 0 && isSpace(codes[k - 1] as number) && !isSpace(codes[k] as number);
  }

  /** Whitespace as the tokenizer skips it (line breaks included). */
  isSpace(c: number): boolean {
    return isSpace(c);
  }

  /** Where the tokenization has arrived (every token starting before it is read). */
  position(): number {
    return streamPos;
  }

  /** Tokens read so far. */
  length(): number {
    return count;
  }

  /** Token `k`, reading on as far as needed; undefined before the first or past the window end. */
  at(k: number): AddressToken | undefined {
    if (k < count) return k >= 0 ? out[k] : undefined;
    streamPos = tokenizeFrom(
      streamText,
      streamCodes,
      streamPos,
      streamTo,
      k + READ_AHEAD,
      Number.POSITIVE_INFINITY,
    );
    return k < count ? out[k] : undefined;
  }

  /** Reads past position `p`: every token starting at or before `p` is then read. */
  readPast(p: number): void {
    streamPos = tokenizeFrom(streamText, streamCodes, streamPos, streamTo, Number.POSITIVE_INFINITY, p);
  }
}
