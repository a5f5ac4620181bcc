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

function headLength(token: SegmentedToken): number {
  const { word, tag } = token;
  if (tag === 'nt') return word.length;
  if (!HEAD_TAGS.has(tag) || NOT_ORG_HEADS.has(word)) return 0;
  for (const head of ORG_HEADS) if (word.endsWith(head)) return head.length;
  return SINGLE_CHAR_HEADS.has(word.charAt(word.length - 1)) ? 1 : 0;
}

function isModifier(token: SegmentedToken): boolean {
  const { word, tag } = token;
  if (!MODIFIER_TAGS.has(tag) || LEFT_STOP_WORDS.has(word)) return false;
  if (tag === 'x') return word === '·' || word === '&';
  if (tag === 'm') return ASCII_DIGIT.test(word);
  if (tag === 'a') return word.length === 1;
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
    const head = headLength(token);
    if (head === 0 && knownEnd < 0 && !BRAND_HEADS.has(token.word)) {
      i += 1;
      continue;
    }

    // Extend left over name-like tokens.
    let s = i;
    let chars = token.word.length;
    while (s - 1 >= floor && i - s < MAX_LEFT_TOKENS) {
      const prev = tokens[s - 1] as SegmentedToken;
      if (!contiguous(prev, tokens[s]) || !isModifier(prev) || chars + prev.word.length > MAX_ORG_CHARS) break;
      s -= 1;
      chars += prev.word.length;
    }

    // Chain sub-units to the right: 公安厅 + 经侦 + 总队.
    let e = Math.max(i, knownEnd);
    for (;;) {
      let k = e + 1;
      let found = -1;
      while (k < tokens.length && k <= e + 4 && contiguous(tokens[k - 1], tokens[k])) {
        const t = tokens[k] as SegmentedToken;
        if (headLength(t) > 0 && t.word.length >= 2) {
          found = k;
          break;
        }
        if (!isModifier(t) || t.tag === 'm') break;
        k += 1;
      }
      if (found < 0) break;
      e = found;
    }

    let proper = token.tag === 'nt' || knownEnd >= 0;
    for (let k = s; k <= e && !proper; k++) if (isProper(tokens[k] as SegmentedToken)) proper = true;
    const start = (tokens[s] as SegmentedToken).start;
    const end = (tokens[e] as SegmentedToken).end;

    if (knownEnd >= 0 && s === i && e === knownEnd) {
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (head > 0 && proper && end - start >= 3) {
      spans.push({ start, end, score: 0.7, type: ORG });
    } else if (head === 0 && knownEnd < 0 && BRAND_HEADS.has(token.word) && s < i && e === i) {
      // Brand short name: needs an unknown / name-tagged brand before the industry word.
      let brandish = true;
      for (let k = s; k < i; k++) if ((tokens[k] as SegmentedToken).tag === 'ns') brandish = false;
      if (brandish && proper) spans.push({ start, end, score: 0.5, type: ORG });
      else {
        i += 1;
        continue;
      }
    } else if (head > 0 && !proper && s < i && head >= 2 && end - start >= 5) {
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
