import { codeUnitReader } from '../code-units.ts';
import { lexicon, F as lexiconFlags } from './lexicon.ts';
import { isSportsWord, SPORTS_SCREEN, sportsWordWithin } from './sports-cue.ts';
import { CODE_PUNCT, TECHNICAL_TOOL_EXCLUDED } from './tech-context.ts';
import { WordCache } from './word-cache.ts';

/** Token kinds produced by {@link tokenize}. Words are Latin-script letter runs (hyphens/apostrophes inside). */
export enum Kind {
  Word = 0,
  Number = 1,
  Punct = 2,
  Newline = 3,
}

/** Capitalization shape of a word token; drives most name/organization rules. */
export enum Shape {
  /** "Smith", "McDonald", "O'Brien", "Jean-Luc" */
  Title = 0,
  /** "NATO", "U.S.", "SMITH" */
  Upper = 1,
  /** "smith" */
  Lower = 2,
  /** "J" or "J." (a single capital letter) */
  Initial = 3,
  /** anything else, e.g. "iPhone" */
  Other = 4,
}

export interface Token {
  start: number;
  end: number;
  kind: Kind;
  shape: Shape;
  /** Lower-cased text (dots removed for abbreviations like "S.A."); empty for non-words. */
  lower: string;
  /**
   * The lexicon's flags of `lower`, or -1 for a lower-case word whose flags nobody asked for yet: read
   * them with {@link flagsOf}.
   */
  flags: number;
}

function isUpperCode(c: number): boolean {
  return (
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0xde && c !== 0xd7) ||
    (c >= 0x100 && c <= 0x24f && c % 2 === 0)
  );
}

/** Latin letters only: the family handles Latin-script text; other scripts belong to other detectors. */
export function isLetterCode(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x1e00 && c <= 0x1eff)
  );
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

/** Whether the letter `c` at `i` is upper case. */
function isUpperAt(text: string, i: number, c: number): boolean {
  // Latin Extended-A/B case parity is irregular in places; good enough for shape heuristics.
  return c < 0x100 ? isUpperCode(c) : text[i] !== text[i]?.toLowerCase();
}

function shapeOf(text: string, start: number, end: number): Shape {
  let upper = 0;
  let lower = 0;
  let firstUpper = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!isLetterCode(c)) continue;
    const up = isUpperAt(text, i, c);
    if (up) upper++;
    else lower++;
    if (upper + lower === 1) firstUpper = up;
  }
  return shapeFromCounts(upper, lower, firstUpper);
}

function shapeFromCounts(upper: number, lower: number, firstUpper: boolean): Shape {
  if (upper === 1 && lower === 0) return Shape.Initial;
  if (lower === 0) return Shape.Upper;
  if (upper === 0) return Shape.Lower;
  return firstUpper ? Shape.Title : Shape.Other;
}

/**
 * Single linear pass over the text. Words keep inner hyphens and apostrophes ("Jean-Luc", "O'Brien") but a
 * possessive "'s" is split off; dotted abbreviations ("U.S.", "S.A.") become one word.
 */
export function tokenize(text: string): Token[] {
  return scan(text, false);
}

/**
 * {@link tokenize}, but the Token objects are those of the previous call, overwritten: for a caller that
 * keeps no token past its own return (the entity analysis). A 4 KB message has ~900 tokens, and
 * allocating them fresh was a quarter of all the memory detection allocated (young-generation GC pauses
 * are what the p99 latency is made of).
 */
export function tokenizeReusing(text: string): Token[] {
  return scan(text, true);
}

/**
 * What tokenizeReusing hands out: one array and one set of Token objects, overwritten by each call (the
 * objects up to POOL_LIMIT; tokens beyond that are allocated and dropped).
 */
const reusedTokens: Token[] = [];
const pool: Token[] = [];
/** Pooled tokens the previous reusing call filled: beyond this call's count they are cleared. */
let pooledInUse = 0;
const POOL_LIMIT = 16_384;

/** Stores token number `k` and returns `k + 1`. */
function put(
  tokens: Token[],
  k: number,
  reuse: boolean,
  start: number,
  end: number,
  kind: Kind,
  shape: Shape,
  lower: string,
  flags: number,
): number {
  if (reuse && k < pool.length) {
    const t = pool[k] as Token;
    t.start = start;
    t.end = end;
    t.kind = kind;
    t.shape = shape;
    t.lower = lower;
    t.flags = flags;
    tokens[k] = t;
    return k + 1;
  }
  const t: Token = { start, end, kind, shape, lower, flags };
  if (reuse && k < POOL_LIMIT) pool.push(t);
  tokens[k] = t;
  return k + 1;
}

/** {@link Token.flags} not looked up yet. */
const UNKNOWN_FLAGS = -1;

/** The lexicon's flags of the token's `lower` (lexicon().flags.get(lower) ?? 0). */
export function flagsOf(t: Token): number {
  if (t.flags === UNKNOWN_FLAGS) {
    // A lower-case word left without flags: the word cache may know them (and keeps them once looked up),
    // which spares a probe of the 60k-entry map for most repeated words.
    const slot = recentWords.slotOfWord(t.lower);
    let flags = slot >= 0 ? recentWords.flags(slot) : UNKNOWN_FLAGS;
    if (flags === UNKNOWN_FLAGS) {
      flags = lexicon().flags.get(t.lower) ?? 0;
      if (slot >= 0) recentWords.setFlags(slot, flags);
    }
    t.flags = flags;
  }
  return t.flags;
}

/** Words of earlier texts (and earlier in this one), with their flags: most words need no lookup. */
const recentWords = new WordCache();

// Module-local copies: under the tsx loader imported bindings compile to getter calls, measurable per token.
const codePunctTable = CODE_PUNCT;
const TOOL = lexiconFlags.tool;
const NOT_ONLY_TOOL = TECHNICAL_TOOL_EXCLUDED;

/** Of the text last tokenized: code punctuation tokens and capitalized tool words (tech-context.ts). */
let codePunctTokens = 0;
let toolWordTokens = 0;

/** Code punctuation tokens (tech-context.ts) of the text last tokenized. */
export function codePunctuationCount(): number {
  return codePunctTokens;
}

/** Capitalized words of the text last tokenized that are developer tools and nothing else. */
export function toolWordCount(): number {
  return toolWordTokens;
}

/** Whether a word of the last text tokenized holds a sports word (see {@link sawSportsWord}). */
let sportsWordSeen = false;
/** See {@link casualText}. */
let casual = true;
/** See {@link headlineTokens}: 1 at the tokens of headline lines, 0 elsewhere (up to the token count). */
let headline = new Uint8Array(1024);
/** Where the last scan wrote 1s into {@link headline}: the next one clears up to here. */
let headlineDirty = 0;

/**
 * Of the text last tokenized: whether no capitalized word directly follows a lower-case word, so that
 * names may be written in lower case too ("thanks emma").
 */
export function casualText(): boolean {
  return casual;
}

/**
 * Of the text last tokenized: 1 at each token of a line that is mostly upper-case (a headline, where
 * capitalization carries no signal), 0 at the others; at least one entry more than there are tokens.
 * Overwritten by the next call of the tokenizer.
 */
export function headlineTokens(): Uint8Array {
  return headline;
}

/** Grows {@link headline} (keeping its marks) to at least `size` entries. */
function reserveHeadline(size: number): void {
  if (headline.length >= size) return;
  const larger = new Uint8Array(2 * size);
  larger.set(headline);
  headline = larger;
}

/** Marks tokens [from, to) as a headline line's. */
function markHeadline(from: number, to: number): void {
  reserveHeadline(to + 1);
  headline.fill(1, from, to);
  if (to > headlineDirty) headlineDirty = to;
}

/** A line of at least two words (longer than one letter) with more than 60% of them upper-case. */
function isHeadline(words: number, upper: number): boolean {
  return words >= 2 && upper / words > 0.6;
}

/** See {@link listStarts}. */
let listStartBuffer = new Int32Array(256);
let listStartCount = 0;

/** Notes token `k` as a Title-case word followed by a list separator. */
function noteListStart(k: number): void {
  if (listStartCount === listStartBuffer.length) {
    const larger = new Int32Array(2 * listStartCount);
    larger.set(listStartBuffer);
    listStartBuffer = larger;
  }
  listStartBuffer[listStartCount++] = k;
}

/**
 * Of the text last tokenized, in increasing order: the indexes of Title-case words whose next token is a
 * list separator ("," or "and" in any case), the only places a list of names can start (name-lists.ts).
 * Entries up to {@link listStartsCount}; overwritten by the next call of the tokenizer.
 */
export function listStarts(): Int32Array {
  return listStartBuffer;
}

export function listStartsCount(): number {
  return listStartCount;
}

/** Whether codes[start, start + 3) lower-cases to "and" (`| 32` maps only "A"/"N"/"D" to those). */
function isAnd(codes: Uint16Array, start: number): boolean {
  return (
    ((codes[start] as number) | 32) === 97 &&
    ((codes[start + 1] as number) | 32) === 110 &&
    ((codes[start + 2] as number) | 32) === 100
  );
}

/**
 * False when no word of the text last tokenized holds one of the sports words as a whole run of ASCII
 * letters: then the sports-word regex cannot match that text (sports-cue.ts), and need not run.
 */
export function sawSportsWord(): boolean {
  return sportsWordSeen;
}

const readCodeUnits = codeUnitReader();
const NO_CODES: Uint16Array = new Uint16Array(2);
/** The code units of the text last tokenized (see {@link lastCodeUnits}). */
let lastCodes = NO_CODES;

/**
 * The code units of the text last tokenized, two zeros after it (entries past that are stale): for the
 * analysis of that text, which reads them instead of calling charCodeAt. Overwritten by the next call of
 * the tokenizer.
 */
export function lastCodeUnits(): Uint16Array {
  return lastCodes;
}

/** Lets go of the last text's code units once its analysis is done (a long text has a buffer of its own). */
export function releaseCodeUnits(): void {
  lastCodes = NO_CODES;
}

function scan(text: string, reuse: boolean): Token[] {
  const lex = lexicon();
  // Numbers and newlines have an empty `lower`.
  const emptyFlags = lex.flags.get('') ?? 0;
  const tokens = reuse ? reusedTokens : [];
  const codes = readCodeUnits(text);
  lastCodes = codes;
  let count = 0;
  let sports = false;
  let codePunct = 0;
  let tools = 0;
  // Headline lines and casual text are noted here, in passing, rather than in another pass over tokens.
  if (headlineDirty > 0) headline.fill(0, 0, headlineDirty);
  headlineDirty = 0;
  let isCasual = true;
  let prevLower = false;
  /** The token before is a Title-case word (a list may start there: see {@link listStarts}). */
  let prevTitle = false;
  listStartCount = 0;
  let lineStart = 0;
  let lineWords = 0;
  let lineUpper = 0;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = codes[i] as number;
    if (c <= 32 && c !== 10) {
      i++;
      continue;
    }
    // Each branch describes one token, stored by the one put below: with a single call site the
    // compiler inlines it (a call with nine arguments per token was a measurable share of the scan).
    const start = i;
    let kind: Kind;
    let shape: Shape = Shape.Other;
    /** The token's `lower`: empty for numbers and newlines. */
    let key = '';
    let flags = emptyFlags;
    if (c === 10) {
      if (isHeadline(lineWords, lineUpper)) markHeadline(lineStart, count);
      lineStart = count + 1;
      lineWords = 0;
      lineUpper = 0;
      prevLower = false;
      prevTitle = false;
      kind = Kind.Newline;
      i++;
    } else if (isLetterCode(c)) {
      kind = Kind.Word;
      // Letter case is counted while scanning (what shapeOf counts), not in a second pass over the word.
      const firstUpper = isUpperAt(text, i, c);
      let upper = firstUpper ? 1 : 0;
      let lower = 1 - upper;
      /** ASCII letters only (no hyphen, apostrophe or other letter): one run of ASCII letters. */
      let plain = c < 0x80;
      /** ASCII code units only (hyphens and ASCII apostrophes allowed): what the word cache takes. */
      let ascii = plain;
      i++;
      while (i < n) {
        const d = codes[i] as number;
        // Lower-case ASCII first: most letters of most words.
        if (d >= 97 && d <= 122) {
          lower++;
          i++;
          continue;
        }
        if (isLetterCode(d)) {
          if (isUpperAt(text, i, d)) upper++;
          else lower++;
          if (d >= 0x80) {
            plain = false;
            ascii = false;
          }
          i++;
          continue;
        }
        if (d !== 45 && !isApostrophe(d)) break;
        // The two zeros after the text stand for "no character" here.
        const next = codes[i + 1] as number;
        if (isLetterCode(next)) {
          // Possessive 's ends the word: "Acme's" -> "Acme" + "'s".
          const after = i + 2 < n ? (codes[i + 2] as number) : 0;
          if (isApostrophe(d) && (next === 115 || next === 83) && !isLetterCode(after)) break;
          if (isUpperAt(text, i + 1, next)) upper++;
          else lower++;
          plain = false;
          if (d >= 0x80 || next >= 0x80) ascii = false;
          i += 2;
          continue;
        }
        break;
      }
      // Dotted abbreviation: single letters separated by dots ("U.S.", "S.A.", "N.V.").
      let dottedEnd = i;
      if (i - start === 1 && i + 2 < n && codes[i] === 46 && isLetterCode(codes[i + 1] as number)) {
        let j = i;
        while (j + 1 < n && codes[j] === 46 && isLetterCode(codes[j + 1] as number)) {
          const k = j + 2;
          if (k < n && isLetterCode(codes[k] as number)) break;
          j = k;
        }
        if (j > i) dottedEnd = j < n && codes[j] === 46 ? j + 1 : j;
      }
      if (dottedEnd > i) {
        const j = dottedEnd;
        if (!sports) sports = sportsWordWithin(text, start, j);
        const raw = text.slice(start, j);
        shape = shapeOf(text, start, j) === Shape.Lower ? Shape.Lower : Shape.Upper;
        key = raw.replace(/\./g, '').toLowerCase();
        flags = lex.flags.get(key) ?? 0;
        // Three or more characters and never Title-cased: a word of its line, never a casual-text break.
        lineWords++;
        if (shape === Shape.Upper) lineUpper++;
        prevLower = shape === Shape.Lower;
        if (prevTitle && key === 'and') noteListStart(count - 1);
        prevTitle = false;
        i = j;
      } else {
        shape = shapeFromCounts(upper, lower, firstUpper);
        if (i - start > 1) {
          lineWords++;
          if (shape === Shape.Upper) lineUpper++;
        }
        if (shape === Shape.Title && prevLower) isCasual = false;
        prevLower = shape === Shape.Lower;
        if (prevTitle && i - start === 3 && isAnd(codes, start)) noteListStart(count - 1);
        prevTitle = shape === Shape.Title;
        // Sports words (sports-cue.ts) are all lower or all upper case: a plain word of another shape is
        // none, and for the others one table load rejects nearly every word.
        if (!sports) {
          if (!plain) sports = sportsWordWithin(text, start, i);
          else if (shape === Shape.Lower || shape === Shape.Upper) {
            const screen = SPORTS_SCREEN[((c & 31) << 5) | ((codes[i - 1] as number) & 31)] as number;
            if (((screen >>> (i - start)) & 1) !== 0) sports = isSportsWord(text, start, i);
          }
        }
        // A word seen recently needs no slice, no lower-casing and no lookup in the lexicon map.
        // -2: a word with non-ASCII code units, which the cache does not take.
        const slot = ascii ? recentWords.find(codes, start, i) : -2;
        if (slot >= 0) {
          key = recentWords.key(slot);
          flags = recentWords.flags(slot);
          // Remembered from a lower-case word, whose flags nobody asked for: a capitalized one needs them.
          if (flags === UNKNOWN_FLAGS && shape !== Shape.Lower) {
            flags = lex.flags.get(key) ?? 0;
            recentWords.setFlags(slot, flags);
          }
        } else if (shape === Shape.Lower) {
          // A lower-case word is its own lower-case form (no letter in it changes when lower-cased). Few
          // rules ask for such a word's flags: they are looked up on demand (flagsOf).
          key = text.slice(start, i);
          flags = UNKNOWN_FLAGS;
          if (slot === -1) recentWords.remember(key, UNKNOWN_FLAGS);
        } else {
          // Capitalized words are what the rules look at: their flags now.
          key = text.slice(start, i).toLowerCase();
          flags = lex.flags.get(key) ?? 0;
          if (slot === -1) recentWords.remember(key, flags);
        }
        if (flags > 0 && (flags & TOOL) !== 0 && (flags & NOT_ONLY_TOOL) === 0 && shape !== Shape.Lower)
          tools++;
      }
    } else if (isDigitCode(c)) {
      kind = Kind.Number;
      let wide = false;
      i++;
      while (i < n) {
        const d = codes[i] as number;
        if (isDigitCode(d) || isLetterCode(d)) {
          if (d >= 0x80) wide = true;
          i++;
        } else if (
          (d === 46 || d === 44 || d === 45 || d === 58 || d === 47) &&
          isDigitCode(codes[i + 1] as number)
        )
          i += 2;
        else break;
      }
      // In "12ésoccer" the regex sees a word after the "é"; ASCII letters here always follow a digit.
      if (wide && !sports) sports = sportsWordWithin(text, start, i);
      prevLower = false;
      prevTitle = false;
    } else {
      // Surrogate pairs and other symbols: one punctuation token per code unit is fine for our rules; a
      // run of the same symbol ("...", "----") is one token, which also bounds allocation on junk input.
      kind = Kind.Punct;
      i++;
      while (i < n && codes[i] === c) i++;
      key = text[start] ?? '';
      flags = c < 0x80 ? (lex.asciiCharFlags[c] as number) : (lex.wideCharFlags.get(c) ?? 0);
      if (c < 0x80) codePunct += codePunctTable[c] as number;
      prevLower = false;
      if (prevTitle && c === 44) noteListStart(count - 1);
      prevTitle = false;
    }
    count = put(tokens, count, reuse, start, i, kind, shape, key, flags);
  }
  if (isHeadline(lineWords, lineUpper)) markHeadline(lineStart, count);
  reserveHeadline(count + 1);
  casual = isCasual;
  sportsWordSeen = sports;
  codePunctTokens = codePunct;
  toolWordTokens = tools;
  if (tokens.length !== count) tokens.length = count;
  if (reuse) {
    // Pooled tokens past this text must not keep the previous text's words alive (a slice of 13 or more
    // characters references its whole parent string).
    for (let k = count; k < pooledInUse && k < pool.length; k++) (pool[k] as Token).lower = '';
    pooledInUse = count;
  }
  return tokens;
}

/** Binary search over tokens (sorted, disjoint) for the one starting at `start`: its index, or -1. */
export function tokenIndexAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as Token;
    if (t.start < start) lo = mid + 1;
    else if (t.start > start) hi = mid - 1;
    else return mid;
  }
  return -1;
}
