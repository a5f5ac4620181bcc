import { isPartEnd, isSeparator } from './address-parts.ts';

/**
 * Japanese addresses written in romaji, read back from their postcode: "3-8-1 Ariake, Koto-ku, Tokyo
 * 135-0063", "1-2-3 Umeda, Kita-ku, Osaka-shi, Osaka 530-0001". The postcode (three digits, a hyphen, four
 * digits) counts only after a prefecture or major city in its own part; before that come up to three ward,
 * city or district parts (-ku, -shi, -cho, -gun …) and the street part: a block number (chōme-banchi-gō,
 * "3-8-1") before or after the district name. Anything else ends the walk, and without a street part
 * there is no address ("Shinjuku-ku, Tokyo 160-0023" is a place).
 */

/** The postcode at a digit run (sticky). */
export const JP_POSTCODE = /\d{3}-\d{4}(?![\d-])/y;

/** The 47 prefectures and the largest cities, lower case: the locality right before a postcode. */
const PLACES: ReadonlySet<string> = new Set(
  (
    'hokkaido aomori iwate miyagi akita yamagata fukushima ibaraki tochigi gunma saitama chiba tokyo ' +
    'kanagawa niigata toyama ishikawa fukui yamanashi nagano gifu shizuoka aichi mie shiga kyoto osaka ' +
    'hyogo nara wakayama tottori shimane okayama hiroshima yamaguchi tokushima kagawa ehime kochi fukuoka ' +
    'saga nagasaki kumamoto oita miyazaki kagoshima okinawa yokohama nagoya sapporo kobe kawasaki sendai ' +
    'kitakyushu sakai hamamatsu sagamihara'
  ).split(' '),
);
/** Administrative suffixes joined by a hyphen: prefecture (-to, -fu, -ken), city, ward, town, district, village. */
const DIVISION = /^[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*-(?:to|fu|ken|shi|ku|cho|machi|gun|mura|son)$/;
const PLACE_WORD = /^([A-Z][a-z]+)(?:-(?:to|fu|ken|shi))?$/;
/** A block number: chōme-banchi(-gō), "3-8-1", "1-2". */
const BLOCK = /^\d{1,4}(?:-\d{1,4}){1,2}$/;
/** A district name after or before the block number: "Ariake", "Nishi-Shinjuku". */
const DISTRICT = /^[A-Z][a-z]+(?:-[A-Z][a-z]+)?$/;

const MAX_PART = 60;
const MAX_DIVISIONS = 3;

/** Whether the word before a postcode names a Japanese prefecture or major city ("Tokyo", "Osaka-fu"). */
function isPlace(word: string): boolean {
  const m = PLACE_WORD.exec(word);
  return m !== null && PLACES.has((m[1] as string).toLowerCase());
}

/**
 * The start of a Japanese address whose postcode starts at `postcode`, or -1: the postcode must follow a
 * prefecture or major city, and a street part must come before it.
 */
export function japaneseAddressStart(text: string, postcode: number): number {
  const space = postcode - 1;
  if (text.charCodeAt(space) !== 32) return -1;
  const place = wordEndingAt(text, space);
  if (place === undefined || !isPlace(place.word)) return -1;
  // The place opens its part ("…, Tokyo 135-0063") or follows a ward in it ("Koto-ku Tokyo 135-0063").
  let cursor = place.start;
  let divisions = 0;
  for (let parts = 0; parts <= MAX_DIVISIONS; parts++) {
    const part = partBefore(text, cursor);
    if (part === undefined) return -1;
    const words = part.text.trim().split(/\s+/);
    if (words.length === 1 && DIVISION.test(words[0] as string) && divisions < MAX_DIVISIONS) {
      divisions++;
      cursor = part.start;
      continue;
    }
    // The street is the end of its part: prose may open it ("our office 3-8-1 Ariake").
    if (words.length < 2 || !isStreet(words[words.length - 2] as string, words[words.length - 1] as string))
      return -1;
    return part.start + part.text.lastIndexOf(words[words.length - 2] as string, part.text.trimEnd().length);
  }
  return -1;
}

/** "3-8-1 Ariake", "Umeda 1-2-3", "Nishi-Shinjuku 4-12-7". */
function isStreet(a: string, b: string): boolean {
  return (BLOCK.test(a) && DISTRICT.test(b)) || (DISTRICT.test(a) && BLOCK.test(b));
}

/** The word that ends at `end` (exclusive) and its start. */
function wordEndingAt(text: string, end: number): { word: string; start: number } | undefined {
  let start = end;
  while (start > 0 && end - start < 20 && isWordCode(text.charCodeAt(start - 1))) start--;
  if (start === end) return undefined;
  return { word: text.slice(start, end), start };
}

function isWordCode(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45;
}

/**
 * The comma- or line-separated part before `at` (blanks after the separator kept), when a separator
 * (`,` or a line break, blanks between) sits right before `at`; undefined otherwise.
 */
function partBefore(text: string, at: number): { text: string; start: number } | undefined {
  let k = at;
  while (k > 0 && text.charCodeAt(k - 1) === 32) k--;
  if (k === 0 || !isSeparator(text.charCodeAt(k - 1))) return undefined;
  const end = k - 1;
  let start = end;
  while (start > 0 && end - start < MAX_PART) {
    const c = text.charCodeAt(start - 1);
    if (isSeparator(c) || isPartEnd(c)) break;
    start--;
  }
  const part = text.slice(start, end);
  return part.trim() === '' ? undefined : { text: part, start };
}
