import { describe, expect, it } from 'vitest';
import { segmentChinese } from '../segmentation/chinese-segmenter.ts';
import { scalingRatio } from '../test-support/scaling.ts';
import { findIsolatedNames } from './isolated-names.ts';

const isolated = (text: string) =>
  findIsolatedNames(text, segmentChinese(text)).map((s) => text.slice(s.start, s.end));

// Invented names and records.
describe('three-character names set off on their own', () => {
  it('reads a name between field boundaries that jieba cut into words', () => {
    expect(isolated('司机：牛建新 15021873360 发货方：某某')).toEqual(['牛建新']);
    expect(isolated('SF1468203395712 段一鸣 150-0215-6638 苏州')).toEqual(['段一鸣']);
    expect(isolated('【候选人 A】章浩然，29 岁，本科')).toEqual(['章浩然']);
    expect(isolated('面试官：平台组 祁明远 地点：三楼')).toEqual(['祁明远']);
  });

  it('leaves words, places, units and runs inside prose alone', () => {
    for (const text of [
      '架构 高可用 方案',
      '地址 张江路 88 号',
      '| 销售部 | 杭州市 | 石家庄 |',
      '状态：已完成，负责人 待确认',
      '他今天去段一鸣家里吃饭了',
    ]) {
      expect(isolated(text), text).toEqual([]);
    }
  });

  it('stays linear on long inputs', () => {
    const run = (t: string) => findIsolatedNames(t, segmentChinese(t));
    expect(scalingRatio(run, '牛建新 '.repeat(5_000), '牛建新 '.repeat(50_000))).toBeLessThan(40);
  });
});
