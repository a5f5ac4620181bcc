import { describe, expect, it } from 'vitest';
import { segmentChinese } from '../segmentation/chinese-segmenter.ts';
import { cpuMs } from '../test-support/cpu-time.ts';
import { chineseEntityDetector } from './index.ts';

function organizations(text: string): string[] {
  let tokens: ReturnType<typeof segmentChinese> | undefined;
  return chineseEntityDetector
    .detect(text, {
      lang: 'zh',
      hasCjk: true,
      chineseTokens: () => {
        tokens ??= segmentChinese(text);
        return tokens;
      },
    })
    .filter((f) => f.type === 'organization')
    .map((f) => text.slice(f.start, f.end));
}

describe('organizations listed next to organizations', () => {
  it('reads name-like items of a 、-list holding an organization as organizations', () => {
    expect(organizations('投资项目包括：青禾科技、宁波栎远、温州澄岚、恒川电气等。')).toEqual([
      '青禾科技',
      '宁波栎远',
      '温州澄岚',
      '恒川电气',
    ]);
  });

  it('leaves countries and plain nouns in such a list alone', () => {
    expect(organizations('中国、美国、日本央行都在加息。')).toEqual(['日本央行']);
    expect(organizations('对接阿里巴巴、腾讯、电商平台等。')).toEqual(['阿里巴巴', '腾讯']);
  });

  it('runs in linear time on a long list', () => {
    const unit = '恒川电气、宁波栎远、';
    const small = unit.repeat(500);
    const large = unit.repeat(5000);
    const time = (text: string) => cpuMs(() => organizations(text));
    time(small);
    const ratio = time(large) / Math.max(time(small), 1);
    expect(ratio).toBeLessThan(40);
  });
});
