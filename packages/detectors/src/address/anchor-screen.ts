import {
  DIRECTIONALS,
  EURO_STREET_ENDING,
  EURO_STREET_WORDS,
  NAME_PARTICLES,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  UNIT_WORDS,
} from './street-suffixes.ts';
import { STATE_CODES, STATE_NAMES } from './us-states.ts';
import { isAsciiRange, WordFlags } from './word-screens.ts';

/**
 * A raw-character screen for digit anchors, run before any window is tokenized: most numbers in text
 * (prices, times, phone numbers, ids glued to words) cannot start an address, and in number-dense text
 * their windows would cover everything. The screen only rejects what the parser would reject anyway:
 * a number starts an address when a street name follows it ("12 Main", "12 # 4", "370 3911 Fourth")
 * or precedes it ("Hauptstraße 5", "Rue de Rivoli 12", "rr # 1", "Apt. 4").
 */

export type CaseMode = 'mixed' | 'lower' | 'upper';

const CASE_RADIUS = 120;
const UPPER_CHAR = /^\p{Lu}$/u;
const LOWER_CHAR = /^\p{Ll}$/u;
const LETTER_CHAR = /^[\p{L}\p{M}]$/u;

/** 1 upper case, 2 lower case, 0 neither (CJK and other caseless scripts are skipped cheaply). */
function letterCase(text: string, codes: Uint16Array, k: number): number {
  const c = codes[k] as number;
  if (c < 128) return c >= 65 && c <= 90 ? 1 : c >= 97 && c <= 122 ? 2 : 0;
  if ((c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7af)) return 0;
  const ch = String.fromCodePoint(text.codePointAt(k) as number);
  return UPPER_CHAR.test(ch) ? 1 : LOWER_CHAR.test(ch) ? 2 : 0;
}

/**
 * Case mode within CASE_RADIUS characters of `pos`: all-lower or all-upper text gives no
 * capitalisation signal. Scans outwards and stops once both cases are seen, so mixed text costs a
 * few characters. `codes` are the text's code units (codeUnits), read instead of charCodeAt here and below.
 */
export function caseModeAt(text: string, codes: Uint16Array, pos: number): CaseMode {
  const lo = Math.max(0, pos - CASE_RADIUS);
  const hi = Math.min(text.length, pos + CASE_RADIUS);
  // The text is mixed around `pos` exactly when [lo, hi) holds letters of both cases: the two found for an
  // earlier position of the same text often still lie in this window (the screen and the parser ask at
  // every number and anchor, mostly close together).
  if (text === mixedText && mixedUpper >= lo && mixedUpper < hi && mixedLower >= lo && mixedLower < hi)
    return 'mixed';
  let upper = -1;
  let lower = -1;
  for (let d = 0; d < CASE_RADIUS; d++) {
    const right = pos + d;
    const left = pos - d - 1;
    if (right >= hi && left < lo) break;
    if (right < hi) {
      const c = letterCase(text, codes, right);
      if (c === 1) upper = right;
      else if (c === 2) lower = right;
    }
    if (left >= lo) {
      const c = letterCase(text, codes, left);
      if (c === 1) upper = left;
      else if (c === 2) lower = left;
    }
    if (upper >= 0 && lower >= 0) {
      mixedText = text;
      mixedUpper = upper;
      mixedLower = lower;
      return 'mixed';
    }
  }
  return upper >= 0 ? 'upper' : 'lower';
}

let mixedText = '';
let mixedUpper = -1;
let mixedLower = -1;

// The case mode at the anchor being screened, computed at most once and only when a lower-case word
// needs it (module state rather than a closure or object: this runs for every digit run in the text).
let screenText = '';
let screenCodes: Uint16Array = new Uint16Array(0);
let screenPos = 0;
let screenMode: CaseMode | undefined;

function modeOfScreen(): CaseMode {
  screenMode ??= caseModeAt(screenText, screenCodes, screenPos);
  return screenMode;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || isAsciiLetter(c);
}

/** A letter of a Latin-like script; CJK and other caseless scripts never hold an English address. */
function isLetterAt(text: string, codes: Uint16Array, k: number): boolean {
  const c = codes[k] as number;
  if (c < 128) return isAsciiLetter(c);
  if ((c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7af) || (c >= 0xf900 && c <= 0xfaff))
    return false;
  if (c >= 0xdc00 && c <= 0xdfff) return k > 0 && isLetterAt(text, codes, k - 1);
  return LETTER_CHAR.test(String.fromCodePoint(text.codePointAt(k) as number));
}

/** Keywords right before the number of a box or route: "rr 2", "hc # 4", "PSC 0413", "Unit 0822 Box". */
const BOX_WORDS: ReadonlySet<string> = new Set(
  'rr rt hc psc cmr unit drawer box lockbox postbox pobox'.split(' '),
);

function skipBlanksBack(codes: Uint16Array, k: number): number {
  let i = k;
  while (i > 0) {
    const c = codes[i - 1] as number;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) break;
    i--;
  }
  return i;
}

function skipBlanks(text: string, codes: Uint16Array, k: number): number {
  let i = k;
  while (i < text.length) {
    const c = codes[i] as number;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 11 && c !== 12) break;
    i++;
  }
  return i;
}

/** End of the letters (with inner `'’.-` joins) starting at `k`. */
function wordEnd(text: string, codes: Uint16Array, k: number): number {
  let i = k;
  while (i < text.length) {
    if (isLetterAt(text, codes, i)) i++;
    else {
      const c = codes[i] as number;
      if (
        (c === 39 || c === 0x2019 || c === 46 || c === 45) &&
        i + 1 < text.length &&
        isLetterAt(text, codes, i + 1)
      )
        i++;
      else break;
    }
  }
  return i;
}

// The last numberEnd answer of the screen: the digit runs of one long alphanumeric token ("a1b2c3…" in keys
// and hashes) share it, and reading the token again for each of them made the screen quadratic in it.
let numberText = '';
let numberStart = -1;
/** End of the first alphanumeric run of the last number read from `numberStart`. */
let numberRunEnd = -1;
let numberEndAt = -1;

/** numberEnd of the screened text, from the last answer when `k` lies in the same first run. */
function screenNumberEnd(text: string, codes: Uint16Array, k: number): number {
  if (text === numberText && k > numberStart && k < numberRunEnd) return numberEndAt;
  let runEnd = k;
  while (runEnd < text.length && isAsciiAlnum(codes[runEnd] as number)) runEnd++;
  numberText = text;
  numberStart = k;
  numberRunEnd = runEnd;
  numberEndAt = numberEnd(text, codes, k, runEnd);
  return numberEndAt;
}

/**
 * End of a number token ("12", "10A", "12-14", "1/2") starting at `k`; `runEnd`, when known, is the end of
 * its first alphanumeric run.
 */
function numberEnd(text: string, codes: Uint16Array, k: number, runEnd = k): number {
  let i = runEnd;
  while (i < text.length && isAsciiAlnum(codes[i] as number)) i++;
  for (let parts = 0; parts < 4 && i + 1 < text.length; parts++) {
    const c = codes[i] as number;
    if ((c !== 47 && c !== 45) || !isAsciiAlnum(codes[i + 1] as number)) break;
    i++;
    while (i < text.length && isAsciiAlnum(codes[i] as number)) i++;
  }
  return i;
}

/** Start of the word (letters with inner `'’.-` joins) ending at `end`. */
function wordStart(text: string, codes: Uint16Array, end: number): number {
  let i = end;
  while (i > 0 && end - i < 40) {
    if (isLetterAt(text, codes, i - 1)) i--;
    else {
      const c = codes[i - 1] as number;
      if ((c === 39 || c === 0x2019 || c === 46 || c === 45) && i >= 2 && isLetterAt(text, codes, i - 2)) i--;
      else break;
    }
  }
  return i;
}

// Flags of the words looked up before and after a number (WordFlags reads ASCII words in place).
const BOX = 1;
const UNIT = 2;
const STATE_NAME = 4;
const STATE_CODE = 8;
/** A street prefix or stand-alone European street word ("Rue", "Strasse"). */
const STREET_WORD = 16;
const PARTICLE = 32;

const WORDS_BEFORE = new WordFlags([
  [BOX_WORDS, BOX],
  [UNIT_WORDS, UNIT],
  [STATE_NAMES, STATE_NAME],
  [[...STATE_CODES].filter((code) => code.length === 2), STATE_CODE],
  [STREET_PREFIXES, STREET_WORD],
  [EURO_STREET_WORDS, STREET_WORD],
  [NAME_PARTICLES, PARTICLE],
]);
const WORDS_AHEAD = new WordFlags([
  [STREET_SUFFIXES, 1],
  [STATE_CODES, 1],
]);
const DIRECTION_WORDS = new WordFlags([[DIRECTIONALS, 1]]);

/** A street word, or a word of five or more letters with a European street ending ("Hauptstraße"). */
function isStreetWord(text: string, codes: Uint16Array, from: number, end: number, flags: number): boolean {
  if ((flags & STREET_WORD) !== 0) return true;
  if (isAsciiRange(codes, from, end))
    return end - from >= 5 && EURO_STREET_ENDING.testAsciiCodes(codes, from, end);
  const word = text.slice(from, end).toLowerCase();
  return word.length >= 5 && EURO_STREET_ENDING.test(word);
}

/**
 * A street name or box keyword may precede the number, as the parser reads it: within five words
 * back on the same line, a street word ("Hauptstraße 5", "Rue de Rivoli 12", "ul. Długa 4"), or right
 * before, a box keyword ("rr # 1") or a state (a ZIP ends an address that may start with a word).
 */
function streetBefore(text: string, codes: Uint16Array, start: number, digits: number): boolean {
  let i = skipBlanksBack(codes, start);
  // ", 93405": a postcode after a city, ending an address that may start with a word.
  if (i > 0 && (codes[i - 1] as number) === 44 && digits >= 4 && digits <= 6) return true;
  let hash = false;
  if (i > 0 && (codes[i - 1] as number) === 35 /* # */) {
    hash = true;
    i = skipBlanksBack(codes, i - 1);
  }
  for (let words = 0; words < 5 && i > 0; words++) {
    let end = i;
    if ((codes[end - 1] as number) === 46 /* . */) end--;
    if (end === 0 || !isLetterAt(text, codes, end - 1)) {
      // "C/ Mayor 5": the Spanish "calle" abbreviation.
      return words > 0 && (codes[i - 1] as number) === 47 && ((codes[i - 2] as number) | 32) === 99;
    }
    const from = wordStart(text, codes, end);
    const flags = WORDS_BEFORE.ofRange(text, codes, from, end);
    if (words === 0) {
      // A box keyword, or a unit number inside an address that may start with a word ("Six … Suite 2500").
      if ((flags & (BOX | UNIT)) !== 0) return true;
      if (hash) return false;
      if ((flags & STATE_NAME) !== 0) return true;
      if ((flags & STATE_CODE) !== 0) {
        if (letterCase(text, codes, from + 1) !== 2 || modeOfScreen() !== 'mixed') return true;
      }
    }
    if (isStreetWord(text, codes, from, end, flags)) return true;
    if (letterCase(text, codes, from) === 2 && (flags & PARTICLE) === 0 && modeOfScreen() === 'mixed')
      return false;
    i = skipBlanksBack(codes, from);
  }
  return false;
}

/** Up to three words after `k` on the same line hold a street type or state code ("12 main st"). */
function streetWordAhead(text: string, codes: Uint16Array, k: number): boolean {
  let i = k;
  for (let words = 0; words < 4 && i < text.length; ) {
    const c = codes[i] as number;
    if (c === 10) return false;
    if (isLetterAt(text, codes, i)) {
      const end = wordEnd(text, codes, i);
      if (WORDS_AHEAD.ofRange(text, codes, i, end) !== 0) return true;
      words++;
      i = end;
    } else if (c === 32 || c === 9 || c === 44 || c === 46 || (c >= 48 && c <= 57)) {
      i++;
    } else {
      return false;
    }
  }
  return false;
}

/** A street name may follow the number: a capitalised word, `#`, a second number, or a lower-case street. */
function streetAfter(text: string, codes: Uint16Array, end: number, depth = 0): boolean {
  const i = skipBlanks(text, codes, end);
  if (i >= text.length) return false;
  const c = codes[i] as number;
  if (c === 35) return true;
  if (c >= 48 && c <= 57) return depth === 0 ? streetAfter(text, codes, numberEnd(text, codes, i), 1) : true;
  if (!isLetterAt(text, codes, i)) return false;
  const letter = letterCase(text, codes, i);
  if (letter !== 2) return true;
  if (modeOfScreen() !== 'mixed') return true;
  const wEnd = wordEnd(text, codes, i);
  if (DIRECTION_WORDS.ofRange(text, codes, i, wEnd) !== 0) return true;
  return streetWordAhead(text, codes, wEnd);
}

// The last streetAfter answer: the digit runs of one number token ("555-2159", "12/14") share its end, and
// streetAfter depends only on the text, that end and (when it reads it) the case mode at the run.
let afterEnd = -1;
let afterResult = false;
/** The case mode streetAfter read for `afterResult`, or undefined when it did not read one. */
let afterMode: CaseMode | undefined;

function streetAfterCached(text: string, codes: Uint16Array, end: number, sameText: boolean): boolean {
  if (sameText && end === afterEnd && (afterMode === undefined || modeOfScreen() === afterMode)) {
    return afterResult;
  }
  afterResult = streetAfter(text, codes, end);
  afterEnd = end;
  afterMode = screenMode;
  return afterResult;
}

/**
 * Whether the digit run at `start` may belong to the first tokens of an address. `start` is the first
 * digit of the run; `codes` are the text's code units (codeUnits).
 */
export function digitMayStartAddress(text: string, codes: Uint16Array, start: number): boolean {
  const sameText = text === screenText;
  screenText = text;
  screenCodes = codes;
  screenPos = start;
  screenMode = undefined;
  // "A1075", "W206N": up to three letters glued before the digits belong to the number.
  let tokenStart = start;
  while (tokenStart > 0 && start - tokenStart < 3 && isAsciiLetter(codes[tokenStart - 1] as number))
    tokenStart--;
  if (tokenStart > 0 && tokenStart < start && isLetterAt(text, codes, tokenStart - 1)) tokenStart = start;
  const end = screenNumberEnd(text, codes, start);
  if (streetAfterCached(text, codes, end, sameText)) return true;
  let digits = 0;
  while (digits < 7 && start + digits < text.length && isDigitCode(codes[start + digits] as number)) digits++;
  return streetBefore(text, codes, tokenStart, digits);
}
