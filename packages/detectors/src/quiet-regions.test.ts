import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinDetectors } from './builtin.ts';
import { createDetectionEngine } from './engine.ts';
import { withoutQuietEntities } from './quiet-regions.ts';
import type { EntityType, Finding } from './types.ts';

const finding = (start: number, end: number, type: EntityType = 'organization'): Finding => ({
  start,
  end,
  type,
  detector: 'test',
  score: 0.5,
});

describe('quiet regions', () => {
  it('drops only person, organization and address findings wholly inside a region', () => {
    const kept = withoutQuietEntities(
      [
        finding(0, 5),
        finding(12, 15),
        finding(12, 15, 'email'),
        finding(18, 25),
        finding(40, 45, 'person_name'),
      ],
      [30, 50, 10, 20],
    );
    expect(kept.map((f) => [f.start, f.type])).toEqual([
      [0, 'organization'],
      [12, 'email'],
      [18, 'organization'],
    ]);
  });
  it('agrees with a direct check for any regions, overlapping ones included', () => {
    const span = fc.tuple(fc.nat(200), fc.nat(30)).map(([s, l]) => [s, s + l] as const);
    fc.assert(
      fc.property(fc.array(span, { maxLength: 20 }), fc.array(span, { maxLength: 20 }), (regions, spans) => {
        const quiet = regions.flat();
        const findings = spans.map(([s, e]) => finding(s, e));
        const expected = findings.filter((f) => !regions.some(([s, e]) => s <= f.start && f.end <= e));
        expect(withoutQuietEntities(findings, quiet)).toEqual(expected);
      }),
    );
  });
  it('keeps a city or carrier column of an export unmasked, and still masks the people in it', () => {
    const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
    const text =
      'Fix the import:\nid,name,email,city,carrier\n1,Orla Brennick,orla@example.test,Boston,FedEx\n2,Tamsin Vey,tamsin@example.test,Paris,UPS';
    const found = engine.detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['person_name', 'Orla Brennick'],
      ['email', 'orla@example.test'],
      ['person_name', 'Tamsin Vey'],
      ['email', 'tamsin@example.test'],
    ]);
  });
  it("a service column names the carrier's product, not a party", () => {
    const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
    const text =
      '| Ref | Consignee | Service | AWB |\n|---|---|---|---|\n| R-1 | Oskar Vintergren | DHL Express WW | 5521 9930 12 |\n| R-2 | Maelle Quint | FedEx IP | 8810 2231 4409 |';
    const found = engine.detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);
    expect(found).toEqual([
      ['person_name', 'Oskar Vintergren'],
      ['person_name', 'Maelle Quint'],
    ]);
  });
});
