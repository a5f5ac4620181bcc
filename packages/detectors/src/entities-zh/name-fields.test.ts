import { describe, expect, it } from 'vitest';
import { scalingRatio } from '../test-support/scaling.ts';
import { findNameFields } from './name-fields.ts';

const names = (text: string) => findNameFields(text).map((s) => text.slice(s.start, s.end));

describe('names in labelled fields', () => {
  it('reads the value of a name label, even a name that is also a word', () => {
    expect(names('收件人：高峰 / 电话：186')).toEqual(['高峰']);
    expect(names('联系人: 欧阳晨（采购部）\n报销人：向前')).toEqual(['欧阳晨', '向前']);
  });

  it('needs the whole value to be a surname-led name', () => {
    expect(names('负责人：王磊负责整体进度')).toEqual([]);
    expect(names('联系人：待定')).toEqual([]);
    expect(names('收件人：前台代收')).toEqual([]);
  });
});

describe('names in table columns', () => {
  it('reads the 姓名 column of a CSV export', () => {
    const csv = '编号,姓名,手机号\nA01,白雪,13300007777\nA02,于洋,13400006666\n\n白云,黑土';
    expect(names(csv)).toEqual(['白雪', '于洋']);
  });

  it('reads the name column of a Markdown table and keeps offsets', () => {
    const md = '| 部门 | 负责人 |\n|---|---|\n| 研发部 | 石磊 |';
    const [span] = findNameFields(md);
    expect(span && md.slice(span.start, span.end)).toBe('石磊');
  });

  it('drops a relation note after the name', () => {
    expect(names('| 姓名 | 紧急联系人 |\n|---|---|\n| 钟晓 | 钟丽华（母） |')).toEqual(['钟晓', '钟丽华']);
  });

  it('ignores other columns and tables without a name header', () => {
    expect(names('部门,城市\n高新,向阳')).toEqual([]);
  });

  it('runs in linear time on long tables and many labels', () => {
    const table = (n: number) => `姓名,手机,部门\n${'张三丰,13300007777,技术部\n'.repeat(n)}`;
    expect(scalingRatio(findNameFields, table(10_000), table(100_000))).toBeLessThan(40);
    const labels = (n: number) => '收件人：高峰，联系人：'.repeat(n);
    expect(scalingRatio(findNameFields, labels(10_000), labels(100_000))).toBeLessThan(40);
    const headers = (n: number) => '姓名,姓名\n'.repeat(n);
    expect(scalingRatio(findNameFields, headers(10_000), headers(100_000))).toBeLessThan(40);
  });

  it('never throws on odd input', () => {
    for (const text of ['姓名', '姓名,', '姓名\n,', '收件人：', '|姓名|\n|\ud800|', ',,,,\n姓名']) {
      expect(() => findNameFields(text)).not.toThrow();
    }
  });
});
