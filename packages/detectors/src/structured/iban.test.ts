import { describe, expect, it } from 'vitest';
import { findIbans, ibanDetector } from './iban.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('iban', () => {
  it('finds compact and grouped IBANs', () => {
    expect(spans(ibanDetector, 'IBAN GB82WEST12345698765432 please')).toEqual(['GB82WEST12345698765432']);
    expect(spans(ibanDetector, 'IBAN: GB82 WEST 1234 5698 7654 32.')).toEqual([
      'GB82 WEST 1234 5698 7654 32',
    ]);
    expect(findIbans('x DE89370400440532013000')).toMatchObject([{ start: 2, end: 24, type: 'iban' }]);
  });

  it('finds IBANs glued to Chinese text, never inside a Latin token', () => {
    // Found by the proxy leak fuzzer: Chinese writing puts no space before a Latin value.
    expect(spans(ibanDetector, '收款账户DE89370400440532013000请尽快汇款')).toEqual([
      'DE89370400440532013000',
    ]);
    expect(spans(ibanDetector, '账户GB82 WEST 1234 5698 7654 32。')).toEqual(['GB82 WEST 1234 5698 7654 32']);
    expect(spans(ibanDetector, 'xDE89370400440532013000')).toEqual([]);
    expect(spans(ibanDetector, '_DE89370400440532013000')).toEqual([]);
    expect(spans(ibanDetector, '7DE89370400440532013000')).toEqual([]);
    expect(spans(ibanDetector, 'éDE89370400440532013000')).toEqual([]);
  });

  it('rejects bad checksums, unknown countries and wrong lengths', () => {
    expect(spans(ibanDetector, 'GB83WEST12345698765432')).toEqual([]);
    expect(spans(ibanDetector, 'QQ82WEST12345698765432')).toEqual([]);
    expect(spans(ibanDetector, 'GB82WEST123456987654321')).toEqual([]);
  });

  it('stays linear on adversarial input', () => {
    const unit = 'GB82 1';
    expect(scalingRatio(findIbans, unit.repeat(20_000), unit.repeat(200_000))).toBeLessThan(40);
    // Country-code-and-digits shapes glued into one long token.
    const glued = 'DE89AB';
    expect(scalingRatio(findIbans, glued.repeat(20_000), glued.repeat(200_000))).toBeLessThan(40);
  });
});
