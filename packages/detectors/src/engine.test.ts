import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Detector } from './detector.ts';
import {
  builtinDetectors,
  createDetectionEngine,
  type Finding,
  normalizeText,
  resolveOverlaps,
} from './index.ts';
import { cpuMs } from './test-support/cpu-time.ts';

const engine = createDetectionEngine({ detectors: builtinDetectors(), cacheEntries: 0 });
const typesIn = (text: string) => engine.detect(text).map((f) => [f.type, text.slice(f.start, f.end)]);

describe('normalization', () => {
  it('finds values hidden with zero-width characters, full-width digits, NBSP and Unicode digits', () => {
    expect(typesIn('mail a\u200bli@example.com now')).toContainEqual(['email', 'a\u200bli@example.com']);
    expect(typesIn('手机１３８１２３４５６７８')).toContainEqual(['phone', '１３８１２３４５６７８']);
    expect(typesIn('card 4111\u00a01111\u00a01111\u00a01111')).toContainEqual([
      'credit_card',
      '4111\u00a01111\u00a01111\u00a01111',
    ]);
    expect(typesIn('ssn \u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669')).toContainEqual([
      'us_ssn',
      '\u0661\u0662\u0663-\u0664\u0665-\u0666\u0667\u0668\u0669',
    ]);
  });

  it('reads JSON and URL escapes as the text they encode', () => {
    // Found by the proxy leak fuzzer: in tool-call arguments a value after `\n` was glued to the `n`.
    const args = JSON.stringify({ note: 'ids:\n110105199001011232\n4111111111111111\n(415) 555-0134\tok' });
    expect(typesIn(args)).toEqual(
      expect.arrayContaining([
        ['cn_resident_id', '110105199001011232'],
        ['credit_card', '4111111111111111'],
        ['phone', '(415) 555-0134'],
      ]),
    );
    // Escapes a caller writes by hand, a surrogate pair among them, are read too; spans cover the escapes.
    expect(typesIn('mail ann\\u0040example.com')).toContainEqual(['email', 'ann\\u0040example.com']);
    expect(typesIn('card \\uff14111 1111 1111 1111')).toContainEqual([
      'credit_card',
      '\\uff14111 1111 1111 1111',
    ]);
    // URL escapes as pasted links carry them, UTF-8 sequences included; broken ones stay as written.
    expect(typesIn('https://x.io/?to=ann.lee%40example.com&n=4111%201111%201111%201111')).toEqual(
      expect.arrayContaining([
        ['email', 'ann.lee%40example.com'],
        ['credit_card', '4111%201111%201111%201111'],
      ]),
    );
    expect(normalizeText('%E5%BC%A0%E4%BC%9F %C0%AF %ED%A0%80 100% %4').text).toBe(
      '张伟 %C0%AF %ED%A0%80 100% %4',
    );
    // An escaped backslash, unknown escapes and short \u sequences stay as written.
    expect(normalizeText('a\\ud83d\\ude00b \\\\n \\q \\u12').text).toBe('a\u{1f600}b \\n \\q \\u12');
  });

  it('reads a curly apostrophe inside a Latin word as a plain one, and leaves quotation marks alone', () => {
    // Codex CLI's own instructions are full of "I’ve" and "Don’t": they were masked as person names.
    expect(typesIn('“I’ve explored the repo.” Don’t nest bullets; I’m done.')).toEqual([]);
    expect(normalizeText('Fowler’s ‘quoted’ 张三’s').text).toBe("Fowler's ‘quoted’ 张三’s");
  });

  it('maps every normalized span back inside the original string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const n = normalizeText(text);
        for (let s = 0; s <= n.text.length; s += 3) {
          const [start, end] = n.toOriginal(s, Math.min(n.text.length, s + 5));
          expect(0 <= start && start <= end && end <= text.length).toBe(true);
        }
      }),
    );
  });
});

describe('overlap resolution', () => {
  const f = (start: number, end: number, type: Finding['type'], detector = 'd', score = 0.5): Finding => ({
    start,
    end,
    type,
    detector,
    score,
  });

  it('prefers secrets over PII, then longer spans, and is independent of input order', () => {
    const findings = [
      f(0, 30, 'url_credentials'),
      f(10, 25, 'email'),
      f(40, 50, 'person_name'),
      f(42, 60, 'address'),
    ];
    const expected = [f(0, 30, 'url_credentials'), f(42, 60, 'address')];
    expect(resolveOverlaps(findings)).toEqual(expected);
    expect(resolveOverlaps([...findings].reverse())).toEqual(expected);
  });

  it('lets validated identifiers beat NER spans that overlap them', () => {
    expect(resolveOverlaps([f(0, 40, 'address'), f(30, 42, 'phone')])).toEqual([f(30, 42, 'phone')]);
  });
});

describe('deny and allow terms', () => {
  it('masks deny terms as custom and keeps allowed values', () => {
    const configured = createDetectionEngine({
      detectors: builtinDetectors(),
      denyTerms: ['Nightjar', '夜鹰计划'],
      allowTerms: ['support@example.com'],
    });
    const text = 'Ask support@example.com or ann@example.com about nightjar and 夜鹰计划.';
    const found = configured.detect(text).map((x) => [x.type, text.slice(x.start, x.end)]);
    expect(found).toContainEqual(['custom', 'nightjar']);
    expect(found).toContainEqual(['custom', '夜鹰计划']);
    expect(found).toContainEqual(['email', 'ann@example.com']);
    expect(found).not.toContainEqual(['email', 'support@example.com']);
  });
});

describe('repeat-text cache', () => {
  it('answers text seen before from the cache without holding the text', () => {
    const cached = createDetectionEngine({ detectors: builtinDetectors() });
    const text = `Please call Maria Garcia at +1 (415) 555-0100 or mail maria@example.com. ${'x'.repeat(100)}`;
    const first = cached.detect(text);
    expect(cached.detect(text)).toEqual(first);
    expect(cached.cacheStats()).toMatchObject({ hits: 1, misses: 1, size: 1 });
  });

  it('fails closed: a throwing detector fails the call instead of returning incomplete findings', () => {
    const throwing: Detector = {
      id: 'test.throws',
      types: ['custom'],
      detect() {
        throw new Error('boom');
      },
    };
    const fragile = createDetectionEngine({ detectors: [throwing], cacheEntries: 0 });
    expect(() => fragile.detect('anything')).toThrow('boom');
  });
});

describe('hostile input', () => {
  /** Seconds to detect on `text`. */
  const seconds = (text: string) => cpuMs(() => engine.detect(text)) / 1000;

  it('never throws on lone surrogates, control characters and mixed scripts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        for (const f of engine.detect(text))
          expect(0 <= f.start && f.start < f.end && f.end <= text.length).toBe(true);
      }),
      { numRuns: 300 },
    );
    expect(() => engine.detect('\ud800\udfff\udc00 \u0000\u0007 ann@example.com \ud83d')).not.toThrow();
  });

  it('stays near-linear on adversarial inputs (fails if any pattern goes quadratic)', () => {
    const shapes = [
      'a@a.a ',
      '1',
      '12 ',
      '1.',
      '4111-',
      'sk-',
      'Bearer ',
      'A',
      'Mr. ',
      '北京市',
      '\u200b1',
      'x=',
      'key = "',
      '-----BEGIN ',
      'http://a:b@',
      '::',
      'eyJ',
    ];
    for (const unit of shapes) {
      const small = unit.repeat(Math.ceil(100_000 / unit.length));
      const large = unit.repeat(Math.ceil(1_000_000 / unit.length));
      seconds(small);
      const largeSeconds = Math.min(seconds(large), seconds(large));
      // 1 MB of anything finishes in about a second here; a quadratic pattern takes minutes. The cap is a
      // backstop with room for a loaded CI machine — the scaling check below is the real quadratic guard.
      expect(largeSeconds, `1 MB of ${JSON.stringify(unit)}`).toBeLessThan(20);
      // Below a second for 1 MB the ratio is mostly scheduler noise on a loaded machine; a quadratic
      // pattern slow enough to matter lands above it, and then scales ~100x for 10x the input.
      if (largeSeconds > 1) {
        const smallSeconds = Math.min(seconds(small), seconds(small), seconds(small));
        expect(largeSeconds / smallSeconds, `scaling for ${JSON.stringify(unit)}`).toBeLessThan(40);
      }
    }
  });

  it('handles a 10 MB input', () => {
    const text = 'Contact Maria Garcia at maria@example.com or +1 415 555 0100. '.repeat(170_000);
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(seconds(text)).toBeLessThan(60);
  });
});
