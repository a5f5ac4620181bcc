/**
 * Folds the look-alike characters people (and attackers) use to hide values from pattern matching:
 * zero-width and soft-hyphen characters are dropped, full-width ASCII and every Unicode decimal digit
 * become ASCII, exotic spaces become a plain space, dash look-alikes become `-`, a curly apostrophe inside a
 * Latin word becomes `'`. JSON string escapes
 * (`\n`, `\"`, `\u0040` …) are decoded, because JSON carried inside a string — tool-call arguments above
 * all — is read by the model as the text it encodes: `\n4111…` must not hide a card behind an `n`. URL
 * escapes of printable ASCII (`ann%40example.com` in a pasted link) are decoded for the same reason.
 * Every normalized code unit remembers the original span it came from, so findings are reported against
 * the caller's string.
 */
export interface NormalizedText {
  /** The folded text detectors run on. */
  readonly text: string;
  /** True when folding changed nothing (maps are then the identity and are not allocated). */
  readonly identity: boolean;
  /** Maps a `[start, end)` span of `text` back to the original string. */
  toOriginal(start: number, end: number): [number, number];
}

const DROPPED =
  /\u034f|[\u00ad\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const SPACES = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/;
/** Quick screen: any character that folding might touch. Plain ASCII without backslash escapes and CJK never match. */
const NEEDS_FOLDING =
  /\\[nrtbf"\\/u]|%[0-9A-Fa-f]{2}|\u034f|[\u00a0\u00ad\u061c\u115f\u1160\u1680\u17b4\u17b5\u180e\u02bc\u2000-\u2015\u2019\u2028-\u202f\u205f-\u206f\u2212\u3000\ufe58\ufe63\ufe6b\ufeff\uff01-\uff5e]|[^\P{Nd}0-9]/u;
/** What a JSON escape letter stands for, by the letter's char code (`\uXXXX` is decoded separately). */
const JSON_ESCAPES: ReadonlyArray<string | undefined> = (() => {
  const table: Array<string | undefined> = [];
  const pairs: Array<[string, string]> = [
    ['n', '\n'],
    ['r', '\r'],
    ['t', '\t'],
    ['b', ' '],
    ['f', ' '],
    ['"', '"'],
    ['\\', '\\'],
    ['/', '/'],
  ];
  for (const [letter, decoded] of pairs) table[letter.charCodeAt(0)] = decoded;
  return table;
})();
const HEX4 = /^[0-9A-Fa-f]{4}$/;

/** The `\uXXXX` escape at `i` (a surrogate pair as two escapes): its decoded text and length, or undefined. */
function unicodeEscapeAt(original: string, i: number): { decoded: string; width: number } | undefined {
  const hex = original.slice(i + 2, i + 6);
  if (!HEX4.test(hex)) return undefined;
  const unit = Number.parseInt(hex, 16);
  if (unit >= 0xd800 && unit <= 0xdbff && original.startsWith('\\u', i + 6)) {
    const low = original.slice(i + 8, i + 12);
    if (HEX4.test(low)) {
      const lowUnit = Number.parseInt(low, 16);
      if (lowUnit >= 0xdc00 && lowUnit <= 0xdfff)
        return { decoded: String.fromCharCode(unit, lowUnit), width: 12 };
    }
  }
  return { decoded: String.fromCharCode(unit), width: 6 };
}

const HEX2 = /^[0-9A-Fa-f]{2}$/;

function byteAt(original: string, i: number): number {
  if (original.charCodeAt(i) !== 37) return -1;
  const hex = original.slice(i + 1, i + 3);
  return HEX2.test(hex) ? Number.parseInt(hex, 16) : -1;
}

/**
 * The character a run of URL escapes at `i` stands for — printable ASCII or whitespace (`%40` → `@`,
 * `%0A`), or one UTF-8 encoded character (`%E5%BC%A0` → `张`) — and how many escapes it took; else undefined.
 */
function urlEscapeAt(original: string, i: number): { decoded: string; width: number } | undefined {
  const lead = byteAt(original, i);
  if (lead === -1) return undefined;
  if (lead < 0x80) {
    const printable = (lead >= 0x20 && lead <= 0x7e) || lead === 0x09 || lead === 0x0a || lead === 0x0d;
    return printable ? { decoded: String.fromCharCode(lead), width: 3 } : undefined;
  }
  const extra = lead >= 0xf0 && lead <= 0xf4 ? 3 : lead >= 0xe0 ? 2 : lead >= 0xc2 && lead <= 0xdf ? 1 : -1;
  if (extra === -1 || lead > 0xf4) return undefined;
  let cp = lead & (0x3f >> extra);
  for (let k = 1; k <= extra; k++) {
    const next = byteAt(original, i + 3 * k);
    if (next < 0x80 || next > 0xbf) return undefined;
    cp = (cp << 6) | (next & 0x3f);
  }
  // Overlong forms and surrogates are not characters.
  if (cp < [0, 0x80, 0x800, 0x10000][extra]! || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff)
    return undefined;
  return { decoded: String.fromCodePoint(cp), width: 3 * (extra + 1) };
}

let digitValues: Map<number, number> | undefined;

/** Value of any Unicode decimal digit (Nd) code point, or -1; the table is built once, on first use. */
function unicodeDigitValue(codePoint: number): number {
  if (!digitValues) {
    digitValues = new Map();
    const isDigit = /\p{Nd}/u;
    // Nd code points come in contiguous runs of ten, each starting at its zero.
    let runStart = -1;
    let previous = -2;
    for (let cp = 0x80; cp < 0x1fc00; cp++) {
      if (!isDigit.test(String.fromCodePoint(cp))) continue;
      if (cp !== previous + 1 || cp - runStart >= 10) runStart = cp;
      digitValues.set(cp, cp - runStart);
      previous = cp;
    }
  }
  return digitValues.get(codePoint) ?? -1;
}

const isAsciiLetter = (c: number) => (c | 0x20) >= 97 && (c | 0x20) <= 122;

/**
 * A typographic apostrophe inside a Latin word ("I’ve", "Don’t", "Fowler’s") reads as `'`: left curly, the
 * contraction looked like a capitalized unknown word. Quotation marks (Chinese ‘…’, or after a space) stay.
 */
function isCurlyApostrophe(original: string, i: number, cp: number): boolean {
  return (
    (cp === 0x2019 || cp === 0x02bc) &&
    isAsciiLetter(original.charCodeAt(i - 1)) &&
    isAsciiLetter(original.charCodeAt(i + 1))
  );
}

function foldCodePoint(cp: number, ch: string): string {
  if (cp >= 0xff01 && cp <= 0xff5e && cp !== 0xff0d) return String.fromCharCode(cp - 0xfee0);
  if (DROPPED.test(ch)) return '';
  if (SPACES.test(ch)) return ' ';
  if (DASHES.test(ch)) return '-';
  if (cp === 0xfe6b) return '@';
  const digit = unicodeDigitValue(cp);
  if (digit >= 0) return String.fromCharCode(48 + digit);
  return ch;
}

export function normalizeText(original: string): NormalizedText {
  if (!NEEDS_FOLDING.test(original)) {
    return { text: original, identity: true, toOriginal: (start, end) => [start, end] };
  }
  // Built by concatenation: V8 joins string pieces much faster than an array join of many small ones.
  let text = '';
  // origStart[i] / origEnd[i]: the original span behind normalized code unit i. Folding never lengthens
  // the text, so the original length bounds both.
  const origStart = new Int32Array(original.length);
  const origEnd = new Int32Array(original.length);
  let length = 0;
  let changed = false;
  for (let i = 0; i < original.length; ) {
    const code = original.charCodeAt(i);
    if (code < 0x80 && code !== 92 && code !== 37) {
      // A run of plain ASCII maps to itself.
      let j = i + 1;
      for (
        let c = original.charCodeAt(j);
        j < original.length && c < 0x80 && c !== 92 && c !== 37;
        c = original.charCodeAt(++j)
      );
      text += original.slice(i, j);
      for (let k = i; k < j; k++, length++) {
        origStart[length] = k;
        origEnd[length] = k + 1;
      }
      i = j;
      continue;
    }
    if (code === 92) {
      const decoded = JSON_ESCAPES[original.charCodeAt(i + 1)];
      if (decoded !== undefined) {
        text += decoded;
        origStart[length] = i;
        origEnd[length] = i + 2;
        length++;
        changed = true;
        i += 2;
        continue;
      }
    }
    const escaped =
      code === 92 && original.charCodeAt(i + 1) === 117
        ? unicodeEscapeAt(original, i)
        : code === 37
          ? urlEscapeAt(original, i)
          : undefined;
    const cp = escaped ? escaped.decoded.codePointAt(0)! : original.codePointAt(i)!;
    const width = escaped ? escaped.width : cp > 0xffff ? 2 : 1;
    const ch = escaped ? escaped.decoded : original.slice(i, i + width);
    const folded = cp < 0x80 ? ch : isCurlyApostrophe(original, i, cp) ? "'" : foldCodePoint(cp, ch);
    if (escaped || folded !== ch) changed = true;
    text += folded;
    for (let k = 0; k < folded.length; k++, length++) {
      origStart[length] = i;
      origEnd[length] = i + width;
    }
    i += width;
  }
  if (!changed) return { text: original, identity: true, toOriginal: (start, end) => [start, end] };
  return {
    text,
    identity: false,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < length ? origStart[start]! : original.length;
        return [at, at];
      }
      return [origStart[start]!, origEnd[end - 1]!];
    },
  };
}
