/**
 * Folds the look-alike characters people (and attackers) use to hide values from pattern matching:
 * zero-width and soft-hyphen characters are dropped, full-width ASCII and every Unicode decimal digit
 * become ASCII, exotic spaces become a plain space, dash look-alikes become `-`. Every normalized code
 * unit remembers the original span it came from, so findings are reported against the caller's string.
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
/** Quick screen: any character that folding might touch. Plain ASCII and CJK text never match. */
const NEEDS_FOLDING =
  /\u034f|[\u00a0\u00ad\u061c\u115f\u1160\u1680\u17b4\u17b5\u180e\u2000-\u2015\u2028-\u202f\u205f-\u206f\u2212\u3000\ufe58\ufe63\ufe6b\ufeff\uff01-\uff5e]|[^\P{Nd}0-9]/u;

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
  const out: string[] = [];
  // origStart[i] / origEnd[i]: the original span behind normalized code unit i.
  const origStart: number[] = [];
  const origEnd: number[] = [];
  let changed = false;
  for (let i = 0; i < original.length; ) {
    const cp = original.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = original.slice(i, i + width);
    const folded = cp < 0x80 ? ch : foldCodePoint(cp, ch);
    if (folded !== ch) changed = true;
    for (let k = 0; k < folded.length; k++) {
      out.push(folded[k]!);
      origStart.push(i);
      origEnd.push(i + width);
    }
    i += width;
  }
  if (!changed) return { text: original, identity: true, toOriginal: (start, end) => [start, end] };
  const text = out.join('');
  return {
    text,
    identity: false,
    toOriginal(start, end) {
      if (end <= start) {
        const at = start < origStart.length ? origStart[start]! : original.length;
        return [at, at];
      }
      return [origStart[start]!, origEnd[end - 1]!];
    },
  };
}
