import { describe, expect, it } from 'vitest';
import { isNonAsciiSpace, TokenStream, tokenizeAddressWindow } from './address-tokens.ts';
import { codeUnits } from './code-units.ts';

const summary = (text: string) =>
  tokenizeAddressWindow(text, 0, text.length).map((t) => `${t.kind}:${t.low}${t.dot ? '.' : ''}`);

describe('address tokenizer', () => {
  it('splits words, numbers, punctuation and line breaks', () => {
    expect(summary('P.O. Box 12, W206N St.\n\nApt 3B')).toEqual([
      'w:po.',
      'w:box',
      'n:12',
      'p:,',
      'n:w206n',
      'w:st.',
      'nl:\n',
      'w:apt',
      'n:3b',
    ]);
    expect(tokenizeAddressWindow('a\n \nb', 0, 4)[1]).toMatchObject({ kind: 'nl', lines: 2 });
  });

  it('keeps joined words, ranges and CJK runs whole', () => {
    expect(summary("Saint-Denis O'Hara 12-14 720 1/2 北京市")).toEqual([
      'w:saint-denis',
      "w:o'hara",
      'n:12-14',
      'n:720',
      'n:1/2',
      'p:北京市',
    ]);
  });

  it('respects window bounds and offsets', () => {
    const text = 'xx 12 Main yy';
    const tokens = tokenizeAddressWindow(text, 3, 10);
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['12', 'Main']);
  });

  it('gives the same tokens when it recycles them, whatever the previous window was', () => {
    const texts = [
      'P.O. Box 12, W206N St.\n\nApt 3B, 12 Main St '.repeat(30),
      "Saint-Denis O'Hara 北京市",
      '',
      '1',
    ];
    for (const text of [...texts, ...texts.reverse()]) {
      // `low` is built on first read, so it is read here explicitly.
      const fresh = tokenizeAddressWindow(text, 0, text.length).map((t) => ({ ...t, low: t.low }));
      const reused = tokenizeAddressWindow(text, 0, text.length, true).map((t) => ({ ...t, low: t.low }));
      expect(reused).toEqual(fresh);
    }
  });

  it('never throws on odd input', () => {
    expect(() => tokenizeAddressWindow('\ud800a\udfff 1\u0301 😀 .', 0, 11)).not.toThrow();
  });

  it('tests non-ASCII spaces as the Unicode whitespace regex does', () => {
    const differ: number[] = [];
    for (let c = 128; c < 0x10000; c++) {
      if (isNonAsciiSpace(c) !== /^\s$/u.test(String.fromCharCode(c))) differ.push(c);
    }
    expect(differ).toEqual([]);
  });

  it('streams the same tokens as the window from any chunk start on', () => {
    const text = "xx Rue de la Paix 12,\n\n  P.O. Box 4 \u00a0 Hauptstraße 5 W206N 1/2 北京市 O'Hara 😀 end.";
    const window = tokenizeAddressWindow(text, 0, text.length).map((t) => `${t.start}:${t.kind}:${t.low}`);
    const stream = new TokenStream();
    let starts = 0;
    for (let k = 1; k < text.length; k++) {
      if (!stream.isBoundary(codeUnits(text), k)) continue;
      starts++;
      stream.start(text, codeUnits(text), k, text.length);
      const read: string[] = [];
      for (let i = 0; stream.at(i) !== undefined; i++) {
        const t = stream.at(i);
        if (t) read.push(`${t.start}:${t.kind}:${t.low}`);
      }
      expect(read).toEqual(window.filter((t) => Number(t.split(':')[0]) >= k));
    }
    expect(starts).toBeGreaterThan(10);
  });
});
