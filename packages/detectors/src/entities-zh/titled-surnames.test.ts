import { describe, expect, it } from 'vitest';
import type { DetectContext } from '../detector.ts';
import { segmentChinese } from '../segmentation/chinese-segmenter.ts';
import { cpuMs } from '../test-support/cpu-time.ts';
import { chineseEntityDetector } from './index.ts';
import { findTitledSurnames } from './titled-surnames.ts';

function titled(text: string): string[] {
  return findTitledSurnames(text, segmentChinese(text)).map((s) => text.slice(s.start, s.end));
}

function context(text: string): DetectContext {
  const tokens = segmentChinese(text);
  return { lang: 'zh', hasCjk: true, chineseTokens: () => tokens };
}

function found(text: string, type: 'person_name' | 'organization'): string[] {
  return chineseEntityDetector
    .detect(text, context(text))
    .filter((f) => f.type === type)
    .map((f) => text.slice(f.start, f.end));
}

describe('surnames with a title', () => {
  it('reads the surname before a business title', () => {
    expect(titled('参会：蒋总、邹经理（财务）')).toEqual(['蒋', '邹']);
    expect(titled('报名请联系韩老师，或者找何老师。')).toEqual(['韩', '何']);
    expect(titled('客户：宁女士；HR 方小姐')).toEqual(['宁', '方']);
    expect(titled('毛工，你好')).toEqual(['毛']);
    expect(titled('售后组的蓝主管已经回电。')).toEqual(['蓝']);
  });

  it('reads the surname of an anonymised name (张某, 李某某) but not 某 "some" after a preposition', () => {
    expect(titled('被告人李某某于去年入职，同事甘某作证。')).toEqual(['李', '甘']);
    expect(titled('由某公司承办，向某单位申请。')).toEqual([]);
  });

  it('takes an ambiguous surname only where a name is addressed', () => {
    expect(titled('作业请交给于老师。')).toEqual(['于']);
    expect(titled('我们要向老师学习。')).toEqual([]);
    expect(titled('对于老师来说')).toEqual([]);
  });

  it('takes an ambiguous surname after a role or job, and after a team word glued on', () => {
    expect(titled('年级组长游老师要求每班交记录表')).toEqual(['游']);
    expect(titled('之前业务员区小姐答应一周到账')).toEqual(['区']);
    expect(titled('负责人是数仓组戚老师，我是实习生')).toEqual(['戚']);
    expect(titled('婚庆公司对接人芦老师，主持人是签约司仪')).toEqual(['芦']);
  });

  it('ignores titles that start a longer word or follow a word', () => {
    expect(titled('本周总结如下')).toEqual([]);
    expect(titled('部门经理和项目经理都来了')).toEqual([]);
    expect(titled('施工方案和员工手册')).toEqual([]);
    expect(titled('语文老师和各位女士')).toEqual([]);
  });

  it('reads the surname before a familiar title (师傅, 姐, 老板, 会计), single or compound', () => {
    expect(titled('已派鲍师傅上门，林老板说货晚一周，找欧阳姐签字，出纳房会计在休假。')).toEqual([
      '鲍',
      '林',
      '欧阳',
      '房',
    ]);
  });

  it('ignores familiar titles inside dictionary words (师姐, 表哥, 大叔, 老板娘)', () => {
    expect(titled('我师姐和表哥来了，大叔说老板娘不在，时间会计入考勤。')).toEqual([]);
  });

  it('reads 小/老 nicknames but not everyday words', () => {
    expect(titled('客服小刘：您好')).toEqual(['小刘']);
    expect(titled('老王和小张')).toEqual(['小张', '老王']);
    expect(titled('小于10的数，每小时一次，老师们好')).toEqual([]);
    // Less frequent surnames only where jieba knows no such word: 小麦 and 小苗 are nouns.
    expect(titled('小宋负责前端，小卢负责测试。')).toEqual(['小宋', '小卢']);
    expect(titled('小蒋你来一下，老董说可以')).toEqual(['小蒋', '老董']);
    expect(titled('小麦价格上涨，小苗长出来了')).toEqual([]);
  });

  it('reads 阿 nicknames but not transliterations or kinship words', () => {
    expect(titled('阿庞和阿梁是同事。')).toEqual(['阿庞', '阿梁']);
    expect(titled('阿姨去过阿富汗和阿曼。')).toEqual([]);
  });

  it('adds the surname to the detector output unless a full name covers it', () => {
    expect(found('审批：蒋总 → 财务葛丽华', 'person_name').sort()).toEqual(['蒋', '葛丽华'].sort());
    expect(found('今天李明老师说要考试。', 'person_name')).toEqual(['李明']);
  });
});

describe('product names led by a company name', () => {
  it('does not report the company inside a cloud or app product', () => {
    expect(found('部署在阿里云 ECS 上，监控用腾讯云，开会用腾讯会议。', 'organization')).toEqual([]);
    expect(found('部署在阿里云 ECS 上', 'person_name')).toEqual([]);
    expect(found('晚上用网易新闻客户端看了直播。', 'organization')).toEqual([]);
    expect(found('您的京东包裹已到南门，不要退京东白条，去京东后台查。', 'organization')).toEqual([]);
    expect(found('今天京东揽收是 17:30，物流：京东物流 JDX0198，账在用友 U8 里', 'organization')).toEqual([]);
  });

  it('does not read drug names, form roles or a type in parentheses as people', () => {
    expect(found('目前用药：阿托伐他汀 20mg，美托洛尔缓释片 1 片，窦性心律。', 'person_name')).toEqual([]);
    expect(found('申请人补充说明：讲师说学校那边报销不方便。', 'person_name')).toEqual([]);
    expect(found('Parameters: 欧阳子墨(String), 2(Integer)', 'person_name')).toEqual(['欧阳子墨']);
  });

  it('does not read a meeting or event ending in 会 as an organization', () => {
    expect(found('下周五开家长会，年会和产品发布会都在月底。', 'organization')).toEqual([]);
    expect(found('上海市音乐家协会主办。', 'organization')).toEqual(['上海市音乐家协会']);
  });

  it('does not carry a company named elsewhere onto its product', () => {
    expect(found('腾讯的企业微信不错，服务器放在腾讯云。', 'organization')).toEqual(['腾讯']);
    expect(found('技术中台和钉钉开放平台', 'organization')).toEqual([]);
  });

  it('still reports the company on its own', () => {
    expect(found('他先后在阿里巴巴和腾讯工作。', 'organization')).toEqual(['阿里巴巴', '腾讯']);
  });

  it('does not read application modules as organizations', () => {
    expect(found('先调用用户中心，再换注册中心，运营报表怎么办？', 'organization')).toEqual([]);
  });

  it('does not read a metro station as an organization', () => {
    expect(found('（地铁10号线西土城站A口出）', 'organization')).toEqual([]);
  });
});

describe('departments and contests', () => {
  it('does not report a department of the writer’s company alone', () => {
    expect(found('财务部的同事负责对账，人事部发通知。', 'organization')).toEqual([]);
    expect(found('招标代理机构：中化商务有限公司', 'organization')).toEqual(['中化商务有限公司']);
    expect(found('外交部发言人表示', 'organization')).toEqual(['外交部']);
    expect(found('| 工号 | 研发中心 | 市场部 |', 'organization')).toEqual([]);
  });

  it('does not read engineering jargon as a person', () => {
    expect(found('首屏、白屏、卡顿都要埋点，冷启动靠热门兜底，根因分析用甘特图。', 'person_name')).toEqual(
      [],
    );
  });

  it('does not read the name of a contest as a person', () => {
    expect(found('报名蓝桥杯和飞桨杯，带上杯子。', 'person_name')).toEqual([]);
  });
});

describe('robustness', () => {
  it('runs in linear time on many titles and nicknames', () => {
    const unit = '王老师小刘李总，周总结向老师于老师';
    const small = unit.repeat(500);
    const large = unit.repeat(5000);
    const tSmall = segmentChinese(small);
    const tLarge = segmentChinese(large);
    const time = (text: string, tokens: ReturnType<typeof segmentChinese>) =>
      cpuMs(() => {
        findTitledSurnames(text, tokens);
        chineseEntityDetector.detect(text, { lang: 'zh', hasCjk: true, chineseTokens: () => tokens });
      });
    time(small, tSmall);
    const ratio = time(large, tLarge) / Math.max(time(small, tSmall), 1);
    expect(ratio).toBeLessThan(40);
  });

  it('never throws on odd input', () => {
    for (const text of ['总', '小', '老', '\ud800老师', '王工', '小'.repeat(50), '']) {
      expect(() => titled(text)).not.toThrow();
    }
  });
});
