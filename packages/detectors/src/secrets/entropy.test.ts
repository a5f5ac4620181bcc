import { describe, expect, it } from 'vitest';
import { charClassCount, isPlaceholder, shannonEntropy } from './entropy.ts';

describe('entropy helpers', () => {
  it('scores random strings above repetitive ones', () => {
    expect(shannonEntropy('aaaaaaaa')).toBe(0);
    expect(shannonEntropy('Q7vX2pLm9RkT4wZs')).toBeGreaterThan(3.5);
  });
  it('counts character classes', () => {
    expect(charClassCount('abc')).toBe(1);
    expect(charClassCount('aB3-')).toBe(4);
  });
  it('recognises placeholders', () => {
    for (const v of [
      'xxxxxxxxxx',
      '${API_KEY}',
      '<your-key>',
      'changeme',
      '****',
      'my_example_key',
      '0000000000',
    ]) {
      expect(isPlaceholder(v), v).toBe(true);
    }
    expect(isPlaceholder('Q7vX2pLm9RkT4wZs')).toBe(false);
  });
});
