import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { hasRoleBefore } from './cue-words.ts';
import type { Span } from './person-names.ts';
import { isAmbiguousSurname, isMostCommonSurname, surnameLength } from './surnames.ts';

/**
 * Business text names people by surname and title (李总, 张经理, 王老师, 周女士) or by 小/老/阿 and surname
 * (小刘, 老王, 阿陈): no given name, so the full-name rules never fire. The span is the surname alone (the title
 * identifies no one), or 小/老/阿 with it.
 */

/**
 * Titles written right after a bare surname. 工 (张工 "engineer Zhang") only as one unknown word, see below.
 * 某/某某 stands in for the given name in anonymised news and court text (张某, 李某某): the surname remains.
 */
const TITLE = /总监|总|经理|主管|老师|女士|小姐|先生|主任|律师|医生|教授|工|某某|某/g;
/**
 * Familiar forms of address in chat, tickets and forms (鲍师傅, 温姐, 林老板, 房会计). Several also close
 * dictionary words with a surname-like first character (师姐, 表哥, 大叔), so they count only after a surname
 * jieba did not join to them into such a word.
 */
const FAMILIAR_TITLE = /师傅|老板|阿姨|会计|站长|组长|姐|哥|叔/g;
/** Cheap gate: every title above contains one of these characters. */
const TITLE_CHARS = /[总经管师女姐先任医授工某]/;
const FAMILIAR_CHARS = /[师板姨会站组姐哥叔]/;
/** Name tags jieba gives a surname + title it has seen as one word (王姐/nr); any other tag means a word. */
const NAME_TAGS: ReadonlySet<string> = new Set(['nr', 'nrfg', 'nrt', 'x']);
/**
 * Verbs and prepositions after which an ambiguous surname-like character starts a name (交给于老师, 联系高经理),
 * while elsewhere it is grammar (向老师学习 "learn from the teacher").
 */
const ADDRESSING_BEFORE: ReadonlySet<string> = new Set([
  '联系',
  '找',
  '交给',
  '问',
  '请教',
  '感谢',
  '谢谢',
  '跟',
  '和',
  '与',
  '请',
  '给',
  '让',
  '叫',
  '是',
  '及',
  '@',
]);
/** Grammar jieba's HMM glues onto a nickname (小陈去, 老王说): the nickname still ends there. */
const GLUED_AFTER = new Set('去来说的在和也是把让给跟对都就又还要会'.split(''));

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
/** jieba tags of grammar words (prepositions, conjunctions, adverbs, verbs, pronouns) that are never a surname. */
const GRAMMAR_TAGS: ReadonlySet<string> = new Set(['p', 'c', 'd', 'v', 'r', 'u', 'uj', 'm', 'q']);

/** Token index covering UTF-16 position `pos`, or -1. Binary search: tokens are sorted and disjoint. */
function tokenAt(tokens: readonly SegmentedToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid] as SegmentedToken;
    if (pos < t.start) hi = mid - 1;
    else if (pos >= t.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Is the character before token `k` a boundary (start, punctuation, Latin, digit) rather than a CJK word? */
function boundaryBefore(text: string, tokens: readonly SegmentedToken[], k: number, pos: number): boolean {
  if (pos === 0 || !CJK.test(text.charAt(pos - 1))) return true;
  const prev = tokens[k - 1];
  if (prev === undefined || prev.end !== pos) return false;
  // 业务员区小姐, 年级组长游老师: a role or job before the surname introduces the person.
  return ADDRESSING_BEFORE.has(prev.word) || hasRoleBefore(prev) || ROLE_WORD_END.test(prev.word);
}

/** Job nouns jieba may leave unlisted or mis-tag (组长/v, 业务员, 快递员): the person is named next. */
const ROLE_WORD_END = /(?:员|组长|班长|主管|师傅)$/;
/**
 * Last characters of team words and of roles ending in 人 (对接人, 联系人) that HMM glues onto the surname after
 * them: 数仓组戚/x 老师, 对接人芦/x 老师.
 */
const UNIT_BEFORE: ReadonlySet<string> = new Set(['组', '部', '科', '处', '室', '人']);

/**
 * Does the title ending at `end` end a word? A dictionary word running past it (本周总结, 总经理) means the
 * "title" is the start of another word; an HMM word (周总说/x) is glue and still ends the title.
 */
function titleEnds(tokens: readonly SegmentedToken[], end: number): boolean {
  const k = tokenAt(tokens, end - 1);
  const t = tokens[k];
  return t !== undefined && (t.end === end || (t.tag === 'x' && t.start < end));
}

function titledSurname(
  text: string,
  tokens: readonly SegmentedToken[],
  title: number,
  len: number,
): Span | undefined {
  const at = title - 1;
  const surname = text.charAt(at);
  if (at < 0 || surnameLength(surname) !== 1 || !titleEnds(tokens, title + len)) return undefined;
  const k = tokenAt(tokens, at);
  const token = tokens[k];
  if (!token) return undefined;
  if (text.charAt(title) === '工' && len === 1) {
    // 张工 only as one unknown word (孙工/x); 施工, 员工 and 加工 are dictionary words.
    if (!(token.start === at && token.end === title + 1 && (token.tag === 'x' || token.tag === 'nr')))
      return undefined;
  }
  // 向/p 某单位, 由/p 某公司: a preposition before 某 "some", not a surname.
  if (text.charAt(title) === '某' && GRAMMAR_TAGS.has(token.tag)) return undefined;
  if (token.start === at) {
    // 班主任/n, 付定金: jieba knows surname-like character + title as one everyday word.
    if (token.end === title + len && !NAME_TAGS.has(token.tag)) return undefined;
    if (isAmbiguousSurname(surname) && !boundaryBefore(text, tokens, k, at)) return undefined;
    return { start: at, end: title, score: 0.6, type: 'person_name' };
  }
  // HMM glued the verb before onto the surname: 找何/x 老师.
  const lead = text.slice(token.start, at);
  if (token.tag === 'x' && token.end === title && (ADDRESSING_BEFORE.has(lead) || UNIT_BEFORE.has(lead)))
    return { start: at, end: title, score: 0.6, type: 'person_name' };
  return undefined;
}

/**
 * 鲍师傅, 温姐, 欧阳姐: a single or compound surname right before a familiar title, on its own token or jieba's
 * unknown/name word for the pair; a dictionary word ending in the title (师姐, 表哥, 老大哥) is that word.
 */
function familiarTitledSurname(
  text: string,
  tokens: readonly SegmentedToken[],
  title: number,
  len: number,
): Span | undefined {
  if (!titleEnds(tokens, title + len)) return undefined;
  const compound = title >= 2 && surnameLength(text.slice(title - 2, title)) === 2;
  const at = compound ? title - 2 : title - 1;
  if (at < 0 || (!compound && surnameLength(text.charAt(at)) !== 1)) return undefined;
  const k = tokenAt(tokens, at);
  const token = tokens[k];
  if (!token || token.start !== at) return undefined;
  // The surname's token ends where the title starts, or covers the pair as a name or unknown word.
  if (token.end !== title && !(token.end === title + len && NAME_TAGS.has(token.tag))) return undefined;
  if (token.end === title && GRAMMAR_TAGS.has(token.tag)) return undefined;
  if (!compound && isAmbiguousSurname(text.charAt(at)) && !boundaryBefore(text, tokens, k, at))
    return undefined;
  return { start: at, end: title, score: 0.6, type: 'person_name' };
}

/** Familiar prefixes before a bare surname: 小刘, 老王, and 阿陈 in southern usage. */
const NICKNAME_PREFIXES: readonly string[] = ['小', '老', '阿'];

/**
 * 小刘, 老王, 阿陈: a surname after 小/老/阿, ending a word. Any clear surname when jieba knows no such word (小宋/x,
 * 小/a 龚/nr); one of the most frequent ones also as a dictionary noun (小张/n), since 小麦 or 小苗 are nouns too.
 */
function nickname(text: string, tokens: readonly SegmentedToken[], at: number): Span | undefined {
  const surname = text.charAt(at + 1);
  if (surnameLength(surname) !== 1 || isAmbiguousSurname(surname)) return undefined;
  const frequent = isMostCommonSurname(surname);
  const k = tokenAt(tokens, at);
  const token = tokens[k];
  if (!token || token.start !== at) return undefined;
  const end = at + 2;
  const next = text.charAt(end);
  if (token.end === end) {
    // 老王/nr, 小张/n: one token of exactly the two characters.
    if (!(token.tag === 'x' || (frequent && (token.tag === 'nr' || token.tag === 'n')))) return undefined;
  } else if (token.end === at + 1) {
    // 小/a 刘/zg, 小/a 陈去/x: the surname opens the next token, which ends there or only glues grammar on.
    const after = tokens[k + 1];
    if (!after || after.start !== at + 1) return undefined;
    if (after.end !== end && !(after.tag === 'x' && after.end === end + 1 && GLUED_AFTER.has(next)))
      return undefined;
  } else return undefined;
  return { start: at, end, score: 0.5, type: 'person_name' };
}

export function findTitledSurnames(text: string, tokens: readonly SegmentedToken[]): Span[] {
  const spans: Span[] = [];
  if (TITLE_CHARS.test(text)) {
    for (const m of text.matchAll(TITLE)) {
      const span = titledSurname(text, tokens, m.index, m[0].length);
      if (span) spans.push(span);
    }
  }
  if (FAMILIAR_CHARS.test(text)) {
    for (const m of text.matchAll(FAMILIAR_TITLE)) {
      const span = familiarTitledSurname(text, tokens, m.index, m[0].length);
      if (span) spans.push(span);
    }
  }
  for (const prefix of NICKNAME_PREFIXES) {
    for (let at = text.indexOf(prefix); at >= 0; at = text.indexOf(prefix, at + 1)) {
      const span = nickname(text, tokens, at);
      if (span) spans.push(span);
    }
  }
  return spans;
}
