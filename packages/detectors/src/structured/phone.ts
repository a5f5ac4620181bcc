import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { isCalendarDate } from './checksums.ts';
import {
  continuesAlphanumericCode,
  gluedToIdentifier,
  idLabelBefore,
  isUniformlyGroupedNumber,
} from './phone-context.ts';
import { parsesAsInternational, planFacts } from './phone-numbering.ts';
import { type PhoneShape, parsePhoneShapeIn } from './phone-shape.ts';
import {
  hasDigit,
  isAsciiWordCode,
  isCjkAt,
  isDigitCode,
  lineAfter,
  lineBefore,
  textBefore,
} from './text-context.ts';

/**
 * Phone numbers. One cheap regex collects maximal runs of digits joined by single separators
 * (space, dash, dot, parentheses) plus an optional extension; each run is then judged:
 *  1. explicit international (`+…` / `00…`): libphonenumber (max metadata) must call it valid or possible;
 *  2. national US or China numbers: libphonenumber-valid, or a China mobile number;
 *  3. otherwise a phone-shaped fallback, because real text holds numbers that are not valid in any
 *     plan but are still someone's phone: 7-15 digits in consistent groups, with guards against
 *     dates, times, years, money, decimals, versions, ZIP+4, SSNs, IPs and thousands-grouped amounts.
 */

// Alternatives start with distinct characters (digit, separator, ')' or '('), so matching is linear.
// Sticky: it is only run where a match starts (see numberStart).
const RUN =
  /\+?\(?\d(?:\d|[ .-]\(?\d|\)[ .-]?\(?\d|\(\d)*(?: ?(?:[xX]|[eE]xt\.?|[eE]xtension) ?\d{1,6}(?!\d))?/y;

// Word edges include `_` so that field names count (`phone_number`, `TWILIO_FROM_NUMBER`, `order_id`).
const PHONE_CONTEXT =
  /(?<![a-z])(?:phone|phones|ph|tel|telephone|mobile|mob|cell|cellphone|fax|desk|call|calls|calling|text|sms|message|messages|whatsapp|contact|reach|dial|hotline|number|numbers)(?![a-z])|电话|手机|联系|致电|热线|传真|号码/;
/** A US state (name or postal abbreviation) right before: the number is a ZIP code. */
const STATE_CODE_BEFORE =
  /\b(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY])\.?,? ?$/;
const STATE_NAME_BEFORE =
  /\b(?:alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming),? ?$/i;
const MONEY_BEFORE = /[$€£¥₹₩]$/;

/** What the text around a candidate says about it. */
interface Surroundings {
  /** A phone word shortly before (`Phone:`, `fax`, `电话`). */
  readonly phoneWord: boolean;
  /** An HTTP request (`"GET /x HTTP/1.1"`) on the same line: an access log's status and byte fields. */
  readonly afterHttpRequest: boolean;
  /** A phone word on the number's own line, or a phone label alone on the line above (`Fax:\n812 4471`). */
  readonly phoneWordNearby: boolean;
  /**
   * An identifier label right before (`customer #`, `Apt.`, `PIN`, `"order_id":`) that no phone word makes a
   * phone label (`Phone No.`): it wins over a phone word further back, which names another number.
   */
  readonly idWord: boolean;
  /** A US state right before: ZIP territory. */
  readonly afterState: boolean;
  /** Glued to Chinese text on the left (building-unit-room numbers in addresses). */
  readonly cjkBefore: boolean;
  /** Chinese or Japanese text on the number's line, shortly before or after it. */
  readonly cjkNearby: boolean;
  /** A Japanese place on the number's line (`Shibuya-ku, Tokyo`, `Osaka`, `JP`): `150-0022` is its postcode. */
  readonly japanesePlaceNearby: boolean;
  /** The next token is a word starting with a lower- or upper-case letter, or there is none. */
  readonly nextWord: 'none' | 'lower' | 'upper';
}

const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
const MAX_RUN_LENGTH = 40;

type Verdict = { score: number } | undefined;

/** `+CC…` or `00CC…`: an explicitly international number. */
function judgeInternational(shape: PhoneShape): Verdict {
  const digits = shape.plus ? shape.digits : shape.digits.slice(2);
  if (digits.length < 6 || digits.length > MAX_DIGITS) return undefined;
  if (!parsesAsInternational(digits)) return undefined;
  const phoneLike = groupsLookLikePhone(shape, true);
  // Numbering plans change faster than metadata, so a known calling code, phone-like grouping and a
  // sane length mark a phone whatever the plan says: no need to ask libphonenumber (its +1 parse alone
  // tries each NANP country's patterns in turn).
  if (phoneLike && digits.length >= 8) return { score: 0.8 };
  const facts = planFacts(`+${digits}`);
  if (!facts) return undefined;
  if (facts.valid) return { score: 0.9 };
  if (!phoneLike) return undefined;
  if (facts.possible) return { score: 0.75 };
  if (facts.countryCallingCode === '86' && CN_MOBILE.test(facts.nationalNumber)) return { score: 0.75 };
  return undefined;
}

const CN_MOBILE = /^(?:86)?(?:1[3-9]\d{9}|9[28]\d{9})$/;

// Cheap shape screens so libphonenumber only sees numbers that could pass: NANP area and exchange
// codes start with 2-9; Chinese fixed lines carry the trunk 0, and 400/800 numbers are ten digits.
const NANP_SHAPE = /^1?[2-9]\d\d[2-9]\d{6}$/;
const CN_SHAPE = /^(?:0\d{9,11}|[48]00\d{7})$/;

function judgeNational(shape: PhoneShape): Verdict {
  const digits = shape.digits;
  if (CN_MOBILE.test(digits) && (shape.groups.length === 1 || shape.groups[0]!.length <= 3)) {
    return { score: 0.85 };
  }
  if (NANP_SHAPE.test(digits) && planFacts(digits, 'US')?.valid) return { score: 0.85 };
  const cn = CN_SHAPE.test(digits) ? planFacts(digits, 'CN') : undefined;
  if (cn?.valid) {
    // Without the trunk 0 almost any 10-digit number is a valid Chinese fixed line; demand it.
    const type = cn.type;
    if (digits[0] === '0' || type === 'MOBILE' || type === 'TOLL_FREE' || type === 'SHARED_COST') {
      return { score: 0.85 };
    }
  }
  return undefined;
}

function isHttpStatus(group: string): boolean {
  return group.length === 3 && group >= '100' && group <= '599';
}

function isTrunkAreaCode(group: string): boolean {
  return group.length >= 2 && group.length <= 4 && group.charCodeAt(0) === 48 && group.charCodeAt(1) !== 48;
}

function isYear(group: string): boolean {
  return group.length === 4 && (group.startsWith('19') || group.startsWith('20'));
}

function looksLikeDate(groups: readonly string[]): boolean {
  if (groups.length === 2) return isYear(groups[0]!) && isYear(groups[1]!); // 1990-1995
  if (groups.length !== 3) return false;
  const [a, b, c] = groups.map(Number) as [number, number, number];
  if (groups[0]!.length === 4) return isCalendarDate(a, b, c);
  if (groups[2]!.length === 4 || groups[2]!.length === 2) {
    const year = groups[2]!.length === 4 ? c : 2000 + c;
    return isCalendarDate(year, a, b) || isCalendarDate(year, b, a);
  }
  return false;
}

/**
 * Grouping typical of written phone numbers. `international` relaxes the rules for the country-code
 * group, which people separate however they like.
 */
function groupsLookLikePhone(shape: PhoneShape, international: boolean): boolean {
  const { groups, seps, inParens } = shape;
  if (groups.length === 1) return true;
  let uniform: string | undefined;
  for (let i = 0; i < seps.length; i++) {
    const sep = seps[i]!;
    const aroundParens = sep.includes('(') || sep.includes(')') || inParens[i] || inParens[i + 1];
    const afterCountryCode = i === 0 && (international || shape.plus || groups[0] === '1');
    // `031-712 40 95`, `030/123 45 67`: a trunk-0 area code is set off by its own separator.
    const afterAreaCode = i === 0 && groups.length > 2 && isTrunkAreaCode(groups[0]!);
    if (aroundParens || afterCountryCode || afterAreaCode) continue;
    if (sep.length !== 1) return false;
    if (uniform === undefined) uniform = sep;
    else if (uniform !== sep) return false;
  }
  for (let i = 0; i < groups.length; i++) {
    const len = groups[i]!.length;
    // The country code, or the NANP trunk 1 in `1 (567) 362-8910`.
    const isPrefix = i === 0 && (international || shape.plus || groups[0] === '1');
    if (len > 8) return false;
    if (len === 1 && !isPrefix && !inParens[i]) return false;
  }
  return true;
}

/** National numbers that fail validation but are shaped like a phone number. */
/** `1077-1083`, `9208-9214 South Cottage Grove`: a range of house or page numbers. */
function looksLikeRange(groups: readonly string[]): boolean {
  if (groups.length !== 2 || groups[0]!.length !== groups[1]!.length || groups[0]!.length > 5) return false;
  const from = Number(groups[0]);
  const to = Number(groups[1]);
  const gap = to - from;
  // Round bounds (`3000-3999`, `4400-4499`) mark a block of extensions or ids, however wide.
  return gap > 0 && ((gap < 200 && groups[0]!.length <= 4) || (from % 10 === 0 && to % 10 === 9));
}

/** National numbers that fail validation but are shaped like a phone number. */
function judgeFallback(shape: PhoneShape, around: Surroundings): Verdict {
  const { groups, seps } = shape;
  const digits = shape.digits;
  const context = around.phoneWord;
  if (digits.length < MIN_DIGITS || digits.length > 12) return undefined;
  // A bare digit run is the weakest shape: the phone word must be on its line or label it from the line
  // above, not sit in a CSV header or an earlier sentence.
  if (groups.length === 1) return context && around.phoneWordNearby ? { score: 0.55 } : undefined;
  if (!groupsLookLikePhone(shape, false)) return undefined;
  if (!context && (around.idWord || around.afterState || around.cjkBefore)) return undefined;
  const sep = seps.find((s) => s.length === 1);
  if (!shape.inParens.some(Boolean) && !context) {
    // 1.234.567: an amount with thousands separators.
    if (sep === '.' && groups.slice(1).every((g) => g.length === 3)) return undefined;
    // Years only (`1990 2000`), ranges (`1077-1083`), or short pairs as in score tables (`69 71 71 73`).
    if (groups.every((g) => isYear(g)) || looksLikeRange(groups)) return undefined;
    if (sep === ' ' && groups.length <= 4 && groups.every((g) => g.length === 2)) return undefined;
  }
  // `7749 8123 6605`: even groups without a trunk 0 are a tracking or account number.
  if (!context && groups[0]!.charCodeAt(0) !== 48 && isUniformlyGroupedNumber(groups, seps)) return undefined;
  // `370 3911 Fourth Avenue`: house numbers and postcodes run into words; phone numbers rarely do.
  if (sep === ' ' && !context && around.nextWord !== 'none') return undefined;
  // `"GET /x HTTP/1.1" 200 18234`: an access log's status code and byte count.
  if (
    groups.length === 2 &&
    seps[0] === ' ' &&
    !context &&
    around.afterHttpRequest &&
    isHttpStatus(groups[0]!)
  )
    return undefined;
  return { score: context ? 0.7 : 0.6 };
}

/** Shapes that are something else before they are a phone number: dates, SSNs, ZIP+4, IPs, decimals. */
function isOtherNumber(shape: PhoneShape): boolean {
  const { groups, seps } = shape;
  if (shape.inParens.some(Boolean) || groups.length < 2) return false;
  const sep = seps[0];
  if (seps.some((s) => s !== sep)) return false;
  if (looksLikeDate(groups)) return true;
  const lens = groups.map((g) => g.length).join('-');
  // SSN, ZIP+4, and a Brazilian CEP (`04530-001`): no numbering plan writes a phone 5-3.
  if (lens === '3-2-4' || (sep === '-' && (lens === '5-4' || lens === '5-3'))) return true;
  if (sep === '.' && groups.length === 4 && groups.every((g) => g.length <= 3 && Number(g) <= 255))
    return true;
  return sep === '.' && groups.length === 2;
}

/** `2024-05-30 (30`, `2024-05-15-06-10`: a run that opens with an ISO date is a timestamp or a date-stamped id. */
function startsWithDate(shape: PhoneShape): boolean {
  const { groups, seps } = shape;
  if (groups.length < 3 || !isYear(groups[0]!) || seps[0] !== seps[1]) return false;
  if (seps[0] !== '-' && seps[0] !== '/' && seps[0] !== '.') return false;
  return isCalendarDate(Number(groups[0]), Number(groups[1]), Number(groups[2]));
}

/** `2024-0412`, `2024/118734`, `2024 051877`: a document numbered within its year (invoices, certificates). */
function isYearSerial(shape: PhoneShape): boolean {
  const { groups, seps } = shape;
  if (groups.length !== 2 || !isYear(groups[0]!)) return false;
  // With a space only a long serial (`FC 2024 051877`) reads as one; `2024 5678` may be a local number.
  return seps[0] === '-' || seps[0] === '/' || (seps[0] === ' ' && groups[1]!.length >= 6);
}

/** `IL 62704`, `TX 78701 4455`, `NV 627041234`: a ZIP (+4) after a state ends an address, never a phone. */
function isZipAfterState(shape: PhoneShape, around: Surroundings): boolean {
  if (shape.plus) return false;
  const first = shape.groups[0]!.length;
  const zipShaped = first === 5 || (shape.groups.length === 1 && first === 9);
  return zipShaped && around.afterState;
}

function judge(shape: PhoneShape, around: Surroundings): Verdict {
  const digits = shape.digits;
  // Checked before anything else: a phone finding outranks the address and would cut it.
  if (isZipAfterState(shape, around)) return undefined;
  const international = shape.plus || (digits.startsWith('00') && !digits.startsWith('000'));
  // `"gtin": "00810042381126"`: a 00-prefixed code under an id label is not a number dialled abroad.
  if (!shape.plus && international && around.idWord) return undefined;
  if (international) {
    const verdict = judgeInternational(shape);
    if (verdict || shape.plus) return verdict;
  }
  if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) return undefined;
  // `UBRN 0000 4471 2208`: no numbering plan opens with four zeros; zero-padded references do.
  if (digits.startsWith('0000')) return undefined;
  if (isOtherNumber(shape) || startsWithDate(shape)) return undefined;
  // `150-0022` after `Shibuya-ku, Tokyo`: a Japanese postcode, not a local number.
  if (isJapanesePostcode(shape) && around.japanesePlaceNearby) return undefined;
  // `| 2022030301 | 林子涵 |`: in Chinese or Japanese text, ten bare digits opening with a date (2022-03-03)
  // number a student, an order or a booking; the region's own numbers are 11 digits or open with 0.
  if (
    shape.groups.length === 1 &&
    digits.length === 10 &&
    opensWithDate(digits) &&
    !around.phoneWord &&
    around.cjkNearby
  )
    return undefined;
  // A labelled identifier (`order_id: …`, `tracking: …`) or a year-numbered document (`2024-000123`) is
  // no phone unless a phone word says otherwise.
  if (around.idWord || (isYearSerial(shape) && !around.phoneWord)) return undefined;
  // A ZIP (+4) after a state, or a house number before a street name, can pass as a valid US number.
  const zipLike = around.afterState && shape.groups[0]!.length >= 5;
  const streetNumber = around.nextWord === 'upper' && shape.seps.some((sep) => sep === ' ');
  if (!zipLike && !streetNumber && (shape.groups.length === 1 || groupsLookLikePhone(shape, false))) {
    const verdict = judgeNational(shape);
    if (verdict) return verdict;
  }
  return judgeFallback(shape, around);
}

/** `2022030301`: a four-digit year, then a calendar month and day. */
function opensWithDate(digits: string): boolean {
  const year = Number(digits.slice(0, 4));
  return (
    year >= 1990 &&
    year <= 2039 &&
    isCalendarDate(year, Number(digits.slice(4, 6)), Number(digits.slice(6, 8)))
  );
}

function isJapanesePostcode(shape: PhoneShape): boolean {
  const { groups, seps } = shape;
  return groups.length === 2 && seps[0] === '-' && groups[0]!.length === 3 && groups[1]!.length === 4;
}

/** Digits in a row from `from` in direction `step` (+1 or -1), counted up to `MIN_DIGITS`. */
function digitRun(text: string, from: number, step: 1 | -1): number {
  let n = 0;
  for (
    let i = from;
    n < MIN_DIGITS && i >= 0 && i < text.length && isDigitCode(text.charCodeAt(i));
    i += step
  )
    n++;
  return n;
}

/**
 * Whether the separator `code` ties the candidate to the digits beyond it (a decimal, a date, a version).
 * A comma does so only between a bare digit run and a short one (`3,4155550134`, `1,234`): a formatted
 * number after `41390,` is the next field of a CSV row, and phone-length runs on both sides are a list.
 * A short run that is part of a date or time (`13991284076,12/20`) is the next field too. `beyond(n)` is
 * the code unit past the other side's `n` digits.
 */
function joinsNumber(
  code: number,
  bare: boolean,
  otherSide: () => number,
  beyond: (n: number) => number,
): boolean {
  if (code === 44) {
    if (!bare) return false;
    const n = otherSide();
    if (n >= MIN_DIGITS) return false;
    const next = beyond(n);
    return next !== 47 && next !== 58 && next !== 45;
  }
  return code === 46 || code === 47 || code === 58 || code === 45;
}

function isAsciiSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

/** ASCII other than whitespace. */
function isPlainAscii(code: number): boolean {
  return code < 128 && !isAsciiSpace(code);
}

/** Characters that, right before a run, show it continues a longer token (a decimal, a date, a version). */
function badBefore(text: string, start: number, bare: boolean): boolean {
  if (start === 0) return false;
  const code = text.charCodeAt(start - 1);
  if (isAsciiWordCode(code)) return true;
  if (start >= 2 && isDigitCode(text.charCodeAt(start - 2))) {
    const run = () => digitRun(text, start - 2, -1);
    if (joinsNumber(code, bare, run, (n) => text.charCodeAt(start - 2 - n))) return true;
  }
  // Same as testing the two chars before, trimmed at the end, against MONEY_BEFORE: an ASCII char
  // other than a space trims to itself, and `$` is the only ASCII money sign.
  if (isPlainAscii(code)) return code === 36;
  if (isAsciiSpace(code)) {
    if (start < 2) return false;
    const previous = text.charCodeAt(start - 2);
    if (isPlainAscii(previous)) return previous === 36;
    if (isAsciiSpace(previous)) return false;
  }
  return MONEY_BEFORE.test(text.slice(Math.max(0, start - 2), start).trimEnd());
}

function badAfter(text: string, end: number, bare: boolean): boolean {
  if (end >= text.length) return false;
  const code = text.charCodeAt(end);
  if (isAsciiWordCode(code) || code === 37 /* % */) return true;
  if (end + 1 < text.length && isDigitCode(text.charCodeAt(end + 1)))
    return joinsNumber(
      code,
      bare,
      () => digitRun(text, end + 1, 1),
      (n) => text.charCodeAt(end + 1 + n),
    );
  return false;
}

/** Whether `code` occurs in `text` between `from` and `to`. */
function holdsCode(text: string, from: number, to: number, code: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return true;
  return false;
}

/** Offset of a `(` in `[from, to)` that no `)` after it closes, or -1. */
function lastOpenParen(text: string, from: number, to: number): number {
  for (let i = to - 1; i > from; i--) {
    const code = text.charCodeAt(i);
    if (code === 41) return -1;
    if (code === 40) return i;
  }
  return -1;
}

function isBareDigits(text: string, from: number, to: number): boolean {
  if (from >= to) return false;
  for (let i = from; i < to; i++) if (!isDigitCode(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Judges one candidate: 'found' (pushed), 'id' when its context makes it an identifier (then no piece of
 * its run is a phone either), or 'no'.
 */
function tryCandidate(text: string, start: number, end: number, findings: Finding[]): 'found' | 'id' | 'no' {
  // A `(` that never closes belongs to the prose around the number.
  let from = start;
  if (text.charCodeAt(start) === 40 /* ( */ && start < end && !holdsCode(text, start, end, 41)) from++;
  let to = end;
  while (to > from && text.charCodeAt(to - 1) === 41 /* ) */ && !holdsCode(text, from, to - 1, 40)) to--;
  // A `(` that never closes after the number opens a remark (`2267 (2 cartons)`): the number ends before it.
  const remark = lastOpenParen(text, from, to);
  if (remark > from) {
    to = remark;
    while (to > from && text.charCodeAt(to - 1) === 32) to--;
  }
  const bare = isBareDigits(text, from, to);
  if (badBefore(text, from, bare) || badAfter(text, to, bare)) return 'no';
  if (gluedToIdentifier(text, from)) return 'id';
  const shape = parsePhoneShapeIn(text, from, to);
  const count = shape.digits.length;
  if (count < (shape.plus ? 6 : MIN_DIGITS) || count > (shape.plus ? MAX_DIGITS : MAX_DIGITS + 2))
    return 'no';
  const around = new LazySurroundings(text, from, to);
  if (!shape.plus && ((continuesAlphanumericCode(text, from) && !around.phoneWord) || around.idWord))
    return 'id';
  const verdict = judge(shape, around);
  if (!verdict) return 'no';
  findings.push({ start: from, end: to, type: 'phone', detector: 'phone', score: verdict.score });
  return 'found';
}

/** Context is only read for candidates that get that far, and each fact at most once. */
class LazySurroundings implements Surroundings {
  #before: string | undefined;
  #phoneWord: boolean | undefined;
  #idWord: boolean | undefined;
  #nextWord: Surroundings['nextWord'] | undefined;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  private get before(): string {
    if (this.#before === undefined) this.#before = textBefore(this.text, this.from, 40);
    return this.#before;
  }

  get phoneWord(): boolean {
    if (this.#phoneWord === undefined) this.#phoneWord = PHONE_CONTEXT.test(this.before);
    return this.#phoneWord;
  }

  get phoneWordNearby(): boolean {
    const line = lineBefore(this.text, this.from, 40);
    if (PHONE_CONTEXT.test(line)) return true;
    const lineStart = this.from - line.length;
    return lineStart > 0 && PHONE_LABEL_LINE.test(lineBefore(this.text, lineStart - 1, 24));
  }

  get afterHttpRequest(): boolean {
    if (lineBefore(this.text, this.from, 400).includes('http/')) return true;
    return lineAfter(this.text, this.to, 400).includes('HTTP/');
  }

  get idWord(): boolean {
    if (this.#idWord === undefined) this.#idWord = idLabelBefore(this.text, this.from);
    return this.#idWord;
  }

  get afterState(): boolean {
    const lastBit = this.text.slice(Math.max(0, this.from - 20), this.from);
    return STATE_CODE_BEFORE.test(lastBit) || STATE_NAME_BEFORE.test(lastBit);
  }

  get cjkBefore(): boolean {
    return isCjkAt(this.text, this.from - 1);
  }

  get cjkNearby(): boolean {
    return (
      CJK_TEXT.test(lineBefore(this.text, this.from, 30)) || CJK_TEXT.test(lineAfter(this.text, this.to, 20))
    );
  }

  get japanesePlaceNearby(): boolean {
    return (
      JAPANESE_PLACE.test(lineBefore(this.text, this.from, 40)) ||
      JAPAN_AFTER.test(lineAfter(this.text, this.to, 12))
    );
  }

  get nextWord(): Surroundings['nextWord'] {
    if (this.#nextWord === undefined) {
      const next = NEXT_WORD.exec(this.text.slice(this.to, this.to + 3))?.[1];
      this.#nextWord = next === undefined ? 'none' : next === next.toLowerCase() ? 'lower' : 'upper';
    }
    return this.#nextWord;
  }
}

const NEXT_WORD = /^ ?(\p{L})/u;
const CJK_TEXT = /[\u3040-\u30ff\u3400-\u9fff]/;
/**
 * Japanese wards, cities and prefectures as written in romaji addresses, and the country: lower case, as
 * lineBefore returns the line.
 */
const JAPANESE_PLACE =
  /(?:-ku|-shi|-ken|-cho|-machi|\b(?:tokyo|osaka|kyoto|yokohama|nagoya|sapporo|fukuoka|kobe|sendai|hiroshima|chiba|saitama|kawasaki|japan)\b|〒)/;
const JAPAN_AFTER = /\b(?:JP|JPN|Japan)\b/;
/** A line that is only a phone label (`Fax:`), so the number on the next line is its value. */
const PHONE_LABEL_LINE = /^\s*(?:phone|tel|telephone|mobile|cell|fax|电话|手机)\s*[:：]?\s*$/;

/** Offsets (from `start`) of the spaces inside a run: where a run of several numbers may be split. */
function spaceOffsets(text: string, start: number, end: number): number[] {
  const offsets: number[] = [];
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 32) offsets.push(i - start);
  return offsets;
}

/** Judges one maximal run, or failing that a few of its space-delimited pieces. */
function judgeRun(text: string, start: number, end: number, findings: Finding[]): void {
  // The longest written phone number (`+44 (0) 20 7946 0321 ext. 12345`) is far shorter; longer runs
  // are tables or data dumps.
  if (end - start > MAX_RUN_LENGTH) return;
  let digitCount = 0;
  for (let i = start; i < end; i++) if (isDigitCode(text.charCodeAt(i))) digitCount++;
  if (digitCount < 6) return;
  if (tryCandidate(text, start, end, findings) !== 'no') return;
  // `（7-1203）13826077415`: a remark in parentheses glued before a number; the number after it may be one.
  // Searched within the run only: an unbounded indexOf over the rest of the text made long inputs quadratic.
  let close = start + 1;
  while (close < end - MIN_DIGITS && text.charCodeAt(close) !== 41) close++;
  if (close < end - MIN_DIGITS && isDigitCode(text.charCodeAt(close + 1))) {
    let tail = close + 1;
    while (tail < end && text.charCodeAt(tail) !== 32) tail++;
    if (tail - close > MIN_DIGITS && tryCandidate(text, close + 1, tail, findings) !== 'no') return;
  }
  // A run may hold a phone number next to other numbers (`2 x 555-0132`, a score line): try the
  // space-delimited pieces, longest first, but only a handful so tables stay cheap.
  const spaces = spaceOffsets(text, start, end);
  if (digitCount < MIN_DIGITS + 1 || spaces.length === 0 || spaces.length > 8) return;
  if (spaces.length >= 2) {
    const open = lastOpenParen(text, start, end);
    const whole = parsePhoneShapeIn(text, start, open > start ? open : end);
    if (isUniformlyGroupedNumber(whole.groups, whole.seps)) return;
  }
  for (let drop = 1; drop <= Math.min(3, spaces.length); drop++) {
    if (tryCandidate(text, start, start + spaces[spaces.length - drop]!, findings) !== 'no') return;
    if (tryCandidate(text, start + spaces[drop - 1]! + 1, end, findings) !== 'no') return;
  }
}

/** Characters of a coarse region: digits and the separators a written number uses. */
const REGION_CHAR = new Uint8Array(65536);
for (const ch of '0123456789 .()-') REGION_CHAR[ch.charCodeAt(0)] = 1;
/**
 * Where a coarse region long enough to judge can begin: its first digit has at least three more region
 * chars after it (a region is at most `+(` plus that digit, and shorter than six chars is skipped).
 */
const REGION_HEAD = /\d[\d .()-]{3}/g;

/**
 * Where the leftmost match of `\+?\(?\d` at or after `from` starts, given the first digit at or after
 * `from`: a `(`, `+` or `+(` right before that digit belongs to it (if not before `from`).
 */
function withSign(text: string, digit: number, from: number): number {
  const previous = digit > from ? text.charCodeAt(digit - 1) : -1;
  if (previous === 40 /* ( */) {
    return digit - 2 >= from && text.charCodeAt(digit - 2) === 43 /* + */ ? digit - 2 : digit - 1;
  }
  return previous === 43 ? digit - 1 : digit;
}

/**
 * Where RUN's next match at or after `from` starts, or -1 when it would not start before `limit` (the
 * region end: a match starting in the region has its first digit in it too).
 */
function numberStart(text: string, from: number, limit: number): number {
  for (let i = from; i < limit; i++) if (isDigitCode(text.charCodeAt(i))) return withSign(text, i, from);
  return -1;
}

/** `x`, `X`, `e`, `E`: a run may continue past its region with an extension (`555-0134 x12`). */
function mayStartExtension(code: number): boolean {
  return code === 120 || code === 88 || code === 101 || code === 69;
}

/**
 * Coarse regions are the matches of `\+?\(?\d[\d .()-]*` scanned left to right; RUN only runs inside
 * those of six chars or more. They are found without visiting the shorter ones: REGION_HEAD jumps to the
 * first digit with three region chars after it, and every region before that one is shorter than six.
 * Regions with fewer than six digits (and no extension after them) are skipped too: judgeRun rejects
 * every run in them.
 */
export function findPhones(text: string): Finding[] {
  const findings: Finding[] = [];
  const length = text.length;
  let pos = 0;
  for (;;) {
    REGION_HEAD.lastIndex = pos;
    if (!REGION_HEAD.test(text)) break;
    const digit = REGION_HEAD.lastIndex - 4;
    const regionStart = withSign(text, digit, pos);
    let regionEnd = digit + 4;
    while (regionEnd < length && REGION_CHAR[text.charCodeAt(regionEnd)] === 1) regionEnd++;
    if (regionEnd - regionStart < 6) {
      pos = regionEnd;
      continue;
    }
    let digitCount = 0;
    for (let i = digit; i < regionEnd; i++) if (isDigitCode(text.charCodeAt(i))) digitCount++;
    if (digitCount < 6 && !mayStartExtension(text.charCodeAt(regionEnd))) {
      pos = regionEnd;
      continue;
    }
    // RUN's matches in the region, as its global scan from the region start meets them.
    let consumed = regionEnd;
    for (let runStart = regionStart; runStart !== -1; ) {
      RUN.lastIndex = runStart;
      RUN.test(text);
      const runEnd = RUN.lastIndex;
      judgeRun(text, runStart, runEnd, findings);
      if (runEnd > consumed) consumed = runEnd;
      runStart = numberStart(text, runEnd, regionEnd);
    }
    pos = consumed;
  }
  return findings;
}

const HAS_TWO_DIGITS = /\d\d/;

export const phoneDetector: Detector = {
  id: 'phone',
  types: ['phone'],
  detect: (text) => (hasDigit(text) && HAS_TWO_DIGITS.test(text) ? findPhones(text) : []),
};
