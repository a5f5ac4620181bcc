import { describe, expect, it } from 'vitest';
import { gb11643CheckChar, ibanMod97Valid, isCalendarDate, luhnValid } from './checksums.ts';

describe('luhnValid', () => {
  it('accepts valid and rejects off-by-one numbers', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398713')).toBe(true);
  });
  it('rejects empty and non-digit input', () => {
    expect(luhnValid('')).toBe(false);
    expect(luhnValid('4111-1111')).toBe(false);
  });
});

describe('ibanMod97Valid', () => {
  it('checks the ISO 7064 remainder', () => {
    expect(ibanMod97Valid('GB82WEST12345698765432')).toBe(true);
    expect(ibanMod97Valid('gb82west12345698765432')).toBe(true);
    expect(ibanMod97Valid('GB83WEST12345698765432')).toBe(false);
    expect(ibanMod97Valid('GB82')).toBe(false);
    expect(ibanMod97Valid('GB82WEST1234569876543!')).toBe(false);
  });
});

describe('gb11643CheckChar', () => {
  it('computes the check character, including X', () => {
    expect(gb11643CheckChar('11010519491231002')).toBe('X');
    expect(gb11643CheckChar('1101051949123100')).toBeUndefined();
  });
});

describe('isCalendarDate', () => {
  it('knows month lengths and leap years', () => {
    expect(isCalendarDate(2000, 2, 29)).toBe(true);
    expect(isCalendarDate(1900, 2, 29)).toBe(false);
    expect(isCalendarDate(2023, 4, 31)).toBe(false);
    expect(isCalendarDate(2023, 13, 1)).toBe(false);
  });
});
