import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { type AddressToken, releaseReusedTokens, TokenStream } from './address-tokens.ts';
import { ANCHOR_WORDS, isAnchorLetterRun, isNonAsciiPoint, windowAnchorPoints } from './anchor-points.ts';
import { type CaseMode, caseModeAt, digitMayStartAddress } from './anchor-screen.ts';
import { codeUnits } from './code-units.ts';
import { findPostcodeAddresses, mayAnchorRun } from './postcode-address.ts';
import { CLOSING_WORDS, SOFT_STOP_WORDS, STOP_WORDS } from './stop-words.ts';
import {
  ABBREVIATIONS,
  DIRECTIONALS,
  EURO_STREET_ENDING,
  EURO_STREET_WORDS,
  NAME_PARTICLES,
  NUMBER_WORDS,
  ORDINAL_WORDS,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  STRONG_STREET_SUFFIXES,
  UNIT_NEEDS_VALUE,
  UNIT_WORDS,
} from './street-suffixes.ts';
import {
  AMBIGUOUS_STATE_CODES,
  COUNTRY_NAMES,
  MULTIWORD_PLACE_STARTS,
  STATE_CODES,
  STATE_NAMES,
} from './us-states.ts';

/** The tokens of the window being read (see TokenStream). */
const tokens = new TokenStream();

/** Characters of context tokenized around each anchor. Bounds the per-anchor work. */
const WINDOW_BEFORE = 80;
const WINDOW_AFTER = 260;
const MAX_TOKENS = 48;
const MAX_LINES = 5;
const MAX_LINE_CHARS = 64;

interface Evidence {
  houseNumber: boolean;
  nameWords: number;
  strongSuffix: boolean;
  weakSuffix: boolean;
  euro: boolean;
  prefix: boolean;
  unit: boolean;
  state: boolean;
  zip: boolean;
  country: boolean;
  box: boolean;
  cityWords: number;
  /** A bare number after the street name ("Ilichova 23"), also what sports scores look like. */
  streetNumber: boolean;
  commas: number;
  /** Every name word so far is a directional ("East", "N"). */
  dirOnly: boolean;
}

interface Candidate {
  start: number;
  end: number;
  score: number;
}

/** House numbers: digits with an optional letter or range, or Wisconsin-style grid numbers ("W206N"). */
const HOUSE_NUMBER = /^(?:\d[\da-z]*(?:[/-][\da-z]+)*|[nsew]\d+[nsew]?)$/;
const MONTHS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
);
const ORDINAL_NUMBER = /^\d+(?:st|nd|rd|th)$/;
const ZIP = /^(?:\d{5}(?:-\d{4})?|\d{9})$/;
const INTL_POSTCODE = /^\d{4,6}$/;
const LETTERS_ONLY = /^\p{L}+$/u;

function emptyEvidence(): Evidence {
  return {
    houseNumber: false,
    nameWords: 0,
    strongSuffix: false,
    weakSuffix: false,
    euro: false,
    prefix: false,
    unit: false,
    state: false,
    zip: false,
    country: false,
    box: false,
    cityWords: 0,
    streetNumber: false,
    commas: 0,
    dirOnly: true,
  };
}

/*
 * Lexicon flags: the parser asks of most tokens whether their `low` is in a dozen word lists. One map
 * lookup per token (cached on the token) gives every answer; LEXICON holds exactly the lists' words.
 */
const L_ORDINAL_WORDS = 1 << 0;
const L_ABBREVIATIONS = 1 << 1;
const L_STREET_SUFFIXES = 1 << 2;
const L_UNIT_WORDS = 1 << 3;
const L_DIRECTIONALS = 1 << 4;
const L_STATE_CODES = 1 << 5;
const L_STOP_WORDS = 1 << 6;
const L_MULTIWORD_PLACE_STARTS = 1 << 7;
const L_STATE_NAMES = 1 << 8;
const L_COUNTRY_NAMES = 1 << 9;
const L_AMBIGUOUS_STATE_CODES = 1 << 10;
const L_UNIT_NEEDS_VALUE = 1 << 11;
const L_SOFT_STOP_WORDS = 1 << 12;
const L_NAME_PARTICLES = 1 << 13;
const L_STRONG_STREET_SUFFIXES = 1 << 14;
const L_EURO_STREET_WORDS = 1 << 15;
const L_STREET_PREFIXES = 1 << 16;
const L_NUMBER_WORDS = 1 << 17;
const L_MONTHS = 1 << 18;
/** `low` has five or more characters and a European street ending (EURO_STREET_ENDING). */
const L_EURO_ENDING = 1 << 19;
const LEXICON = new Map<string, number>();
for (const [words, flag] of [
  [ORDINAL_WORDS, L_ORDINAL_WORDS],
  [ABBREVIATIONS, L_ABBREVIATIONS],
  [STREET_SUFFIXES, L_STREET_SUFFIXES],
  [UNIT_WORDS, L_UNIT_WORDS],
  [DIRECTIONALS, L_DIRECTIONALS],
  [STATE_CODES, L_STATE_CODES],
  [STOP_WORDS, L_STOP_WORDS],
  [MULTIWORD_PLACE_STARTS, L_MULTIWORD_PLACE_STARTS],
  [STATE_NAMES, L_STATE_NAMES],
  [COUNTRY_NAMES, L_COUNTRY_NAMES],
  [AMBIGUOUS_STATE_CODES, L_AMBIGUOUS_STATE_CODES],
  [UNIT_NEEDS_VALUE, L_UNIT_NEEDS_VALUE],
  [SOFT_STOP_WORDS, L_SOFT_STOP_WORDS],
  [NAME_PARTICLES, L_NAME_PARTICLES],
  [STRONG_STREET_SUFFIXES, L_STRONG_STREET_SUFFIXES],
  [EURO_STREET_WORDS, L_EURO_STREET_WORDS],
  [STREET_PREFIXES, L_STREET_PREFIXES],
  [NUMBER_WORDS, L_NUMBER_WORDS],
  [MONTHS, L_MONTHS],
] as const) {
  for (const w of words) LEXICON.set(w, (LEXICON.get(w) ?? 0) | flag);
}

/** The lexicon flags of the token's `low`. */
function lexOf(t: AddressToken): number {
  let lex = t.lex;
  if (lex < 0) {
    const low = t.low;
    lex = LEXICON.get(low) ?? 0;
    if (low.length >= 5 && EURO_STREET_ENDING.test(low)) lex |= L_EURO_ENDING;
    t.lex = lex;
  }
  return lex;
}

/** Whether the token's `low` is in the list of `flag`. */
function inLex(t: AddressToken, flag: number): boolean {
  return (lexOf(t) & flag) !== 0;
}

function isOrdinal(t: AddressToken): boolean {
  return (t.kind === 'n' && ORDINAL_NUMBER.test(t.low)) || (t.kind === 'w' && inLex(t, L_ORDINAL_WORDS));
}

function isAbbreviation(t: AddressToken): boolean {
  const low = t.low;
  if (t.abbr || inLex(t, L_ABBREVIATIONS)) return true;
  return (
    low.length <= 4 && (inLex(t, L_STREET_SUFFIXES) || inLex(t, L_UNIT_WORDS) || inLex(t, L_DIRECTIONALS))
  );
}

/** A street type or "STATE ZIP" within the next few tokens: lets a lower-case word join the address. */
function addressAhead(j: number): boolean {
  for (let k = j + 1; k <= j + 3; k++) {
    const t = tokens.at(k);
    if (t === undefined || t.kind === 'nl') return false;
    if (t.kind === 'w' && inLex(t, L_STREET_SUFFIXES)) return true;
    if (t.kind === 'w' && inLex(t, L_STATE_CODES) && isZipToken(tokens.at(k + 1))) return true;
    if (t.kind === 'w' && inLex(t, L_STOP_WORDS)) return false;
  }
  return false;
}

/** "Hauptstraße", "Koskikatu": a word ending in a European street word. */
function isEuroStreetWord(t: AddressToken): boolean {
  return t.kind === 'w' && inLex(t, L_EURO_ENDING);
}

/** Multi-word state or country starting at token i: returns how many tokens it spans (0 when none). */
function placeNameLength(i: number, names: ReadonlySet<string>, flag: number): number {
  const first = tokens.at(i);
  if (first?.kind !== 'w') return 0;
  if (!inLex(first, L_MULTIWORD_PLACE_STARTS)) return inLex(first, flag) ? 1 : 0;
  let phrase = first.low;
  let best = inLex(first, flag) ? 1 : 0;
  for (let k = 1; k <= 3; k++) {
    const next = tokens.at(i + k);
    if (next?.kind !== 'w') break;
    phrase += ` ${next.low}`;
    if (names.has(phrase)) best = k + 1;
  }
  return best;
}

function isZipToken(t: AddressToken | undefined): boolean {
  return t !== undefined && t.kind === 'n' && ZIP.test(t.low);
}

/** A token that may begin a continuation line of an address block. */
function canStartLine(t: AddressToken | undefined, mode: CaseMode): boolean {
  if (!t) return false;
  if (t.kind === 'n') return true;
  if (t.kind === 'p') return t.low === ',' || t.low === '#' || t.low === '>';
  // A capitalised stop word opens a sentence ("Thanks", "Please call"), not an address line ("New York").
  if (inLex(t, L_STOP_WORDS) && (!t.cap || !inLex(t, L_SOFT_STOP_WORDS))) return false;
  if (CLOSING_WORDS.has(t.low)) return false;
  return mode !== 'mixed' || t.cap || inLex(t, L_UNIT_WORDS);
}

/** Length in characters of the line starting at token index i (to the next line break or window end). */
function lineLength(text: string, i: number): number {
  const t = tokens.at(i);
  if (!t) return 0;
  const limit = Math.min(text.length, t.start + MAX_LINE_CHARS + 1);
  let k = t.start;
  while (k < limit && text.charCodeAt(k) !== 10) k++;
  return k - t.start;
}

/** Whether the line starting at token i holds a digit (after a blank line only such lines continue). */
function lineHasDigit(text: string, i: number): boolean {
  const t = tokens.at(i);
  if (!t) return false;
  const limit = Math.min(text.length, t.start + MAX_LINE_CHARS + 1);
  for (let k = t.start; k < limit; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) return false;
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

/** A comma with a word or digit glued on both sides, on a line holding at least two more such commas. */
function isCellSeparator(text: string, at: number): boolean {
  if (!isCellCode(text.charCodeAt(at - 1)) || !isCellCode(text.charCodeAt(at + 1))) return false;
  let glued = 0;
  for (let k = at + 1; k < text.length && k - at < 200; k++) {
    const c = text.charCodeAt(k);
    if (c === 10) break;
    if (c === 44 && isCellCode(text.charCodeAt(k - 1)) && isCellCode(text.charCodeAt(k + 1)) && ++glued >= 2)
      return true;
  }
  return false;
}

/** A letter (accented ones too) or digit, as cell text around a CSV comma. */
function isCellCode(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c >= 0xc0;
}

const UK_OUTWARD = /^[a-z]{1,2}\d[a-z\d]?$/;
const UK_INWARD = /^\d[a-z]{2}$/;

/** A UK postcode written as two tokens ("S11" "8LT", "SW1A" "1AA"). */
function isUkPostcode(t: AddressToken, next: AddressToken | undefined): boolean {
  return next?.kind === 'n' && UK_OUTWARD.test(t.low) && UK_INWARD.test(next.low);
}

/**
 * Walks forward from token `i` (the first token of a candidate) consuming address-like tokens and records
 * the last position where the address could plausibly end. Returns undefined if nothing address-like.
 */
function parseForward(
  text: string,
  i: number,
  mode: CaseMode,
  ev: Evidence,
): { endToken: number } | undefined {
  let lastGood = -1;
  let lines = 0;
  let afterStreet = false; // a street type or street-number has been seen, later words are city / unit
  let expectUnitValue = false;
  let lastWasNumber = false;
  /** A ZIP after a state, or a UK postcode, has closed the address. */
  let closed = false;
  const limit = i + MAX_TOKENS;
  let j = i;
  while (j < limit) {
    const t = tokens.at(j);
    if (t === undefined) break;
    const next = tokens.at(j + 1);
    if (t.kind === 'nl') {
      if (lines >= MAX_LINES || t.lines > 2 || lastGood < 0) break;
      let k = j + 1;
      while (tokens.at(k)?.kind === 'p' && (tokens.at(k)?.low === '>' || tokens.at(k)?.low === '?')) k++;
      if (!canStartLine(tokens.at(k), mode) || lineLength(text, k) > MAX_LINE_CHARS) break;
      if (t.lines > 1 && !lineHasDigit(text, k)) break;
      // After the postcode only a country line continues the block ("…, NV 03867\nThanks" ends there).
      if (ev.zip && placeNameLength(k, COUNTRY_NAMES, L_COUNTRY_NAMES) === 0) break;
      lines++;
      j = k;
      expectUnitValue = false;
      continue;
    }
    if (t.kind === 'p') {
      if (t.low === ',' || t.low === '-' || t.low === '/') {
        if (next?.kind === 'p' && next.low !== '#') break;
        // "Lindenstraße 9,Freiburg im Breisgau,79098,DE": a comma glued on both sides separates CSV cells, and
        // a street cell holds the street alone (the city and postcode are cells of their own).
        if (t.low === ',' && isCellSeparator(text, t.start)) break;
        if (t.low === ',') ev.commas++;
        j++;
        continue;
      }
      if (t.low === '#') {
        expectUnitValue = true;
        ev.unit = true;
        j++;
        continue;
      }
      if (t.low === '&') {
        if (next?.kind !== 'w' && next?.kind !== 'n') break;
        j++;
        continue;
      }
      if (t.low === '(' && next?.kind === 'w' && tokens.at(j + 2)?.low === ')' && ev.country) {
        j += 3;
        lastGood = j - 1;
        continue;
      }
      break;
    }
    if (t.kind === 'n') {
      if (expectUnitValue) {
        ev.unit = true;
        expectUnitValue = false;
      } else if (isZipToken(t) && (ev.state || ev.country || ev.cityWords > 0 || afterStreet) && j > i) {
        ev.zip = true;
        closed = ev.state;
      } else if (INTL_POSTCODE.test(t.low) && (ev.state || ev.country) && j > i) {
        ev.zip = true;
      } else if (afterStreet && j > i && isUkPostcode(t, next)) {
        // "…, Sheffield S11 8LT": the postcode ends the address as a ZIP does (only a country may follow).
        ev.zip = true;
        closed = true;
        lastGood = j + 1;
        j += 2;
        continue;
      } else if (isOrdinal(t) || (j > i && !afterStreet && ev.dirOnly && ev.nameWords > 0)) {
        // "5th Avenue", and grid streets: "2901 East 3300 South", "132 N 10".
        ev.nameWords++;
        ev.dirOnly = false;
      } else if (j > i && ev.nameWords > 0 && !afterStreet && !lastWasNumber) {
        // "Koskikatu 25", "Highway 157": a number after the street name closes the street part.
        afterStreet = true;
        ev.streetNumber = true;
      }
      lastGood = j;
      lastWasNumber = true;
      j++;
      if (t.dot) {
        // "… 60810. It serves": a number with a dot ends a sentence unless a unit or new line follows.
        const n2 = tokens.at(j);
        if (!(n2?.kind === 'nl' || (n2?.kind === 'w' && inLex(n2, L_UNIT_WORDS)))) break;
      }
      continue;
    }
    // Word.
    lastWasNumber = false;
    const low = t.low;
    if (
      expectUnitValue &&
      LETTERS_ONLY.test(low) &&
      (low.length === 1 || (low.length === 2 && !inLex(t, L_STOP_WORDS)))
    ) {
      ev.unit = true;
      expectUnitValue = false;
      lastGood = j;
      j++;
      continue;
    }
    expectUnitValue = false;
    const statePhrase = placeNameLength(j, STATE_NAMES, L_STATE_NAMES);
    const countryPhrase = placeNameLength(j, COUNTRY_NAMES, L_COUNTRY_NAMES);
    // After a state's ZIP or a UK postcode only a country continues the line ("…, IL 62704 Tel 0114 …" ends
    // at the ZIP). Not in all-lower-case or all-caps fields, where the same words may repeat the address.
    if (closed && mode === 'mixed' && t.cap && countryPhrase === 0) break;
    const nextToken = tokens.at(j + Math.max(1, statePhrase));
    const zipFollows = isZipToken(nextToken) || (nextToken?.kind === 'p' && isZipToken(tokens.at(j + 2)));
    const endFollows =
      nextToken === undefined || nextToken.kind === 'nl' || nextToken.low === ',' || nextToken.low === '.';
    if (j > i && low.length === 2 && inLex(t, L_STATE_CODES) && (afterStreet || ev.nameWords > 0 || ev.box)) {
      // (state codes are checked before stop words: "IN", "OR", "ME" are states when a ZIP follows)
      const written = mode === 'mixed' ? text.slice(t.start, t.start + 2) === low.toUpperCase() : true;
      const ambiguous = inLex(t, L_AMBIGUOUS_STATE_CODES);
      if (written && (zipFollows || (!ambiguous && endFollows) || (mode !== 'lower' && endFollows))) {
        ev.state = true;
        afterStreet = true;
        lastGood = j;
        j++;
        continue;
      }
    }
    const afterComma = tokens.at(j - 1)?.low === ',';
    if (
      j > i &&
      statePhrase > 0 &&
      (afterStreet || ev.box || (ev.nameWords > 0 && (afterComma || zipFollows))) &&
      (zipFollows || endFollows) &&
      (t.cap || mode !== 'mixed')
    ) {
      ev.state = true;
      afterStreet = true;
      j += statePhrase;
      lastGood = j - 1;
      continue;
    }
    if (j > i && countryPhrase > 0 && (afterStreet || ev.box || ev.unit) && (t.cap || mode !== 'mixed')) {
      ev.country = true;
      afterStreet = true;
      j += countryPhrase;
      lastGood = j - 1;
      continue;
    }
    if (inLex(t, L_UNIT_WORDS) && j > i && (!inLex(t, L_STOP_WORDS) || t.cap)) {
      const v = tokens.at(j + 1);
      const hasValue =
        v !== undefined &&
        (v.kind === 'n' ||
          v.low === '#' ||
          (v.kind === 'w' && (v.low.length === 1 || (v.low.length === 2 && !inLex(v, L_STOP_WORDS)))));
      const ordinalBefore = j > i && isOrdinal(tokens.at(j - 1) as AddressToken);
      if (hasValue || ordinalBefore || !inLex(t, L_UNIT_NEEDS_VALUE)) {
        ev.unit = true;
        afterStreet = true;
        expectUnitValue = hasValue && v?.kind !== 'p';
        if (!hasValue) lastGood = j;
        j++;
        continue;
      }
    }
    const lowerWritten = !t.cap;
    if (inLex(t, L_STOP_WORDS) && (lowerWritten || mode !== 'mixed') && !inLex(t, L_SOFT_STOP_WORDS)) break;
    if (low === 'and' || low === '&') {
      if (next?.kind !== 'w' && next?.kind !== 'n') break;
      j++;
      continue;
    }
    const suffix = inLex(t, L_STREET_SUFFIXES);
    const dir = inLex(t, L_DIRECTIONALS);
    const particle = inLex(t, L_NAME_PARTICLES);
    if (mode === 'mixed' && lowerWritten && !suffix && !dir && !particle && !isEuroStreetWord(t)) {
      if (!addressAhead(j)) break;
    }
    if (particle && lowerWritten && !suffix && !dir) {
      // A lower-case particle must be followed by more name ("Rue de la Paix"), never end a candidate.
      if (next?.kind !== 'w' && next?.kind !== 'n') break;
      j++;
      continue;
    }
    if (suffix && ev.nameWords > 0 && !afterStreet) {
      if (inLex(t, L_STRONG_STREET_SUFFIXES)) ev.strongSuffix = true;
      else ev.weakSuffix = true;
      afterStreet = true;
      lastGood = j;
    } else if (isEuroStreetWord(t) || (inLex(t, L_EURO_STREET_WORDS) && j > i && ev.nameWords > 0)) {
      ev.euro = true;
      ev.nameWords++;
      ev.dirOnly = false;
      if (tokens.at(j + 1)?.kind === 'n') lastGood = j;
      else lastGood = j;
    } else if (dir) {
      if (afterStreet) lastGood = j;
      else ev.nameWords++;
      if (!afterStreet && j > i && ev.dirOnly && tokens.at(j + 1) === undefined) lastGood = j;
      if (j === i + 1 || afterStreet) lastGood = j;
    } else if (afterStreet) {
      ev.cityWords++;
      const n2 = tokens.at(j + 1);
      const boundary =
        n2 === undefined ||
        n2.kind === 'nl' ||
        n2.low === ',' ||
        (n2.kind === 'p' && n2.low !== '#' && n2.low !== '&' && n2.low !== '-');
      if (boundary || t.dot) lastGood = j;
    } else {
      ev.nameWords++;
      ev.dirOnly = false;
      const n2 = tokens.at(j + 1);
      if (n2 === undefined || n2.kind === 'nl' || n2.low === ',') lastGood = j;
    }
    if (t.dot && !isAbbreviation(t) && low.length > 1) {
      // "… in Toronto. Next" — a dotted non-abbreviation ends the sentence.
      lastGood = j;
      break;
    }
    j++;
  }
  if (lastGood < 0) return undefined;
  return { endToken: lastGood };
}

/** A street-type word that starts a street name ("Rue", "Via", "ul.", "C/"), or a one-word street name. */
function isPrefixWord(k: number): boolean {
  const t = tokens.at(k) as AddressToken;
  if (t.kind !== 'w') return false;
  if (t.low === 'c') return tokens.at(k + 1)?.low === '/';
  return inLex(t, L_STREET_PREFIXES) || isEuroStreetWord(t);
}

/** Scans back from token i over street-name words ("Rue de Rivoli", "Villacher") on the same line. */
function streetNameStartBefore(text: string, i: number, mode: CaseMode): number {
  let k = i - 1;
  let start = i;
  let evidence = false;
  let words = 0;
  while (k >= 0 && words < 5) {
    const t = tokens.at(k) as AddressToken;
    if (t.kind === 'p' && t.low === '/' && tokens.at(k - 1)?.low === 'c') {
      k--;
      continue;
    }
    if (t.kind !== 'w') break;
    const low = t.low;
    if (inLex(t, L_STOP_WORDS) && !t.cap) break;
    if (inLex(t, L_STOP_WORDS) && mode === 'mixed' && !inLex(t, L_STREET_PREFIXES)) break;
    const particle = inLex(t, L_NAME_PARTICLES) && !t.cap;
    if (mode === 'mixed' && !t.cap && !particle && !isEuroStreetWord(t) && !inLex(t, L_EURO_STREET_WORDS))
      break;
    if (t.dot && !isAbbreviation(t) && low.length > 2 && !inLex(t, L_STREET_PREFIXES)) break;
    const prefix = isPrefixWord(k) && low !== 'st' && !(mode === 'mixed' && isShoutedShortWord(text, t));
    if (
      isEuroStreetWord(t) ||
      (inLex(t, L_EURO_STREET_WORDS) && low !== 'st' && low !== 'street') ||
      prefix
    ) {
      evidence = true;
    }
    if (!particle) start = k;
    words++;
    k--;
  }
  if (!evidence) return i;
  // Do not start on a lone particle.
  return start;
}

/**
 * `OS X 14`, `PR 2291`: in mixed-case text a two-letter upper-case word without a dot is an acronym, not the
 * Polish or Portuguese street abbreviation it spells (`os.`, `Al.`, `ul.` are written with a dot or in lower case).
 */
function isShoutedShortWord(text: string, t: AddressToken): boolean {
  if (t.dot || t.end - t.start !== 2) return false;
  const a = text.charCodeAt(t.start);
  const b = text.charCodeAt(t.start + 1);
  return a >= 65 && a <= 90 && b >= 65 && b <= 90;
}

/**
 * `"line1": "8841 E Orchard Rd"`, `'77 Maple Grove Rd'`: a string literal or quoted cell holding exactly the
 * candidate is an address field, as good as a form field of its own.
 */
function isQuotedField(text: string, start: number, end: number): boolean {
  const open = text.charCodeAt(start - 1);
  return (open === 34 || open === 39) && text.charCodeAt(end) === open;
}

/** `4    FREIGHT      Freight DHL …`: three spaces inside a line separate table columns, never address words. */
function spansColumnGap(text: string, start: number, end: number): boolean {
  let run = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) {
      if (++run === 3) return true;
    } else run = c === 10 || c === 13 ? -1000 : 0;
  }
  return false;
}

function score(ev: Evidence, wholeField: boolean, quotedField: boolean): number {
  if (ev.box) return 0.9;
  const street = ev.nameWords > 0;
  if (!street) return 0;
  if (ev.houseNumber) {
    if (ev.strongSuffix || ev.euro || ev.prefix) return 0.85;
    if (ev.unit || ev.zip || (ev.country && ev.state) || (ev.state && (wholeField || ev.commas > 0)))
      return 0.75;
    if (ev.weakSuffix && (ev.state || ev.country || wholeField || quotedField)) return 0.65;
    // A bare "number Name" field ("55 West Cermak"); not "3 Ulsan 2" or "65 Billy Andrade , Duffy Waldorf".
    if (wholeField && !ev.streetNumber && ev.commas === 0 && ev.nameWords >= 2 && ev.nameWords <= 4)
      return 0.6;
    return 0;
  }
  // Street name first.
  if (ev.euro || ev.prefix) return 0.7;
  if (ev.strongSuffix && (ev.unit || ev.zip || ev.state)) return 0.7;
  return 0;
}

/** Whether the candidate is essentially the whole (short) text: a form field holding just an address. */
function coversWholeField(text: string, start: number, end: number): boolean {
  if (text.length > 200 || start > 60) return false;
  if (/[^\s,.;:]/.test(text.slice(end))) return false;
  return !/[.!?;:]\s/.test(text.slice(0, start));
}

function parseAt(text: string, i: number, mode: CaseMode): Candidate | undefined {
  const t = tokens.at(i) as AddressToken;
  const ev = emptyEvidence();
  let first = i;
  let bodyStart = i;
  if (t.kind === 'w' && (t.low === 'usns' || t.low === 'usnv' || t.low === 'uss')) {
    return militaryShip(i);
  }
  if (t.kind === 'w' && t.low === 'corner') return cornerOf(text, i, mode);
  const box = boxPhraseAt(i);
  if (box > 0) {
    ev.box = true;
    ev.nameWords = 1;
    bodyStart = box;
  } else if (t.kind === 'n' || (t.kind === 'w' && inLex(t, L_NUMBER_WORDS) && t.cap)) {
    if (t.kind === 'n' && !HOUSE_NUMBER.test(t.low)) return undefined;
    const back = t.kind === 'n' ? streetNameStartBefore(text, i, mode) : i;
    // "1. Svetlana …": a dotted number is a list item, not a house number.
    if (back === i && t.dot) return undefined;
    if (back < i) {
      first = back;
      ev.euro = true;
      ev.nameWords = 1;
      bodyStart = i;
    } else {
      ev.houseNumber = true;
      bodyStart = i + 1;
      // "370 3911 Fourth Avenue", "720 1/2 Clark Street": a second number still belongs to the house number.
      const n2 = tokens.at(bodyStart);
      if (n2?.kind === 'n' && !isOrdinal(n2)) bodyStart++;
    }
  } else if (
    t.kind === 'w' &&
    isPrefixWord(i) &&
    (mode !== 'mixed' || (t.cap && !isShoutedShortWord(text, t)))
  ) {
    ev.prefix = inLex(t, L_STREET_PREFIXES);
    ev.euro = !ev.prefix;
    ev.nameWords = 1;
    bodyStart = i + 1;
  } else {
    return undefined;
  }
  const body = tokens.at(bodyStart);
  if (body === undefined || body.kind === 'nl') {
    if (!ev.box) return undefined;
  }
  if (ev.houseNumber && body) {
    // The word after a house number must look like a street name, not prose ("5 people", "2 of them").
    if (
      body.kind === 'w' &&
      mode === 'mixed' &&
      !body.cap &&
      !inLex(body, L_DIRECTIONALS) &&
      !addressAhead(bodyStart)
    )
      return undefined;
    if (body.kind === 'w' && inLex(body, L_STOP_WORDS) && !body.cap && !inLex(body, L_DIRECTIONALS))
      return undefined;
    if (body.kind === 'p' && body.low !== '#') return undefined;
    if (body.kind === 'w' && inLex(body, L_MONTHS)) return undefined;
  }
  const result = parseForward(text, bodyStart, mode, ev);
  let endToken = result?.endToken ?? -1;
  if (ev.box && endToken < 0) endToken = bodyStart - 1;
  if (endToken < bodyStart - (ev.box ? 1 : 0)) return undefined;
  const start = (tokens.at(first) as AddressToken).start;
  const lastTok = tokens.at(endToken) as AddressToken;
  let end = lastTok.end;
  if (lastTok.dot && !isAbbreviation(lastTok) && lastTok.kind === 'w') end--;
  if (lastTok.kind === 'n' && lastTok.dot) end--;
  if (spansColumnGap(text, start, end)) return undefined;
  const whole = coversWholeField(text, start, end);
  const s = score(ev, whole, isQuotedField(text, start, end));
  if (s <= 0) return undefined;
  return { start, end, score: s };
}

/** "PO Box 12", "P.O. Box 12", "Box# 63", "lock box 427", "rr # 1 box 292", "PSC 0413, Box 8144": index after the keyword or 0. */
function boxPhraseAt(i: number): number {
  const t = tokens.at(i) as AddressToken;
  let k = i;
  if (t.kind === 'w' && (t.low === 'po' || t.low === 'p.o' || t.low === 'p' || t.low === 'post')) {
    k = i + 1;
    if (t.low === 'p' && tokens.at(k)?.low === 'o') k++;
    if (t.low === 'post' && tokens.at(k)?.low === 'office') k++;
    if (tokens.at(k)?.low !== 'box') return 0;
  } else if (t.kind === 'w' && (t.low === 'lock' || t.low === 'postal')) {
    k = i + 1;
    if (tokens.at(k)?.low !== 'box') return 0;
  } else if (
    t.kind === 'w' &&
    (t.low === 'box' || t.low === 'lockbox' || t.low === 'postbox' || t.low === 'pobox')
  ) {
    k = i;
  } else if (
    t.kind === 'w' &&
    (t.low === 'psc' || t.low === 'cmr' || t.low === 'unit') &&
    tokens.at(i + 1)?.kind === 'n'
  ) {
    // Military: "PSC 0413, Box 8144", "Unit 0822 Box 8858".
    k = i + 2;
    if (tokens.at(k)?.low === ',') k++;
    if (tokens.at(k)?.low !== 'box') return 0;
  } else if (t.kind === 'w' && (t.low === 'rr' || t.low === 'rt' || t.low === 'hc' || t.low === 'drawer')) {
    k = i + 1;
    if (tokens.at(k)?.low === '#') k++;
    if (tokens.at(k)?.kind !== 'n') return 0;
    return k;
  } else {
    return 0;
  }
  k++;
  if (tokens.at(k)?.low === '#') k++;
  if (tokens.at(k)?.kind !== 'n') return 0;
  return k;
}

/** "USNS Smith\nFPO AP 12345": a ship name followed by a military post office line. */
function militaryShip(i: number): Candidate | undefined {
  let k = i + 1;
  while (k < i + 5 && tokens.at(k)?.kind === 'w') k++;
  if (tokens.at(k)?.kind === 'nl') k++;
  const po = tokens.at(k);
  if (po?.kind !== 'w' || (po.low !== 'fpo' && po.low !== 'apo' && po.low !== 'dpo')) return undefined;
  const zip = tokens.at(k + 2);
  if (!isZipToken(zip)) return undefined;
  return { start: (tokens.at(i) as AddressToken).start, end: (zip as AddressToken).end, score: 0.85 };
}

/** "the corner of Main St and 5th Ave": an intersection given as an address. */
function cornerOf(text: string, i: number, mode: CaseMode): Candidate | undefined {
  if (tokens.at(i + 1)?.low !== 'of') return undefined;
  const startTok = tokens.at(i - 1)?.low === 'the' ? i - 1 : i;
  let k = i + 2;
  let sawAnd = false;
  let words = 0;
  let lastGood = -1;
  while (k < i + 20) {
    const t = tokens.at(k);
    if (t === undefined) break;
    if (t.kind === 'w' && t.low === 'and') {
      if (sawAnd || words === 0) break;
      sawAnd = true;
      k++;
      continue;
    }
    if (t.kind === 'n') {
      words++;
      if (sawAnd) lastGood = k;
      k++;
      if (t.dot && !(tokens.at(k)?.low === 'and')) break;
      continue;
    }
    if (t.kind !== 'w') break;
    if (mode === 'mixed' && !t.cap && !inLex(t, L_NAME_PARTICLES) && !inLex(t, L_EURO_STREET_WORDS)) break;
    if (inLex(t, L_STOP_WORDS) && !t.cap) break;
    words++;
    if (sawAnd) lastGood = k;
    k++;
    if (t.dot && !isAbbreviation(t)) break;
  }
  if (!sawAnd || lastGood < 0) return undefined;
  const last = tokens.at(lastGood) as AddressToken;
  let end = last.end;
  if (last.dot && !isAbbreviation(last)) end--;
  void text;
  return { start: (tokens.at(startTok) as AddressToken).start, end, score: 0.7 };
}

/**
 * Merges anchor positions into disjoint windows so each region is tokenized once. Anchors are a digit
 * (one per digit run) or a box / corner / ship keyword: every address holds one. Accepted digit runs are
 * appended to `acceptedRuns` (ascending). The same pass collects `wordPoints` (ascending), the places
 * where a word anchor may start (see windowAnchorPoints), so no window is scanned a second time.
 */
function anchorWindows(
  text: string,
  codes: Uint16Array,
  acceptedRuns: number[],
  wordPoints: number[],
): Array<[number, number]> {
  const windows: Array<[number, number]> = [];
  const n = text.length;
  let k = 0;
  while (k < n) {
    const c = codes[k] as number;
    const start = k;
    if (isAsciiLetterCode(c)) {
      k++;
      while (k < n && isAsciiLetterCode(codes[k] as number)) k++;
      if (!isAnchorLetterRun(codes, start, k, n)) continue;
      wordPoints.push(start);
      // Every keyword is an anchor word, so only runs that passed are compared with them.
      if (!isKeywordRun(codes, start, k, n)) continue;
    } else if (isDigitCode(c)) {
      k++;
      while (k < n && isDigitCode(codes[k] as number)) k++;
      // Postcode and Romance-street anchors follow a space or line break (tested here: most runs do not).
      const before = start > 0 ? (codes[start - 1] as number) : 0;
      if ((before === 32 || before === 10) && mayAnchorRun(text, codes, start, k, n))
        postcodeRuns.push(start);
      if (!digitMayStartAddress(text, codes, start)) continue;
      acceptedRuns.push(start);
    } else {
      if (c >= 128 && isNonAsciiPoint(c)) wordPoints.push(k);
      k++;
      continue;
    }
    const from = Math.max(0, start - WINDOW_BEFORE);
    const to = Math.min(n, start + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && from <= last[1]) last[1] = to;
    else windows.push([from, to]);
  }
  return windows;
}

/**
 * Keyword anchors: box, corner, uss, usns or usnv as a whole word, in any ASCII case (what the regex
 * `/\b(?:box|corner|uss|usns|usnv)\b/i` matched, `\b` being the boundary of [A-Za-z0-9_]).
 */
const ANCHOR_KEYWORDS = ['box', 'corner', 'uss', 'usns', 'usnv'];
for (const word of ANCHOR_KEYWORDS) {
  if (!ANCHOR_WORDS.has(word)) throw new Error(`keyword anchor ${word} must be an anchor word`);
}

/**
 * Whether the ASCII letter run `codes[start, end)` (before `n`) is a keyword anchor: one of the keywords,
 * with no digit or underscore touching it (a letter cannot: the run is whole).
 */
function isKeywordRun(codes: Uint16Array, start: number, end: number, n: number): boolean {
  if (start > 0 && isWordCode(codes[start - 1] as number)) return false;
  if (end < n && isWordCode(codes[end] as number)) return false;
  for (const word of ANCHOR_KEYWORDS) {
    if (word.length !== end - start) continue;
    let i = 0;
    while (i < word.length && ((codes[start + i] as number) | 32) === word.charCodeAt(i)) i++;
    if (i === word.length) return true;
  }
  return false;
}

/** A character of `\w` without the `u` flag: [A-Za-z0-9_]. */
function isWordCode(c: number): boolean {
  return isDigitCode(c) || isAsciiLetterCode(c) || c === 95;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function firstDigit(codes: Uint16Array, from: number, n: number): number {
  let k = from;
  while (k < n && !isDigitCode(codes[k] as number)) k++;
  return k;
}

/** Whether the ascending `runs` hold `value` (a binary search). */
function holds(runs: readonly number[], value: number): boolean {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = runs[mid] as number;
    if (v === value) return true;
    if (v < value) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/** Snaps a window start to a token boundary (whitespace) so no word is cut in half. */
function snapStart(codes: Uint16Array, from: number): number {
  let k = from;
  while (k > 0 && k > from - 40 && !tokens.isSpace(codes[k - 1] as number)) k--;
  return k;
}

function snapEnd(codes: Uint16Array, to: number, n: number): number {
  let k = to;
  while (k < n && k < to + 40 && !tokens.isSpace(codes[k] as number)) k++;
  return k;
}

function isAnchorToken(codes: Uint16Array, t: AddressToken): boolean {
  if (t.kind === 'n') return true;
  if (t.kind !== 'w') return false;
  if (t.ascii && !t.abbr) {
    // `low` is the body with A-Z folded: screen it in the text before building it.
    const length = t.end - t.start - (t.dot ? 1 : 0);
    const c = codes[t.start] as number;
    if (ANCHOR_WORDS.mayHold(c >= 65 && c <= 90 ? c + 32 : c, length) && ANCHOR_WORDS.has(t.low)) return true;
    return length >= 5 && EURO_STREET_ENDING.testAsciiCodes(codes, t.start, t.start + length);
  }
  return ANCHOR_WORDS.has(t.low) || isEuroStreetWord(t);
}

/**
 * Chunks (whitespace-separated, each holds a token) read before a point, at most: the parser looks back at
 * most ten tokens from a number anchor (a street name before it, "Rue de la Paix 12").
 */
const CHUNKS_BEFORE = 11;

/**
 * Where to (re)start the token stream to read the token at `p` and what the parser may read before it: a
 * step boundary of the window's tokenization (a chunk start), or `limit` (the stream's position, or the
 * window start) when that comes first. Before a number the parser reads back over words only, so it
 * stops at a chunk ending in a digit or punctuation, at a line break, and at a lower-case stop word. Every
 * point gets this margin (not only numbers): a later point continuing the stream then finds it too,
 * since its own look back stops at the same chunk or later.
 */
function streamStartBefore(text: string, codes: Uint16Array, p: number, limit: number): number {
  let k = p;
  while (k > limit && !tokens.isBoundary(codes, k)) k--;
  // k: start of the chunk holding p (or limit). Step back chunk by chunk.
  for (let chunks = 0; chunks < CHUNKS_BEFORE && k > limit; chunks++) {
    let end = k;
    let lineBreak = false;
    while (end > limit && tokens.isSpace(codes[end - 1] as number)) {
      if (codes[end - 1] === 10) lineBreak = true;
      end--;
    }
    let start = end;
    while (start > limit && !tokens.isBoundary(codes, start)) start--;
    k = start;
    // A line break token, or a chunk ending in a token that is no word, ends the parser's look back.
    if (start < end && (lineBreak || !endsWord(text, codes, start, end))) break;
  }
  return k;
}

/**
 * Whether the chunk `text[start, end)` ends in a word token: false when its last token is certainly no
 * word the parser reads back over (a digit or punctuation other than `/.-'` ends it, or the chunk is a
 * lower-case stop word), true otherwise.
 */
function endsWord(text: string, codes: Uint16Array, start: number, end: number): boolean {
  const last = codes[end - 1] as number;
  if (last < 128 && !isAsciiLetterCode(last) && last !== 47 && last !== 46 && last !== 45 && last !== 39)
    return false;
  if (end - start > MAX_STOP_WORD) return true;
  for (let k = start; k < end; k++) {
    const c = codes[k] as number;
    if (c < 97 || c > 122) return true;
  }
  return !STOP_WORDS.has(text.slice(start, end));
}

const MAX_STOP_WORD = Math.max(...[...STOP_WORDS].map((w) => w.length));

/** A-Z or a-z, in one comparison (`c | 32` folds A-Z onto a-z and maps no other code onto a-z). */
function isAsciiLetterCode(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

// Per-call scratch, reused: anchor points of a window, the accepted digit runs and the word points (ascending).
const points: number[] = [];
const acceptedRuns: number[] = [];
const wordPoints: number[] = [];
/** Digit runs of the last text that may belong to a postcode or open a Romance street, ascending. */
const postcodeRuns: number[] = [];

/** Finds English / international street addresses. */
export function findEnglishAddresses(text: string): Finding[] {
  const findings: Finding[] = [];
  let coveredTo = 0;
  const codes = codeUnits(text);
  // Digit runs that passed the screen: other numbers inside a window cannot start an address either.
  // (Most texts leave both lists empty, and truncating even an empty array is a call into the runtime.)
  if (acceptedRuns.length > 0) acceptedRuns.length = 0;
  if (wordPoints.length > 0) wordPoints.length = 0;
  if (postcodeRuns.length > 0) postcodeRuns.length = 0;
  const windows = anchorWindows(text, codes, acceptedRuns, wordPoints);
  for (const [rawFrom, rawTo] of windows) {
    const from = snapStart(codes, rawFrom);
    const to = snapEnd(codes, rawTo, text.length);
    // The window's tokens are read lazily from around each point where an anchor token may be (tokens
    // between points are never anchors). Recycled tokens: nothing keeps a token past the window.
    tokens.start(text, codes, from, to);
    let checked = 0;
    const count = windowAnchorPoints(codes, from, to, acceptedRuns, wordPoints, points);
    for (let q = 0; q < count; q++) {
      const p = points[q] as number;
      if (p >= tokens.position()) {
        const start = streamStartBefore(text, codes, p, tokens.position());
        if (start > tokens.position()) {
          tokens.start(text, codes, start, to);
          checked = 0;
        }
        tokens.readPast(p);
      }
      for (; checked < tokens.length(); checked++) {
        if ((tokens.at(checked) as AddressToken).start > p) break;
        coveredTo = checkToken(text, codes, checked, coveredTo, findings);
      }
    }
  }
  releaseReusedTokens();
  return findings;
}

/** Parses a candidate at stream token `i` if it is an anchor; returns the new end of the covered text. */
function checkToken(
  text: string,
  codes: Uint16Array,
  i: number,
  coveredTo: number,
  findings: Finding[],
): number {
  const t = tokens.at(i) as AddressToken;
  if (t.start < coveredTo || !isAnchorToken(codes, t)) return coveredTo;
  if (t.kind === 'n' && !holds(acceptedRuns, firstDigit(codes, t.start, text.length))) return coveredTo;
  const c = parseAt(text, i, caseModeAt(text, codes, t.start));
  if (!c || c.start < coveredTo) return coveredTo;
  findings.push({ start: c.start, end: c.end, type: 'address', detector: 'address.en', score: c.score });
  return c.end;
}

export const englishAddressDetector: Detector = {
  id: 'address.en',
  types: ['address'],
  detect(text) {
    const found = findEnglishAddresses(text);
    // International addresses read back from the postcodes the anchor scan passed by (postcode-address.ts):
    // where they add a unit or a street the parser missed they are longer and win the overlap.
    if (postcodeRuns.length > 0) findPostcodeAddresses(text, postcodeRuns, found);
    return found;
  },
};
