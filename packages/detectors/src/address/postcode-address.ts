import type { Finding } from '../types.ts';
import { isBlank, isPartEnd, isSeparator } from './address-parts.ts';
import { JP_POSTCODE, japaneseAddressStart } from './japanese-postcode.ts';
import { STOP_WORDS } from './stop-words.ts';
import {
  EURO_STREET_ENDING,
  EURO_STREET_WORDS,
  NAME_PARTICLES,
  ORDINAL_WORDS,
  STREET_PREFIXES,
  STREET_SUFFIXES,
  STRONG_STREET_SUFFIXES,
} from './street-suffixes.ts';
import { STATE_CODES } from './us-states.ts';
import { EndingMatcher, WordFlags } from './word-screens.ts';

/**
 * Addresses read outwards from a postcode: "Flat 3, 14 Albert Road, London N4 3RP", "Level 12, 345 George
 * St, Sydney NSW 2000", "27 rue de la Roquette, 75011 Paris", "Keizersgracht 123, 1015 CJ Amsterdam",
 * "Drum Point Road, Deale, MD 20751". The English parser reads forwards from a house number and misses a
 * unit part before it, lower-case Romance street types, some postcode shapes and US streets without a
 * number; here a postcode (UK, Canada, Australia, a continental "postcode City" opening a part, or a US ZIP
 * the parser left alone) anchors the address, and the reader walks back over at most four comma- or
 * line-separated parts: a street (house number and street name in either order, or a named road or
 * place), then unit parts ("Second Floor", "Flat 3"). A house number before a lower-case Romance street
 * type ("27 rue …") anchors a street of its own. Anchors are the digit runs the English parser's scan
 * passes anyway (mayAnchorRun reads a code unit or two of each): no pass over the text of its own.
 * Findings overlap the parser's; the engine keeps the longer.
 */

/** Postcodes, each tried at one position (sticky): UK ("SW1A 1AA"), Canadian ("M5H 2N2"), Australian. */
const UK_POSTCODE = /[A-Z]{1,2}\d[A-Z\d]? \d[A-Z]{2}(?![A-Za-z\d])/y;
const CA_POSTCODE = /[A-Z]\d[A-Z] \d[A-Z]\d(?![A-Za-z\d])/y;
const AU_POSTCODE = /(?:NSW|VIC|QLD|TAS|ACT|SA|WA|NT) \d{4}(?![A-Za-z\d])/y;
/** Continental postcodes before a capitalised city: "1015 CJ", "1100-053", "75011", "00-590", "111 21". */
const EU_POSTCODE = /(?:\d{4} [A-Z]{2}|\d{4}-\d{3}|\d{4,5}|\d{2}-\d{3}|\d{3} \d{2})(?= \p{Lu})/uy;

/** A US state and ZIP ("MD 20751"), read only where the English parser found no address around it. */
const US_POSTCODE = /[A-Z]{2} \d{5}(?:-\d{4})?(?![A-Za-z\d-])/y;

const UK = 1;
const CA = 2;
const AU = 3;
const EU = 4;
const US = 5;
const JP = 6;

/** How far back the reader may go from the postcode, and over how many parts. */
const MAX_BACK = 160;
const MAX_PARTS = 4;
const MAX_PART = 70;
const MAX_STREET_WORDS = 6;
const MAX_CITY_WORDS = 4;

/** Unit words before a street ("Flat 3", "Level 12"); "Floor" also follows an ordinal ("Second Floor"). */
const UNIT_WORDS: ReadonlySet<string> = new Set(
  'flat apartment apt unit suite ste level lvl floor fl room rm office studio shop block building bldg'.split(
    ' ',
  ),
);
const FLOOR_WORDS: ReadonlySet<string> = new Set(['floor', 'fl', 'flr']);
/** Words after a house number that qualify it ("12 bis avenue Jean Jaurès"). */
const NUMBER_QUALIFIERS: ReadonlySet<string> = new Set(['bis', 'ter', 'quater']);
/** Nordic street words written apart after the name ("Karl Johans gate 22"). */
const SEPARATE_STREET_WORDS: ReadonlySet<string> = new Set(['gate', 'gata', 'gatan', 'vej', 'vei', 'gade']);
const MONTHS: ReadonlySet<string> = new Set(
  'january february march april may june july august september october november december'.split(' '),
);

const HOUSE_NUMBER = /^\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?$/;
const UNIT_VALUE = /^#?(?:\d{1,4}[A-Za-z]?(?:[/-]\d{1,4}[A-Za-z]?)?|[A-Z]\d{0,3})$/;
const ORDINAL_NUMBER = /^\d{1,3}(?:st|nd|rd|th)$/;
const CAPITALISED = /^\p{Lu}/u;
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'’.-]*$/u;
/** "l'Opéra", "d'Italie": an elided particle glued to a capitalised name. */
const ELIDED_NAME = /^[ld]['’]\p{Lu}/u;

interface Word {
  /** The word without trailing `.`. */
  text: string;
  low: string;
  start: number;
}

/** A phrase at the end of a part: what it is and where it starts (text offset). */
interface Phrase {
  kind: 'street' | 'unit' | 'name';
  start: number;
  /** Whether the phrase is the whole part (nothing but it since the separator before). */
  whole: boolean;
  /** The street holds a street-type word ("rue", "-straße", "Road"). */
  typed: boolean;
}

/**
 * Whether the digit run `codes[start, end)` (of a text of `n` code units, `codes` zero after it) may anchor
 * an address read here: a postcode (mayBePostcodeRun) or a house number before a lower-case Romance street
 * type (mayOpenRomanceStreet). The anchor scan asks it of every digit run, so it reads a code unit or two
 * for most: both need a space or line break before the run.
 */
export function mayAnchorRun(
  text: string,
  codes: Uint16Array,
  start: number,
  end: number,
  n: number,
): boolean {
  if (start < 2) return false;
  const before = codes[start - 1] as number;
  if (before !== 32 && before !== 10) return false;
  const after = codes[end] as number;
  if (
    after === 32 &&
    isLowerCode(codes[end + 1] as number) &&
    mayOpenRomanceStreet(text, codes, start, end, n)
  ) {
    return true;
  }
  return mayBePostcodeRun(codes, start, end, n);
}

function isLowerCode(c: number): boolean {
  return c >= 97 && c <= 122;
}

/**
 * Whether the digit run `codes[start, end)` may belong to a postcode read here: the inward code of a UK or
 * Canadian postcode ("B2 5LS", "M5H 2N2"), four digits after a state ("NSW 2000"), or a run opening a
 * comma- or line-separated part ("…, 75011 Paris").
 */
export function mayBePostcodeRun(codes: Uint16Array, start: number, end: number, n: number): boolean {
  const length = end - start;
  if (start < 2) return false;
  const before = codes[start - 1] as number;
  if (before === 32) {
    if (length === 1) return end < n && isUpperCode(codes[end] as number);
    const second = codes[start - 2] as number;
    // "NSW 2000", "MD 20751" ("LONDON 1996-08-22", a dateline, is no postcode).
    if (length === 5 && isUpperCode(second)) return true;
    if (length === 4 && isUpperCode(second)) return end >= n || (codes[end] as number) !== 45;
    // "Tokyo 135-0063": a Japanese postcode after the prefecture or city (japanese-postcode.ts).
    if (length === 3 && codes[end] === 45 && isLetterCode(second)) return true;
    if (second !== 44 && second !== 10) return false;
  } else if (before !== 10) {
    return false;
  }
  // A continental postcode opening a part: a space (city, "111 21") or hyphen ("00-590") follows it.
  const after = end < n ? (codes[end] as number) : 0;
  return length >= 2 && length <= 5 && (after === 32 || after === 45);
}

function isUpperCode(c: number): boolean {
  return c >= 65 && c <= 90;
}

function isLetterCode(c: number): boolean {
  return isUpperCode(c) || isLowerCode(c);
}

/**
 * Finds addresses around the postcodes and Romance house numbers at the digit runs `runs` (ascending,
 * from mayAnchorRun) and appends them to `out`, which holds the English parser's findings (ascending).
 */
export function findPostcodeAddresses(text: string, runs: readonly number[], out: Finding[]): void {
  let last: Finding | undefined;
  // The English parser's findings (ascending): a US ZIP inside one is read already.
  const parsed = out.length;
  let p = 0;
  for (const run of runs) {
    while (p < parsed && (out[p] as Finding).end <= run) p++;
    const covered = p < parsed && (out[p] as Finding).start <= run;
    // Five digits after "XX " inside a parsed address are its US ZIP: nothing to add, and no regex tried.
    if (
      covered &&
      text.charCodeAt(run - 1) === 32 &&
      isUpperCode(text.charCodeAt(run - 2)) &&
      isFiveDigits(text, run)
    ) {
      continue;
    }
    const kind = postcodeAt(text, run);
    if (kind === US && covered) continue;
    // Inside an address found before, only a postcode may still extend it.
    if (last !== undefined && run < last.end && kind === 0) continue;
    const found =
      kind === 0 ? romanceStreetAt(text, run) : readAround(text, postcodeStart, postcodeEnd, kind);
    if (found === undefined) continue;
    // A parsed address that starts inside this one and ends after it ("…, Sydney NSW 2000, Australia"): its
    // tail joins, so this one stays the longer of the two.
    for (let q = p; q < parsed && (out[q] as Finding).start < found.end; q++) {
      const f = out[q] as Finding;
      if (f.start >= found.start && f.end > found.end) found.end = f.end;
    }
    if (last !== undefined && found.start < last.end) {
      // A postcode read back over the street found before it ("27 rue X, Montréal, QC H3B 1A1"): keep the longer.
      if (found.start > last.start || found.end <= last.end) continue;
      last.start = found.start;
      last.end = found.end;
      continue;
    }
    last = { start: found.start, end: found.end, type: 'address', detector: 'address.intl', score: 0.8 };
    out.push(last);
  }
}

/**
 * Street types written in lower case after the house number in French, Italian, Spanish and Portuguese
 * addresses ("27 rue de la Roquette", "5 calle Mayor"); not "via", an English word as well.
 */
const LOWER_STREET_TYPE_WORDS =
  'rue avenue allée allee boulevard chemin impasse quai place promenade viale piazza piazzale corso vicolo calle avenida paseo carrer rua travessa praça praca largo'.split(
    ' ',
  );
const LOWER_STREET_TYPES = new WordFlags([
  [LOWER_STREET_TYPE_WORDS, 1],
  [NUMBER_QUALIFIERS, 2],
]);

/**
 * Whether the digit run `codes[start, end)` is a house number followed by a lower-case Romance street type
 * ("27 rue …", "12 bis avenue …"): a word lookup for numbers followed by a lower-case word, nothing for others.
 */
export function mayOpenRomanceStreet(
  text: string,
  codes: Uint16Array,
  start: number,
  end: number,
  n: number,
): boolean {
  if (start > 0 && !isBlank(codes[start - 1] as number) && codes[start - 1] !== 10) return false;
  let k = end;
  for (let words = 0; words < 2; words++) {
    if (k + 2 >= n || codes[k] !== 32) return false;
    const c = codes[k + 1] as number;
    // Two letters screen out most words ("5 people", "10 minutes") before the word is read.
    if (c < 97 || c > 122 || !STREET_TYPE_STARTS.has(c * 128 + (codes[k + 2] as number))) return false;
    let e = k + 1;
    while (e < n && e - k <= 10 && isLowerLetterCode(codes[e] as number)) e++;
    const flags = LOWER_STREET_TYPES.ofRange(text, codes, k + 1, e);
    if (flags === 1) return true;
    if (flags !== 2) return false;
    k = e;
  }
  return false;
}

/** The first two code units (first * 128 + second) of the LOWER_STREET_TYPES words. */
const STREET_TYPE_STARTS: ReadonlySet<number> = new Set(
  [...LOWER_STREET_TYPE_WORDS, ...NUMBER_QUALIFIERS].map((w) => w.charCodeAt(0) * 128 + w.charCodeAt(1)),
);

function isLowerLetterCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/**
 * "27 rue de la Roquette", "12 bis avenue Jean Jaurès": a house number, a lower-case street type and a
 * name (capitalised words and particles), then a city part when it ends the clause ("…, Lyon."). A
 * following "postcode City" is read by the postcode anchor, which reaches back to the same number.
 */
function romanceStreetAt(text: string, run: number): { start: number; end: number } | undefined {
  const limit = Math.min(text.length, run + MAX_PART);
  let lineEnd = run;
  while (lineEnd < limit && !isSeparator(text.charCodeAt(lineEnd)) && !isPartEnd(text.charCodeAt(lineEnd)))
    lineEnd++;
  const words = splitWords(text, run, lineEnd);
  let i = 1;
  while (i < words.length && NUMBER_QUALIFIERS.has((words[i] as Word).low)) i++;
  if (i >= words.length || !HOUSE_NUMBER.test((words[0] as Word).text)) return undefined;
  if (LOWER_STREET_TYPES.of((words[i] as Word).low) !== 1) return undefined;
  i++;
  let name = 0;
  let end = -1;
  for (; i < words.length && name < MAX_STREET_WORDS; i++) {
    const w = words[i] as Word;
    const bare = w.text.replace(/[.;:!?)"”]+$/, '');
    if (!NAME_WORD.test(bare)) break;
    const low = bare.toLowerCase();
    if (CAPITALISED.test(bare) || ELIDED_NAME.test(bare)) {
      if (STOP_WORDS.has(low)) break;
      name++;
      end = w.start + bare.length;
    } else if (!NAME_PARTICLES.has(low)) break;
    if (bare.length < w.text.length) break;
  }
  if (name === 0) return undefined;
  // The clause may go on with the postcode and city: the postcode anchor reads those.
  const postcode = nextPartStart(text, end);
  if (postcode >= 0 && isDigitCode(text.charCodeAt(postcode))) return undefined;
  if (postcode >= 0) {
    const cityEnd = cityAfter(text, postcode - 1);
    if (cityEnd > 0 && endsClause(text, cityEnd)) end = cityEnd;
  }
  return { start: run, end };
}

/** Where the part after `end` starts, when a comma (and one space) follows: -1 otherwise. */
function nextPartStart(text: string, end: number): number {
  if (text.charCodeAt(end) !== 44 || text.charCodeAt(end + 1) !== 32) return -1;
  return end + 2;
}

/** Whether the text ends at `at` or a clause ends there (`.`, `,`, `;`, `)`, a line break). */
function endsClause(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return c === 46 || c === 44 || c === 59 || c === 41 || c === 10 || c === 13;
}

/** Whether exactly five digits start at `at`. */
function isFiveDigits(text: string, at: number): boolean {
  for (let k = at; k < at + 5; k++) if (!isDigitCode(text.charCodeAt(k))) return false;
  return !isDigitCode(text.charCodeAt(at + 5));
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The postcode found by the last postcodeAt call. */
let postcodeStart = 0;
let postcodeEnd = 0;

/** The kind of postcode the digit run at `run` belongs to (UK, CA, AU, EU), or 0; sets postcodeStart/End. */
function postcodeAt(text: string, run: number): number {
  // The inward code of a UK or Canadian postcode: the outward code is the word before it.
  const space = run - 1;
  let k = space;
  while (k > 0 && space - k < 4 && isAlnumCode(text.charCodeAt(k - 1))) k--;
  if (k < space && (k === 0 || !isAlnumCode(text.charCodeAt(k - 1)))) {
    if (matchAt(UK_POSTCODE, text, k)) return UK;
    if (matchAt(CA_POSTCODE, text, k)) return CA;
  }
  // A state before four digits.
  k = space;
  while (k > 0 && space - k < 3 && isUpperCode(text.charCodeAt(k - 1))) k--;
  if (k < space && (k === 0 || !isAlnumCode(text.charCodeAt(k - 1)))) {
    if (matchAt(AU_POSTCODE, text, k)) return AU;
    if (
      k === space - 2 &&
      matchAt(US_POSTCODE, text, k) &&
      STATE_CODES.has(text.slice(k, space).toLowerCase())
    ) {
      return US;
    }
  }
  if (matchAt(EU_POSTCODE, text, run) && opensPart(text, run)) return EU;
  if (matchAt(JP_POSTCODE, text, run)) return JP;
  return 0;
}

function matchAt(re: RegExp, text: string, at: number): boolean {
  re.lastIndex = at;
  const m = re.exec(text);
  if (m === null) return false;
  postcodeStart = at;
  postcodeEnd = at + m[0].length;
  return true;
}

function isAlnumCode(c: number): boolean {
  return (c >= 48 && c <= 57) || isUpperCode(c) || (c >= 97 && c <= 122);
}

/** The address around the postcode `text[start, end)` of `kind`, or undefined. */
function readAround(
  text: string,
  start: number,
  end: number,
  kind: number,
): { start: number; end: number } | undefined {
  if (kind === JP) {
    const s = japaneseAddressStart(text, start);
    return s < 0 ? undefined : { start: s, end };
  }
  if (kind === EU) {
    // Continental: "…, 75011 Paris". The postcode opens its part; the city follows it.
    const cityEnd = cityAfter(text, end);
    if (cityEnd < 0) return undefined;
    const s = walkBack(text, start, false);
    return s < 0 ? undefined : { start: s, end: cityEnd };
  }
  // UK, Canada, Australia: the city (and province) come before the postcode, in its part or the one before.
  let k = start;
  if (kind === CA) k = skipProvince(text, k);
  const localityStart = cityBefore(text, k);
  if (localityStart < 0) return undefined;
  const s = walkBack(text, localityStart, true, kind === US);
  return s < 0 ? undefined : { start: s, end };
}

/** Whether `text[at]` opens a part: after `,` or a line break (blanks between), or at the text start. */
function opensPart(text: string, at: number): boolean {
  let k = at;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  return k === 0 || isSeparator(text.charCodeAt(k - 1));
}

/** "ON " before a Canadian postcode: the province code, optionally after a comma. */
function skipProvince(text: string, at: number): number {
  let k = at;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  if (k >= 2 && /^[A-Z]{2}$/.test(text.slice(k - 2, k)) && (k === 2 || !/\p{L}/u.test(text[k - 3] ?? ''))) {
    return k - 2;
  }
  return at;
}

/**
 * The start of the city before a UK/AU/CA postcode at `at`: capitalised words right before it that open
 * their part ("…, London N4 3RP"), or the part before when the postcode opens its own ("London, N4 3RP").
 * -1 when there is no city.
 */
function cityBefore(text: string, at: number): number {
  const words = wordsBefore(text, at);
  if (partCut) return -1;
  if (words.length === 0) {
    // The postcode (or province) opens its part: the city is the whole part before.
    let k = at;
    while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
    if (k === 0 || text.charCodeAt(k - 1) !== 44) return -1;
    const before = wordsBefore(text, k - 1);
    if (partCut || before.length === 0 || !isCity(before)) return -1;
    return (before[0] as Word).start;
  }
  return isCity(words) ? (words[0] as Word).start : -1;
}

/** The city after a continental postcode ending at `at`: its end, or -1. */
function cityAfter(text: string, at: number): number {
  const limit = Math.min(text.length, at + 50);
  const words: Word[] = [];
  let k = at;
  let end = -1;
  while (k < limit && words.length < MAX_CITY_WORDS) {
    if (text.charCodeAt(k) !== 32) break;
    let e = k + 1;
    while (e < limit && !isBlank(text.charCodeAt(e)) && !isSeparator(text.charCodeAt(e))) e++;
    const raw = text.slice(k + 1, e);
    const word = raw.replace(/[.;:!?)\]"”]+$/, '');
    if (!NAME_WORD.test(word)) break;
    const low = word.toLowerCase();
    if (CAPITALISED.test(word)) {
      if (words.length === 0 && (STOP_WORDS.has(low) || MONTHS.has(low))) return -1;
      words.push({ text: word, low, start: k + 1 });
      end = k + 1 + word.length;
    } else if (!(words.length > 0 && NAME_PARTICLES.has(low))) break;
    if (word.length < raw.length) break;
    k = e;
  }
  return end;
}

/** A city: one to four capitalised words (particles between), no stop word first. */
function isCity(words: readonly Word[]): boolean {
  if (words.length === 0 || words.length > MAX_CITY_WORDS) return false;
  const first = words[0] as Word;
  if (!CAPITALISED.test(first.text) || STOP_WORDS.has(first.low)) return false;
  return words.every((w) => CAPITALISED.test(w.text) || NAME_PARTICLES.has(w.low));
}

/**
 * The words of the part ending at `at`, back to the separator before it (at most MAX_PART characters;
 * partCut tells whether it was cut). Empty when `at` opens the part.
 */
function wordsBefore(text: string, at: number): Word[] {
  const floor = Math.max(0, at - MAX_PART);
  let k = at;
  while (k > floor && !isSeparator(text.charCodeAt(k - 1)) && !isPartEnd(text.charCodeAt(k - 1))) k--;
  partCut = k === floor && floor > 0 && !isSeparator(text.charCodeAt(k - 1));
  if (partCut) {
    // A long part: only its last words are read, and it never counts as whole.
    while (k < at && !isBlank(text.charCodeAt(k))) k++;
  }
  return splitWords(text, k, at);
}

/** Whether the last wordsBefore part was cut at MAX_PART rather than at a separator. */
let partCut = false;

function splitWords(text: string, from: number, to: number): Word[] {
  const words: Word[] = [];
  let k = from;
  while (k < to) {
    while (k < to && isBlank(text.charCodeAt(k))) k++;
    if (k >= to) break;
    let e = k;
    while (e < to && !isBlank(text.charCodeAt(e))) e++;
    let w = text.slice(k, e);
    if (w.endsWith('.')) w = w.slice(0, -1);
    words.push({ text: w, low: w.toLowerCase(), start: k });
    k = e;
  }
  return words;
}

/**
 * Walks back from `localityStart` (which opens its part) over the parts before it: a street, then unit
 * parts; for a strong (UK/AU/CA) postcode also a building or estate name between unit and city ("Unit 4,
 * Riverside Industrial Estate, Leeds LS10 1RP"). Returns the address start, or -1 without a street (or
 * unit) part. A continental postcode needs a typed street ("rue", "-straße", "Via").
 */
function walkBack(text: string, localityStart: number, strong: boolean, namedPlace = false): number {
  let cursor = localityStart;
  let start = -1;
  let street = false;
  let pendingName = -1;
  let streetStart = -1;
  let building = -1;
  const floor = Math.max(0, localityStart - MAX_BACK);
  for (let parts = 0; parts < MAX_PARTS; parts++) {
    let k = cursor;
    while (k > floor && isBlank(text.charCodeAt(k - 1))) k--;
    if (k <= floor || !isSeparator(text.charCodeAt(k - 1))) break;
    let partEnd = k - 1;
    while (partEnd > floor && isBlank(text.charCodeAt(partEnd - 1))) partEnd--;
    const words = wordsBefore(text, partEnd);
    if (words.length === 0) break;
    const phrase = trailingPhrase(words, street && building >= 0) ?? numberAfterStreet(text, words, street);
    if (phrase === undefined) break;
    if (building >= 0 && phrase.kind !== 'unit') break;
    if (phrase.kind === 'street') {
      if (street || (!strong && !phrase.typed)) break;
      street = true;
      start = phrase.start;
      streetStart = start;
      pendingName = -1;
    } else if (phrase.kind === 'unit') {
      // A unit needs a street or a building name after it: "Level 12, Sydney NSW 2000" is no address.
      if (!street && pendingName < 0) break;
      start = phrase.start;
      pendingName = -1;
      street = true;
    } else if (street && phrase.whole && building < 0 && start === streetStart) {
      // "Unit 7, Meadow Court, 3 Station Road": a building name between unit and street, taken with the unit.
      building = phrase.start;
      cursor = phrase.start;
      continue;
    } else if (namedPlace && phrase.typed && !street) {
      // "Drum Point Road, Deale, MD 20751", "Municipal Airport, Lincoln, NE 68524": a named street or place.
      street = true;
      start = phrase.start;
    } else {
      if (street || !strong || pendingName >= 0 || !phrase.whole) break;
      pendingName = phrase.start;
    }
    if (!phrase.whole) break;
    cursor = phrase.start;
  }
  return street ? start : -1;
}

/**
 * "Calle Mayor, 5", "Via Garibaldi, 22": a part holding only the house number after a part that ends in a
 * street opened by a street type. The phrase starts at the street type; the walk goes on before it when
 * the street is the whole part.
 */
function numberAfterStreet(text: string, words: readonly Word[], afterStreet: boolean): Phrase | undefined {
  if (afterStreet || words.length !== 1 || partCut || !HOUSE_NUMBER.test((words[0] as Word).text))
    return undefined;
  let k = (words[0] as Word).start;
  while (k > 0 && isBlank(text.charCodeAt(k - 1))) k--;
  if (k === 0 || text.charCodeAt(k - 1) !== 44) return undefined;
  const name = wordsBefore(text, k - 1);
  const n = name.length;
  for (let i = n - 1; i >= 0 && n - i <= MAX_STREET_WORDS; i--) {
    const w = name[i] as Word;
    if (!isStreetNameWord(w)) return undefined;
    if (
      i < n - 1 &&
      STREET_PREFIXES.has(w.low) &&
      !EURO_STREET_WORDS.has(w.low) &&
      CAPITALISED.test(w.text)
    ) {
      return streetPhrase(name, i, true);
    }
  }
  return undefined;
}

/** The unit, street or name phrase that ends the part of `words`, or undefined. */
function trailingPhrase(words: readonly Word[], afterStreet: boolean): Phrase | undefined {
  const unitAt = unitStart(words);
  if (unitAt >= 0) {
    return {
      kind: 'unit',
      start: (words[unitAt] as Word).start,
      whole: unitAt === 0 && !partCut,
      typed: false,
    };
  }
  if (afterStreet) return undefined;
  const box = boxStart(words);
  if (box >= 0)
    return { kind: 'street', start: (words[box] as Word).start, whole: box === 0 && !partCut, typed: false };
  const street = numberFirstStreet(words) ?? numberLastStreet(words);
  if (street) return street;
  // "Beach Road # 1", "Mill Road #2": a number sign and number after the name belong to it.
  const numbered = numberSignAt(words);
  const nameWords = numbered > 0 ? words.slice(0, numbered) : words;
  const named = trailingName(nameWords);
  if (named < 0) return undefined;
  return {
    kind: 'name',
    start: (words[named] as Word).start,
    whole: named === 0 && !partCut,
    typed: PLACE_WORDS.has((nameWords[nameWords.length - 1] as Word).low),
  };
}

/** Index of a trailing "# 1" / "#2" (a number sign and a short number ending the part), or -1. */
function numberSignAt(words: readonly Word[]): number {
  const n = words.length;
  const last = words[n - 1] as Word;
  if (/^#\d{1,4}[A-Za-z]?$/.test(last.text)) return n - 1;
  if (n >= 2 && (words[n - 2] as Word).text === '#' && /^\d{1,4}[A-Za-z]?$/.test(last.text)) return n - 2;
  return -1;
}

/** Last words of a named street or place ("Drum Point Road", "Municipal Airport"). */
const PLACE_WORDS: ReadonlySet<string> = new Set([
  ...STRONG_STREET_SUFFIXES,
  ...'airport station mall field fld harbor harbour village lodge inn building tower center centre'.split(
    ' ',
  ),
]);

/**
 * Index of the first of the capitalised words (up to four, particles and "&" between) that end the part,
 * or -1 when the part does not end in one.
 */
function trailingName(words: readonly Word[]): number {
  const n = words.length;
  let first = -1;
  for (let i = n - 1; i >= 0 && n - i <= 5; i--) {
    const w = words[i] as Word;
    if (isCapitalisedName(w)) first = i;
    else if (!(i < n - 1 && (w.text === '&' || NAME_PARTICLES.has(w.low)))) break;
  }
  return first;
}

/** "P.O.Box 460", "PO Box 12", "POB 7", "Box # 9" at the end of the part: the index of its first word, or -1. */
function boxStart(words: readonly Word[]): number {
  const n = words.length;
  if (n < 2 || !BOX_NUMBER.test((words[n - 1] as Word).text)) return -1;
  let i = n - 2;
  if ((words[i] as Word).text === '#' && i > 0) i--;
  const low = (words[i] as Word).low.replaceAll('.', '');
  if (low === 'pobox' || low === 'pob') return i;
  if (low !== 'box' && low !== 'bx') return -1;
  if (i > 0 && /^p\.?o$/.test((words[i - 1] as Word).low)) return i - 1;
  return i;
}

const BOX_NUMBER = /^#?\d[\dA-Za-z-]{0,7}$/;

/** "Flat 3", "Level 12", "Second Floor", "2nd Floor", "Ground Floor" at the end of the part: its index or -1. */
function unitStart(words: readonly Word[]): number {
  const n = words.length;
  if (n < 2) return -1;
  const last = words[n - 1] as Word;
  const before = words[n - 2] as Word;
  if (UNIT_VALUE.test(last.text) && UNIT_WORDS.has(before.low) && CAPITALISED.test(before.text)) return n - 2;
  if (
    FLOOR_WORDS.has(last.low) &&
    CAPITALISED.test(last.text) &&
    (ORDINAL_WORDS.has(before.low) || ORDINAL_NUMBER.test(before.low))
  ) {
    // "Lower Ground Floor", "Upper Ground Floor".
    const third = words[n - 3];
    if (third && (third.low === 'lower' || third.low === 'upper')) return n - 3;
    return n - 2;
  }
  return -1;
}

/** A word that may sit in a street name: capitalised, a particle, or a street-type word in any case. */
function isStreetNameWord(w: Word): boolean {
  if (!NAME_WORD.test(w.text)) return false;
  return (
    CAPITALISED.test(w.text) || ELIDED_NAME.test(w.text) || NAME_PARTICLES.has(w.low) || isStreetTypeWord(w)
  );
}

function isStreetTypeWord(w: Word): boolean {
  const low = w.low;
  return (
    STREET_PREFIXES.has(low) ||
    STREET_SUFFIXES.has(low) ||
    EURO_STREET_WORDS.has(low) ||
    SEPARATE_STREET_WORDS.has(low) ||
    (low.length >= 5 && EURO_STREET_ENDING.test(low))
  );
}

/**
 * "27 rue de la Roquette", "45 Temple Row", "12 bis avenue Jean Jaurès": the last house number of the
 * part followed only by street-name words.
 */
function numberFirstStreet(words: readonly Word[]): Phrase | undefined {
  const n = words.length;
  let i = n - 1;
  let typed = false;
  let name = 0;
  while (i >= 0 && n - i <= MAX_STREET_WORDS + 1) {
    const w = words[i] as Word;
    if (HOUSE_NUMBER.test(w.text)) break;
    if (NUMBER_QUALIFIERS.has(w.low) && i === n - 1) return undefined;
    if (!NUMBER_QUALIFIERS.has(w.low)) {
      if (!isStreetNameWord(w)) return undefined;
      // Only a leading street type makes a number-first street typed: that is the continental order
      // ("27 rue …"); "12 Street Fighter, 2024 Edition" is no street before a postcode.
      if (STREET_PREFIXES.has(w.low)) typed = true;
      name++;
    }
    i--;
  }
  if (i < 0 || name === 0 || !HOUSE_NUMBER.test((words[i] as Word).text)) return undefined;
  const first = words[i + 1] as Word;
  // The word after the number opens the name: capitalised or a street type, never a particle ("5 of the").
  if (!(CAPITALISED.test(first.text) || isStreetTypeWord(first) || NUMBER_QUALIFIERS.has(first.low))) {
    return undefined;
  }
  return streetPhrase(words, i, typed);
}

/** Numbered roads that need no name: "Highway 80", "US Highway 22", "Route 9". */
const ROUTE_WORDS: ReadonlySet<string> = new Set(['highway', 'hwy', 'route', 'rte', 'interstate']);

/**
 * German street endings that are common English word endings too ("Hohenzollernring" but "Spring"): typed
 * only here, where a house number and a continental postcode part follow, never as anchors of their own.
 */
const POSTCODE_STREET_ENDING = new EndingMatcher(
  'ring chaussee wall graben stieg zeile kai gürtel deich hof'.split(' '),
);

/** Capitalised words that open a German or Dutch street before a glued street word ("Am Marktplatz 3"). */
const LEADING_PARTICLES: ReadonlySet<string> = new Set(
  'am an auf im in zum zur unter hinter vor op aan der den dem het de'.split(' '),
);

/**
 * "Friedrichstraße 123", "Calle de Alcalá 45", "Mariahilfer Straße 45", "ul. Marszałkowska 10": a house
 * number ending the part after a typed street name. A leading street type ("Calle", "Via", "ul.") opens
 * the name; a separate trailing one ("Straße", "gate", "Road") takes up to three capitalised words before
 * it; a glued one ("-straße", "-gracht") only leading particles ("Am", "An der").
 */
function numberLastStreet(words: readonly Word[]): Phrase | undefined {
  const n = words.length;
  if (n < 2 || !HOUSE_NUMBER.test((words[n - 1] as Word).text)) return undefined;
  for (let i = n - 2; i >= 0 && n - 1 - i <= MAX_STREET_WORDS; i--) {
    const w = words[i] as Word;
    if (!isStreetNameWord(w)) break;
    if (
      STREET_PREFIXES.has(w.low) &&
      !EURO_STREET_WORDS.has(w.low) &&
      (CAPITALISED.test(w.text) || w.low.length <= 2)
    ) {
      return i === n - 2 ? undefined : streetPhrase(words, i, true);
    }
  }
  // "State Highway No 33": the number sign belongs to the number.
  const t = n >= 3 && (words[n - 2] as Word).low === 'no' ? n - 3 : n - 2;
  const w = words[t] as Word;
  if (!NAME_WORD.test(w.text)) return undefined;
  if (ROUTE_WORDS.has(w.low) && CAPITALISED.test(w.text)) {
    let start = t;
    while (start > 0 && t - start < 2 && isRouteQualifier(words[start - 1] as Word)) start--;
    return streetPhrase(words, start, true);
  }
  const separate =
    EURO_STREET_WORDS.has(w.low) || SEPARATE_STREET_WORDS.has(w.low) || STREET_SUFFIXES.has(w.low);
  let start = t;
  if (separate) {
    while (start > 0 && t - start < 3 && isCapitalisedName(words[start - 1] as Word)) start--;
    if (start === t) return undefined;
  } else {
    const glued = EURO_STREET_ENDING.test(w.low) || POSTCODE_STREET_ENDING.test(w.low);
    if (w.low.length < 5 || !glued || !CAPITALISED.test(w.text)) return undefined;
    let k = start;
    while (k > 0 && t - k < 2 && LEADING_PARTICLES.has((words[k - 1] as Word).low)) {
      k--;
      if (CAPITALISED.test((words[k] as Word).text)) start = k;
    }
  }
  return streetPhrase(words, start, true);
}

/** "US" or "State" before "Highway": a capitalised name or a short code in capitals ("US", "SR"). */
function isRouteQualifier(w: Word): boolean {
  return isCapitalisedName(w) || /^[A-Z]{2,3}$/.test(w.text);
}

function isCapitalisedName(w: Word): boolean {
  return CAPITALISED.test(w.text) && NAME_WORD.test(w.text) && !STOP_WORDS.has(w.low);
}

function streetPhrase(words: readonly Word[], start: number, typed: boolean): Phrase {
  return { kind: 'street', start: (words[start] as Word).start, whole: start === 0 && !partCut, typed };
}
