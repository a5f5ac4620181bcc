import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { VERBS_AFTER } from './cue-words.ts';
import { NON_NAME_TAGS, ORG_HEADS } from './organization-words.ts';
import type { Span } from './person-names.ts';
import { surnameLength } from './surnames.ts';

/**
 * Résumé employers named by their short name, without any head word: 现任某某水务董事, 至今任某某科技董事长.
 * The frame "appointment verb + name + board role" identifies the name as a company even when jieba gives
 * no proper-noun tag to its parts.
 */

/** Board and executive roles written right after the employer's short name. */
const BOARD_ROLES: ReadonlySet<string> = new Set([
  '董事长',
  '副董事长',
  '董事',
  '执行董事',
  '独立董事',
  '监事',
  '职工监事',
  '监事会',
  '监事长',
  '总经理',
  '副总经理',
  '总裁',
  '副总裁',
  '首席执行官',
]);
/** Qualifiers jieba splits off before a board role: 独立/董事, 执行/董事, 常务/副总经理. */
const ROLE_QUALIFIERS: ReadonlySet<string> = new Set([
  '独立',
  '执行',
  '常务',
  '职工',
  '非执行',
  '外部',
  '副',
]);
/** Verbs introducing an employer in a résumé. */
const APPOINTMENT_VERBS: ReadonlySet<string> = new Set([
  '任',
  '现任',
  '担任',
  '曾任',
  '历任',
  '兼任',
  '出任',
  '调任',
  '升任',
]);
/** Generic words that fill the frame alone (任公司董事 is handled as a bare 公司, 任分公司总经理 is no name). */
const GENERIC: ReadonlySet<string> = new Set([...ORG_HEADS, '本公司', '该公司', '股份公司', '集团公司']);
/** Endings of internal units (技术部总经理, 华东区总经理): a department or region, not the employer. */
const UNIT_ENDINGS = /[部处科室组区]$/;
const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const MAX_TOKENS = 4;
const MIN_CHARS = 2;
const MAX_CHARS = 8;

function isNameToken(token: SegmentedToken): boolean {
  const { word, tag } = token;
  if (VERBS_AFTER.has(word) || APPOINTMENT_VERBS.has(word)) return false;
  // An unknown word (tag x) is usually the brand itself; other x tokens are punctuation.
  if (tag === 'x') return word.length >= 2 && CJK_WORD.test(word);
  if (NON_NAME_TAGS.has(tag) || tag.startsWith('u')) return false;
  return word.length >= 2 && CJK_WORD.test(word);
}

/** Time words that end a résumé date range right before the verb: 2010年5月至今任…, 2001年起任… */
const DATE_ENDINGS: ReadonlySet<string> = new Set(['至今', '今', '起', '年', '月', '止']);

/** Characters that make 任 the second half of an appointment verb: 曾任, 现任, 历任, 兼任, 出任. */
const APPOINTMENT_FIRST: ReadonlySet<string> = new Set(['曾', '现', '历', '兼', '出']);

/**
 * Did jieba glue the verb 任 onto an unknown name (至今任朗峰/x, 曾/d 任朗峰/x)? Only after a date range (and maybe a
 * comma) or the first half of an appointment verb, so that a person surnamed 任 (任志强/x) is left alone.
 */
export function startsWithGluedVerb(tokens: readonly SegmentedToken[], k: number): boolean {
  const token = tokens[k];
  if (token?.tag !== 'x' || token.word.length < 3 || token.word.charAt(0) !== '任') return false;
  let before = tokens[k - 1];
  if (before && before.end === token.start && APPOINTMENT_FIRST.has(before.word)) return true;
  if (before && (before.word === '，' || before.word === ',')) before = tokens[k - 2];
  return before !== undefined && (DATE_ENDINGS.has(before.word) || before.tag === 'm');
}

function contiguous(a: SegmentedToken, b: SegmentedToken): boolean {
  return a.end === b.start;
}

/**
 * The short name between an appointment verb and a board role, or undefined. jieba sometimes glues the verb
 * 任 onto an unknown brand (任朗峰/x): the name then starts one character later.
 */
function employerBefore(tokens: readonly SegmentedToken[], role: number): Span | undefined {
  let last = role - 1;
  while (last >= 0 && ROLE_QUALIFIERS.has((tokens[last] as SegmentedToken).word)) last -= 1;
  let first = last + 1;
  while (
    first - 1 >= 0 &&
    last - (first - 1) < MAX_TOKENS &&
    contiguous(tokens[first - 1] as SegmentedToken, tokens[first] as SegmentedToken) &&
    isNameToken(tokens[first - 1] as SegmentedToken)
  )
    first -= 1;
  if (first > last) return undefined;
  const head = tokens[first] as SegmentedToken;
  const tail = tokens[last] as SegmentedToken;
  let start = head.start;
  const before = tokens[first - 1];
  const verbBefore = before !== undefined && contiguous(before, head) && APPOINTMENT_VERBS.has(before.word);
  const listed = !verbBefore && continuesRoleList(tokens, first);
  if (startsWithGluedVerb(tokens, first)) start += 1;
  else if (!verbBefore && !listed) return undefined;
  // In a list, a lone surname-led unknown word is more likely a person holding the role (…、王某某董事).
  if (listed && first === last && head.tag === 'x' && head.word.length <= 3 && surnameLength(head.word) > 0)
    return undefined;
  const end = tail.end;
  if (end - start < MIN_CHARS || end - start > MAX_CHARS || UNIT_ENDINGS.test(tail.word)) return undefined;
  // A lone place (上海总经理) is a regional post; a lone person-tagged word is a name.
  if (first === last && (head.tag === 'ns' || head.tag === 'nr' || GENERIC.has(head.word))) return undefined;
  return { start, end, score: 0.5, type: 'organization' };
}

const LIST_SEPARATORS: ReadonlySet<string> = new Set(['、', '，', ',', '；', ';']);

/**
 * Does token `first` start an item of a list of posts, right after a separator that follows a board role
 * (某某科技董事、某某电气董事)? The list carries the frame of its first item.
 */
function continuesRoleList(tokens: readonly SegmentedToken[], first: number): boolean {
  const separator = tokens[first - 1];
  const role = tokens[first - 2];
  if (!separator || !role || !LIST_SEPARATORS.has(separator.word)) return false;
  return contiguous(separator, tokens[first] as SegmentedToken) && BOARD_ROLES.has(role.word);
}

/** Employer short names before board roles, skipping any that overlap `taken` (sorted, disjoint). */
export function employersBeforeBoardRoles(tokens: readonly SegmentedToken[], taken: readonly Span[]): Span[] {
  const found: Span[] = [];
  let t = 0;
  for (let j = 1; j < tokens.length; j++) {
    if (!BOARD_ROLES.has((tokens[j] as SegmentedToken).word)) continue;
    const span = employerBefore(tokens, j);
    if (!span) continue;
    while (t < taken.length && (taken[t] as Span).end <= span.start) t += 1;
    const next = taken[t];
    if (next && next.start < span.end) continue;
    const prev = found[found.length - 1];
    if (!prev || prev.end <= span.start) found.push(span);
  }
  return found;
}
