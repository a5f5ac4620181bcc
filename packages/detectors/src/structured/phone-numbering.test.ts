import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { callingCodeOf, parsesAsInternational, planFacts } from './phone-numbering.ts';

describe('phone numbering plans', () => {
  it('extracts calling codes like libphonenumber', () => {
    expect(callingCodeOf('14155550147')).toBe('1');
    expect(callingCodeOf('442079460321')).toBe('44');
    expect(callingCodeOf('8613912345678')).toBe('86');
    expect(callingCodeOf('80012345678')).toBe('800');
    expect(callingCodeOf('2899999')).toBeUndefined();
  });

  it('agrees with libphonenumber on which numbers parse at all', () => {
    let seed = 42;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed;
    };
    for (let i = 0; i < 3000; i++) {
      let digits = '';
      const length = 6 + (next() % 10);
      for (let k = 0; k < length; k++) digits += String(next() % 10);
      expect(parsesAsInternational(digits), digits).toBe(
        parsePhoneNumberFromString(`+${digits}`) !== undefined,
      );
    }
  });

  it('memoizes validation facts', () => {
    const first = planFacts('2125550147', 'US');
    expect(planFacts('2125550147', 'US')).toBe(first);
    expect(planFacts('+442079460321')?.countryCallingCode).toBe('44');
    expect(planFacts('+999')).toBeUndefined();
  });
});
