import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isHouseNumber, isIntlPostcode, isOrdinalNumber, isZipCode } from './number-shapes.ts';

// The regexes the parser used: each shape function must agree with its regex on every string.
const SHAPES: Array<[string, (s: string) => boolean, RegExp]> = [
  ['isZipCode', isZipCode, /^(?:\d{5}(?:-\d{4})?|\d{9})$/],
  ['isIntlPostcode', isIntlPostcode, /^\d{4,6}$/],
  ['isOrdinalNumber', isOrdinalNumber, /^\d+(?:st|nd|rd|th)$/],
  ['isHouseNumber', isHouseNumber, /^(?:\d[\da-z]*(?:[/-][\da-z]+)*|[nsew]\d+[nsew]?)$/],
];

/** Number-token-like strings: digits, the letters and joins the shapes care about, and a few others. */
const numberLike = fc
  .array(fc.constantFrom(...'0123456789', '12345', '6789', 'st', 'nd', 'rd', 'th', ...'nsewaxz-/.A ٣'), {
    maxLength: 12,
  })
  .map((parts) => parts.join(''));

/** ZIP-like strings: digits and dashes of ZIP lengths, so every shape sees many matches. */
const zipLike = fc
  .array(fc.constantFrom(...'0123456789-'), { minLength: 4, maxLength: 11 })
  .map((chars) => chars.join(''));

/** Ordinal-like strings: digits, then a suffix or two letters. */
const ordinalLike = fc
  .tuple(fc.stringMatching(/^\d{0,4}$/), fc.constantFrom('st', 'nd', 'rd', 'th', 'sd', 'tt', 'n', ''))
  .map(([digits, suffix]) => digits + suffix);

describe('number shapes', () => {
  it('agree with the regexes they replaced', () => {
    for (const [name, shape, regex] of SHAPES) {
      let matches = 0;
      fc.assert(
        fc.property(
          fc.oneof(numberLike, zipLike, ordinalLike, fc.string({ unit: 'binary', maxLength: 12 })),
          (s) => {
            const expected = regex.test(s);
            if (expected) matches++;
            expect(shape(s), `${name} ${JSON.stringify(s)}`).toBe(expected);
          },
        ),
        // A fixed seed: the counts of matches below must not depend on the run.
        { numRuns: 30_000, seed: 20261126 },
      );
      expect(matches, name).toBeGreaterThan(100);
    }
  });

  it('read the shapes of address numbers', () => {
    expect(isZipCode('62704')).toBe(true);
    expect(isZipCode('62704-1234')).toBe(true);
    expect(isZipCode('627041234')).toBe(true);
    expect(isZipCode('6270-41234')).toBe(false);
    expect(isIntlPostcode('1010')).toBe(true);
    expect(isIntlPostcode('1234567')).toBe(false);
    expect(isOrdinalNumber('21st')).toBe(true);
    expect(isOrdinalNumber('st')).toBe(false);
    expect(isHouseNumber('720')).toBe(true);
    expect(isHouseNumber('12-14b')).toBe(true);
    expect(isHouseNumber('1/2')).toBe(true);
    expect(isHouseNumber('12--14')).toBe(false);
    expect(isHouseNumber('12-')).toBe(false);
    expect(isHouseNumber('w206n')).toBe(true);
    expect(isHouseNumber('w206x')).toBe(false);
    expect(isHouseNumber('ns')).toBe(false);
  });
});
