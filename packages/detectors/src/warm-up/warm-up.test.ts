import { describe, expect, it } from 'vitest';
import { builtinDetectors } from '../builtin.ts';
import { createDetectionEngine } from '../engine.ts';
import { makeChatMessage } from '../testing/index.ts';
import { ENTITY_TYPES } from '../types.ts';
import { warmUpTexts } from './warm-up-texts.ts';

describe('warm-up texts', () => {
  const texts = warmUpTexts();
  const engine = createDetectionEngine({ detectors: builtinDetectors() });

  it('are the same in every process', () => {
    expect(warmUpTexts()).toEqual(texts);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('run every built-in detector family through a finding (deny terms aside)', () => {
    const found = new Set(texts.flatMap((text) => engine.detect(text).map((f) => f.type)));
    expect([...found].sort()).toEqual(ENTITY_TYPES.filter((type) => type !== 'custom').sort());
  });

  it('share no names with the synthetic chat messages the benchmarks time after them', () => {
    const chatNames = new Set(
      Array.from({ length: 50 }, (_, i) => makeChatMessage(i, 4096)).flatMap((message) =>
        engine
          .detect(message)
          .filter((f) => f.type === 'person_name')
          .flatMap((f) => message.slice(f.start, f.end).split(' ')),
      ),
    );
    const warmUpWords = new Set(texts.join(' ').split(/[^\p{L}]+/u));
    expect(chatNames.size).toBeGreaterThan(10);
    expect([...chatNames].filter((word) => warmUpWords.has(word))).toEqual([]);
  });
});

describe('DetectionEngine.warmUp', () => {
  it('detects without filling the cache and reports how long it took', () => {
    const engine = createDetectionEngine({ detectors: builtinDetectors() });
    const ms = engine.warmUp(['Mail Ada Lovelace at ada@example.com about the order.'.repeat(4)]);
    expect(ms).toBeGreaterThanOrEqual(0);
    expect(engine.cacheStats()).toEqual({ hits: 0, misses: 0, size: 0 });
  });
});
