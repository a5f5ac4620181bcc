/** Luhn (mod 10) check over a string of ASCII digits; false for anything else. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/**
 * ISO 13616 / ISO 7064 mod-97-10 check of a compact IBAN (letters and digits only, any case):
 * the first four characters move to the end, letters become 10..35, and the number must be ≡ 1 mod 97.
 * Computed piecewise so no big integers are needed.
 */
export function ibanMod97Valid(compact: string): boolean {
  if (compact.length < 5) return false;
  const rearranged = compact.slice(4) + compact.slice(0, 4);
  let remainder = 0;
  for (let i = 0; i < rearranged.length; i++) {
    const c = rearranged.charCodeAt(i) | 0x20; // fold ASCII upper to lower; digits are unaffected
    if (c >= 48 && c <= 57) {
      remainder = (remainder * 10 + (c - 48)) % 97;
    } else if (c >= 97 && c <= 122) {
      remainder = (remainder * 100 + (c - 87)) % 97;
    } else {
      return false;
    }
  }
  return remainder === 1;
}

const GB11643_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const GB11643_CHECK = '10X98765432';

/** GB 11643-1999 check character ('0'-'9' or 'X') for the first 17 digits of a resident id. */
export function gb11643CheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = first17.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    sum += d * GB11643_WEIGHTS[i]!;
  }
  return GB11643_CHECK[sum % 11];
}

/** True when year/month/day name a real calendar day (proleptic Gregorian). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}
