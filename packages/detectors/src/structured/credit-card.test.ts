import { describe, expect, it } from 'vitest';
import { creditCardDetector, findCreditCards } from './credit-card.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('credit_card', () => {
  it('finds Luhn-valid cards in common groupings', () => {
    expect(spans(creditCardDetector, 'Visa 4111 1111 1111 1111 exp 12/29')).toEqual(['4111 1111 1111 1111']);
    expect(spans(creditCardDetector, 'MC 5500-0000-0000-0004.')).toEqual(['5500-0000-0000-0004']);
    expect(spans(creditCardDetector, 'Amex 3782 822463 10005')).toEqual(['3782 822463 10005']);
    expect(spans(creditCardDetector, 'pay with 6011000990139424')).toEqual(['6011000990139424']);
    expect(findCreditCards('x 4111111111111111')).toMatchObject([{ start: 2, end: 18, type: 'credit_card' }]);
  });

  it('finds cards in CSV rows and comma lists (found by the proxy leak fuzzer)', () => {
    expect(spans(creditCardDetector, 'id,status,card\n41390,active,4111111111111111,ok')).toEqual([
      '4111111111111111',
    ]);
    expect(spans(creditCardDetector, 'cards 4111111111111111,5500005555555559')).toEqual([
      '4111111111111111',
      '5500005555555559',
    ]);
    // Decimal and thousands shapes still keep digits out of a card.
    expect(spans(creditCardDetector, 'total 3.4111111111111111 or 4111111111111111.5')).toEqual([]);
  });

  it('rejects Luhn-invalid numbers and odd groupings', () => {
    expect(spans(creditCardDetector, 'card 4111 1111 1111 1112')).toEqual([]);
    expect(spans(creditCardDetector, 'card 41 1111 1111 1111 11')).toEqual([]);
    expect(spans(creditCardDetector, 'card 4111 1111-1111 1111')).toEqual([]);
  });

  it('needs a card word for 12-digit numbers and unusual issuers', () => {
    expect(spans(creditCardDetector, 'ref 501234567896')).toEqual([]);
    expect(spans(creditCardDetector, 'maestro card 501234567896')).toEqual(['501234567896']);
    expect(spans(creditCardDetector, 'call 0086 1380 0138 000')).toEqual([]);
  });

  it('ignores score lines and long digit runs', () => {
    expect(spans(creditCardDetector, 'won 15-6 15-9 11-15 15-10')).toEqual([]);
    expect(spans(creditCardDetector, '1'.repeat(40))).toEqual([]);
  });

  it('stays linear on long digit and separator runs', () => {
    expect(scalingRatio(findCreditCards, '4'.repeat(100_000), '4'.repeat(1_000_000))).toBeLessThan(40);
    const groups = '4111 1111 ';
    expect(scalingRatio(findCreditCards, groups.repeat(10_000), groups.repeat(100_000))).toBeLessThan(40);
  });
});
