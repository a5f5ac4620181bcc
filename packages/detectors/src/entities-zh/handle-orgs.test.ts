import { describe, expect, it } from 'vitest';
import { handleOrganizations } from './handle-orgs.ts';

function handles(text: string): string[] {
  return handleOrganizations(text).map((s) => text.slice(s.start, s.end));
}

describe('organization accounts in mention handles', () => {
  it('reads a cleanly ended handle with an account suffix as one organization', () => {
    expect(handles('转发抽奖//@青禾花艺小铺:谢谢大家支持')).toEqual(['青禾花艺小铺']);
    expect(handles('拍得真好@杭州蓝调婚纱[心]')).toEqual(['杭州蓝调婚纱']);
    expect(handles('//@星辰动物医院: 周末义诊')).toEqual(['星辰动物医院']);
  });

  it('leaves a person, a hobby account, a run-on handle and an e-mail address alone', () => {
    expect(handles('//@邵建国:同意')).toEqual([]);
    expect(handles('//@美食频道:好吃')).toEqual([]);
    expect(handles('@星辰动物医院连锁机构今天开了培训会大家都来学习了')).toEqual([]);
    expect(handles('写信到 service@abc公司')).toEqual([]);
  });

  it('needs a name before the suffix', () => {
    expect(handles('//@小店:上新了')).toEqual([]);
  });
});
