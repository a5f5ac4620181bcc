import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { CharTable, PairTable } from './char-table.ts';
import { VERBS_AFTER } from './cue-words.ts';
import { employersBeforeBoardRoles, startsWithGluedVerb } from './employers.ts';
import { fixtureTeams } from './fixtures.ts';
import { GENERIC_HEADS, isInternalDepartment } from './internal-units.ts';
import { latinOrganizations } from './latin-orgs.ts';
import { joinListItems, listedBefore } from './list-items.ts';
import {
  BRAND_HEADS,
  KNOWN_ORGS,
  NON_NAME_TAGS,
  NOT_ORG_HEADS,
  ORG_HEADS,
  SINGLE_CHAR_HEADS,
} from './organization-words.ts';
import type { Span } from './person-names.ts';
import { isSoftwareModule, productFollows } from './product-names.ts';
import { CITY_CLUBS, SPORTS_ORGS } from './sports.ts';
import { surnameLength } from './surnames.ts';
import { WELL_KNOWN_ORGS } from './well-known-orgs.ts';

const ORG = 'organization' as const;

/** Tags a head token may carry; excludes verbs so 学会 "learn" or 进行 never close a name. */
const HEAD_TAGS: ReadonlySet<string> = new Set(['n', 'nt', 'nz', 'j', 'ng', 'l', 'ns', 'nr', 'vn', 'nrt']);
/** Tags of tokens that may stand inside an organization name, left of its head. */
const MODIFIER_TAGS: ReadonlySet<string> = new Set([
  'n',
  'nz',
  'ns',
  'nt',
  'nr',
  'nrt',
  'nrfg',
  'j',
  'eng',
  'vn',
  'b',
  'an',
  'ng',
  'zg',
  'l',
  'x',
  'm',
  'a',
]);
/** Tags that make a span a name rather than a generic description (投资公司 vs 华夏投资公司). */
const PROPER_TAGS: ReadonlySet<string> = new Set(['ns', 'nz', 'nt', 'nr', 'nrt', 'nrfg', 'j', 'eng', 'zg']);
/** Nouns that often precede an organization but are not part of its name. */
const LEFT_STOP_WORDS: ReadonlySet<string> = new Set([
  '现任',
  '历任',
  '曾任',
  '担任',
  '兼任',
  '出任',
  '任职',
  '就职',
  '记者',
  '目前',
  '国内',
  '国外',
  '至今',
  '以及',
  '其中',
  '今年',
  '去年',
  '明年',
  '消息',
  '报道',
  '时间',
  '工作',
  '期间',
  '之后',
  '以来',
  '毕业',
  '加入',
  '进入',
  '来自',
  '创办',
  '成立',
  '包括',
  '全国',
  '各地',
  '旗下',
  '下属',
  '所属',
  '有关',
  '相关',
  '街道',
  '社区',
]);
/** Words after which a bare 公司 / 集团 refers to a specific, already-named company (résumé style). */
const BARE_ORG_PRECEDERS: ReadonlySet<string> = new Set([
  '任',
  '现任',
  '历任',
  '曾任',
  '担任',
  '兼任',
  '出任',
  '为',
  '在',
  '于',
  '加入',
  '进入',
  '本',
  '该',
  '、',
  '，',
  '及',
  '和',
  '受聘',
]);
const BARE_ORG_WORDS: ReadonlySet<string> = new Set(['公司', '集团', '本公司', '本集团', '该公司']);
const ROLE_ENDINGS = [
  '经理',
  '董事',
  '总监',
  '监事',
  '总裁',
  '秘书',
  '顾问',
  '主任',
  '主席',
  '会长',
  '总师',
  '工程师',
];

const ASCII_DIGIT = /[0-9]/;
const LATIN_LETTER = /[A-Za-z]/;
const VS = /vs/i;
const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const MAX_LEFT_TOKENS = 8;
const MAX_ORG_CHARS = 28;

/** Known organizations bucketed by their first two characters, longest first, for a cheap boundary-aligned lookup. */
const KNOWN_BY_PREFIX = byPrefix([...KNOWN_ORGS, ...WELL_KNOWN_ORGS, ...SPORTS_ORGS]);
/** City-named clubs, looked up only in sports text. */
const CLUBS_BY_PREFIX = byPrefix(CITY_CLUBS);

/** The two UTF-16 units at `index` as one 32-bit integer (all listed names have at least two). */
function prefixKey(text: string, index: number): number {
  return (text.charCodeAt(index) << 16) | text.charCodeAt(index + 1);
}

function byPrefix(names: readonly string[]): ReadonlyMap<number, readonly string[]> {
  const map = new Map<number, string[]>();
  for (const name of [...names].sort((a, b) => b.length - a.length)) {
    if (name.length < 2) continue;
    const key = prefixKey(name, 0);
    const bucket = map.get(key);
    if (bucket) bucket.push(name);
    else map.set(key, [name]);
  }
  return map;
}

/** Role nouns jieba glues onto a head (协会会长, 董事会秘书); the organization ends before them. */
const GLUED_ROLES: readonly string[] = [
  '会长',
  '院长',
  '校长',
  '局长',
  '厅长',
  '行长',
  '主任',
  '主席',
  '秘书',
  '秘书长',
  '经理',
  '律师',
  '会计师',
  '会员',
];
/** Heads that name an internal department; not chained onto an organization (中信地产 | 营销管理部). */
const DEPARTMENT_ENDINGS: readonly string[] = ['部', '处', '科', '室', '组', '总部'];
/** Single characters that never sit inside an organization name (particles, prepositions, pronouns). */
const FUNCTION_CHARS: ReadonlySet<string> = new Set(
  '的了着过是在和与及或就也都还又把被对从向给让说等则而但却很不没已将要会能可为这那其之于此由因所若如即并我你他她它们经到至自当曾获兼任年月日'.split(
    '',
  ),
);
/** Tags allowed inside a name but not at its left edge (勘察 in 公路勘察规划设计院). */
const INTERIOR_TAGS: ReadonlySet<string> = new Set(['v', 'z', 'ad']);
/** Verbs that occur inside organization names (business lines); other verbs end the name. */
const ORG_VERBS: ReadonlySet<string> = new Set(
  '勘察 设计 制造 开发 研究 发展 建设 规划 管理 投资 经营 监督 检验 检测 服务 培训 咨询 联合 合作 交易 运输 销售 生产 加工 印刷 出版 广播 保障 执法 评估 审计 认证 促进 研发 贸易 营销 租赁 装饰 安装 维修 控股 电子 实验 测试 治理 保护 救助 监测'.split(
    ' ',
  ),
);
const PAREN_OPEN: ReadonlySet<string> = new Set(['(', '（']);
const PAREN_CLOSE: ReadonlySet<string> = new Set([')', '）']);
/** Heads recognised even when jieba tags them as verbs (分行/v). */
const HEAD_WORDS_ANY_TAG: ReadonlySet<string> = new Set(
  ORG_HEADS.filter((h) => h.length >= 2 && h !== '学会'),
);

interface Head {
  /** Characters to drop from the end of the token (a glued role), usually 0. */
  cut: number;
}

/** Multi-character heads bucketed by last character, so a token is checked against a handful, not all. */
const HEADS_BY_LAST: ReadonlyMap<string, readonly string[]> = groupByLastChar(ORG_HEADS);
const ROLES_BY_LAST: ReadonlyMap<string, readonly string[]> = groupByLastChar(GLUED_ROLES);

function groupByLastChar(words: readonly string[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const w of [...words].sort((a, b) => b.length - a.length)) {
    const last = w.charAt(w.length - 1);
    const bucket = map.get(last);
    if (bucket) bucket.push(w);
    else map.set(last, [w]);
  }
  return map;
}

function endsWithHead(word: string): boolean {
  const last = word.charAt(word.length - 1);
  if (SINGLE_CHAR_HEADS.has(last)) return true;
  const bucket = HEADS_BY_LAST.get(last);
  return bucket?.some((h) => word.endsWith(h)) ?? false;
}

/** Last characters any head or glued role can end with: most tokens are rejected by this one lookup. */
const HEAD_LAST_CHARS = new CharTable([
  ...SINGLE_CHAR_HEADS,
  ...HEADS_BY_LAST.keys(),
  ...ROLES_BY_LAST.keys(),
]);

/**
 * 军 is a common last given-name character: a surname-led three-character name or unknown word ending in
 * it (韦立军, 邵建军) is a person, not an army.
 */
function isNameEndingInArmy(token: SegmentedToken): boolean {
  const { word, tag } = token;
  return (
    word.length === 3 && word.endsWith('军') && (tag === 'x' || tag === 'nr') && surnameLength(word) === 1
  );
}

/** A department jieba split in two (研发/j 中心/n): no organization ends here. */
function splitDepartment(tokens: readonly SegmentedToken[], i: number): boolean {
  const token = tokens[i] as SegmentedToken;
  const prev = tokens[i - 1];
  if (token.word.length > 2 || !prev || prev.end !== token.start) return false;
  return isInternalDepartment(prev.word + token.word);
}

/** 高/a 建军/n: a two-character given name ending in 军 right after a lone surname token. */
function armyGivenName(tokens: readonly SegmentedToken[], i: number): boolean {
  const token = tokens[i] as SegmentedToken;
  if (token.word.length !== 2 || !token.word.endsWith('军')) return false;
  const prev = tokens[i - 1];
  return (
    prev !== undefined && prev.end === token.start && prev.word.length === 1 && surnameLength(prev.word) === 1
  );
}

function headOf(token: SegmentedToken): Head | undefined {
  const { word, tag } = token;
  // 不太会/n "not very good at": a negated word is no head.
  if (word.charCodeAt(0) === 0x4e0d /* 不 */ && word.length > 1) return undefined;
  // The company before a department ends where the department starts: 欣旺达 | 采购部.
  if (tag === 'nt') {
    if (isGenericNt(word)) return undefined;
    return { cut: isInternalDepartment(word) ? word.length : 0 };
  }
  // A place-tagged station (南站/ns) is a stop on a line, not an organization.
  if (tag === 'ns' && word.endsWith('站')) return undefined;
  if (!HEAD_LAST_CHARS.at(word, word.length - 1) || isNameEndingInArmy(token)) return undefined;
  if (isInternalDepartment(word)) return { cut: word.length };
  if (HEAD_WORDS_ANY_TAG.has(word)) return { cut: 0 };
  if (!(HEAD_TAGS.has(tag) || isUnknownHead(token)) || NOT_ORG_HEADS.has(word)) return undefined;
  const roles = ROLES_BY_LAST.get(word.charAt(word.length - 1));
  if (roles) {
    for (const role of roles) {
      if (word.length > role.length + 1 && word.endsWith(role)) {
        const rest = word.slice(0, word.length - role.length);
        return endsWithHead(rest) ? { cut: role.length } : undefined;
      }
    }
  }
  return endsWithHead(word) ? { cut: 0 } : undefined;
}

/** Group counts that start a generic reference: 四大行 "the big four banks", 十大券商. */
const GROUP_COUNT = /^[一二三四五六七八九十两几]大/;

/**
 * Words jieba's dictionary tags nt that name no organization: fields of study (统计学, 社会科学; schools end in
 * 大学 / 中学 / 小学), processes (国际化, 最大化), traits (上进心; 中心 is a head), group counts (四大行),
 * single characters and public services.
 */
function isGenericNt(word: string): boolean {
  // 暨/nt "and": one character names nothing; 公共交通, 公共卫生: a public service, not a body.
  if (word.length === 1 || word.startsWith('公共')) return true;
  const last = word.charAt(word.length - 1);
  if (last === '学') return !(word.endsWith('大学') || word.endsWith('中学') || word.endsWith('小学'));
  if (last === '化') return true;
  if (last === '心') return !word.endsWith('中心');
  return GROUP_COUNT.test(word);
}

/**
 * An HMM word of three or more characters may end in a head (某某所/x); one holding a function character is
 * a phrase (福之所), not a name.
 */
function isUnknownHead(token: SegmentedToken): boolean {
  if (!isUnknownWord(token) || token.word.length < 3) return false;
  for (let k = 0; k < token.word.length - 1; k++) if (FUNCTION_CHARS.has(token.word.charAt(k))) return false;
  return true;
}

/** Cheap gate: most tokens neither open a listed name nor end in a head or brand word. */
/** First two characters of the listed names: a cheap table test before the map lookup. */
const LISTED_PREFIXES = new PairTable([...KNOWN_BY_PREFIX.values(), ...CLUBS_BY_PREFIX.values()].flat());

/** Last characters of the industry words: a table test spares hashing most tokens for the set lookup. */
const BRAND_LAST_CHARS = new CharTable([...BRAND_HEADS].map((w) => w.charAt(w.length - 1)));

function mayStartOrEndOrganization(text: string, token: SegmentedToken): boolean {
  const { word } = token;
  const lastChar = word.length - 1;
  if (token.tag === 'nt' || HEAD_LAST_CHARS.at(word, lastChar)) return true;
  if (BRAND_LAST_CHARS.at(word, lastChar) && BRAND_HEADS.has(word)) return true;
  if (!LISTED_PREFIXES.at(text, token.start)) return false;
  const key = prefixKey(text, token.start);
  return KNOWN_BY_PREFIX.has(key) || CLUBS_BY_PREFIX.has(key);
}

function isDepartment(token: SegmentedToken): boolean {
  return DEPARTMENT_ENDINGS.some((d) => token.word.endsWith(d));
}

function isModifier(token: SegmentedToken): boolean {
  const { word, tag } = token;
  // "vs" stands between two teams (中国队vs日本队), never inside one name.
  if (LEFT_STOP_WORDS.has(word) || (word.length === 2 && word.toLowerCase() === 'vs')) return false;
  if (word.length === 1 && /[\u3400-\u9fff]/.test(word)) {
    // jieba leaves unknown brand/name characters as single tokens with arbitrary tags: 林/ng 达/v 集团.
    return !FUNCTION_CHARS.has(word) && !NON_NAME_TAGS.has(tag) && !tag.startsWith('u');
  }
  if (isRoleWord(token) || (NOT_ORG_HEADS.has(word) && !NAME_PART_NOT_HEAD.has(word))) return false;
  // A speech verb after a name (王某表示公司…) ends the name; it is never part of one.
  if (INTERIOR_TAGS.has(tag)) return !VERBS_AFTER.has(word);
  if (!MODIFIER_TAGS.has(tag)) return false;
  // An adjective inside a name (德国复兴信贷银行); trimLeftEdge drops one standing at the left edge.
  if (tag === 'a') return word.length >= 2;
  if (tag === 'x')
    return (
      (isUnknownWord(token) && !gluesGrammar(word)) ||
      word === '·' ||
      word === '&' ||
      PAREN_OPEN.has(word) ||
      PAREN_CLOSE.has(word)
    );
  // 第一人民医院, 第八中心医院: an ordinal numbers hospitals, schools and institutes.
  if (tag === 'm') return ASCII_DIGIT.test(word) || ORDINAL.test(word);
  return true;
}

const ORDINAL = /^第[一二三四五六七八九十百零〇两]+$/;

/**
 * Characters that end a date or time jieba's HMM glues onto the next word (1997年任…, 9 点后放…), 已
 * "already" glued onto the verb after it (已转, 已收), and 用/走 "use/go through" glued onto an app's name
 * (用快团团, 退款走快团团).
 */
const DATE_CHARS: ReadonlySet<string> = new Set(['年', '月', '点', '已', '用', '走']);
/** Prepositions, copulas and the appointment verb 任: glued onto the end of a word they introduce a name. */
const GLUED_GRAMMAR_END: ReadonlySet<string> = new Set('为在于将把被由向对从与和及的了是任到'.split(''));

/**
 * Did HMM glue grammar onto an unknown word: a preposition or verb at its end (图为, 起任), a date or time
 * character or 已 at its start (年任, 点后, 已转)? Such a word stands before an organization, not inside it.
 */
function gluesGrammar(word: string): boolean {
  return GLUED_GRAMMAR_END.has(word.charAt(word.length - 1)) || DATE_CHARS.has(word.charAt(0));
}

/** A multi-character CJK word jieba's HMM found outside its dictionary (tag x): usually a proper name. */
function isUnknownWord(token: SegmentedToken): boolean {
  return token.tag === 'x' && token.word.length >= 2 && CJK_WORD.test(token.word);
}

function isProper(token: SegmentedToken): boolean {
  return (
    PROPER_TAGS.has(token.tag) || isUnknownWord(token) || (token.tag === 'm' && ASCII_DIGIT.test(token.word))
  );
}

function contiguous(a: SegmentedToken | undefined, b: SegmentedToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** A known organization found at a token: its last token and how many characters of that token are not in it. */
interface KnownMatch {
  last: number;
  cut: number;
}

/** The known organization starting at token `i`, if any. */
function knownOrgAt(
  text: string,
  tokens: readonly SegmentedToken[],
  i: number,
  sports: () => boolean,
): KnownMatch | undefined {
  const key = prefixKey(text, (tokens[i] as SegmentedToken).start);
  const known = listedMatch(text, tokens, i, KNOWN_BY_PREFIX.get(key));
  if (known) {
    const end = (tokens[known.last] as SegmentedToken).end - known.cut;
    return productFollows(text, end) ? undefined : known;
  }
  const club = listedMatch(text, tokens, i, CLUBS_BY_PREFIX.get(key));
  return club && sports() ? club : undefined;
}

/**
 * A listed company name used as a product's brand (阿里云, 腾讯会议): the person pass reads some of these
 * names as transliterations (阿里/nrt), so it asks here before reporting one.
 */
export function isBrandOfProduct(text: string, start: number, end: number): boolean {
  if (end - start < 2 || !productFollows(text, end)) return false;
  return KNOWN_BY_PREFIX.get(prefixKey(text, start))?.includes(text.slice(start, end)) ?? false;
}

/** Longest listed name starting at token `i` and ending on a token boundary, or inside an HMM word (立博同/x). */
function listedMatch(
  text: string,
  tokens: readonly SegmentedToken[],
  i: number,
  bucket: readonly string[] | undefined,
): KnownMatch | undefined {
  if (!bucket) return undefined;
  const token = tokens[i] as SegmentedToken;
  for (const name of bucket) {
    if (!text.startsWith(name, token.start)) continue;
    const end = token.start + name.length;
    for (let k = i; k < tokens.length && k < i + 6; k++) {
      const t = tokens[k] as SegmentedToken;
      if (t.end === end) return { last: k, cut: 0 };
      if (t.end > end) {
        // HMM glued the next one or two characters onto a listed name it does not know as a word.
        if (k === i && t.tag === 'x' && name.length >= 2 && t.end - end <= 2)
          return { last: k, cut: t.end - end };
        break;
      }
    }
  }
  return undefined;
}

function isRoleWord(token: SegmentedToken | undefined): boolean {
  if (!token) return false;
  return ROLE_ENDINGS.some((role) => token.word.endsWith(role));
}

/**
 * Chinese organization names: a head word (公司, 大学, 局 …) extended leftwards over the name-like tokens
 * before it and rightwards over chained sub-units (兰州大学经济系), plus well-known names and résumé-style
 * bare 公司 references.
 */
export function findChineseOrganizations(
  text: string,
  tokens: readonly SegmentedToken[],
  sports: () => boolean = () => false,
): Span[] {
  const spans: Span[] = [];
  /** Head-ended phrases too plain to stand alone (水利部): names only next to a named organization in a list. */
  const plain: Span[] = [];
  let floor = 0; // first token index not yet inside an emitted span
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as SegmentedToken;
    if (!mayStartOrEndOrganization(text, token)) {
      i += 1;
      continue;
    }
    const known = knownOrgAt(text, tokens, i, sports);
    const knownEnd = known ? known.last : -1;
    // A head word alone inside parentheses (…工程(集团)股份有限公司) belongs to the outer name; a whole name
    // in parentheses (卡号（中国建设银行）) is a name of its own.
    const parenthesised =
      token.word.length <= 2 &&
      PAREN_CLOSE.has(text.charAt(token.end)) &&
      PAREN_OPEN.has(text.charAt(token.start - 1));
    const head =
      knownEnd >= 0 ||
      parenthesised ||
      armyGivenName(tokens, i) ||
      isSoftwareModule(tokens, i) ||
      splitDepartment(tokens, i)
        ? undefined
        : (headOf(token) ?? marketHead(tokens, i) ?? societyHead(tokens, i));
    const brand = knownEnd < 0 && !head && BRAND_HEADS.has(token.word);
    if (knownEnd < 0 && !head && !brand) {
      if (isOfficeWord(token)) plain.push({ start: token.start, end: token.end, score: 0.5, type: ORG });
      i += 1;
      continue;
    }

    // Extend left over name-like tokens. Well-known names are complete, except a ministry or commission that
    // may carry its country or a conjoined portfolio: 美国财政部, 住房和城乡建设部.
    const extendable =
      knownEnd < 0 || (knownEnd === i && SINGLE_CHAR_HEADS.has(token.word.charAt(token.word.length - 1)));
    let s = i;
    let chars = token.word.length;
    while (extendable && s - 1 >= floor && i - s < MAX_LEFT_TOKENS) {
      const prev = tokens[s - 1] as SegmentedToken;
      if ((head || known) && joinsPortfolios(tokens, s - 1, floor, token)) {
        // 发展和改革委员会: skip the conjunction and take the first conjunct.
        const conjunct = tokens[s - 2] as SegmentedToken;
        if (chars + 1 + conjunct.word.length > MAX_ORG_CHARS) break;
        s -= 2;
        chars += 1 + conjunct.word.length;
        continue;
      }
      if (!bridged(text, prev, tokens[s] as SegmentedToken) || !isModifier(prev)) break;
      // 何某ESPN卫视: a Latin-script brand starts the name; an unknown Chinese word before it is someone else.
      if (prev.tag === 'x' && isCjkToken(prev) && tokens[s]?.tag === 'eng') break;
      // A well-known name takes only a place, an organization or a portfolio before it (美国财政部, 城乡建设部),
      // not any words (总理…召开国务院).
      if (known && !(prev.tag === 'ns' || prev.tag === 'nt' || isPortfolioNoun(prev))) break;
      if (chars + prev.word.length > MAX_ORG_CHARS) break;
      s -= 1;
      chars += prev.word.length;
    }
    s = trimLeftEdge(tokens, s, i);
    // 沪/j, 深/a: a one-character place abbreviation right before a trade line is a short name (深某投).
    if (s === i && i > floor && brandAfterAbbreviation(tokens, i)) s = i - 1;

    // Chain sub-units to the right: 公安厅 + 经侦 + 总队, 招行 + 广州 + 分行.
    let e = knownEnd >= 0 ? knownEnd : i;
    let cut = known ? known.cut : (head?.cut ?? 0);
    while (cut === 0) {
      let found = -1;
      for (let k = e + 1; k < tokens.length && k <= e + 4 && contiguous(tokens[k - 1], tokens[k]); k++) {
        const t = tokens[k] as SegmentedToken;
        const sub = t.word.length >= 2 && !isDepartment(t) ? headOf(t) : undefined;
        if (sub) {
          found = k;
          cut = sub.cut;
          break;
        }
        // 某某投资顾问有限公司: a consulting line right before the company head is part of the name.
        if (isRoleWord(t) && companyHeadFollows(tokens, k)) continue;
        // 某某总会优秀工会: an adjective after a complete name starts a description, not a sub-unit; a verb
        // outside the business lines starts a predicate (某大学设立某研究院).
        if (!isModifier(t) || t.tag === 'a' || (t.tag === 'v' && !ORG_VERBS.has(t.word))) break;
      }
      if (found < 0) break;
      e = found;
    }

    // A department cut off whole (欣旺达采购部 → 欣旺达) lends the name no evidence of its own.
    const lastKept = cut === (tokens[e] as SegmentedToken).word.length ? e - 1 : e;
    let proper = (token.tag === 'nt' && lastKept === e) || knownEnd >= 0;
    for (let k = s; k <= lastKept && !proper; k++) if (isProper(tokens[k] as SegmentedToken)) proper = true;
    const end = (tokens[e] as SegmentedToken).end - cut;
    const glued = startsWithGluedVerb(tokens, s) ? 1 : 0;
    const start = balancedStart(text, (tokens[s] as SegmentedToken).start + glued, end);
    const singles = countSingles(tokens, s, e);

    if (head && MARKET_WORDS.has(token.word) && !namedMarket(tokens, s, i)) {
      // 农产品批发市场, 中国大市场: a kind of market or a country's economy, not one marketplace.
      i += 1;
      continue;
    }
    if (head && FLOOR.test((tokens[s] as SegmentedToken).word)) {
      // 三楼锦绣厅, 2层多功能厅: a room on a floor of the venue, not an office.
      i += 1;
      continue;
    }
    if (head && RESIDENT_COMMITTEES.has(token.word) && !hasPlaceOrNameBefore(tokens, s, i)) {
      // 家委会, 居委会: a class's or an estate's committee is generic until a place or name says which one.
      i += 1;
      continue;
    }
    if (head && token.word === '学会' && !hasProperBefore(tokens, s, i)) {
      // 小学生学会…: pupils learn; a society takes a country, a place or a name (中国某某学会).
      i += 1;
      continue;
    }
    if (knownEnd >= 0) {
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (head && hasDescriptor(tokens, s, i)) {
      // 大型商业银行, 知名投资公司: a description of a kind of organization, not a name.
      i += 1;
      continue;
    } else if (head && endsInGenericHead(token.word) && !namedBeyondPlace(tokens, s, i)) {
      // 美国金融机构, 中国的合作单位: a place before a generic head says where, not which; no later head
      // reaches back over it (美国金融机构提供银行…).
      floor = e + 1;
      i = e + 1;
      continue;
    } else if ((head || (brand && e > i)) && (proper || singles >= 2) && end - start >= 3) {
      // A brand chained on to a company head (某某投资顾问有限公司) is a full name like any head-ended one.
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (brand && s < i && e === i && isBrandShortName(tokens, s, i, proper || singles >= 2)) {
      // Brand short name (博彦科技): needs an unknown / name-tagged brand before the industry word.
      const from = afterLoneVerb(tokens, s, i);
      spans.push({
        start: from === s ? start : (tokens[from] as SegmentedToken).start,
        end,
        score: 0.5,
        type: ORG,
      });
    } else if (
      head &&
      s < i &&
      token.word.length >= 2 &&
      end - start >= 5 &&
      !GENERIC_HEADS.has(token.word) &&
      // 互联网公司: a name part alone before the head describes a trade.
      !(i - s === 1 && NAME_PART_NOT_HEAD.has((tokens[s] as SegmentedToken).word)) &&
      // 该电影工作室, 这家设计研究院: a demonstrative points back to an organization named elsewhere.
      !DEMONSTRATIVES.has(tokens[s - 1]?.word ?? '') &&
      // 工作日送公司, 已转燃气公司: a verb before the head makes it an instruction, not a description.
      !hasActionBefore(tokens, s, i)
    ) {
      // Descriptive but specific: 国际经济研究所.
      spans.push({ start, end, score: 0.5, type: ORG });
    } else if (s === i && e === i && BARE_ORG_WORDS.has(token.word)) {
      const prev = tokens[i - 1];
      const withThis = prev && contiguous(prev, token) && (prev.word === '本' || prev.word === '该');
      // 起任/x, 年任/x: HMM glued the appointment verb onto the word before it.
      const afterCue =
        prev === undefined ||
        BARE_ORG_PRECEDERS.has(prev.word) ||
        (prev.tag === 'x' && prev.word.length >= 2 && prev.word.endsWith('任'));
      if (withThis || afterCue || isRoleWord(tokens[i + 1])) {
        spans.push({ start: withThis && prev ? prev.start : start, end, score: 0.4, type: ORG });
      } else {
        i += 1;
        continue;
      }
    } else {
      if (head && end - start >= 2) plain.push({ start, end, score: 0.5, type: ORG });
      i += 1;
      continue;
    }
    floor = e + 1;
    i = e + 1;
  }
  if (plain.length > 0) addListedNeighbours(text, spans, plain);
  if (text.includes('（') || text.includes('(')) addParenthesisedAliases(text, spans);
  // Fixtures ("vs") and Latin-script names both need a Latin letter: one scan rules both out for most text.
  if (LATIN_LETTER.test(text)) {
    if (VS.test(text)) {
      const teams = fixtureTeams(tokens, spans, sports());
      if (teams.length > 0) {
        spans.push(...teams);
        spans.sort((a, b) => a.start - b.start);
      }
    }
    const latin = latinOrganizations(text, spans);
    if (latin.length > 0) {
      spans.push(...latin);
      spans.sort((a, b) => a.start - b.start);
    }
  }
  const employers = employersBeforeBoardRoles(tokens, spans);
  const all = employers.length === 0 ? spans : [...spans, ...employers].sort((a, b) => a.start - b.start);
  // 房屋所在地人民法院, 讲师所在学院: "the court where the flat is" describes which one, it names none.
  if (!text.includes('所在')) return all;
  return all.filter((span) => !text.slice(span.start, span.end).includes('所在'));
}

/**
 * Verbs may sit inside a name but do not start one. A verb outside the business-line list (远航 in a
 * brand) is kept only when a proper name stands left of it: 宁波远航电气 yes, 提供银行 no.
 */
/** Verbs that end an HMM word glued on before an organization's name: 人有, 就是, 还在. */
const GLUED_VERB_ENDS = new CharTable('有是在');

function trimLeftEdge(tokens: readonly SegmentedToken[], s: number, i: number): number {
  let start = s;
  let properSeen = false;
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.tag === 'v' && t.word.length > 1 && !ORG_VERBS.has(t.word) && !properSeen) start = k + 1;
    // 人/n 有/v 某某机构, 参与人有/x 某某信息中心 (HMM glued the verb on): 有/是/在 ends the words before the name.
    if ((t.tag === 'x' || t.tag === 'v') && GLUED_VERB_ENDS.at(t.word, t.word.length - 1) && !properSeen)
      start = k + 1;
    if (isProper(t)) properSeen = true;
  }
  while (start < i && INTERIOR_TAGS.has((tokens[start] as SegmentedToken).tag)) start += 1;
  while (start < i && (tokens[start] as SegmentedToken).tag === 'a') start += 1;
  while (start < i && PAREN_CLOSE.has((tokens[start] as SegmentedToken).word)) start += 1;
  return start;
}

/** A marketplace: 批发市场 as one word, or 市场 after 大 / 批发 (某某农副产品大市场). */
const MARKET_WORDS: ReadonlySet<string> = new Set(['市场', '批发市场']);
const MARKET_MODIFIERS: ReadonlySet<string> = new Set(['大', '批发']);

function marketHead(tokens: readonly SegmentedToken[], i: number): Head | undefined {
  const token = tokens[i] as SegmentedToken;
  if (token.word === '批发市场') return { cut: 0 };
  const prev = tokens[i - 1];
  return token.word === '市场' && prev && contiguous(prev, token) && MARKET_MODIFIERS.has(prev.word)
    ? { cut: 0 }
    : undefined;
}

/** Tags of a field or place word that names a learned society with 学会 (中国化学会, 计算机学会). */
const SOCIETY_FIELD_TAGS: ReadonlySet<string> = new Set(['n', 'nz', 'ns', 'nt', 'j', 'vn']);

const DEMONSTRATIVES: ReadonlySet<string> = new Set([
  '该',
  '这',
  '那',
  '此',
  '这家',
  '那家',
  '这个',
  '那个',
  '其',
]);

const GENERIC_HEAD_LIST: readonly string[] = [...GENERIC_HEADS];

function endsInGenericHead(word: string): boolean {
  return GENERIC_HEAD_LIST.some((h) => word.endsWith(h));
}

/** Is there a name in s..i-1 other than a place: 某某/nz 机构 yes, 美国/ns 金融 机构 no? */
function namedBeyondPlace(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.tag !== 'ns' && isProper(t)) return true;
  }
  return false;
}

function companyHeadFollows(tokens: readonly SegmentedToken[], k: number): boolean {
  const next = tokens[k + 1];
  return next !== undefined && contiguous(tokens[k], next) && COMPANY_END.test(next.word);
}

const FLOOR = /^[一二三四五六七八九十\d]{1,3}[楼层]$/;

/** A verb outside the business lines, or a word HMM glued onto 已 (已转, 已收), among tokens s..i-1. */
function hasActionBefore(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if ((t.tag === 'v' && !ORG_VERBS.has(t.word)) || (t.tag === 'x' && t.word.startsWith('已'))) return true;
  }
  return false;
}

/** Committees every class, estate or village has (家委会 parents', 居委会 residents', 业委会 owners'). */
const RESIDENT_COMMITTEES: ReadonlySet<string> = new Set(['家委会', '居委会', '业委会', '村委会']);
const PLACE_OR_NAME_TAGS: ReadonlySet<string> = new Set(['ns', 'nz', 'nt', 'nr', 'nrt', 'j']);

/** A place or a name among tokens s..i-1 (朝阳社区居委会), not just modifiers and numbers ((2)班家委会). */
function hasPlaceOrNameBefore(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (PLACE_OR_NAME_TAGS.has(t.tag) || (isUnknownWord(t) && isCjkToken(t) && t.word.length >= 2))
      return true;
  }
  return false;
}

function hasProperBefore(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  for (let k = s; k < i; k++) if (isProper(tokens[k] as SegmentedToken)) return true;
  return false;
}

/**
 * 学会 is "learn" (我学会了, 孩子学会走路) unless a field or place stands right before it and no verb or
 * particle follows: 某某学会理事, 加入某某学会。
 */
function societyHead(tokens: readonly SegmentedToken[], i: number): Head | undefined {
  const token = tokens[i] as SegmentedToken;
  if (token.word !== '学会') return undefined;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (!prev || !contiguous(prev, token) || !SOCIETY_FIELD_TAGS.has(prev.tag)) return undefined;
  const verbAfter = next !== undefined && contiguous(token, next) && /^[vu]/.test(next.tag);
  return verbAfter ? undefined : { cut: 0 };
}

/**
 * A marketplace name needs a name of its own (寿光/nr, 新发地/x) or a district within a city (广州/ns 某某/ns):
 * a lone place before it (中国大市场) names an economy.
 */
function namedMarket(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  let places = 0;
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.tag === 'ns') places += 1;
    else if (t.word.length >= 2 && isProper(t)) return true;
  }
  return places >= 2;
}

/**
 * Trade lines that also close plain phrases (天使创投, 线上教育): the name before them must be a name, by its
 * own tag, not the trade line's; for 教育 and 优选 one jieba knows (nz 启明星), since new everyday words (线上,
 * 网课) come out as unknown words too.
 */
const PLAIN_TRADE_LINES: ReadonlySet<string> = new Set(['教育', '优选', '资本', '创投', '财富']);
const KNOWN_NAME_TRADE_LINES: ReadonlySet<string> = new Set(['教育', '优选']);
const KNOWN_NAME_TAGS: ReadonlySet<string> = new Set(['nz', 'nr', 'nrt', 'nrfg', 'j', 'nt']);

/** Tokens s..i-1 and the industry word at i: a brand's short name? `named` is the name evidence in s..i. */
function isBrandShortName(tokens: readonly SegmentedToken[], s: number, i: number, named: boolean): boolean {
  // 沪某投: a province abbreviation alone before the trade line; tagged ns or not, it is no region's trade.
  if (s === i - 1 && brandAfterAbbreviation(tokens, i)) return true;
  const hasName = PLAIN_TRADE_LINES.has((tokens[i] as SegmentedToken).word)
    ? namedTradeLine(tokens, s, i)
    : named;
  return (
    hasName && (!hasPlace(tokens, s, i) || tradeNameAfterPlace(tokens, s, i) || rolesFollow(tokens, i + 1))
  );
}

/**
 * A one-character verb before the brand's name (这批货走|某某物流) ends the phrase before it: the brand starts
 * after the last such verb that stands before the first multi-character name.
 */
function afterLoneVerb(tokens: readonly SegmentedToken[], s: number, i: number): number {
  let from = s;
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.word.length >= 2 && isProper(t)) break;
    if (t.tag === 'v' && t.word.length === 1) from = k + 1;
  }
  return from < i ? from : s;
}

function namedTradeLine(tokens: readonly SegmentedToken[], s: number, i: number): boolean {
  const knownOnly = KNOWN_NAME_TRADE_LINES.has((tokens[i] as SegmentedToken).word);
  for (let k = s; k < i; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.word.length < 2 || !CJK_WORD.test(t.word)) continue;
    if (knownOnly ? KNOWN_NAME_TAGS.has(t.tag) : isProper(t)) return true;
  }
  return false;
}

/** One-character abbreviations of provinces and large cities that start company short names (沪, 粤, 深). */
const PLACE_ABBREVIATIONS = new CharTable('京津沪渝冀晋辽苏浙皖闽赣鲁豫鄂湘粤琼蜀黔滇陕陇桂深杭穗');

function brandAfterAbbreviation(tokens: readonly SegmentedToken[], i: number): boolean {
  const token = tokens[i] as SegmentedToken;
  const prev = tokens[i - 1] as SegmentedToken;
  return (
    BRAND_HEADS.has(token.word) &&
    prev.word.length === 1 &&
    PLACE_ABBREVIATIONS.at(prev.word, 0) &&
    contiguous(prev, token)
  );
}

/** Words that never close a name but often stand inside one: 社会保障局, 社会科学院. */
const NAME_PART_NOT_HEAD: ReadonlySet<string> = new Set(['社会', '网络', '互联网']);
/** Qualifiers of size, reach, ownership or fame that make a phrase describe a kind of organization. */
const DESCRIPTORS: ReadonlySet<string> = new Set(
  '知名 著名 大型 中型 小型 大中型 中小型 外资 中资 合资 股份制 顶级 一流 各大 多家 某 某些 一些 这家 那家 一家 几家'.split(
    ' ',
  ),
);

function hasDescriptor(tokens: readonly SegmentedToken[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (DESCRIPTORS.has((tokens[k] as SegmentedToken).word)) return true;
  return false;
}

/** Conjunctions joining two portfolios inside one government or association name. */
const INNER_CONJUNCTIONS: ReadonlySet<string> = new Set(['和', '及', '与']);
/** Last characters of government and association heads (部, 委员会, 局 …), not of companies or schools. */
const PORTFOLIO_HEAD_LAST = /[部局厅署委办会院所处]$/;

/**
 * Is token c a conjunction inside a ministry-style name (住房和城乡建设部, 人力资源和社会保障局)? Both
 * conjuncts are plain nouns; a first conjunct that is itself an organization (中国银行和工商银行) is not.
 */
function joinsPortfolios(
  tokens: readonly SegmentedToken[],
  c: number,
  floor: number,
  head: SegmentedToken,
): boolean {
  const conj = tokens[c] as SegmentedToken;
  if (!INNER_CONJUNCTIONS.has(conj.word) || c - 1 < floor || !PORTFOLIO_HEAD_LAST.test(head.word))
    return false;
  const left = tokens[c - 1] as SegmentedToken;
  const right = tokens[c + 1] as SegmentedToken;
  return (
    contiguous(left, conj) &&
    contiguous(conj, right) &&
    isPortfolioNoun(left) &&
    // The second conjunct may be inside the head token itself: 规划和建设局.
    (isPortfolioNoun(right) || (right === head && head.word.length >= 3)) &&
    !endsWithHead(left.word)
  );
}

function isPortfolioNoun(token: SegmentedToken): boolean {
  const { word, tag } = token;
  return (tag === 'n' || tag === 'vn' || tag === 'j') && word.length >= 2 && !LEFT_STOP_WORDS.has(word);
}

/** Adjacent tokens, or tokens separated by one parenthesis: 新纶科技（香港）有限公司. */
function isCjkToken(token: SegmentedToken): boolean {
  return CJK_WORD.test(token.word);
}

function bridged(text: string, a: SegmentedToken, b: SegmentedToken): boolean {
  if (a.end === b.start) return true;
  if (b.start !== a.end + 1) return false;
  const gap = text.charAt(a.end);
  return PAREN_OPEN.has(gap) || PAREN_CLOSE.has(gap);
}

/** Moves `start` past any parenthesis left unbalanced inside [start, end). */
function balancedStart(text: string, start: number, end: number): number {
  let depth = 0;
  let result = start;
  for (let k = start; k < end; k++) {
    const ch = text.charAt(k);
    if (PAREN_OPEN.has(ch)) depth += 1;
    else if (PAREN_CLOSE.has(ch)) {
      if (depth === 0) result = k + 1;
      else depth -= 1;
    }
  }
  if (depth === 0) return result;
  // An unclosed "(" : the name starts after the last one.
  for (let k = end - 1; k >= result; k--) if (PAREN_OPEN.has(text.charAt(k))) return k + 1;
  return result;
}

/** Single-character CJK tokens in [s, e]: jieba's trace of an unknown proper name. */
function countSingles(tokens: readonly SegmentedToken[], s: number, e: number): number {
  let n = 0;
  for (let k = s; k <= e; k++) if ((tokens[k] as SegmentedToken).word.length === 1) n += 1;
  return n;
}

/** Executive roles written right after a company's short name: 湖南某业副总经理, 某某水务董事. */
const EXECUTIVE_ROLE = /^副?(?:董事长|董事|总经理|总裁|总监|监事|监事长|首席执行官)$/;

/**
 * A place plus an industry word (湖南信托, 江南水务) is usually the trade in that region; followed by an executive
 * role it is the short name of one company.
 */
function rolesFollow(tokens: readonly SegmentedToken[], k: number): boolean {
  const next = tokens[k];
  return next !== undefined && contiguous(tokens[k - 1], next) && EXECUTIVE_ROLE.test(next.word);
}

/**
 * Place, trade name, industry (重庆某创置业): a name-tagged or unknown word after the place is the trade name of
 * one company, not the trade of the region.
 */
function tradeNameAfterPlace(tokens: readonly SegmentedToken[], s: number, e: number): boolean {
  let afterPlace = false;
  for (let k = s; k < e; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.tag === 'ns') afterPlace = true;
    else if (afterPlace && t.word.length >= 2 && isProper(t)) return true;
  }
  return false;
}

function hasPlace(tokens: readonly SegmentedToken[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if ((tokens[k] as SegmentedToken).tag === 'ns') return true;
  return false;
}

/** Last characters of government offices (审计署, 扶贫办): jieba often tags such words as verbs or idioms. */
const OFFICE_LAST = new CharTable('部局署办委厅');

function isOfficeWord(token: SegmentedToken): boolean {
  const { word } = token;
  return word.length >= 3 && OFFICE_LAST.at(word, word.length - 1) && CJK_WORD.test(word);
}

/** Separators of list items: 财政部、水利部 / 财政部和水利部. */
const LIST_SEPARATORS: ReadonlySet<string> = new Set(['、', '和', '及', '与']);
const COMPANY_END = /(?:公司|集团)$/;

/**
 * A plain head-ended phrase joined by a list separator to a named organization is one more item of the same
 * list: 财政部、水利部、审计署. Promotes such phrases into `spans` (kept sorted), chaining along the list.
 */
function addListedNeighbours(text: string, spans: Span[], plain: readonly Span[]): void {
  const pending = plain.filter((p) => !spans.some((s) => s.start < p.end && p.start < s.end));
  joinListItems(
    pending,
    (p) =>
      spans.some(
        (s) =>
          // After a company (某某有限公司、业务部) a plain head names one of its departments.
          (listedBefore(text, s, p, LIST_SEPARATORS) && !COMPANY_END.test(text.slice(s.start, s.end))) ||
          listedBefore(text, p, s, LIST_SEPARATORS),
      ) &&
      // Glued to the organization before it (某某公司业务部), the head names a unit of that organization.
      !spans.some((s) => s.start < p.end && p.start <= s.end),
    (p) => spans.push(p),
  );
  spans.sort((a, b) => a.start - b.start);
}

/** Lead-ins of an alias in parentheses: （下称“某某”）, （简称某某）. */
const ALIAS_LEAD = /^(?:以下简称|以下称|下称|简称|即)?[“"「]?/;
const ALIAS_TRAIL = /[”"」]$/;
/** Parenthesised notes that are not aliases: （化名）, （筹）, （下同）. */
const NOT_ALIASES: ReadonlySet<string> = new Set([
  '化名',
  '筹',
  '下同',
  '原',
  '前身',
  '集团',
  '控股',
  '中国',
  '香港',
]);
const ORDINAL_OR_NUMBER = /^[第0-9]|届$/;
const ALIAS_CHARS = /^[\u4e00-\u9fffA-Za-z0-9&·.\- ]+$/;

/**
 * An organization followed by a short name in parentheses names the same organization twice:
 * 石油输出国组织（欧佩克）, 最高人民法院（下称“最高法”）. Adds the alias to `spans` (kept sorted).
 */
function addParenthesisedAliases(text: string, spans: Span[]): void {
  const aliases: Span[] = [];
  for (const org of spans) {
    if (!PAREN_OPEN.has(text.charAt(org.end))) continue;
    let close = -1;
    for (let k = org.end + 1; k < text.length && k <= org.end + 16; k++) {
      if (PAREN_CLOSE.has(text.charAt(k))) {
        close = k;
        break;
      }
    }
    if (close < 0) continue;
    const inner = text.slice(org.end + 1, close);
    const lead = ALIAS_LEAD.exec(inner)?.[0].length ?? 0;
    const trail = ALIAS_TRAIL.test(inner) ? 1 : 0;
    const start = org.end + 1 + lead;
    const end = close - trail;
    const alias = text.slice(start, end);
    if (end - start < 2 || end - start > 12 || !ALIAS_CHARS.test(alias) || NOT_ALIASES.has(alias)) continue;
    // （第九届）, （2010）: a term or a year, not a name.
    if (ORDINAL_OR_NUMBER.test(alias)) continue;
    if (spans.some((s) => s.start < end && start < s.end)) continue;
    aliases.push({ start, end, score: 0.6, type: ORG });
  }
  if (aliases.length === 0) return;
  spans.push(...aliases);
  spans.sort((a, b) => a.start - b.start);
}
