/**
 * Shapes of a number token's `low` that the address parser asks about, read with charCodeAt instead of a
 * regex call (the parser asks several times per token, and a regex call costs more than the few
 * characters it reads). Each function equals the regex in its comment on every string; a test compares
 * them on random strings.
 */

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Lower-case ASCII letter or digit: `[\da-z]`. */
function isLowerAlnumCode(c: number): boolean {
  return isDigitCode(c) || (c >= 97 && c <= 122);
}

/** Whether `s[from, to)` is all ASCII digits. */
function digitsIn(s: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) {
    if (!isDigitCode(s.charCodeAt(k))) return false;
  }
  return true;
}

/** `/^(?:\d{5}(?:-\d{4})?|\d{9})$/`: a US ZIP or ZIP+4. */
export function isZipCode(s: string): boolean {
  const n = s.length;
  if (n === 5 || n === 9) return digitsIn(s, 0, n);
  return n === 10 && s.charCodeAt(5) === 45 && digitsIn(s, 0, 5) && digitsIn(s, 6, 10);
}

/** `/^\d{4,6}$/`: a postcode of four to six digits. */
export function isIntlPostcode(s: string): boolean {
  return s.length >= 4 && s.length <= 6 && digitsIn(s, 0, s.length);
}

/** `/^\d+(?:st|nd|rd|th)$/`: "21st", "3rd". */
export function isOrdinalNumber(s: string): boolean {
  const n = s.length;
  if (n < 3 || !digitsIn(s, 0, n - 2)) return false;
  const a = s.charCodeAt(n - 2);
  const b = s.charCodeAt(n - 1);
  return (
    (a === 115 && b === 116) /* st */ ||
    (a === 110 && b === 100) /* nd */ ||
    (a === 114 && b === 100) /* rd */ ||
    (a === 116 && b === 104) /* th */
  );
}

/** n, s, e or w. */
function isCompassCode(c: number): boolean {
  return c === 110 || c === 115 || c === 101 || c === 119;
}

/**
 * `/^(?:\d[\da-z]*(?:[/-][\da-z]+)*|[nsew]\d+[nsew]?)$/`: digits with an optional letter or range ("10a",
 * "12-14", "1/2"), or a Wisconsin-style grid number ("w206n").
 */
export function isHouseNumber(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  if (isDigitCode(first)) {
    // [\da-z] runs joined by single `/` or `-`, not ending in one.
    let afterJoin = false;
    for (let k = 1; k < n; k++) {
      const c = s.charCodeAt(k);
      if (isLowerAlnumCode(c)) afterJoin = false;
      else if ((c === 47 || c === 45) && !afterJoin) afterJoin = true;
      else return false;
    }
    return !afterJoin;
  }
  if (!isCompassCode(first)) return false;
  let end = n;
  if (n >= 3 && isCompassCode(s.charCodeAt(n - 1))) end = n - 1;
  return end >= 2 && digitsIn(s, 1, end);
}
