import { describe, expect, it } from 'vitest';
import { tokenizeAddressWindow } from './address-tokens.ts';
import {
  ANCHOR_WORDS,
  anchorPoints,
  isAnchorLetterRun,
  isNonAsciiPoint,
  windowAnchorPoints,
} from './anchor-points.ts';
import { codeUnits } from './code-units.ts';
import { EURO_STREET_ENDING } from './street-suffixes.ts';

const FRAGMENTS = [
  'Box',
  'box',
  'P.O.',
  'p.o',
  'B.O.X',
  'Avenue',
  'AVENUE',
  'rue',
  'Via',
  'One',
  'ten',
  'corner',
  'USNS',
  'Hauptstraße',
  'HAUPTSTRASSE',
  'Koskikatu',
  'xweg',
  'ab.st.r',
  'a.b.c.d.e.f.g.p',
  'x-y-z-box',
  'Straße',
  'ΟΔΟΣ',
  'οδός',
  'Λ',
  'Praça',
  'PRAÇA',
  '\u212atu',
  'ka\u212a',
  'İ',
  'ẞ',
  'é',
  'Müller',
  '北京',
  '々weg',
  'the',
  'and',
  'Main',
  'St.',
  'e.g.',
  'U.S.A.',
  'rahul.smith1@example.com',
  'A1075',
  '12',
  '1/2',
  '#',
  ',',
  '.',
  '-',
  "'",
  '’',
  '😀',
  ' ',
  ' ',
  ' ',
  '\n',
  '\t',
  '\u00a0',
  '\u3000',
];

/** Word tokens the parser may start a candidate at (numbers are screened separately). */
function isAnchorWord(low: string): boolean {
  return ANCHOR_WORDS.has(low) || (low.length >= 5 && EURO_STREET_ENDING.test(low));
}

describe('anchor points', () => {
  it('lie inside every anchor word token of the window', () => {
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const out: number[] = [];
    let anchors = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const parts = Math.floor(random() * 30);
      for (let k = 0; k < parts; k++) {
        text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
        if (random() < 0.5) text += ' ';
      }
      const from = Math.floor(random() * Math.min(5, text.length));
      const to = text.length - Math.floor(random() * Math.min(5, text.length - from));
      const count = anchorPoints(codeUnits(text), from, to, [], out);
      const points = out.slice(0, count);
      for (const t of tokenizeAddressWindow(text, from, to)) {
        if (t.kind !== 'w' || !isAnchorWord(t.low)) continue;
        anchors++;
        expect(
          points.some((p) => p >= t.start && p < t.end),
          `${JSON.stringify(text)} ${t.low}`,
        ).toBe(true);
      }
    }
    expect(anchors).toBeGreaterThan(1000);
  });

  it('of a window, from the points of the whole text, hold every point of the window', () => {
    let seed = 11;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const out: number[] = [];
    let cut = 0;
    for (let n = 0; n < 3000; n++) {
      let text = '';
      const parts = Math.floor(random() * 30);
      for (let k = 0; k < parts; k++) {
        text += FRAGMENTS[Math.floor(random() * FRAGMENTS.length)];
        if (random() < 0.3) text += ' ';
      }
      const codes = codeUnits(text);
      // The whole text's word points, as the anchor scan collects them.
      const wordPoints: number[] = [];
      for (let k = 0; k < text.length; ) {
        const c = codes[k] as number;
        if (((c | 32) - 97) >>> 0 < 26) {
          const start = k;
          while (k < text.length && (((codes[k] as number) | 32) - 97) >>> 0 < 26) k++;
          if (isAnchorLetterRun(codes, start, k, text.length)) wordPoints.push(start);
          continue;
        }
        if (c >= 128 && isNonAsciiPoint(c)) wordPoints.push(k);
        k++;
      }
      const digits = [...text.matchAll(/\d+/g)].map((m) => m.index).filter(() => random() < 0.5);
      const from = Math.floor(random() * text.length);
      const to = from + Math.floor(random() * (text.length - from + 1));
      const isLetter = (k: number) => /[a-z]/i.test(text[k] ?? '');
      if ((isLetter(from - 1) && isLetter(from)) || (isLetter(to - 1) && isLetter(to))) cut++;
      const expected = out.slice(0, anchorPoints(codes, from, to, digits, out));
      const points = out.slice(0, windowAnchorPoints(codes, from, to, digits, wordPoints, out));
      expect(
        [...points].sort((a, b) => a - b),
        JSON.stringify([text, from, to]),
      ).toEqual(points);
      for (const p of expected) expect(points, JSON.stringify([text, from, to])).toContain(p);
      for (const p of points) expect(p >= from && p < to).toBe(true);
    }
    expect(cut).toBeGreaterThan(300);
  });

  it('skips ordinary words and reports accepted digit runs', () => {
    const text = 'Ship it to 481 Oak Street, Springfield, IL 62704 today';
    const out: number[] = [];
    const count = anchorPoints(codeUnits(text), 0, text.length, [11], out);
    expect(out.slice(0, count)).toEqual([11]);
  });
});
