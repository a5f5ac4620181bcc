import { describe, expect, it } from 'vitest';
import { STREET_ENDING, STREET_WORDS, streetWord } from './classify-run.ts';
import { lexicon } from './lexicon.ts';
import { ENGLISH_SUFFIX, englishSuffix } from './person-names.ts';
import { isSentenceStart } from './sentence-start.ts';
import { Kind, listStarts, listStartsCount, Shape, type Token, tokenize } from './tokenize.ts';

/** Every lexicon word, the lists' own words, and each with an ending or a street word glued on. */
function keys(): string[] {
  const words = [...lexicon().flags.keys(), ...STREET_WORDS, 'Straße', 'útja', 'x', '', 'é', 'ǆ'];
  const endings = [
    ...ENGLISH_SUFFIX.source.slice(3, -2).split('|'),
    ...STREET_ENDING.source.slice(3, -2).split('|'),
    ...STREET_WORDS,
  ];
  const out = [...words];
  for (let i = 0; i < words.length; i += 7) out.push(`${words[i]}${endings[i % endings.length]}`);
  return out;
}

describe('cheap screens in front of set lookups and regexes', () => {
  const all = keys();
  it('englishSuffix answers what the ending regex answers', () => {
    for (const k of all) expect(englishSuffix(k), k).toBe(ENGLISH_SUFFIX.test(k));
  });
  it('streetWord answers what the street-word set and the street-ending regex answer', () => {
    for (const k of all)
      expect(streetWord(k), k).toBe(STREET_WORDS.has(k) || (k.length > 6 && STREET_ENDING.test(k)));
  });
});

describe('code-unit buffer of the tokenizer', () => {
  it('tokenizes a text longer than the shared buffer, and shorter texts after it, in full', () => {
    const long = 'Maria Lopez, 12 '.repeat(5000);
    const tokens = tokenize(long);
    expect(tokens.length).toBe(4 * 5000);
    expect(tokens.at(-1)?.end).toBe(long.length - 1);
    const short = tokenize('Acme Inc. \ud800x');
    expect(short.map((t) => t.lower)).toEqual(['acme', 'inc', '.', '\ud800', 'x']);
  });
});

describe('list starts noted by the tokenizer', () => {
  it('are the Title-case words followed by a comma or "and" in any case, dotted or not', () => {
    const tokens = tokenize(
      'Gaetane, Hannah AND Derek, and Acme A.N.D. Bo and\nCy ,, Dee anD x, ÉMILE, Ève and',
    );
    const starts = Array.from(listStarts().subarray(0, listStartsCount()), (k) => tokens[k]?.lower);
    expect(starts).toEqual(['gaetane', 'hannah', 'derek', 'acme', 'bo', 'cy', 'dee', 'ève']);
  });
});

describe('sentence starts', () => {
  it('follow exactly the punctuation symbols `.!?:;"“”\'‘’()[]-*•>|#`, after any other punctuation', () => {
    const ends = '.!?:;"“”\'‘’()[]-*•>|#';
    const token = (kind: Kind, lower: string): Token => ({
      start: 0,
      end: 1,
      kind,
      shape: Shape.Other,
      lower,
      flags: 0,
    });
    const word = token(Kind.Word, 'x');
    for (let c = 0; c < 0x10000; c++) {
      const symbol = String.fromCharCode(c);
      const tokens = [word, token(Kind.Punct, symbol), token(Kind.Punct, ','), word];
      expect(isSentenceStart(tokens, 3)).toBe(ends.includes(symbol));
    }
    expect(isSentenceStart([word], 0)).toBe(true);
    expect(isSentenceStart([token(Kind.Newline, ''), token(Kind.Punct, ','), word], 2)).toBe(true);
  });
});
