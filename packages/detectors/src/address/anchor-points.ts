import { EURO_STREET_ENDING, NUMBER_WORDS, STREET_PREFIXES } from './street-suffixes.ts';
import { ScreenedWords } from './word-screens.ts';

/**
 * Where in a window an address may start, found in the raw characters so that only the text around those
 * places is tokenized. A candidate starts at an anchor token: a number whose first digit run passed the
 * digit screen, or a word the parser may start at (box, corner and ship keywords, spelled-out numbers,
 * street prefixes, words with a European street ending). The points are conservative: every such token
 * of the window's tokenization holds one of them (the token itself is then checked as before).
 */

const ANCHOR_WORD_LIST = [
  ...'po p.o p post lock box lockbox postbox psc cmr unit rr rt hc drawer corner usns usnv uss'.split(' '),
  ...NUMBER_WORDS,
  ...STREET_PREFIXES,
];

/** Words that may start a candidate: box and military keywords, spelled-out numbers, street prefixes. */
export const ANCHOR_WORDS = new ScreenedWords(ANCHOR_WORD_LIST);

const ASCII_ANCHOR_WORDS = ANCHOR_WORD_LIST.filter((w) => /^[a-z]+$/.test(w));

/**
 * The ASCII anchor words by (first letter, last letter, length), as a number: FIRST_LAST_LENGTHS screens a
 * letter run with one lookup, and the few runs that pass compare only with the words of their bucket.
 */
function bucketKey(first: number, last: number, length: number): number {
  return (((first - 97) * 26 + (last - 97)) << 5) | Math.min(length, 31);
}

/** Per (first letter, last letter) of the ASCII anchor words (a-z each): a bit per length (31+ share bit 31). */
const FIRST_LAST_LENGTHS = new Uint32Array(26 * 26);
const WORD_BUCKETS = new Map<number, string[]>();
for (const w of ASCII_ANCHOR_WORDS) {
  const first = w.charCodeAt(0);
  const last = w.charCodeAt(w.length - 1);
  const slot = (first - 97) * 26 + (last - 97);
  FIRST_LAST_LENGTHS[slot] = (FIRST_LAST_LENGTHS[slot] as number) | (1 << Math.min(w.length, 31));
  const key = bucketKey(first, last, w.length);
  const bucket = WORD_BUCKETS.get(key);
  if (bucket) bucket.push(w);
  else WORD_BUCKETS.set(key, [w]);
}

/**
 * Whether the ASCII letter run `codes[start, end)`, lower-cased, is an anchor word, compared in place
 * (after the first/last/length screen, a run rarely gets here).
 */
function isAnchorRun(codes: Uint16Array, start: number, end: number): boolean {
  const first = (codes[start] as number) | 32;
  const last = (codes[end - 1] as number) | 32;
  const length = end - start;
  if (((FIRST_LAST_LENGTHS[(first - 97) * 26 + (last - 97)] as number) & (1 << Math.min(length, 31))) === 0)
    return false;
  const bucket = WORD_BUCKETS.get(bucketKey(first, last, length));
  if (bucket === undefined) return false;
  for (const w of bucket) {
    if (w.length === length && equalsFolded(codes, start, w)) return true;
  }
  return false;
}

function equalsFolded(codes: Uint16Array, start: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    if (((codes[start + k] as number) | 32) !== word.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * Non-ASCII characters that may make a word an anchor: those whose lower case holds a letter of an anchor
 * word or street ending ("é" of "allée", "ß", the Kelvin sign that folds to "k", Greek letters). Case
 * maps between such letters only within the blocks scanned here (Latin, Greek, Cyrillic, Latin and Greek
 * extended, letterlike symbols); other characters never turn a word into an anchor.
 */
const NON_ASCII_POINT = new Uint8Array(0x10000);
{
  const needed = new Set<string>('abcdefghijklmnopqrstuvwxyz');
  for (const word of [...ANCHOR_WORD_LIST, ...EURO_STREET_ENDING.endings]) {
    for (const ch of word) {
      needed.add(ch);
      // Final sigma: "ΟΔΟΣ" lower-cases to "οδος" as a word, "Σ" alone to "σ".
      for (const folded of ch.toUpperCase().toLowerCase()) needed.add(folded);
    }
  }
  const blocks = [
    [0x80, 0x52f],
    [0x1e00, 0x1fff],
    [0x2100, 0x218f],
    [0x2c60, 0x2c7f],
    [0xa720, 0xa7ff],
  ];
  for (const [from, to] of blocks as Array<[number, number]>) {
    for (let c = from; c <= to; c++) {
      for (const ch of String.fromCharCode(c).toLowerCase()) if (needed.has(ch)) NON_ASCII_POINT[c] = 1;
    }
  }
}

/** A-Z or a-z, in one comparison: `c | 32` folds A-Z onto a-z and maps no other code onto a-z. */
function isAsciiLetter(c: number): boolean {
  return ((c | 32) - 97) >>> 0 < 26;
}

/** Whether the non-ASCII code unit `c` may make the word holding it an anchor (see NON_ASCII_POINT). */
export function isNonAsciiPoint(c: number): boolean {
  return NON_ASCII_POINT[c] === 1;
}

/**
 * Whether the ASCII letter run `codes[start, end)` (a whole run of a range ending at `limit`) starts a
 * possible anchor token: it is an anchor word, ends in a street ending, or is the first run of dotted
 * initials ("P.O").
 */
export function isAnchorLetterRun(codes: Uint16Array, start: number, end: number, limit: number): boolean {
  const length = end - start;
  return (
    isAnchorRun(codes, start, end) ||
    (EURO_STREET_ENDING.mayEndInLetters(codes, end, length) &&
      EURO_STREET_ENDING.testAsciiCodes(codes, start, end)) ||
    (length <= 2 &&
      end + 1 < limit &&
      codes[end] === 46 &&
      (isAsciiLetter(codes[end + 1] as number) || (codes[end + 1] as number) >= 128))
  );
}

/**
 * Writes into `out` (from index 0, ascending) the positions in `codes[from, to)` (see codeUnits) that an anchor token of
 * the window's tokenization must overlap, and returns how many. (The detector gets them from
 * windowAnchorPoints, without scanning the window again; this is the definition its tests hold it to.) `accepted` lists (ascending) the first
 * digits of the digit runs that passed the digit screen.
 *
 * Why this is enough, for a word token (letters, `'’.-` joins, an optional final dot; tokens never start
 * or end inside a run of ASCII letters):
 * - a token holding a character beyond ASCII whose lower case has a letter of an anchor word or ending
 *   holds a point (NON_ASCII_POINT); other such characters leave the word no anchor, or its ending in
 *   the last ASCII run;
 * - an ASCII token of one letter run is an anchor word only if the run is one (compared in place), and
 *   has a street ending only if the run ends in one;
 * - a token of several runs is no anchor word (none holds a join) unless it is dotted initials
 *   ("P.O", folded to "po"), whose first run has one or two letters followed by a dot and a letter;
 *   its street ending lies within its last run.
 */
export function anchorPoints(
  codes: Uint16Array,
  from: number,
  to: number,
  accepted: readonly number[],
  out: number[],
): number {
  let n = 0;
  let a = 0;
  while (a < accepted.length && (accepted[a] as number) < from) a++;
  let k = from;
  while (k < to) {
    const c = codes[k] as number;
    if (c < 128) {
      if (isAsciiLetter(c)) {
        const start = k;
        k++;
        while (k < to && isAsciiLetter(codes[k] as number)) k++;
        if (isAnchorLetterRun(codes, start, k, to)) out[n++] = start;
        continue;
      }
      if (c >= 48 && c <= 57) {
        while (a < accepted.length && (accepted[a] as number) < k) a++;
        if (accepted[a] === k) out[n++] = k;
      }
      k++;
      continue;
    }
    if (NON_ASCII_POINT[c] === 1) out[n++] = k;
    k++;
  }
  return n;
}

/**
 * `anchorPoints` of the window `codes[from, to)` from the points of the whole text, without a second scan of
 * the window: `accepted` (the digit runs that passed the screen) and `wordPoints` (ascending: the starts of
 * the text's letter runs that pass isAnchorLetterRun with the text's end as the limit, and its
 * NON_ASCII_POINT characters). The points are those of anchorPoints or more (a whole run the window cuts,
 * a run followed by a dot beyond the window), which costs a look at those tokens and changes nothing: a
 * point only makes the tokens up to it read and checked. A run the window cuts is a run of its own in the
 * window's tokenization and is tested as such.
 */
export function windowAnchorPoints(
  codes: Uint16Array,
  from: number,
  to: number,
  accepted: readonly number[],
  wordPoints: readonly number[],
  out: number[],
): number {
  let n = 0;
  if (
    from > 0 &&
    from < to &&
    isAsciiLetter(codes[from - 1] as number) &&
    isAsciiLetter(codes[from] as number)
  ) {
    let end = from + 1;
    while (end < to && isAsciiLetter(codes[end] as number)) end++;
    if (isAnchorLetterRun(codes, from, end, to)) out[n++] = from;
  }
  let a = firstAtOrAfter(accepted, from);
  let w = firstAtOrAfter(wordPoints, from);
  for (;;) {
    const digit = a < accepted.length ? (accepted[a] as number) : to;
    const word = w < wordPoints.length ? (wordPoints[w] as number) : to;
    const next = Math.min(digit, word);
    if (next >= to) break;
    out[n++] = next;
    if (next === digit) a++;
    else w++;
  }
  // A run the window cuts at its end: its start may be a point of the whole run already (the last one).
  if (to > from && isAsciiLetter(codes[to - 1] as number) && isAsciiLetter(codes[to] as number)) {
    let start = to - 1;
    while (start > from && isAsciiLetter(codes[start - 1] as number)) start--;
    const cutAtStart = start === from && from > 0 && isAsciiLetter(codes[from - 1] as number);
    if (!cutAtStart && out[n - 1] !== start && isAnchorLetterRun(codes, start, to, to)) out[n++] = start;
  }
  return n;
}

/** Index of the first value of the ascending `values` that is at least `from` (a binary search). */
function firstAtOrAfter(values: readonly number[], from: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
