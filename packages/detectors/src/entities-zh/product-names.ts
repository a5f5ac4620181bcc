import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';

/**
 * Company names used as the first half of a product name: 阿里云, 腾讯会议, 华为云 are the cloud or app a
 * developer uses, not the company, and masking the brand garbles a technical prompt ("[ORG]云 RDS"). The same
 * for a platform's delivery or sales service (京东快递, 京东物流, 天猫渠道, 用友 U8), as carriers are services.
 */
const PRODUCT_AFTER =
  /^(?:云|智能云|会议|文档|网盘|地图|翻译|输入法|浏览器|企业邮|邮箱|小程序|开放平台|开发者工具|新闻客户端|客户端|包裹|白条|店铺|后台|账号|账户|订单|余额|钱包|花呗|快递|物流|速运|揽收|自营|商城|超市|外卖|渠道|手环|手机|手表|耳机|电视|\s?E\s?卡|APP|App|app|\s?U8)/;

/** Does a product word follow a company name ending at `end` (阿里|云)? */
export function productFollows(text: string, end: number): boolean {
  return PRODUCT_AFTER.test(text.slice(end, end + 5));
}

/**
 * Modules of an application named with 中心 (用户中心, 注册中心, 配置中心): in technical text these are
 * services, not organizations. Only generic software nouns qualify, so 疾病预防控制中心 is untouched.
 */
const MODULE_WORDS: ReadonlySet<string> = new Set([
  '用户',
  '注册',
  '配置',
  '消息',
  '会员',
  '个人',
  '帮助',
  '支付',
  '订单',
  '任务',
  '调度',
  '通知',
  '权限',
  '认证',
  '账户',
  '账号',
  '结算',
  '商品',
  '库存',
  '日志',
  '监控',
  '告警',
  '积分',
  '消费',
  '下载',
  '设置',
  '安全',
  '应用',
  '服务',
  '开发者',
  '控制台',
]);

/** Is the 中心 head at token `i` a software module: 用户中心 as one token, or 用户 + 中心? */
export function isSoftwareModule(tokens: readonly SegmentedToken[], i: number): boolean {
  const token = tokens[i] as SegmentedToken;
  if (!token.word.endsWith('中心')) return false;
  if (token.word.length > 2) return MODULE_WORDS.has(token.word.slice(0, -2));
  const prev = tokens[i - 1];
  return prev !== undefined && prev.end === token.start && MODULE_WORDS.has(prev.word);
}

/** A name-like word before 杯 names a contest or trophy (蓝桥杯), not a person; 杯子 is a cup. */
export function namesContest(text: string, end: number): boolean {
  return text.charAt(end) === '杯' && text.charAt(end + 1) !== '子';
}
