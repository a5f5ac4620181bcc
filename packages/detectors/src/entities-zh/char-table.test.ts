import { describe, expect, it } from 'vitest';
import { CharTable, PairTable } from './char-table.ts';

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

describe('PairTable', () => {
  it('finds every listed two-character prefix, at any offset', () => {
    const table = new PairTable(['新华社', '联合国']);
    expect(table.at('据新华社报道', 1)).toBe(true);
    expect(table.at('联合', 0)).toBe(true);
    expect(() => table.at('新', 0)).not.toThrow();
  });

  it('rejects most other pairs', () => {
    const table = new PairTable(['新华社']);
    const others = ['天气', '我们', '今天', '学习', '工作', '北京', '上海', '中国'];
    expect(others.filter((w) => table.at(w, 0)).length).toBeLessThanOrEqual(1);
  });
});
