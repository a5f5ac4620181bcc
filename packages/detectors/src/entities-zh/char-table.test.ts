import { describe, expect, it } from 'vitest';
import { CharTable } from './char-table.ts';

describe('CharTable', () => {
  const table = new CharTable('王李张');

  it('looks up single characters by offset', () => {
    expect(table.at('小王', 1)).toBe(true);
    expect(table.at('小王', 0)).toBe(false);
    expect(table.at('小王', 5)).toBe(false);
  });

  it('tests whole words', () => {
    expect(table.all('王李')).toBe(true);
    expect(table.all('王五')).toBe(false);
    expect(table.all('')).toBe(false);
  });
});
