import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeUnits } from './code-units.ts';
import { EURO_STREET_ENDING, STREET_PREFIXES } from './street-suffixes.ts';
import { EndingMatcher, ScreenedWords, WordFlags } from './word-screens.ts';

// The regex EURO_STREET_ENDING used to be: the trie must agree with it on every word.
const EURO_REGEX =
  /(?:stra(?:ss|ß)e|str\.?|weg|gasse|platz|allee|damm|ufer|steig|pfad|markt|katu|kuja|tie|polku|raitti|vej|vei|veien|vegen|veg|gade|gaden|gata|gatan|vägen|väg|stræti|straeti|braut|gränd|stig|stigen|torg|torget|laan|straat|gracht|plein|kade|singel|dreef|steeg|hove|utca|útja|út|körút|tér|ulice|náměstí|nábřeží|třída|iela|gatvė|prospektas|tänav|mnt|maantee|puiestee|cesta|ulica|ulitsa|stien)$/;

/** Words glued from pieces of street endings, so many of them end in one, or almost. */
const piece = fc.constantFrom(
  'a',
  'e',
  's',
  't',
  'r',
  '.',
  '-',
  'ß',
  'ä',
  'ú',
  'haupt',
  'stra',
  'strasse',
  'straße',
  'str',
  'weg',
  'gade',
  'gaden',
  'katu',
  'tie',
  'út',
  'körút',
  'náměstí',
  'gatvė',
  'torget',
  'main',
  'street',
);
const word = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));

describe('EndingMatcher', () => {
  it('agrees with the suffix regex it replaced', () => {
    fc.assert(
      fc.property(word, (w) => {
        expect(EURO_STREET_ENDING.test(w)).toBe(EURO_REGEX.test(w));
      }),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (w) => {
        expect(EURO_STREET_ENDING.test(w)).toBe(EURO_REGEX.test(w));
      }),
    );
  });

  it('matches endings, including the empty one', () => {
    const m = new EndingMatcher(['gade', 'vej']);
    expect(m.test('søndergade')).toBe(true);
    expect(m.test('vej')).toBe(true);
    expect(m.test('gadee')).toBe(false);
    expect(m.test('')).toBe(false);
    expect(new EndingMatcher(['']).test('anything')).toBe(true);
  });

  it('screens letter runs by their last three letters without missing an ending', () => {
    const letters = fc.string({
      unit: fc.constantFrom(...'abcdefgiklmnorstuvwzAEGST'),
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(letters, (w) => {
        if (EURO_STREET_ENDING.testAscii(w, 0, w.length)) {
          expect(EURO_STREET_ENDING.mayEndInLetters(codeUnits(w), w.length, w.length)).toBe(true);
        }
      }),
      { numRuns: 20_000 },
    );
    for (const w of ['Koskikatu', 'xWEG', 'straat', 'vej']) {
      expect(EURO_STREET_ENDING.mayEndInLetters(codeUnits(w), w.length, w.length)).toBe(true);
    }
    expect(EURO_STREET_ENDING.mayEndInLetters(codeUnits('people'), 6, 6)).toBe(false);
    const short = new EndingMatcher(['ab', 'x']);
    expect(short.mayEndInLetters(codeUnits('zzab'), 4, 4)).toBe(true);
    expect(short.mayEndInLetters(codeUnits('ab'), 2, 2)).toBe(true);
    expect(short.mayEndInLetters(codeUnits('qqx'), 3, 3)).toBe(true);
  });
});

describe('ScreenedWords', () => {
  it('answers exactly as the set it screens', () => {
    const set = new Set([...STREET_PREFIXES, '', 'a', 'x'.repeat(40)]);
    const screened = new ScreenedWords(set);
    const candidates = fc.oneof(
      fc.constantFrom(...set),
      word,
      fc.string({ unit: 'binary', maxLength: 40 }),
      fc.constantFrom('x'.repeat(39), 'x'.repeat(41), 'rue ', 'Rue', 'οδό'),
    );
    fc.assert(
      fc.property(candidates, (w) => {
        expect(screened.has(w)).toBe(set.has(w));
      }),
      { numRuns: 20_000 },
    );
  });
});

describe('reading words in place', () => {
  // ASCII words in any case, with joins, inside a longer text.
  const asciiWord = fc
    .array(
      fc.constantFrom('Rue', 'STR', 'weg', 'Gade', 'main', 'St', 'a', 'X', '.', '-', "'", 'katu', 'TIE'),
      {
        maxLength: 6,
      },
    )
    .map((parts) => parts.join(''));

  it('testAscii and testAsciiCodes equal test of the lower-cased range', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), asciiWord, fc.string({ maxLength: 4 }), (before, w, after) => {
        const text = before + w + after;
        const from = before.length;
        if (/[^\x00-\x7f]/.test(w)) return;
        expect(EURO_STREET_ENDING.testAscii(text, from, from + w.length)).toBe(
          EURO_STREET_ENDING.test(w.toLowerCase()),
        );
        expect(EURO_STREET_ENDING.testAsciiCodes(codeUnits(text), from, from + w.length)).toBe(
          EURO_STREET_ENDING.test(w.toLowerCase()),
        );
      }),
      { numRuns: 20_000 },
    );
  });

  it('WordFlags.ofRange equals the flags of the lower-cased range', () => {
    const flags = new WordFlags([
      [STREET_PREFIXES, 1],
      [['main', 'ab', 'x'.repeat(70), 'k', 'i̇l'], 2],
      [['rue', 'strasse'], 4],
    ]);
    expect(flags.of('rue')).toBe(5);
    expect(flags.of('strasse')).toBe(5);
    expect(flags.of('people')).toBe(0);
    fc.assert(
      fc.property(
        fc.oneof(
          asciiWord,
          word,
          fc.constantFrom(
            'Straße',
            'İL',
            'RUE',
            'Οδός',
            'MAIN',
            'mAiN',
            'Ma',
            '\u212a',
            'X'.repeat(70),
            'Rue.',
            '',
          ),
        ),
        fc.string({ maxLength: 3 }),
        (w, before) => {
          const text = `${before}${w})`;
          const from = before.length;
          const got = flags.ofRange(text, codeUnits(text), from, from + w.length);
          expect(got).toBe(flags.of(w.toLowerCase()));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
