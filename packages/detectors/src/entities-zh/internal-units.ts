/**
 * Departments every company has (财务部, 人事部, 研发中心): jieba tags some of them nt, but they name a team
 * inside a company, not an organization; the company is the name before them (某某科技 | 采购部), if any.
 * Ministries (财政部, 外交部, 国土安全部) are not listed.
 */
const FUNCTIONS: ReadonlySet<string> = new Set([
  '财务',
  '人事',
  '人力资源',
  '行政',
  '销售',
  '市场',
  '技术',
  '研发',
  '法务',
  '采购',
  '运营',
  '客服',
  '产品',
  '质量',
  '质检',
  '生产',
  '工程',
  '设计',
  '测试',
  '售前',
  '售后',
  '物流',
  '仓储',
  '商务',
  '公关',
  '品牌',
  '审计',
  '风控',
  '企划',
  '营销',
  '运维',
  '信息',
  '数据',
  '合规',
  '内控',
  '电商',
  '渠道',
  '信用卡',
  '招聘',
  '培训',
]);
const UNIT_ENDINGS = ['事业部', '部', '处', '科', '组', '中心'] as const;

/** Last characters of the endings: most words are rejected by this one test. */
const ENDING_LAST = new Set(UNIT_ENDINGS.map((e) => e.charAt(e.length - 1)));

export function isInternalDepartment(word: string): boolean {
  if (!ENDING_LAST.has(word.charAt(word.length - 1))) return false;
  for (const ending of UNIT_ENDINGS) {
    if (word.length > ending.length && word.endsWith(ending))
      return FUNCTIONS.has(word.slice(0, -ending.length));
  }
  return false;
}

/** Heads too generic to make a name out of common nouns alone: 招标代理机构, 合作单位. */
export const GENERIC_HEADS: ReadonlySet<string> = new Set(['机构', '单位', '组织', '部门', '平台', '团队']);
