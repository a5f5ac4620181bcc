import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatPlaceholder,
  mintPlaceholder,
  NONCE_LENGTH,
  nonceValueAt,
  randomNonce,
} from './placeholder.ts';

describe('nonces', () => {
  it('a minted placeholder reads back its nonce value, in either case, and equals the formatted one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 50 - 1 }),
        fc.constantFrom('EMAIL', 'ORG', 'API_KEY'),
        (value, label) => {
          const placeholder = mintPlaceholder(label, value);
          const at = placeholder.length - 2 - NONCE_LENGTH;
          expect(nonceValueAt(placeholder, at)).toBe(value);
          expect(nonceValueAt(placeholder.toLowerCase(), at)).toBe(value);
          expect(formatPlaceholder(label, placeholder.slice(at, -2))).toBe(placeholder);
        },
      ),
    );
  });

  it('reads -1 for characters outside the alphabet and for positions out of range', () => {
    expect(nonceValueAt('ABCDEFGHJI', 0)).toBe(-1); // I is not in Crockford base32
    expect(nonceValueAt('0123456789', 1)).toBe(-1);
    expect(nonceValueAt('0123456789', -1)).toBe(-1);
    expect(nonceValueAt('０123456789', 0)).toBe(-1);
    expect(nonceValueAt('0000000001', 0)).toBe(1);
  });

  it('random nonces use the alphabet and differ', () => {
    const seen = new Set(Array.from({ length: 1000 }, () => randomNonce()));
    expect(seen.size).toBe(1000);
    for (const nonce of seen) expect(nonce).toMatch(/^[0-9A-HJKMNP-TV-Z]{10}$/);
  });
});
