import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import type { Finding } from '../types.ts';
import { englishAddressDetector } from './english-address.ts';
import { findPostcodeAddresses, mayAnchorRun } from './postcode-address.ts';

/** The digit runs of `text` that the anchor scan would pass on (as findEnglishAddresses collects them). */
function runsOf(text: string): number[] {
  const codes = new Uint16Array(text.length + 2);
  for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
  const runs: number[] = [];
  const isDigit = (c: number) => c >= 48 && c <= 57;
  for (let k = 0; k < text.length; ) {
    if (!isDigit(text.charCodeAt(k))) {
      k++;
      continue;
    }
    const start = k;
    while (k < text.length && isDigit(text.charCodeAt(k))) k++;
    if (mayAnchorRun(text, codes, start, k, text.length)) runs.push(start);
  }
  return runs;
}

/** The postcode reader alone. */
function read(text: string): string[] {
  const out: Finding[] = [];
  findPostcodeAddresses(text, runsOf(text), out);
  return out.map((f) => text.slice(f.start, f.end));
}

/** What the English address detector reports in the end: its findings and the postcode reader's, longest kept. */
function detected(text: string): string[] {
  const found = englishAddressDetector.detect(text, {} as never) as Finding[];
  const kept = found.filter(
    (f) =>
      !found.some(
        (g) => g !== f && g.start <= f.start && g.end >= f.end && g.end - g.start > f.end - f.start,
      ),
  );
  return kept.map((f) => text.slice(f.start, f.end));
}

describe('addresses read back from a postcode', () => {
  it('reads French streets with a lower-case street type before "postcode City"', () => {
    expect(detected('Please ship it to 27 rue de la Roquette, 75011 Paris by Friday.')).toEqual([
      '27 rue de la Roquette, 75011 Paris',
    ]);
    expect(detected('Registered office: 41 avenue de l’Opéra, 75002 Paris')).toEqual([
      '41 avenue de l’Opéra, 75002 Paris',
    ]);
    expect(read('office at 9 impasse Saint-Jacques, 31000 Toulouse')).toEqual([
      '9 impasse Saint-Jacques, 31000 Toulouse',
    ]);
    expect(read('Our atelier: 12 bis avenue Jean Jaurès, 69007 Lyon.')).toEqual([
      '12 bis avenue Jean Jaurès, 69007 Lyon',
    ]);
  });

  it('reads a lower-case Romance street type after the house number without a postcode', () => {
    expect(detected('Please ship it to 27 rue de la Roquette by Friday.')).toEqual(['27 rue de la Roquette']);
    expect(detected('Il habite au 8 bis rue Victor Hugo depuis 2019.')).toEqual(['8 bis rue Victor Hugo']);
    // A city part is taken when it ends the clause, not when the sentence goes on after a name.
    expect(read('Our atelier moved to 12 allée des Tilleuls, Lyon.')).toEqual([
      '12 allée des Tilleuls, Lyon',
    ]);
    expect(read('At 5 rue Oberkampf, Marie said hello.')).toEqual(['5 rue Oberkampf']);
    for (const text of [
      'We ordered 5 place settings and 3 avenue maps.',
      'He bought 2 rue plants.',
      'Take 4 via points and 2 route options.',
      'You will rue the day.',
      'Send it via email.',
      'Also Redis 7.2 via Docker Compose, and 2 via FedEx Ground.',
    ]) {
      expect(read(text)).toEqual([]);
    }
  });

  it('takes the floor, flat, level or unit before a UK or Australian street', () => {
    expect(detected('Send the invoice to Second Floor, 45 Temple Row, Birmingham B2 5LS please.')).toEqual([
      'Second Floor, 45 Temple Row, Birmingham B2 5LS',
    ]);
    expect(detected('The tenant lives at Flat 7B, 22 Kings Parade, Cambridge CB2 1ST.')).toEqual([
      'Flat 7B, 22 Kings Parade, Cambridge CB2 1ST',
    ]);
    expect(detected('Our office is on Level 3, 120 Collins Street, Melbourne VIC 3000.')).toEqual([
      'Level 3, 120 Collins Street, Melbourne VIC 3000',
    ]);
    // The parser's country after the postcode stays with the unit read before it.
    expect(detected('Please ship to Level 5, 1 Margaret Street, Sydney NSW 2000, Australia.')).toEqual([
      'Level 5, 1 Margaret Street, Sydney NSW 2000, Australia',
    ]);
    expect(detected('Suite 5, 20 Bond St, Sydney NSW 2000 and the Perth office')).toEqual([
      'Suite 5, 20 Bond St, Sydney NSW 2000',
    ]);
    expect(read('Unit 4, Riverside Industrial Estate, Leeds LS10 1RP')).toEqual([
      'Unit 4, Riverside Industrial Estate, Leeds LS10 1RP',
    ]);
    expect(read('Our London office: 1 Poultry, London EC2R 8EJ')).toEqual(['1 Poultry, London EC2R 8EJ']);
  });

  it('reads Canadian postcodes after the province', () => {
    expect(read('Send to 350 rue Sainte-Catherine Ouest, Montréal, QC H3B 1A1')).toEqual([
      '350 rue Sainte-Catherine Ouest, Montréal, QC H3B 1A1',
    ]);
  });

  it('reads continental streets with the number after the name', () => {
    expect(read('Our Vienna office is at Mariahilfer Straße 45, 1060 Wien.')).toEqual([
      'Mariahilfer Straße 45, 1060 Wien',
    ]);
    expect(read('The warehouse is at Am Marktplatz 3, 04109 Leipzig.')).toEqual([
      'Am Marktplatz 3, 04109 Leipzig',
    ]);
    expect(read('Send it to Prinsengracht 263, 1016 GV Amsterdam please.')).toEqual([
      'Prinsengracht 263, 1016 GV Amsterdam',
    ]);
    expect(read('Karl Johans gate 22, 0162 Oslo')).toEqual(['Karl Johans gate 22, 0162 Oslo']);
    expect(read('ul. Marszałkowska 10, 00-590 Warszawa')).toEqual(['ul. Marszałkowska 10, 00-590 Warszawa']);
    expect(read('Hotel: Calle de Alcalá 45, 28014 Madrid')).toEqual(['Calle de Alcalá 45, 28014 Madrid']);
    // The number in a part of its own after the street, and a Portuguese postcode.
    expect(read('Envíalo a Calle Mayor, 5, 28013 Madrid antes del lunes.')).toEqual([
      'Calle Mayor, 5, 28013 Madrid',
    ]);
    expect(read('Our Lisbon office is at Rua Augusta 274, 1100-053 Lisboa.')).toEqual([
      'Rua Augusta 274, 1100-053 Lisboa',
    ]);
    // A glued street word takes no prose before it ("an" is a particle only before a name).
    expect(read('Rechnung an Müllerweg 7a, 50667 Köln')).toEqual(['Müllerweg 7a, 50667 Köln']);
    // Endings that are English word endings as well, typed only before a postcode part.
    expect(read('Büro: Hohenzollernring 62, 50672 Köln')).toEqual(['Hohenzollernring 62, 50672 Köln']);
    expect(read('Lager Kaiser-Wilhelm-Ring 17, 50672 Köln')).toEqual(['Kaiser-Wilhelm-Ring 17, 50672 Köln']);
    expect(read('Spring 2024, Berlin edition')).toEqual([]);
  });

  it('reads Japanese addresses in romaji back from a postcode after the prefecture or city', () => {
    expect(read('Our Tokyo office is at 3-8-1 Ariake, Koto-ku, Tokyo 135-0063.')).toEqual([
      '3-8-1 Ariake, Koto-ku, Tokyo 135-0063',
    ]);
    expect(read('Hayashi,Tsubame Co.,"4-12-7 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023",+81 90')).toEqual([
      '4-12-7 Nishi-Shinjuku, Shinjuku-ku, Tokyo 160-0023',
    ]);
    expect(read('1-2-3 Umeda, Kita-ku, Osaka-shi, Osaka 530-0001, Japan')).toEqual([
      '1-2-3 Umeda, Kita-ku, Osaka-shi, Osaka 530-0001',
    ]);
    expect(read('Umeda 1-2-3, Kita-ku, Osaka 530-0001')).toEqual(['Umeda 1-2-3, Kita-ku, Osaka 530-0001']);
    // A place without a street, a postcode after no Japanese place, a local number: no address.
    expect(read('Ship to Shinjuku-ku, Tokyo 160-0023 next week')).toEqual([]);
    expect(read('3-8-1 Ariake, Springfield 135-0063')).toEqual([]);
    expect(read('Call Kenji 555-0132, Tokyo desk')).toEqual([]);
  });

  it('reads an address in a quoted CSV cell or in brackets', () => {
    expect(read('Claire,Fournier,"7 avenue Jean Médecin, 06000 Nice",+33 6 12 85 40 77')).toEqual([
      '7 avenue Jean Médecin, 06000 Nice',
    ]);
    expect(read('Lena,Hofmann,"Hohenzollernring 62, 50672 Köln",,lena@example.de')).toEqual([
      'Hohenzollernring 62, 50672 Köln',
    ]);
    expect(read('ship to [Friedrichstraße 123, 10117 Berlin] by Friday')).toEqual([
      'Friedrichstraße 123, 10117 Berlin',
    ]);
  });

  it('reads a US street or place without a house number before "City, ST ZIP"', () => {
    expect(detected('Please mail the forms to Cedar Hollow Road, Millbrook, NY 12545 by June.')).toEqual([
      'Cedar Hollow Road, Millbrook, NY 12545',
    ]);
    expect(detected('Pinecrest Mall, Dover, DE 19901')).toEqual(['Pinecrest Mall, Dover, DE 19901']);
    expect(detected('Remit to P.O.Box 4410, Oak Park, IL 60301')).toEqual([
      'P.O.Box 4410, Oak Park, IL 60301',
    ]);
    expect(detected('Our depot: US Highway 61, Clarksdale, MS 38614-2201')).toEqual([
      'US Highway 61, Clarksdale, MS 38614-2201',
    ]);
    for (const text of [
      'Acme Holdings, Springfield, IL 62704',
      'I moved to Springfield, IL 62704 last year.',
      'The Rolling Stones, Chicago, IL 60601',
    ]) {
      expect(read(text)).toEqual([]);
    }
  });

  it('reads an address block over lines', () => {
    expect(read('Flat 3\n14 Albert Road\nLondon N4 3RP\nThanks')).toEqual([
      'Flat 3\n14 Albert Road\nLondon N4 3RP',
    ]);
    // A building name between the unit and the street comes with the unit; the company line above does not.
    expect(read('Invoice to:\nAcme Ltd\nUnit 7, Meadow Court\n3 Station Road\nReading RG1 1LX')).toEqual([
      'Unit 7, Meadow Court\n3 Station Road\nReading RG1 1LX',
    ]);
    expect(read('Acme Ltd, Meadow Court, 3 Station Road, Reading RG1 1LX')).toEqual([
      '3 Station Road, Reading RG1 1LX',
    ]);
    expect(read('Our registered office: Flat 1/2, 7 Park Circus, Glasgow G3 6AX.')).toEqual([
      'Flat 1/2, 7 Park Circus, Glasgow G3 6AX',
    ]);
  });

  it('leaves look-alikes alone', () => {
    for (const text of [
      'We met in Paris 2024 and again in Lyon.',
      'Upgrade to version 10117 before Monday, 10117 Berlin users are affected.',
      'Escalate to Level 3 support, 2000 Sydney customers are waiting.',
      'Contact us via email, 75011 Paris office is closed.',
      'You will rue the day, 75011 Paris or not.',
      'Order SKU AB1 2CD, Model XK8 4RT shipped yesterday.',
      'Windows 10, 2023 Microsoft release notes are out.',
      'Chapter 12 Street Fighter, 2024 Edition',
      'Room 12, 2024 Annual Review, Ballroom B',
      'Build 12, 1015 CJ failed on Tuesday.',
      'Use the M5H 2N2 sensor with the ON board.',
      'The NSW 2000 event had 4 Floors.',
      'Paste the text: Flat 3, 14 entries, London N4 3RP is no address.',
      'Buckingham Palace, London SW1A 1AA',
      'Level 12, Sydney NSW 2000 customers only.',
    ]) {
      expect(read(text)).toEqual([]);
    }
  });

  it('stays linear on adversarial input', () => {
    const readAll = (t: string) => findPostcodeAddresses(t, runsOf(t), []);
    const inputs = [
      (n: number) => 'Flat 3, 14 Albert Road, London N4 3RP '.repeat(n / 38),
      (n: number) => 'Flat 3, '.repeat(n / 8),
      (n: number) => 'Level 1, 2 A B, C D, '.repeat(n / 21),
      (n: number) => ', 12345 Berlin'.repeat(n / 14),
      (n: number) => 'rue de la '.repeat(n / 10),
      (n: number) => 'A1 1AA '.repeat(n / 7),
      (n: number) => 'Rue 1, '.repeat(n / 7),
      (n: number) => '1 rue de la '.repeat(n / 12),
      (n: number) => '1 bis bis rue A, '.repeat(n / 17),
      (n: number) => 'Koto-ku, Tokyo 135-0063 '.repeat(n / 24),
      (n: number) => 'Tokyo 135-0063, '.repeat(n / 16),
    ];
    for (const make of inputs) {
      expect(scalingRatio(readAll, make(100_000), make(1_000_000), 400)).toBeLessThan(40);
    }
  }, 60_000);
});
