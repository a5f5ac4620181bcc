/**
 * Whether a text looks like sports reporting (place names there usually stand for teams): a sports word,
 * a score ("3-1") or a fixture headline ("LAKERS AT CELTICS"). Asked of most texts with a place name in
 * them, so the answer avoids the two regexes below when it can: the tokenizer notes in passing whether
 * any word holds a sports word (see {@link sportsWordWithin}); only then does the word regex run.
 */
export const SPORTS_WORDS =
  /\b(?:soccer|football|cricket|rugby|baseball|basketball|hockey|tennis|golf|league|cup|championship|division|innings|wickets?|goals?|striker|midfielder|coach|beat|drew|defeated|standings|played|scorers?|halftime|half-time|fixtures?|season|match|points|runs|overs|v|vs|semi-final|quarter-final|final|playoffs?|stadium|homer|homered|inning|doubleheader|touchdowns?|quarterback|batsman|goalkeeper|NBA|NFL|NHL|SOCCER|CRICKET|RUGBY|BASEBALL|BASKETBALL|HOCKEY|TENNIS)\b/;
/** What {@link scoreCue} answers, as a regex (the tests compare the two). A score stands alone: "3-1", not
 * the 416-555 of a phone number, the 02-11 of a date, the 09-04:00 of a timestamp or the 1-2 of a host
 * name ("eu-west-1-2"); and no side of it has a leading zero ("031-712" is a phone number). A side of three
 * digits meets wickets (287-6) or another high score (102-98), not 12-301 (a room number); and a range of
 * days, hours or percent ("5-7 working days", "10-15%") is no score. */
export const SCORE =
  /(?<!\d\.|[-:+/])\b(?:(?:[1-9]\d?|0)-(?:[1-9]\d?|0)|[1-9]\d\d-(?:\d|10|[4-9]\d|[1-9]\d\d)|(?:\d|10|[4-9]\d)-[1-9]\d\d)\b(?!\.\d|[-:/%]| (?:working|business|calendar|days?|weeks?|months?|years?|hours?|hrs|minutes?|mins|seconds?|secs|ms|percent)\b)|^[A-Z][A-Z .]{1,30} AT [A-Z][A-Z .]{1,30}$/m;
/**
 * The sports words that mean sports even in technical text. The others ("match", "runs", "points",
 * "fixtures", "final", "season", "v") are everyday words of code, logs and tickets.
 */
export const STRONG_SPORTS_WORDS =
  /\b(?:soccer|football|cricket|rugby|baseball|basketball|hockey|tennis|golf|league|championship|innings|wickets?|striker|midfielder|defeated|standings|halftime|half-time|semi-final|quarter-final|playoffs?|stadium|homered|inning|doubleheader|touchdowns?|quarterback|batsman|goalkeeper|NBA|NFL|NHL|SOCCER|CRICKET|RUGBY|BASEBALL|BASKETBALL|HOCKEY|TENNIS)\b/;
/**
 * The words of SPORTS_WORDS as whole ASCII-letter runs. `\b` is an ASCII word boundary, so a match is a
 * run of letters with no letter, digit or `_` on either side: inside one token of the tokenizer (which
 * splits words only at non-letters), a maximal run of ASCII letters. "semi-final" and "quarter-final"
 * contain the word "final"; "half-time" is screened by its "half".
 */
const SCREEN_WORDS: readonly string[] = [
  'soccer',
  'football',
  'cricket',
  'rugby',
  'baseball',
  'basketball',
  'hockey',
  'tennis',
  'golf',
  'league',
  'cup',
  'championship',
  'division',
  'innings',
  'wicket',
  'wickets',
  'goal',
  'goals',
  'striker',
  'midfielder',
  'coach',
  'beat',
  'drew',
  'defeated',
  'standings',
  'played',
  'scorer',
  'scorers',
  'halftime',
  'half',
  'fixture',
  'fixtures',
  'season',
  'match',
  'points',
  'runs',
  'overs',
  'v',
  'vs',
  'final',
  'playoff',
  'playoffs',
  'stadium',
  'homer',
  'homered',
  'inning',
  'doubleheader',
  'touchdown',
  'touchdowns',
  'quarterback',
  'batsman',
  'goalkeeper',
  'NBA',
  'NFL',
  'NHL',
  'SOCCER',
  'CRICKET',
  'RUGBY',
  'BASEBALL',
  'BASKETBALL',
  'HOCKEY',
  'TENNIS',
];

/**
 * Bit `len` of entry `(first & 31) << 5 | (last & 31)` is set when a screened word of that length starts
 * and ends with those letters (either case): one load rejects nearly every other word, case-folded so
 * that a caller can index it with raw char codes.
 */
export const SPORTS_SCREEN = new Uint32Array(1024);
/** Per first character (ASCII), the screened words starting with it. */
const WORDS_BY_FIRST: string[][] = Array.from({ length: 128 }, () => []);
for (const w of SCREEN_WORDS) {
  const c = w.charCodeAt(0);
  const slot = ((c & 31) << 5) | (w.charCodeAt(w.length - 1) & 31);
  SPORTS_SCREEN[slot] = (SPORTS_SCREEN[slot] as number) | (1 << w.length);
  (WORDS_BY_FIRST[c] as string[]).push(w);
}

/** Whether text[start, end) may be a screened word: the {@link SPORTS_SCREEN} test. */
export function maySportsWord(text: string, start: number, end: number): boolean {
  const slot = ((text.charCodeAt(start) & 31) << 5) | (text.charCodeAt(end - 1) & 31);
  return (((SPORTS_SCREEN[slot] as number) >>> (end - start)) & 1) !== 0;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

/** Whether `w` is in `text` at `start` (a char loop: startsWith is a runtime call). */
function sameAt(text: string, start: number, w: string): boolean {
  for (let k = 1; k < w.length; k++) if (text.charCodeAt(start + k) !== w.charCodeAt(k)) return false;
  return true;
}

/** Whether text[start, end), all ASCII letters, is one of the screened words (case-sensitive). */
export function isSportsWord(text: string, start: number, end: number): boolean {
  const len = end - start;
  if (len > 12 || !maySportsWord(text, start, end)) return false;
  const words = WORDS_BY_FIRST[text.charCodeAt(start)] as string[];
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as string;
    if (w.length === len && sameAt(text, start, w)) return true;
  }
  return false;
}

/** Whether some maximal run of ASCII letters inside text[start, end) is a screened word. */
export function sportsWordWithin(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end) {
    if (!isAsciiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < end && isAsciiLetter(text.charCodeAt(i))) i++;
    if (isSportsWord(text, runStart, i)) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** `\w` without the u flag. */
function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || isDigit(c) || c === 95;
}

function isLineTerminator(c: number): boolean {
  return c === 10 || c === 13 || c === 0x2028 || c === 0x2029;
}

/** [A-Z .] */
function isHeadlineChar(c: number): boolean {
  return (c >= 65 && c <= 90) || c === 32 || c === 46;
}

/**
 * SCORE.test(text.slice(from, to)) (neighbours outside the range still count as context), found from the
 * few "-" and " AT " in the range (indexOf) instead of a regex tried at every position. A score's digit
 * runs are whole (`\b` on both sides), so each "-" has one candidate.
 */
export function scoreCue(text: string, from = 0, to = text.length): boolean {
  const n = text.length;
  for (let p = text.indexOf('-', from); p >= 0 && p < to; p = text.indexOf('-', p + 1)) {
    let a = p;
    while (a > 0 && p - a < 4 && isDigit(text.charCodeAt(a - 1))) a--;
    if (a === p || p - a > 3 || (a > 0 && isWordChar(text.charCodeAt(a - 1)))) continue;
    let b = p + 1;
    while (b < n && b - p - 1 < 4 && isDigit(text.charCodeAt(b))) b++;
    if (b === p + 1 || b - p - 1 > 3 || (b < n && isWordChar(text.charCodeAt(b)))) continue;
    if (leadingZero(text, a, p) || leadingZero(text, p + 1, b)) continue;
    if (!scoreSides(text, a, p, b) || rangeUnitAfter(text, b)) continue;
    // Part of a longer chain — a phone (416-555-0142), a date (2024-02-11), 24.12-02.01, a timestamp's
    // zone (41:09-04:00), a host (west-1-2), a country code (+1-212) — is no score.
    if (a > 0 && notScoreBefore(text.charCodeAt(a - 1))) continue;
    if (a > 1 && text.charCodeAt(a - 1) === 46 && isDigit(text.charCodeAt(a - 2))) continue;
    if (b < n && notScoreAfter(text.charCodeAt(b))) continue;
    if (text.charCodeAt(b) === 46 && isDigit(text.charCodeAt(b + 1))) continue;
    return true;
  }
  // A whole line "[A-Z][A-Z .]{1,30} AT [A-Z][A-Z .]{1,30}", split at one of its " AT ". Searched as
  // "AT " (a capital A is rare; a space is every few characters) with the space before checked here.
  for (let q = text.indexOf('AT ', Math.max(1, from)); q >= 0 && q < to; q = text.indexOf('AT ', q + 1)) {
    const p = q - 1;
    if (text.charCodeAt(p) !== 32) continue;
    let s = p;
    while (s > 0 && p - s < 32 && isHeadlineChar(text.charCodeAt(s - 1))) s--;
    if (p - s < 2 || p - s > 31 || (s > 0 && !isLineTerminator(text.charCodeAt(s - 1)))) continue;
    if (!(text.charCodeAt(s) >= 65 && text.charCodeAt(s) <= 90)) continue;
    const r = p + 4;
    let e = r;
    while (e < n && e - r < 32 && isHeadlineChar(text.charCodeAt(e))) e++;
    if (e - r < 2 || e - r > 31 || (e < n && !isLineTerminator(text.charCodeAt(e)))) continue;
    if (!(text.charCodeAt(r) >= 65 && text.charCodeAt(r) <= 90)) continue;
    return true;
  }
  return false;
}

/** The value of the digits text[start, end). */
function digitsValue(text: string, start: number, end: number): number {
  let v = 0;
  for (let k = start; k < end; k++) v = v * 10 + text.charCodeAt(k) - 48;
  return v;
}

/** A side of three digits goes with wickets (287-6) or another high score (102-98), not with 12-301. */
function scoreSides(text: string, a: number, p: number, b: number): boolean {
  const left = p - a;
  const right = b - p - 1;
  if (left < 3 && right < 3) return true;
  const other = left === 3 ? digitsValue(text, p + 1, b) : digitsValue(text, a, p);
  return other <= 10 || other >= 40;
}

/** Units after a range: "5-7 working days", "2-3 weeks", "10-15%" count, they do not score. */
const RANGE_UNITS = [
  'working',
  'business',
  'calendar',
  'day',
  'days',
  'week',
  'weeks',
  'month',
  'months',
  'year',
  'years',
  'hour',
  'hours',
  'hrs',
  'minute',
  'minutes',
  'mins',
  'second',
  'seconds',
  'secs',
  'ms',
  'percent',
];

function rangeUnitAfter(text: string, b: number): boolean {
  const c = text.charCodeAt(b);
  if (c === 37) return true; // %
  if (c !== 32) return false;
  let e = b + 1;
  while (e < text.length && e - b <= 9 && isAsciiLetter(text.charCodeAt(e))) e++;
  if (e === b + 1 || (e < text.length && isWordChar(text.charCodeAt(e)))) return false;
  const word = text.slice(b + 1, e);
  return RANGE_UNITS.includes(word);
}

/** A run of two or more digits that starts with 0. */
function leadingZero(text: string, start: number, end: number): boolean {
  return end - start > 1 && text.charCodeAt(start) === 48;
}

/** `-`, `:`, `+`, `/` */
function notScoreBefore(c: number): boolean {
  return c === 45 || c === 58 || c === 43 || c === 47;
}

/** `-`, `:`, `/` */
function notScoreAfter(c: number): boolean {
  return c === 45 || c === 58 || c === 47;
}
