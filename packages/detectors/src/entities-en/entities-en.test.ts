import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../detector.ts';
import { analyzeEnglishEntities } from './analyze.ts';
import { englishEntityDetectors } from './index.ts';
import { Kind, Shape, tokenize } from './tokenize.ts';

const ctx: DetectContext = { lang: 'en', hasCjk: false, chineseTokens: () => [] };

function found(text: string, type: 'person_name' | 'organization'): string[] {
  return analyzeEnglishEntities(text)
    .filter((s) => s.type === type)
    .map((s) => text.slice(s.start, s.end));
}

describe('tokenize', () => {
  it('keeps hyphenated and apostrophe names whole, splits possessives, joins dotted abbreviations', () => {
    const toks = tokenize("Jean-Luc O'Brien's memo for the U.S. office");
    const words = toks.filter((t) => t.kind === Kind.Word).map((t) => t.lower);
    expect(words).toEqual(['jean-luc', "o'brien", 's', 'memo', 'for', 'the', 'us', 'office']);
    expect(toks[0]?.shape).toBe(Shape.Title);
  });
  it('never throws on odd input', () => {
    expect(() => tokenize('\ud800 \udfff \u0000 ...---   A.')).not.toThrow();
  });
});

describe('person names', () => {
  it('finds full names, titled names and international names', () => {
    expect(found('Yesterday Maria Kowalski met Dr. Hannah Osterberg in the lobby.', 'person_name')).toEqual([
      'Maria Kowalski',
      'Hannah Osterberg',
    ]);
    expect(found('The report was written by José García and Zoltán Erdős.', 'person_name')).toEqual([
      'José García',
      'Zoltán Erdős',
    ]);
  });
  it('finds names in signatures and after field labels', () => {
    expect(found('Thanks for the update.\n\nBest,\nJane', 'person_name')).toEqual(['Jane']);
    expect(found('Customer name: Oliver Brandt', 'person_name')).toEqual(['Oliver Brandt']);
    expect(found('My name is Priyanka', 'person_name')).toEqual(['Priyanka']);
  });
  it('uses verbs of saying as a cue', () => {
    expect(found('" We will appeal , " Wendorf said .', 'person_name')).toEqual(['Wendorf']);
  });
  it('reports exact offsets', () => {
    const text = 'Contact Mr. Peter Lindqvist today';
    const spans = analyzeEnglishEntities(text).filter((s) => s.type === 'person_name');
    expect(spans).toHaveLength(1);
    expect(text.slice(spans[0]?.start, spans[0]?.end)).toBe('Peter Lindqvist');
  });
  it('ignores months, days, places, nationalities and sentence-initial words', () => {
    expect(found('On Monday in March the French delegation arrived in Paris.', 'person_name')).toEqual([]);
    expect(found('However, the results were mixed.', 'person_name')).toEqual([]);
  });
  it('skips e-mail local parts', () => {
    expect(found('write to AnnaBerg@example.com', 'person_name')).toEqual([]);
  });
});

describe('organizations', () => {
  it('finds legal suffixes, head words and "X of Y" heads', () => {
    expect(found('She joined Brightwater Analytics LLC last year.', 'organization')).toEqual([
      'Brightwater Analytics LLC',
    ]);
    expect(
      found('He studied at the University of Leeds and worked for Quorvel Bank.', 'organization'),
    ).toEqual(['University of Leeds', 'Quorvel Bank']);
    expect(found('Shares of Norvane Holdings rose.', 'organization')).toEqual(['Norvane Holdings']);
  });
  it('keeps "Inc." dots inside the span', () => {
    expect(found('a unit of Telmara Inc. said', 'organization')).toEqual(['Telmara Inc.']);
  });
  it('finds well-known organizations and firms joined by ampersands', () => {
    expect(found('Reuters reported that Microsoft will buy the unit.', 'organization')).toEqual([
      'Reuters',
      'Microsoft',
    ]);
    expect(found('Lawyers at Harlow & Pennick declined to comment.', 'organization')).toEqual([
      'Harlow & Pennick',
    ]);
  });
  it('separates a person from the organization after "of"', () => {
    const text = 'said Thomas Berger of Calloway Securities Ltd .';
    expect(found(text, 'person_name')).toEqual(['Thomas Berger']);
    expect(found(text, 'organization')).toEqual(['Calloway Securities Ltd']);
  });
  it('reads team names in score lines and tables as organizations', () => {
    expect(found('Kettering 3 Dorchester 1', 'organization')).toEqual(['Kettering', 'Dorchester']);
  });
});

describe('detectors', () => {
  it('share one analysis and report typed findings', () => {
    const text = 'Anna Schmidt works at Veltrix Systems.';
    const [people, orgs] = englishEntityDetectors;
    expect(people?.detect(text, ctx).map((f) => f.type)).toEqual(['person_name']);
    expect(orgs?.detect(text, ctx).map((f) => f.type)).toEqual(['organization']);
  });
  it('skips text without Latin letters', () => {
    for (const d of englishEntityDetectors)
      expect(d.detect('张伟在北京工作。', { ...ctx, hasCjk: true })).toEqual([]);
  });
});

describe('linear time', () => {
  const inputs: Array<(n: number) => string> = [
    (n) => 'Ab '.repeat(n / 3),
    (n) => 'A'.repeat(n),
    (n) => 'A. '.repeat(n / 3),
    (n) => 'Ann-'.repeat(n / 4),
    (n) => 'Smith & '.repeat(n / 8),
    (n) => 'X of '.repeat(n / 5),
    (n) => 'CLEVELAND AT '.repeat(n / 13),
    (n) => '.'.repeat(n),
    (n) => ' '.repeat(n),
  ];
  it('stays linear on adversarial input', () => {
    for (const make of inputs) {
      const small = make(30_000);
      const large = make(300_000);
      analyzeEnglishEntities(small);
      const t0 = performance.now();
      analyzeEnglishEntities(small);
      const t1 = performance.now();
      analyzeEnglishEntities(large);
      const t2 = performance.now();
      // 10x the input may take at most ~30x the time (generous for GC noise), never quadratic (100x).
      expect(t2 - t1).toBeLessThan(Math.max(30 * (t1 - t0), 200));
    }
  }, 60_000);
});
