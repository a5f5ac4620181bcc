import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import {
  BRAND_HEADS,
  KNOWN_ORGS,
  NOT_ORG_HEADS,
  ORG_HEADS,
  SINGLE_CHAR_HEADS,
} from './organization-words.ts';
import type { Span } from './person-names.ts';

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
const ROLE_ENDINGS = ['经理', '董事', '总监', '监事', '总裁', '秘书', '顾问', '主任', '主席', '会长', '总师', '工程师'];

const ASCII_DIGIT = /[0-9]/;
const MAX_LEFT_TOKENS = 6;
const MAX_ORG_CHARS = 28;

/** Known organizations bucketed by first character, longest first, for a cheap boundary-aligned lookup. */
const KNOWN_BY_FIRST: ReadonlyMap<string, readonly string[]> = (() => {
  const map = new Map<string, string[]>();
  for (const name of [...KNOWN_ORGS].sort((a, b) => b.length - a.length)) {
    const first = name.charAt(0);
    const bucket = map.get(first);
    if (bucket) bucket.push(name);
    else map.set(first, [name]);
  }
  return map;
})();

/** Role nouns jieba glues onto a head (协会会长, 董事会秘书); the organization ends before them. */
const GLUED_ROLES: readonly string[] = ['会长', '院长', '校长', '局长', '厅长', '行长', '主任', '主席', '秘书', '经理'];
/** Heads that name an internal department; not chained onto an organization (中信地产 | 营销管理部). */
const DEPARTMENT_ENDINGS: readonly string[] = ['部', '处', '科', '室', '组', '总部'];
/** Single characters that never sit inside an organization name (particles, prepositions, pronouns). */
const FUNCTION_CHARS: ReadonlySet<string> = new Set('的了着过是在和与及或就也都还又把被对从向给让说等则而但却很不没已将要会能可为这那其之于此由因所若如即并我你他她它们经到至自当'.split(''));
/** Heads recognised even when jieba tags them as verbs (分行/v). */
const HEAD_WORDS_ANY_TAG: ReadonlySet<string> = new Set(ORG_HEADS.filter((h) => h.length >= 2 && h !== '学会'));

interface Head {
  /** Characters to drop from the end of the token (a glued role), usually 0. */
  cut: number;
}

function headOf(token: SegmentedToken): Head | undefined {
  const { word, tag } = token;
  if (tag === 'nt') return { cut: 0 };
  if (HEAD_WORDS_ANY_TAG.has(word)) return { cut: 0 };
  if (!HEAD_TAGS.has(tag) || NOT_ORG_HEADS.has(word)) return undefined;
  for (const role of GLUED_ROLES) {
    if (word.length > role.length + 1 && word.endsWith(role)) {
      const rest = word.slice(0, word.length - role.length);
      if (ORG_HEADS.some((h) => rest.endsWith(h)) || SINGLE_CHAR_HEADS.has(rest.charAt(rest.length - 1))) {
        return { cut: role.length };
      }
    }
  }
  for (const head of ORG_HEADS) if (word.endsWith(head)) return { cut: 0 };
  return SINGLE_CHAR_HEADS.has(word.charAt(word.length - 1)) ? { cut: 0 } : undefined;
}

function isDepartment(token: SegmentedToken): boolean {
  return DEPARTMENT_ENDINGS.some((d) => token.word.endsWith(d));
}

function isModifier(token: SegmentedToken): boolean {
  const { word, tag } = token;
  if (LEFT_STOP_WORDS.has(word)) return false;
  if (word.length === 1 && /[\u3400-\u9fff]/.test(word)) {
    // jieba leaves unknown brand/name characters as single tokens with arbitrary tags: 林/ng 达/v 集团.
    return !FUNCTION_CHARS.has(word) && tag !== 'p' && tag !== 'c' && tag !== 'r' && !tag.startsWith('u');
  }
  if (!MODIFIER_TAGS.has(tag)) return false;
  if (tag === 'x') return word === '·' || word === '&';
  if (tag === 'm') return ASCII_DIGIT.test(word);
  return true;
}

function isProper(token: SegmentedToken): boolean {
  return PROPER_TAGS.has(token.tag) || (token.tag === 'm' && ASCII_DIGIT.test(token.word));
}

function contiguous(a: SegmentedToken | undefined, b: SegmentedToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Index of the last token of a known organization starting at token `i`, or -1. */
function knownOrgEnd(text: string, tokens: readonly SegmentedToken[], i: number): number {
  const token = tokens[i] as SegmentedToken;
  const bucket = KNOWN_BY_FIRST.get(token.word.charAt(0));
  if (!bucket) return -1;
  for (const name of bucket) {
    if (!text.startsWith(name, token.start)) continue;
    const end = token.start + name.length;
    for (let k = i; k < tokens.length && k < i + 6; k++) {
      const t = tokens[k] as SegmentedToken;
      if (t.end === end) return k;
      if (t.end > end) break;
    }
  }
  return -1;
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
export function findChineseOrganizations(text: string, tokens: readonly SegmentedToken[]): Span[] {
  const spans: Span[] = [];
  let floor = 0; // first token index not yet inside an emitted span
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as SegmentedToken;
    const knownEnd = knownOrgEnd(text, tokens, i);
    const head = knownEnd >= 0 ? undefined : headOf(token);
    const brand = knownEnd < 0 && !head && BRAND_HEADS.has(token.word);
    if (knownEnd < 0 && !head && !brand) {
      i += 1;
      continue;
    }

    // Extend left over name-like tokens (not for well-known names, which are complete).
    let s = i;
    let chars = token.word.length;
    while (knownEnd < 0 && s - 1 >= floor && i - s < MAX_LEFT_TOKENS) {
      const prev = tokens[s - 1] as SegmentedToken;
      if (!contiguous(prev, tokens[s]) || !isModifier(prev) || chars + prev.word.length > MAX_ORG_CHARS) break;
      s -= 1;
      chars += prev.word.length;
    }

    // Chain sub-units to the right: 公安厅 + 经侦 + 总队, 招行 + 广州 + 分行.
    let e = knownEnd >= 0 ? knownEnd : i;
    let cut = head?.cut ?? 0;
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
        if (!isModifier(t) || t.tag === 'm') break;
      }
      if (found < 0) break;
      e = found;
    }

    let proper = token.tag === 'nt' || knownEnd >= 0;
    for (let k = s; k <= e && !proper; k++) if (isProper(tokens[k] as SegmentedToken)) proper = true;
    const start = (tokens[s] as SegmentedToken).start;
    const end = (tokens[e] as SegmentedToken).end - cut;
    const singles = countSingles(tokens, s, e);

    if (knownEnd >= 0) {
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (head && (proper || singles >= 2) && end - start >= 3) {
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (brand && s < i && e === i && (proper || singles >= 2) && !hasPlace(tokens, s, i)) {
      // Brand short name (博彦科技): needs an unknown / name-tagged brand before the industry word.
      spans.push({ start, end, score: 0.5, type: ORG });
    } else if (head && s < i && token.word.length >= 2 && end - start >= 5) {
      // Descriptive but specific: 国际经济研究所.
      spans.push({ start, end, score: 0.5, type: ORG });
    } else if (s === i && e === i && BARE_ORG_WORDS.has(token.word)) {
      const prev = tokens[i - 1];
      const withThis = prev && contiguous(prev, token) && (prev.word === '本' || prev.word === '该');
      const afterCue = prev === undefined || BARE_ORG_PRECEDERS.has(prev.word);
      if (withThis || afterCue || isRoleWord(tokens[i + 1])) {
        spans.push({ start: withThis && prev ? prev.start : start, end, score: 0.4, type: ORG });
      } else {
        i += 1;
        continue;
      }
    } else {
      i += 1;
      continue;
    }
    floor = e + 1;
    i = e + 1;
  }
  return spans;
}

/** Single-character CJK tokens in [s, e]: jieba's trace of an unknown proper name. */
function countSingles(tokens: readonly SegmentedToken[], s: number, e: number): number {
  let n = 0;
  for (let k = s; k <= e; k++) if ((tokens[k] as SegmentedToken).word.length === 1) n += 1;
  return n;
}

function hasPlace(tokens: readonly SegmentedToken[], s: number, e: number): boolean {
  for (let k = s; k < e; k++) if ((tokens[k] as SegmentedToken).tag === 'ns') return true;
  return false;
}
