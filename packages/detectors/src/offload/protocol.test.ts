import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EntityType, Finding } from '../types.ts';
import { packFindings, unpackFindings } from './protocol.ts';

const TYPES: EntityType[] = ['email', 'phone', 'person_name', 'api_key', 'custom'];

const finding = fc.record({
  start: fc.nat(1_000_000),
  end: fc.nat(1_000_000),
  type: fc.constantFrom(...TYPES),
  detector: fc.constantFrom('email', 'phone', 'en.entities', 'secret.provider-token', 'deny-terms'),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
}) satisfies fc.Arbitrary<Finding>;

describe('packed findings', () => {
  it('unpack(pack(x)) is x, texts without findings included', () => {
    fc.assert(
      fc.property(fc.array(fc.array(finding, { maxLength: 6 }), { maxLength: 8 }), (perText) => {
        const { packed, names } = packFindings(perText);
        expect(unpackFindings(packed, names)).toEqual(perText);
      }),
    );
  });

  it('names each type and detector once per reply', () => {
    const one: Finding = { start: 0, end: 5, type: 'email', detector: 'email', score: 1 };
    const { names, packed } = packFindings([[one, { ...one, start: 7, end: 9 }], [], [one]]);
    expect(names).toEqual(['email']);
    expect(packed.length).toBe(3 + 3 * 5);
  });
});
