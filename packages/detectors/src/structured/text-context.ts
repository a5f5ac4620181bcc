/** Small character and context helpers shared by the structured-identifier detectors. */

/** ASCII letter, digit or underscore: what glues a number to a neighbouring token. */
export function isAsciiWordCode(code: number): boolean {
  return (
    (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95
  );
}

export function isDigitCode(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Letter in any script except CJK ideographs (Chinese text runs straight into numbers without spaces). */
const NON_CJK_LETTER = /[\p{L}\p{M}]/u;
const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;

/** True when the character at `index` is a letter or digit that would make a number part of a longer token. */
export function gluesToToken(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  if (code < 128) return isAsciiWordCode(code);
  const ch = text[index]!;
  return NON_CJK_LETTER.test(ch) && !CJK.test(ch);
}

export function isCjkAt(text: string, index: number): boolean {
  return index >= 0 && index < text.length && CJK.test(text[index]!);
}

/** Lower-cased text of up to `window` characters before `start`, cut at the previous line break. */
export function lineBefore(text: string, start: number, window: number): string {
  let from = Math.max(0, start - window);
  // Searched only within the window: lastIndexOf would scan a long line back to its start on every call.
  for (let i = start - 1; i >= from; i--) {
    if (text.charCodeAt(i) === 10) {
      from = i + 1;
      break;
    }
  }
  return text.slice(from, start).toLowerCase();
}

/**
 * Text of up to `window` characters from `end` to the end of its line, as written. Bounded: searching the
 * rest of the text for the line end made one long line of number pairs quadratic.
 */
export function lineAfter(text: string, end: number, window: number): string {
  const after = text.slice(end, end + window);
  const lineEnd = after.indexOf('\n');
  return lineEnd === -1 ? after : after.slice(0, lineEnd);
}

/** Lower-cased text of up to `window` characters before `start`, across line breaks. */
export function textBefore(text: string, start: number, window: number): string {
  return text.slice(Math.max(0, start - window), start).toLowerCase();
}

/** Keeps only ASCII digits. */
export function digitsOf(value: string): string {
  return value.replace(/\D+/g, '');
}

const DIGIT = /\d/;
let lastText: string | undefined;
let lastHasDigit = false;

/**
 * True when the text holds an ASCII digit. Every numeric detector asks this first about the same
 * string, so the answer for the latest text is remembered: digit-free prose costs one scan in all.
 */
export function hasDigit(text: string): boolean {
  if (text !== lastText) {
    lastText = text;
    lastHasDigit = DIGIT.test(text);
  }
  return lastHasDigit;
}
