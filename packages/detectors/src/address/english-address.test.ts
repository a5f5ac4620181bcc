import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { findEnglishAddresses } from './english-address.ts';

const spans = (text: string) => findEnglishAddresses(text).map((f) => text.slice(f.start, f.end));

describe('english addresses', () => {
  it('finds US street addresses with unit, city, state and ZIP', () => {
    expect(spans('Send it to 742 Evergreen Terrace, Apt 3B, Springfield, IL 62704 please.')).toEqual([
      '742 Evergreen Terrace, Apt 3B, Springfield, IL 62704',
    ]);
    expect(spans('Our office: 1600 N. Maple Ave., Suite 210, Dayton, Ohio 45402')).toEqual([
      '1600 N. Maple Ave., Suite 210, Dayton, Ohio 45402',
    ]);
  });

  it('reports correct offsets', () => {
    const text = 'I live at 12 Oak Street.';
    const [f] = findEnglishAddresses(text);
    expect(f).toMatchObject({ start: 10, end: 23, type: 'address', detector: 'address.en' });
  });

  it('stops at prose after the street', () => {
    expect(spans('We met at 88 Harbor Road after the concert.')).toEqual(['88 Harbor Road']);
  });

  it('ends a multi-line block at the postcode or at the line that opens a sentence', () => {
    expect(spans('Ship to:\n4821 Jennifer Crossing Suite 402\nLake Andrewberg, NV 03867\nThanks')).toEqual([
      '4821 Jennifer Crossing Suite 402\nLake Andrewberg, NV 03867',
    ]);
    expect(spans('Hauptstrasse 5, 10115 Berlin\nThanks a lot')).toEqual(['Hauptstrasse 5, 10115 Berlin']);
    expect(spans('12 Oak Street\nSpringfield\nBest\nAnna')).toEqual(['12 Oak Street\nSpringfield']);
    // A country line still belongs to the block, and so does a capitalised "New" city.
    expect(spans('10 Downing Street\nLondon SW1A 2AA\nUnited Kingdom')).toEqual([
      '10 Downing Street\nLondon SW1A 2AA\nUnited Kingdom',
    ]);
    expect(spans('Ship to 12 Oak Street\nNew York, NY 10001')).toEqual(['12 Oak Street\nNew York, NY 10001']);
  });

  it('ends a street at a CSV cell boundary (a comma glued on both sides in a row of such cells)', () => {
    expect(spans('D-01002,Frau,Heike,Brandstätter,Lindenstraße 9,Freiburg im Breisgau,79098,DE,n/a')).toEqual(
      ['Lindenstraße 9'],
    );
    expect(spans('Send to 742 Evergreen Terrace,Springfield,IL 62704')).toEqual([
      '742 Evergreen Terrace,Springfield,IL 62704',
    ]);
  });

  it('ends the line at a ZIP or UK postcode: a phone label after it is not the address', () => {
    expect(spans('14 Cavendish Road, Sheffield S11 8LT Tel 0114 268 4409')).toEqual([
      '14 Cavendish Road, Sheffield S11 8LT',
    ]);
    expect(spans('742 Evergreen Terrace, Springfield, IL 62704 Fax 217 555 0100')).toEqual([
      '742 Evergreen Terrace, Springfield, IL 62704',
    ]);
    expect(spans('14 Cavendish Road, Sheffield S11 8LT, United Kingdom')).toEqual([
      '14 Cavendish Road, Sheffield S11 8LT, United Kingdom',
    ]);
  });

  it('handles lower-case and all-caps fields', () => {
    expect(spans('4410 pine ridge dr apt 12 boulder co 80301')).toEqual([
      '4410 pine ridge dr apt 12 boulder co 80301',
    ]);
    expect(spans('9 WILLOW CREEK LN')).toEqual(['9 WILLOW CREEK LN']);
  });

  it('finds PO boxes and military addresses', () => {
    expect(spans('Mail: P.O. Box 4471, Reno, NV 89501')).toEqual(['P.O. Box 4471, Reno, NV 89501']);
    expect(spans('PSC 1234, Box 5678\nAPO AE 09876')).toEqual(['PSC 1234, Box 5678\nAPO AE 09876']);
    expect(spans('Ship to USS Nimitz\nFPO AP 96620 today')).toEqual(['USS Nimitz\nFPO AP 96620']);
  });

  it('anchors on whole keywords, in any case, without a digit nearby', () => {
    expect(spans('Meet me at the corner of Main St and Elm St tonight')).toEqual([
      'the corner of Main St and Elm St',
    ]);
    expect(spans('THE CORNER OF MAIN ST AND ELM ST')).toEqual(['THE CORNER OF MAIN ST AND ELM ST']);
    expect(spans('thecorner of Main St and Elm St')).toEqual([]);
    expect(spans('the corner_ of Main St and Elm St')).toEqual([]);
    expect(spans('the cOrNeR of Main St and Elm St')).toEqual(['the cOrNeR of Main St and Elm St']);
    expect(spans('xbox 12 pro')).toEqual([]);
  });

  it('finds European street-name-first addresses', () => {
    expect(spans('Die Adresse ist Hauptstraße 5, 10115 Berlin.')).toEqual(['Hauptstraße 5, 10115 Berlin']);
    expect(spans('Nous sommes au Rue de Rivoli 12 depuis mai')).toEqual(['Rue de Rivoli 12']);
    expect(spans('Toimisto: Koskikatu 25 Apt. 4')).toEqual(['Koskikatu 25 Apt. 4']);
  });

  it('follows a multi-line address block', () => {
    const text = 'Jane Roe\n51 Lantern Way\nSuite 9\nPortland, OR 97201\n\nThanks';
    expect(spans(text)).toEqual(['51 Lantern Way\nSuite 9\nPortland, OR 97201']);
  });

  it('reads a quoted JSON, SQL or CSV field holding a street line as an address', () => {
    expect(spans('{ "line1": "5120 W Juniper Rd", "city": "Tucson" }')).toEqual(['5120 W Juniper Rd']);
    expect(spans("(2001, 'Dana Whitlock', '41 Cedar Hollow Rd', 'Dayton', '45402')")).toEqual([
      '41 Cedar Hollow Rd',
    ]);
  });

  it('ignores table columns and upper-case acronyms in operational text', () => {
    expect(spans('Pos 4    FREIGHT      Freight UPS 1420556031             1   lot     890.00')).toEqual([]);
    expect(spans('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4_1) AppleWebKit/605.1.15')).toEqual([]);
    expect(spans('Meet me at Os. Tysiąclecia 12 tomorrow')).toEqual(['Os. Tysiąclecia 12']);
  });

  it('ignores scores, list items, years and quantities', () => {
    expect(spans('Leeds 2 Chelsea 1')).toEqual([]);
    expect(spans('1. Maria Lopez ( Spain ) 10.55')).toEqual([]);
    expect(spans('In 1979 Democracy Wall was closed.')).toEqual([]);
    expect(spans('The index closed 3.53 points lower on Friday.')).toEqual([]);
    expect(spans('Only 5 people came, 2 of them late.')).toEqual([]);
    expect(spans('Springfield, IL 62704')).toEqual([]);
  });

  it('does not treat CJK text as address words', () => {
    expect(spans('15个大型社区将重点建设')).toEqual([]);
  });

  it('never throws on odd input', () => {
    expect(() => findEnglishAddresses('\ud800 12 \udfff Main St \u0000')).not.toThrow();
    expect(findEnglishAddresses('')).toEqual([]);
  });

  it('stays linear on adversarial input', () => {
    const inputs = [
      (n: number) => '1'.repeat(n),
      (n: number) => '1 '.repeat(n / 2),
      (n: number) => 'Street '.repeat(n / 7),
      (n: number) => '12 Main Street '.repeat(n / 15),
      (n: number) => '1 A '.repeat(n / 4),
      (n: number) => 'a@a.a '.repeat(n / 6),
      (n: number) => ' '.repeat(n),
      (n: number) => '1\n'.repeat(n / 2),
      (n: number) => 'box corner uss '.repeat(n / 15),
    ];
    for (const make of inputs) {
      const small = make(100_000);
      const big = make(1_000_000);
      // 10x the input must not take much more than ~10x the CPU time (quadratic would be ~100x).
      expect(scalingRatio(findEnglishAddresses, small, big, 400)).toBeLessThan(40);
    }
  });
});
