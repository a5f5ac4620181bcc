import { describe, expect, it } from 'vitest';
import { cnResidentIdDetector, findCnResidentIds, isValidCnResidentId } from './cn-resident-id.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('cn_resident_id', () => {
  it('finds valid 18-character ids, with X check characters', () => {
    expect(spans(cnResidentIdDetector, '身份证号11010519491231002X。')).toEqual(['11010519491231002X']);
    expect(findCnResidentIds('id 11010519491231002x ok')).toMatchObject([{ start: 3, end: 21 }]);
  });

  it('finds an 18-character id behind one capital letter (a student registration number)', () => {
    expect(spans(cnResidentIdDetector, '学籍号是 G11010519491231002X，请填写')).toEqual([
      '11010519491231002X',
    ]);
    // Two letters, or a letter glued to a longer word, is some other code.
    expect(spans(cnResidentIdDetector, 'SKU AG11010519491231002X')).toEqual([]);
    expect(spans(cnResidentIdDetector, 'order-G11010519491231002X')).toEqual([]);
  });

  it('finds first-generation 15-digit ids with a real birth date', () => {
    expect(isValidCnResidentId('110105491231002')).toBe(true);
    expect(isValidCnResidentId('110105491331002')).toBe(false);
  });

  it('rejects wrong check characters, provinces and dates', () => {
    expect(isValidCnResidentId('110105194912310021')).toBe(false);
    expect(isValidCnResidentId('99010519491231002X')).toBe(false);
    expect(spans(cnResidentIdDetector, '身份证号110105194913310021')).toEqual([]);
  });

  it('stays linear on long digit runs', () => {
    expect(scalingRatio(findCnResidentIds, '1'.repeat(100_000), '1'.repeat(1_000_000))).toBeLessThan(40);
  });
});
