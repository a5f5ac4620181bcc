import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FindingCache } from './finding-cache.ts';
import { ENTITY_TYPES, type Finding } from './types.ts';

const finding = fc.record({
  start: fc.nat({ max: 1_000_000 }),
  end: fc.nat({ max: 1_000_000 }),
  type: fc.constantFrom(...ENTITY_TYPES),
  detector: fc.constantFrom('email', 'phone', 'en.entities', 'secret.openai', 'custom'),
  score: fc.double({ min: 0, max: 1, noNaN: true }),
});

describe('FindingCache', () => {
  it('gives back exactly the findings it was given (packed and unpacked)', () => {
    const cache = new FindingCache(100);
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 60 }), (findings: Finding[]) => {
        const key = cache.keyOf(JSON.stringify(findings));
        cache.set(key, findings);
        expect(cache.get(key)).toEqual(findings);
      }),
    );
  });

  it('evicts the least recently used entry and counts hits and misses', () => {
    const cache = new FindingCache(2);
    const one: Finding[] = [{ start: 0, end: 3, type: 'email', detector: 'email', score: 1 }];
    cache.set('a', one);
    cache.set('b', []);
    cache.get('a'); // a is now the most recent
    cache.set('c', []);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toEqual(one);
    expect(cache.size).toBe(2);
    expect({ hits: cache.hits, misses: cache.misses }).toEqual({ hits: 2, misses: 1 });
  });

  it('keys texts by a keyed hash, never by the text', () => {
    const cache = new FindingCache(1);
    const key = cache.keyOf('ann.lee@example.com');
    expect(key).not.toContain('ann');
    expect(new FindingCache(1).keyOf('ann.lee@example.com')).not.toBe(key);
  });
});
