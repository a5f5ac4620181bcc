import { describe, expect, it } from 'vitest';
import { SCORE, SPORTS_WORDS, scoreCue } from './sports-cue.ts';
import { sawSportsWord, tokenize } from './tokenize.ts';

const FRAGMENTS = [
  'final',
  'semi-final',
  'half-time',
  'half',
  'time',
  'v',
  'vs',
  'V',
  'NBA',
  'Nba',
  'SOCCER',
  'soccer',
  'goals',
  'goal',
  'cup',
  'é',
  'É',
  'ł',
  'a',
  'B',
  '_',
  '1',
  '12',
  '123',
  '1234',
  '-',
  '-',
  '3-1',
  '555-0142',
  '0',
  '05',
  ':',
  '+',
  '/',
  '12ésoccer',
  "'",
  '’',
  "'s",
  '.',
  ' ',
  ' ',
  ' AT ',
  'AT',
  'LAKERS',
  'NEW YORK',
  'X',
  '\n',
  '\r',
  '\u2028',
  '\t',
  ' days',
  'days',
  ' working',
  '%',
  '301',
  '45',
  '12',
  '287',
];

/** Deterministic texts built from fragments around the sports cues' edge cases. */
function texts(count: number): string[] {
  let seed = 7;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = '';
    const len = Math.floor(rnd() * 14);
    for (let k = 0; k < len; k++) s += FRAGMENTS[Math.floor(rnd() * FRAGMENTS.length)];
    out.push(s);
  }
  return out;
}

describe('sports cues', () => {
  it('scoreCue answers what the SCORE regex answers', () => {
    const all = [...texts(20_000), '3-1', 'a 3-1', '3-1a', '1234-1', '1-1234', '_1-2', 'LAKERS AT CELTICS'];
    all.push(
      'AT AT AT',
      'AB AT CD',
      'x\nAB AT CD\r\ny',
      'AT CD',
      'NEW YORK AT  BOSTON',
      `${'A'.repeat(31)} AT BB`,
    );
    all.push(`${'A'.repeat(32)} AT BB`, 'A.B AT C.', ' AB AT CD');
    let matched = 0;
    for (const t of all) {
      expect(scoreCue(t), JSON.stringify(t)).toBe(SCORE.test(t));
      if (SCORE.test(t)) matched++;
    }
    expect(matched).toBeGreaterThan(300);
  });
  it('a score stands alone: phone numbers, dates and version ranges are no score', () => {
    // A US phone in a CRM export read as a score, and every city in it as a team (an organization).
    for (const t of [
      'call 416-555-0142',
      'on 2024-02-11',
      'closed 24.12-02.01',
      'v1.2-3.4',
      '"2024-05-13T22:41:09-04:00"',
      'redis-17423.c1.eu-west-1-2.ec2.cloud',
      'phone 031-712 40 95',
      'dial +1-212 now',
      'pages 3/12-14',
    ]) {
      expect(scoreCue(t), t).toBe(false);
      expect(SCORE.test(t), t).toBe(false);
    }
    for (const t of ['won 3-1.', 'drew 2-2, then', '(1-0)', 'beat Leeds 10-0'])
      expect(scoreCue(t), t).toBe(true);
  });
  it('a three-digit side needs wickets or another high score; ranges of time and percent are no score', () => {
    for (const t of [
      'room 12-301',
      'takes 5-7 working days',
      'in 2-3 weeks',
      'cut 10-15% off',
      'wait 3-5 days.',
    ]) {
      expect(scoreCue(t), t).toBe(false);
      expect(SCORE.test(t), t).toBe(false);
    }
    for (const t of ['Essex 287-6 declared', 'won 102-98 at home', 'lost 0-100', 'won 3-1 away'])
      expect(scoreCue(t), t).toBe(true);
  });
  it('reads only the "-" and " AT " inside the range it is given', () => {
    const t = `${'x '.repeat(100)}won 3-1 ${'y '.repeat(100)}`;
    const at = t.indexOf('3-1');
    expect(scoreCue(t, 0, at - 10)).toBe(false);
    expect(scoreCue(t, at + 10)).toBe(false);
    expect(scoreCue(t, at - 10, at + 10)).toBe(true);
    expect(scoreCue('x\nLAKERS AT CELTICS\ny', 12)).toBe(false);
    expect(scoreCue('x\nLAKERS AT CELTICS\ny', 0, 12)).toBe(true);
  });
  it('the tokenizer notes a sports word in every text the word regex matches', () => {
    let matched = 0;
    for (const t of [...texts(20_000), 'éfinal', 'x_v', 'O’final', 'half-time', 'v.s.']) {
      tokenize(t);
      if (SPORTS_WORDS.test(t)) {
        matched++;
        expect(sawSportsWord(), JSON.stringify(t)).toBe(true);
      }
    }
    expect(matched).toBeGreaterThan(1000);
    tokenize('We met Maria Müller at the office.');
    expect(sawSportsWord()).toBe(false);
  });
});
