import { F, lexicon } from '../entities-en/lexicon.ts';
import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { CharTable } from './char-table.ts';
import {
  hasRoleBefore,
  NOT_IN_GIVEN_NAME,
  NOT_PERSON,
  ROLES_BEFORE,
  TITLES_AFTER,
  VERBS_AFTER,
} from './cue-words.ts';
import { startsWithGluedVerb } from './employers.ts';
import { givenNameEvidence } from './given-names.ts';
import { japaneseNameAt, mayStartJapaneseName } from './japanese-names.ts';
import { joinListItems, listedBefore } from './list-items.ts';
import { SPORTS_PERSON_AFTER, SPORTS_PERSON_BEFORE } from './sports.ts';
import { isAmbiguousSurname, isMostCommonSurname, surnameLength } from './surnames.ts';
import { isTransliterated, NAME_JOINERS } from './transliteration.ts';
import { WORLD_PLACES } from './world-places.ts';

export interface Span {
  start: number;
  end: number;
  score: number;
  type: 'person_name' | 'organization';
}

/** Sports-fixture context: in "维拉vs富勒姆" the transliterated names are clubs, not people. */
const FIXTURE_BEFORE = /(?:vs|VS|Vs|对阵|负于|战胜|击败|战平)\s?$/;
const FIXTURE_AFTER = /^\s?(?:vs|VS|Vs|主场|客场|主队|客队|做客|坐镇)/;
const MAX_FOREIGN_NAME = 16;
/** A foreign name before these names an award, index, law or festival, not a person here: 某某奖, 某某指数, 某某电影节. */
const EPONYM_AFTER =
  /^(?:奖|最佳|影帝|影后|金像|提名|指数|公式|定律|效应|模型|理论|方程|主义|电影节|音乐节|艺术节|时装周)/;
/** Kinds of company written right before their name: 开发商某某, 运营商某某. */
const COMPANY_BEFORE = /(?:开发商|发行商|厂商|制造商|运营商|供应商|赞助商|生产商|品牌)$/;
const HONORIFIC_END = /(?:先生|女士|小姐|总|董)$/;
/** Titles that only ever follow a person's name. */
const HONORIFICS: ReadonlySet<string> = new Set(['先生', '女士', '小姐', '同志', '夫人', '太太']);
const CUE_PUNCTUATION: ReadonlySet<string> = new Set(['，', ',', '：', ':', '（', '(']);
/** Separators between the fields of a record line: 马某某/138…/地址. */
const FIELD_SEPARATORS: ReadonlySet<string> = new Set(['/', '／', '|', '｜']);
/** Strong cues a name precedes directly: 先生/女士/小姐, "，男" / "：女" in résumés, a pseudonym note (化名). */
const STRONG_CUE =
  /先生|女士|小姐|[（(]化名[）)]|(?:[（(][^（()）\n]{1,12}[）)])?[，,：:][男女][，,。；;：:\s]/g;
/** A surname with an honorific glued on by jieba (马先生/nr): the name is the surname alone. */
const SURNAME_HONORIFIC = /^.{1,2}(?:先生|女士|小姐)$/;

/** Place-name suffixes: a "name" containing or followed by one is a village, street or district (沈村, 柯城区). */
const PLACE_CHARS: ReadonlySet<string> = new Set(
  '区村镇路街乡县市省州巷弄道庄屯苑园桥港湾寨坊宅山河湖岛'.split(''),
);
const INNER_PLACE_CHARS: ReadonlySet<string> = new Set('区村镇路街乡县市省州巷弄址'.split(''));
const DIRECTIONS: ReadonlySet<string> = new Set('东西南北中'.split(''));

/** Person titles that follow a name directly; a village or street never takes one (张路老师, not 沈村老师). */
const PERSON_TITLE_AFTER = /^(?:先生|女士|小姐|老师|教授|博士|医生|律师|同志|同学)/;

/**
 * Road suffixes that mostly follow a name of two or more characters (中山路, 解放街): surname + 路 is a road
 * only where a word of location or a house number follows (张路附近, 张路8号), else a person (张路认为).
 */
const ROAD_CHARS: ReadonlySet<string> = new Set('路街'.split(''));
const LOCATION_AFTER = /^(?:附近|旁|口|一带|两侧|沿线|上|边|[东西南北]|[0-9０-９])/;

function isShortRoad(text: string, start: number, end: number): boolean {
  return (
    end - start === 2 && ROAD_CHARS.has(text.charAt(end - 1)) && LOCATION_AFTER.test(text.slice(end, end + 2))
  );
}

function isPlaceLike(text: string, start: number, end: number): boolean {
  let inner = false;
  // The first character of a three-character name is its surname, which may be a place character (路, 区).
  for (let k = end - start >= 3 ? start + 1 : start; k < end && !inner; k++) {
    const ch = text.charAt(k);
    if (
      INNER_PLACE_CHARS.has(ch) &&
      (end - start !== 2 || !ROAD_CHARS.has(ch) || isShortRoad(text, start, end))
    )
      inner = true;
  }
  if (inner) return !PERSON_TITLE_AFTER.test(text.slice(end, end + 2));
  const next = text.charAt(end);
  if (PLACE_CHARS.has(next)) return true;
  return DIRECTIONS.has(next) && PLACE_CHARS.has(text.charAt(end + 1));
}

/** Surname characters that are also measure words, and what comes right before a measure word: 这张票, 一段路. */
const MEASURE_SURNAMES: ReadonlySet<string> = new Set('张段支位项门封台节包条'.split(''));
const DETERMINERS: ReadonlySet<string> = new Set('这那哪每几一两半整此该'.split(''));

/** Does the span start with a measure word after a demonstrative or a number (这段时间, 3张票)? */
function startsWithMeasureWord(text: string, start: number): boolean {
  if (!MEASURE_SURNAMES.has(text.charAt(start))) return false;
  const before = text.charAt(start - 1);
  return DETERMINERS.has(before) || (before >= '0' && before <= '9');
}

/** Can a person span stand here: not a place (沈村) and not a measure word (这张票)? */
function isPersonSpan(text: string, span: Span): boolean {
  if (span.type !== 'person_name') return true;
  return (
    !isPlaceLike(text, span.start, span.end) &&
    !startsWithMeasureWord(text, span.start) &&
    !isOneCharacterRepeated(text, span.start, span.end)
  );
}

/** 唐唐唐, 哈哈哈: three or more of one character is an interjection or a stutter, never a name. */
function isOneCharacterRepeated(text: string, start: number, end: number): boolean {
  if (end - start < 3) return false;
  for (let k = start + 1; k < end; k++) if (text.charCodeAt(k) !== text.charCodeAt(start)) return false;
  return true;
}

function isCjkWord(word: string): boolean {
  if (word.length === 0) return false;
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) return false;
  }
  return true;
}

function contiguous(a: SegmentedToken | undefined, b: SegmentedToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Could this single-character token be one character of a given name? jieba's tag is unreliable here. */
function isGivenNameChar(token: SegmentedToken | undefined, strict: boolean): boolean {
  if (token?.word.length !== 1 || !isCjkWord(token.word)) return false;
  if (NOT_IN_GIVEN_NAME.has(token.word)) return false;
  if (strict && (TITLES_AFTER.has(token.word) || VERBS_AFTER.has(token.word))) return false;
  return true;
}

/** Is there a title, speech verb or "，男/女" right after a name ending at `end`? */
function hasCueAfter(text: string, tokens: readonly SegmentedToken[], next: number, end: number): boolean {
  const after = tokens[next];
  if (after && after.start === end && (TITLES_AFTER.has(after.word) || VERBS_AFTER.has(after.word)))
    return true;
  const c0 = text.charAt(end);
  if (CUE_PUNCTUATION.has(c0)) {
    const c1 = text.charAt(end + 1);
    if (c1 === '男' || c1 === '女') return true;
  }
  return false;
}

/** A name opening a line and followed by punctuation is a résumé / list heading: 林某某，男，… */
function opensLine(text: string, start: number, end: number): boolean {
  const before = start === 0 ? '\n' : text.charAt(start - 1);
  const after = text.charAt(end);
  return (before === '\n' || before === ' ') && (CUE_PUNCTUATION.has(after) || FIELD_SEPARATORS.has(after));
}

/** Does token i start the text or follow punctuation (not a number: 5连胜)? */
function opensClause(tokens: readonly SegmentedToken[], i: number): boolean {
  const before = tokens[i - 1];
  return before === undefined || (before.tag === 'x' && !isCjkWord(before.word));
}

function hasCueBefore(tokens: readonly SegmentedToken[], index: number): boolean {
  const before = tokens[index - 1];
  if (before === undefined || before.end !== tokens[index]?.start) return false;
  // 安全部龙婷, 外交部王某: a department, team or ministry right before a name says who in it.
  return hasRoleBefore(before) || personAndBefore(tokens, index) || isUnitWord(before.word);
}

/** A department, team or office word (安全部, 数据组, 财务处): two to five characters ending in a unit. */
function isUnitWord(word: string): boolean {
  return word.length >= 2 && word.length <= 5 && UNIT_END.test(word);
}
const UNIT_END = /[部组科处室]$/;

const AND_WORDS: ReadonlySet<string> = new Set(['和', '跟', '与']);
const PERSONAL_PRONOUNS: ReadonlySet<string> = new Set(['我', '你', '您', '他', '她']);

/** 我和沙鹏飞, 她跟某某: "a person and …" names a person next. */
function personAndBefore(tokens: readonly SegmentedToken[], index: number): boolean {
  const and = tokens[index - 1] as SegmentedToken;
  const person = tokens[index - 2];
  return (
    AND_WORDS.has(and.word) &&
    person !== undefined &&
    person.end === and.start &&
    PERSONAL_PRONOUNS.has(person.word)
  );
}

/** Is this token a whole Chinese name by itself: a surname-led nr word (李鹏/nr)? */
function startsWholeName(token: SegmentedToken | undefined): boolean {
  return token !== undefined && token.tag === 'nr' && token.word.length >= 2 && surnameLength(token.word) > 0;
}

/** Are tokens a and b adjacent, or separated by exactly one name joiner character? */
function joined(text: string, a: SegmentedToken | undefined, b: SegmentedToken | undefined): boolean {
  if (!a || !b) return false;
  return a.end === b.start || (b.start === a.end + 1 && NAME_JOINERS.has(text.charAt(a.end)));
}

/** Can this token extend a transliterated name? Multi-character common words break the run. */
function extendsForeignName(token: SegmentedToken): boolean {
  if (!isTransliterated(token.word)) return false;
  return token.word.length === 1 || token.tag.startsWith('n') || token.tag === 'zg' || token.tag === 'x';
}

/** Is token i the anchor of a transliterated name (jieba's nrt, or an all-transliteration nr word)? */
function isForeignAnchor(text: string, tokens: readonly SegmentedToken[], i: number): boolean {
  const token = tokens[i] as SegmentedToken;
  const { tag } = token;
  // jieba tags many everyday two-character words nrt (令人, 默契): those must read as a transliteration.
  if (tag === 'nrt') {
    // 玛雅人, 吉普赛人: a people, not a person; 人 never transliterates a syllable.
    // 某年某月/nrt: 某 "some" is no syllable of a name either.
    if (token.word.endsWith('人') || token.word.includes('某')) return false;
    return isCjkWord(token.word) && (token.word.length >= 3 || isTransliterated(token.word));
  }
  if (!(tag === 'nr' || tag === 'x' || tag === 'ns' || tag === 'nz')) return false;
  if (token.word.length < 2 || !isTransliterated(token.word)) return false;
  // 爱本/x, 可高/x: HMM glued the verb 爱 "love" or 可 "can" onto the next character.
  if (tag === 'x' && token.word.length === 2 && EVERYDAY_VERB_CHARS.at(token.word, 0)) return false;
  if (tag === 'nr' || tag === 'x') return true;
  // A place-like word right after a role is a name (秘书长安南/ns), unless it is a known place.
  if (hasCueBefore(tokens, i) && !WORLD_PLACES.has(token.word)) return true;
  // A place-like word counts only when joined by · to more of the name: 丹尼斯·霍珀.
  const joinedNext =
    tokens[i + 1] && token.end + 1 === tokens[i + 1]?.start && joined(text, token, tokens[i + 1]);
  return (token.tag === 'ns' || token.tag === 'nz') && Boolean(joinedNext);
}

/** Transliteration characters that, opening an unknown two-character word, are nearly always a verb. */
const EVERYDAY_VERB_CHARS = new CharTable('爱可');

interface GivenName {
  endIndex: number;
  score: number;
}

/**
 * Given a surname token at `i`, read the given name from the following tokens: one two-character token or
 * one/two single characters. Returns the last token index and the evidence the given name adds.
 */
function readGivenName(tokens: readonly SegmentedToken[], i: number): GivenName | undefined {
  const surname = tokens[i];
  const g1 = tokens[i + 1];
  if (!surname || !g1 || !contiguous(surname, g1) || !isCjkWord(g1.word)) return undefined;
  if (g1.word.length === 2) {
    if (TITLES_AFTER.has(g1.word) || VERBS_AFTER.has(g1.word) || NOT_PERSON.has(g1.word)) return undefined;
    // 熊/nr 孩子/n: jieba split an everyday word after its surname-like first character.
    if (NOT_PERSON.has(surname.word + g1.word)) return undefined;
    if (NOT_IN_GIVEN_NAME.has(g1.word.charAt(0)) || NOT_IN_GIVEN_NAME.has(g1.word.charAt(1)))
      return undefined;
    // A place (谈|武汉) after a surname-like verb is where, not who: no evidence of a given name.
    const nounLike = (g1.tag.startsWith('n') && g1.tag !== 'ns') || g1.tag === 'x';
    // nrfg: jieba's tag for personal names, given names among them (志强, 志远).
    const nameTagged = g1.tag === 'nr' || g1.tag === 'nrfg';
    return { endIndex: i + 1, score: nameTagged ? 2 : nounLike ? 1 : 0 };
  }
  if (!isGivenNameChar(g1, false)) return undefined;
  const g2 = tokens[i + 2];
  const g1Score = g1.tag === 'nr' || g1.tag === 'nrt' ? 2 : 1;
  if (contiguous(g1, g2) && isGivenNameChar(g2, true) && g2) {
    // 李蕾张羽飞: a second surname followed by a name-tagged character starts the next name.
    const g3 = tokens[i + 3];
    const nextNameStarts =
      g2.word === surname.word || (surnameLength(g2.word) === 1 && contiguous(g2, g3) && g3?.tag === 'nr');
    if (!nextNameStarts) {
      // Three single-character tokens: no dictionary word spans them, typical of an unknown name.
      const nr = g1.tag === 'nr' || g2.tag === 'nr';
      return { endIndex: i + 2, score: nr ? 3 : 2 };
    }
  }
  return { endIndex: i + 1, score: g1Score };
}

/** Index of the token continuing a foreign name after token k in direction dir (skipping one joiner), or -1. */
function foreignStep(text: string, tokens: readonly SegmentedToken[], k: number, dir: 1 | -1): number {
  const near = tokens[k + dir];
  if (!near) return -1;
  const [a, b] = dir === 1 ? [tokens[k], near] : [near, tokens[k]];
  if (joined(text, a, b) && extendsForeignName(near)) return k + dir;
  // jieba keeps · as its own token inside CJK runs: 哈莉 · 贝丽.
  const far = tokens[k + 2 * dir];
  if (!far || !NAME_JOINERS.has(near.word) || !extendsForeignName(far)) return -1;
  const [c, d] = dir === 1 ? [tokens[k], far] : [far, tokens[k]];
  return c && d && d.start === c.end + 1 ? k + 2 * dir : -1;
}

/**
 * HMM often glues the last syllables of a foreign name onto the next character (斯在, 彭等, 布凯默继): an unknown
 * word right after the name whose characters are all transliteration characters but the last continues the name
 * by that many characters.
 */
function gluedForeignTail(next: SegmentedToken | undefined, last: SegmentedToken): number {
  if (!next || next.start !== last.end || next.tag !== 'x' || next.word.length < 2 || !isCjkWord(next.word))
    return 0;
  // 奥林巴斯|爱胃, 卡塔诺|爱胃: the verb 爱 or 可 opens the next word rather than continuing the name.
  let length = next.word.length - 1;
  for (let k = 0; k < length; k++) if (EVERYDAY_VERB_CHARS.at(next.word, k)) length = k;
  if (length === 0) return 0;
  return isTransliterated(next.word.slice(0, length)) && !isTransliterated(next.word) ? length : 0;
}

/** Extends a transliterated-name anchor left and right over joined transliteration tokens. */
function foreignNameBounds(text: string, tokens: readonly SegmentedToken[], i: number): [number, number] {
  let first = i;
  let last = i;
  for (
    let step = foreignStep(text, tokens, first, -1);
    step >= 0;
    step = foreignStep(text, tokens, first, -1)
  ) {
    const start = (tokens[step] as SegmentedToken).start;
    if ((tokens[last] as SegmentedToken).end - start > MAX_FOREIGN_NAME) break;
    first = step;
  }
  for (let step = foreignStep(text, tokens, last, 1); step >= 0; step = foreignStep(text, tokens, last, 1)) {
    const end = (tokens[step] as SegmentedToken).end;
    if (end - (tokens[first] as SegmentedToken).start > MAX_FOREIGN_NAME) break;
    last = step;
  }
  return [first, last];
}

/** In sports text a transliterated name is a club unless a player/coach word stands next to it. */
function isClubInSports(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (NAME_JOINERS.has(text.charAt(k))) return false;
  const before = text.slice(Math.max(0, start - 3), start);
  if (SPORTS_PERSON_BEFORE.some((w) => before.endsWith(w))) return false;
  return !SPORTS_PERSON_AFTER.some((w) => text.startsWith(w, end));
}

function isFixture(text: string, start: number, end: number): boolean {
  return (
    FIXTURE_BEFORE.test(text.slice(Math.max(0, start - 3), start)) ||
    FIXTURE_AFTER.test(text.slice(end, end + 3))
  );
}

/** The token starting at `pos`, if any. Binary search: tokens are sorted by offset. */
function tokenStartingAt(tokens: readonly SegmentedToken[], pos: number): SegmentedToken | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const token = tokens[mid] as SegmentedToken;
    if (token.start === pos) return token;
    if (token.start < pos) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/**
 * May the given name [surLen, word.length) of this candidate contain function characters? Only the middle
 * one of a three-character name that jieba's HMM assembled as one unknown word (钱五良, 祁以诚): such a word
 * is no dictionary phrase, while a function character at the end is usually glued-on grammar.
 */
function plainGivenName(word: string, surLen: number, hmmWord: boolean): boolean {
  for (let k = surLen; k < word.length; k++) {
    const ch = word.charAt(k);
    // 一 is common in given names (罗一鸣) though it is a function character elsewhere.
    if (!NOT_IN_GIVEN_NAME.has(ch) || ch === '一') continue;
    if (!(hmmWord && word.length === surLen + 2 && k === surLen)) return false;
  }
  return true;
}

/** Name directly before a strong cue (张伟先生, 黄某某，男，): longest surname-led reading on token bounds. */
function nameBeforeCue(
  text: string,
  cue: number,
  titled: boolean,
  tokens: readonly SegmentedToken[],
): Span | undefined {
  for (let len = 4; len >= (titled ? 1 : 2); len--) {
    const start = cue - len;
    const first = start < 0 ? undefined : tokenStartingAt(tokens, start);
    if (!first) continue;
    const name = text.slice(start, cue);
    if (!isCjkWord(name) || NOT_PERSON.has(name)) continue;
    const surLen = surnameLength(name);
    if (surLen === 0 || (len === 4 && surLen !== 2) || (len === 1 && isAmbiguousSurname(name))) continue;
    if (!plainGivenName(name, surLen, first.tag === 'x' && first.end === cue)) continue;
    // 向张伟先生: an ambiguous surname-like character before a clear surname is not part of the name.
    if (len === 3 && surLen === 1 && isAmbiguousSurname(name) && surnameLength(name.slice(1)) === 1) continue;
    return { start, end: cue, score: 0.8, type: 'person_name' };
  }
  return undefined;
}

function namesBeforeStrongCues(text: string, tokens: readonly SegmentedToken[]): Span[] {
  const spans: Span[] = [];
  // Cheap literal gate before the regex scan: every cue contains one of these characters.
  if (
    !(
      text.includes('男') ||
      text.includes('女') ||
      text.includes('先生') ||
      text.includes('小姐') ||
      text.includes('化名')
    )
  )
    return spans;
  for (const match of text.matchAll(STRONG_CUE)) {
    const titled = match[0].length === 2 && !CUE_PUNCTUATION.has(match[0].charAt(0));
    const span = nameBeforeCue(text, match.index, titled, tokens);
    const last = spans[spans.length - 1];
    if (span && (!last || last.end <= span.start)) spans.push(span);
  }
  return spans.filter((span) => span.type !== 'person_name' || !isPlaceLike(text, span.start, span.end));
}

/**
 * News bylines: （记者孟某某实习生夏某某）, （记者张某、李某）. The run of characters between a byline role and the
 * next role word, separator or closing parenthesis is one name, or two names written back to back.
 */
const BYLINE =
  /(?:记者|通讯员|实习生|摄影|编辑|责编)([\u4e00-\u9fff]{2,6}?)(?=[）)（(、\s，,。摄]|记者|通讯员|实习生|报道|$)/g;

function isBylineName(name: string): boolean {
  const surLen = surnameLength(name);
  if (surLen === 0 || name.length - surLen < 1 || name.length - surLen > 2) return false;
  return !NOT_PERSON.has(name) && plainGivenName(name, surLen, false);
}

function bylineNames(text: string): Span[] {
  const spans: Span[] = [];
  // Every byline names a reporter or a correspondent first.
  if (!(text.includes('记者') || text.includes('通讯员'))) return spans;
  for (const match of text.matchAll(BYLINE)) {
    const run = match[1] as string;
    const start = match.index + match[0].length - run.length;
    if (isBylineName(run)) {
      spans.push({ start, end: start + run.length, score: 0.7, type: 'person_name' });
      continue;
    }
    // Two names back to back: most Chinese names have three characters, so try that cut first.
    for (const cut of [3, 2]) {
      if (run.length - cut < 2 || run.length - cut > 3) continue;
      const first = run.slice(0, cut);
      const second = run.slice(cut);
      if (isBylineName(first) && isBylineName(second)) {
        spans.push({ start, end: start + cut, score: 0.6, type: 'person_name' });
        spans.push({ start: start + cut, end: start + run.length, score: 0.6, type: 'person_name' });
        break;
      }
    }
  }
  return spans;
}

const MENTION_END: ReadonlySet<string> = new Set([':', '：', ' ', '@', '\n', ',', '，', ')', '）']);
/** Longest handle read after @; Weibo handles have at most 30 bytes. */
const MAX_HANDLE = 20;

function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Weibo-style mentions whose handle is a plain Chinese name: //@段钢: … A handle is a person only when it,
 * or a Chinese part of it set off by Latin letters, digits, - or _ (@陈某某Leo, @5-叶某某), is two or three
 * characters, surname-led and made of name-like characters; longer runs of Chinese are nicknames.
 */
function mentionNames(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    const start = at + 1;
    let end = start;
    while (end < text.length && end - start <= MAX_HANDLE && !MENTION_END.has(text.charAt(end))) end += 1;
    // A handle running on into the sentence has no known end: only a short one ending cleanly is read.
    if (end - start > MAX_HANDLE) continue;
    let part = start;
    while (part < end) {
      let partEnd = part;
      while (partEnd < end && isCjkCode(text.charCodeAt(partEnd))) partEnd += 1;
      if (partEnd > part) {
        const span = handleName(text, part, partEnd);
        if (span) spans.push(span);
      }
      part = partEnd + 1;
    }
  }
  return spans;
}

/** Function characters that are also common first characters of a two-character given name. */
const GIVEN_NAME_FUNCTION_CHARS: ReadonlySet<string> = new Set(['于', '以', '之']);

/** A Chinese part of a handle that is a plain name: 2–3 characters, clear surname, no repeated character. */
function handleName(text: string, start: number, end: number): Span | undefined {
  const len = end - start;
  if (len < 2 || len > 3) return undefined;
  const name = text.slice(start, end);
  if (surnameLength(name) !== 1 || isAmbiguousSurname(name) || NOT_PERSON.has(name)) return undefined;
  // 戴戴, 乐乐: a doubled character is a pet name, not surname + given name.
  if (name.charAt(1) === name.charAt(0)) return undefined;
  for (let k = 1; k < len; k++) {
    const ch = name.charAt(k);
    // 于, 以, 之 are function characters elsewhere but common inside a given name (invented: @孟于川).
    if (NOT_IN_GIVEN_NAME.has(ch) && !(k === 1 && len === 3 && GIVEN_NAME_FUNCTION_CHARS.has(ch)))
      return undefined;
  }
  return { start, end, score: 0.6, type: 'person_name' };
}

/**
 * Suffixes that make abstract or technical nouns (安全感, 封建制, 温和派, 雷达站) and never end a given name:
 * jieba's dictionary tags a number of such three-character words nr.
 */
const NOUN_SUFFIXES = new CharTable('感性率制法派史炎教展站带');

function endsInNounSuffix(word: string): boolean {
  return word.length === 3 && NOUN_SUFFIXES.at(word, 2);
}

/**
 * Length (0 or 1) of a last given-name character jieba's HMM left out of a surname + one-character word when
 * the name ends a clause: 刘诗/x 诗/n ”, 田喜/x 碧/nr ，. Only a noun-like or doubled character right before
 * punctuation or the end counts, so a verb or particle after a two-character name (王明/x 走/v) stays out.
 */
function cutLastChar(
  text: string,
  tokens: readonly SegmentedToken[],
  i: number,
  surLen: number,
  word: string,
): number {
  const token = tokens[i] as SegmentedToken;
  const tail = tokens[i + 1];
  if (word !== token.word || word.length !== surLen + 1 || !tail || !contiguous(token, tail)) return 0;
  if (!isGivenNameChar(tail, true) || !clauseEndsAt(text, tail.end)) return 0;
  const doubled = tail.word === word.charAt(word.length - 1);
  return doubled || tail.tag === 'nr' || tail.tag === 'n' || tail.tag === 'ng' ? 1 : 0;
}

/** Is `pos` the end of the text or followed by punctuation, a space or a non-Chinese character? */
function clauseEndsAt(text: string, pos: number): boolean {
  return pos >= text.length || !isCjkCode(text.charCodeAt(pos));
}

/** Surname-led HMM word: a name when its given-name characters are plain and the evidence suffices. */
const NAME_OPENING_FUNCTION_CHARS: ReadonlySet<string> = new Set(['可', '若', '如', '千']);

function unknownWordName(
  text: string,
  tokens: readonly SegmentedToken[],
  i: number,
  surLen: number,
  weak: Span[],
): Span | undefined {
  const token = tokens[i] as SegmentedToken;
  let { word } = token;
  let oddInside = false;
  // HMM glued an honorific on (李先生): the strong-cue pass already read the name before it. 曾/d 任某某/x: the
  // appointment verb glued onto the employer's name.
  if (HONORIFIC_END.test(word) || startsWithGluedVerb(tokens, i)) return undefined;
  // HMM sometimes glues a following particle or adverb onto the name: 朱琦已 → 朱琦.
  if (word.length > surLen + 1 && NOT_IN_GIVEN_NAME.has(word.charAt(word.length - 1)))
    word = word.slice(0, -1);
  if (NOT_PERSON.has(word) || (word.length === 4 && surLen !== 2)) return undefined;
  if (!plainGivenName(word, surLen, false)) {
    // A function character inside (祁以诚) is tolerated only next to a cue word.
    if (!plainGivenName(word, surLen, word === token.word)) return undefined;
    oddInside = true;
  }
  const end = token.start + word.length + cutLastChar(text, tokens, i, surLen, word);
  word = text.slice(token.start, end);
  const ambiguous = surLen === 1 && isAmbiguousSurname(word.charAt(0));
  let evidence = givenNameEvidence(word.slice(surLen));
  // A three-character word outside jieba's dictionary led by a clear surname is rarely anything but a name, even
  // when its given-name characters are uncommon ones.
  if (!ambiguous && evidence < -1 && word.length - surLen === 2) evidence = -1;
  // Likewise a two-character one led by one of the most frequent surnames (李咏); a repeated character
  // (周周) or a measure word after a demonstrative (这张票) is the exception.
  if (evidence < 0 && word.length === 2 && isMostCommonSurname(word) && word.charAt(1) !== word.charAt(0))
    evidence = 0;
  let score = (ambiguous ? 1 : 3) + evidence;
  if (word.length - surLen === 2) score += 1;
  const next = end > token.end ? i + 2 : i + 1;
  const cueAfter = hasCueAfter(text, tokens, next, end) || opensLine(text, token.start, end);
  const cueBefore = hasCueBefore(tokens, i);
  // 岑可欣, 季若彤: 可, 若, 如 and 千 open many given names; after a clear surname and before a common
  // given-name character they are the name's. Other function characters (祁以诚) need a cue.
  const plainTail =
    !ambiguous &&
    word.length === surLen + 2 &&
    NAME_OPENING_FUNCTION_CHARS.has(word.charAt(surLen)) &&
    givenNameEvidence(word.slice(-1)) > 0;
  if (oddInside && !cueAfter && !cueBefore && !plainTail) return undefined;
  if (cueAfter) score += 2;
  if (cueBefore) score += 2;
  if (score < 3) {
    if (!oddInside) weak.push({ start: token.start, end, score: 0.5, type: 'person_name' });
    return undefined;
  }
  return { start: token.start, end, score: Math.min(0.9, 0.4 + score / 10), type: 'person_name' };
}

/**
 * Chinese person names from jieba tokens: whole-name `nr` tokens, surname + given-name fragments (jieba
 * without HMM leaves unknown names in pieces and tags their characters erratically), and transliterated
 * foreign names, weighed with cue words.
 */
export function findChinesePersons(
  text: string,
  tokens: readonly SegmentedToken[],
  sports: () => boolean = () => false,
): Span[] {
  const cued = namesBeforeStrongCues(text, tokens);
  const bylines = bylineNames(text);
  for (const b of bylines) if (!cued.some((c) => c.start < b.end && b.start < c.end)) cued.push(b);
  if (text.includes('@')) cued.push(...mentionNames(text));
  if (cued.length > 1) cued.sort((a, b) => a.start - b.start);
  const spans: Span[] = [...cued];
  /** Surname-led readings with too little evidence alone; names only inside a list of names. */
  const weak: Span[] = [];
  let japanese: Set<Span> | undefined;
  let cuedIndex = 0;
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as SegmentedToken;
    const { word, tag } = token;
    while (cuedIndex < cued.length && (cued[cuedIndex] as Span).end <= token.start) cuedIndex += 1;
    const covering = cued[cuedIndex];
    if (!isCjkWord(word) || (covering && covering.start < token.end)) {
      i += 1;
      continue;
    }
    if (mayStartJapaneseName(word)) {
      const last = japaneseNameAt(text, tokens, i);
      if (last >= 0) {
        const span: Span = {
          start: token.start,
          end: (tokens[last] as SegmentedToken).end,
          score: 0.6,
          type: 'person_name',
        };
        spans.push(span);
        // Japanese given names may hold characters that mark places in Chinese (村山富市): exempt from that check.
        japanese ??= new Set();
        japanese.add(span);
        i = last + 1;
        continue;
      }
    }
    const surLen = surnameLength(word);
    const isSurnameToken = surLen > 0 && word.length === surLen;

    if (!isSurnameToken && isForeignAnchor(text, tokens, i)) {
      const [first, last] = foreignNameBounds(text, tokens, i);
      const start = (tokens[first] as SegmentedToken).start;
      const end =
        (tokens[last] as SegmentedToken).end +
        gluedForeignTail(tokens[last + 1], tokens[last] as SegmentedToken);
      if (
        end - start >= 2 &&
        !NOT_PERSON.has(text.slice(start, end)) &&
        !EPONYM_AFTER.test(text.slice(end, end + 2))
      ) {
        const club =
          isFixture(text, start, end) ||
          COMPANY_BEFORE.test(text.slice(Math.max(0, start - 3), start)) ||
          (sports() && isClubInSports(text, start, end));
        const type = club ? 'organization' : 'person_name';
        spans.push({ start, end, score: 0.6, type });
      }
      i = last + 1;
      continue;
    }

    // A word jieba's HMM assembled from characters outside its dictionary (tag x): 王建华, 赵以明 (invented).
    if (tag === 'x' && word.length >= 2 && word.length <= 5 && surLen > 0 && word.length > surLen) {
      const span = unknownWordName(text, tokens, i, surLen, weak);
      if (span) spans.push(span);
      i += span && span.end > token.end ? 2 : 1;
      continue;
    }

    if (isSurnameToken) {
      const given = readGivenName(tokens, i);
      // 和/c 李鹏/nr: a conjunction or preposition before a whole name is grammar, not the surname.
      if (given && (tag === 'c' || tag === 'p') && startsWholeName(tokens[i + 1])) {
        i += 1;
        continue;
      }
      if (given) {
        const lastToken = tokens[given.endIndex] as SegmentedToken;
        let score = given.score + givenNameEvidence(text.slice(token.end, lastToken.end));
        const ambiguous = surLen === 1 && isAmbiguousSurname(word);
        if (tag === 'nr') score += ambiguous ? 1 : 2;
        else if (!ambiguous) score += 1;
        if (surLen === 2) score += 1;
        // A clause opened by surname + given name + speech verb (某某估计，…) is a quote, even with an
        // everyday-character surname.
        if (hasCueAfter(text, tokens, given.endIndex + 1, lastToken.end))
          score += opensClause(tokens, i) ? 3 : 2;
        else if (opensLine(text, token.start, lastToken.end)) score += 2;
        if (hasCueBefore(tokens, i)) score += 2;
        if (score >= (ambiguous ? 4 : 3)) {
          spans.push({
            start: token.start,
            end: lastToken.end,
            score: Math.min(0.9, 0.4 + score / 10),
            type: 'person_name',
          });
          i = given.endIndex + 1;
          continue;
        }
        weak.push({ start: token.start, end: lastToken.end, score: 0.5, type: 'person_name' });
      }
      i += 1;
      continue;
    }

    if (tag === 'nr' && surLen > 0 && word.length === surLen + 2 && SURNAME_HONORIFIC.test(word)) {
      spans.push({ start: token.start, end: token.start + surLen, score: 0.6, type: 'person_name' });
      i += 1;
      continue;
    }

    if (
      (tag === 'nr' || tag === 'nrfg') &&
      word.length >= 2 &&
      word.length <= 4 &&
      !NOT_PERSON.has(word) &&
      !endsInNounSuffix(word)
    ) {
      const cue = hasCueAfter(text, tokens, i + 1, token.end) || hasCueBefore(tokens, i);
      let score = cue ? 2 : 0;
      if (surLen > 0) score += isAmbiguousSurname(word.charAt(0)) && surLen === 1 ? 1 : 2;
      if (word.length >= 3 && surLen > 0) score += 1;
      if (surLen > 0) score += givenNameEvidence(word.slice(surLen));
      if (word.length === 4 && surLen === 1) score -= 2;
      // 连胜, 冷清, 阴云: everyday words in jieba's dictionary as nr. Led by an everyday-character surname
      // and with no cue, they count as a name only where a name opens a clause.
      if (!cue && word.length === 2 && surLen === 1 && isAmbiguousSurname(word) && !opensClause(tokens, i))
        score = 0;
      // 欧阳明/nr 辉/nr: jieba cut the last given-name character off a surname-led name.
      const tail = tokens[i + 1];
      const extend =
        surLen > 0 &&
        word.length === surLen + 1 &&
        tail?.tag === 'nr' &&
        contiguous(token, tail) &&
        isGivenNameChar(tail, true);
      const end = extend && tail ? tail.end : token.end;
      if (score >= 2) {
        spans.push({ start: token.start, end, score: Math.min(0.9, 0.4 + score / 10), type: 'person_name' });
      } else if (surLen > 0 && plainGivenName(word, surLen, false)) {
        weak.push({ start: token.start, end, score: 0.5, type: 'person_name' });
      }
      i += extend ? 2 : 1;
      continue;
    }

    // A 2–3 character word led by a surname right after a role: 记者马力, 导演李安.
    if (
      surLen === 1 &&
      word.length >= 2 &&
      word.length <= 3 &&
      tag.startsWith('n') &&
      !NOT_PERSON.has(word) &&
      !NOT_IN_GIVEN_NAME.has(word.charAt(1)) &&
      hasCueBefore(tokens, i) &&
      ROLES_BEFORE.has((tokens[i - 1] as SegmentedToken).word)
    ) {
      spans.push({ start: token.start, end: token.end, score: 0.5, type: 'person_name' });
      i += 1;
      continue;
    }

    // A 2–3 character word led by a surname and followed by an honorific: 程阳先生.
    if (
      surLen === 1 &&
      word.length >= 2 &&
      word.length <= 3 &&
      !isAmbiguousSurname(word.charAt(0)) &&
      !NOT_PERSON.has(word) &&
      !NOT_IN_GIVEN_NAME.has(word.charAt(1)) &&
      TITLES_AFTER.has(tokens[i + 1]?.word ?? '') &&
      tokens[i + 1]?.start === token.end &&
      tag.startsWith('n') &&
      // A plain noun (焦点/n 导演) takes only an honorific; job titles after it are compounds (焦点导演).
      (tag !== 'n' || HONORIFICS.has((tokens[i + 1] as SegmentedToken).word))
    ) {
      spans.push({ start: token.start, end: token.end, score: 0.5, type: 'person_name' });
    }
    i += 1;
  }
  if (weak.length > 0 && text.includes('、')) addListedNames(text, spans, weak);
  const persons = spans.filter(
    (span) => (japanese?.has(span) || isPersonSpan(text, span)) && !isDrugName(text, span),
  );
  for (let k = persons.length - 1; k >= 0; k--) {
    const span = persons[k] as Span;
    if (span.type !== 'person_name' || !WORLD_PLACES.has(text.slice(span.start, span.end))) continue;
    // 伊拉克/nrt, 莫斯科/nr: a country or city, except a national team or city club in sports text.
    if (sports() && isClubInSports(text, span.start, span.end)) span.type = 'organization';
    else persons.splice(k, 1);
  }
  addOriginalSpellings(text, persons);
  return persons;
}

/** Endings of drug names (阿托伐他汀, 美托洛尔, 缬沙坦, 阿莫西林) and the dosage forms written after them. */
const DRUG_AFTER =
  /^(?:伐他汀|他汀|洛尔|沙坦|普利|地平|西林|霉素|沙星|替丁|拉唑|格列|缓释|控释|肠溶|胶囊|注射液|颗粒|片\b)/;
const DRUG_END = /(?:他汀|洛尔|沙坦|普利|地平|西林|霉素|沙星|替丁|拉唑)$/;

/** 阿托|伐他汀, 美托洛尔|缓释片: the transliterated syllables of a drug name read as a foreign name. */
function isDrugName(text: string, span: Span): boolean {
  if (span.type !== 'person_name') return false;
  return (
    DRUG_END.test(text.slice(span.start, span.end)) || DRUG_AFTER.test(text.slice(span.end, span.end + 3))
  );
}

/** A Latin-script name in parentheses: letters, with spaces, dots, hyphens or apostrophes inside. */
const LATIN_NAME = /^[（(]([A-Za-z][A-Za-z .'-]{0,39}?)\s*(?=[）)]|$)/;

/**
 * The original spelling in parentheses right after a person's name (马丁·贝克（Martin Beck）) names the same
 * person. Appends those spans to `spans`.
 */
function addOriginalSpellings(text: string, spans: Span[]): void {
  const count = spans.length;
  for (let k = 0; k < count; k++) {
    const span = spans[k] as Span;
    if (span.type !== 'person_name') continue;
    const open = text.charCodeAt(span.end);
    if (open !== 0x28 && open !== 0xff08) continue; // ( or （
    const match = LATIN_NAME.exec(text.slice(span.end, span.end + 42));
    if (!match || isEverydayLatinWord(match[1] as string)) continue;
    const start = span.end + 1;
    spans.push({ start, end: start + (match[1] as string).length, score: 0.6, type: 'person_name' });
  }
}

/**
 * `司马卓然(String)` in a log: one ordinary English word in parentheses (a type, a unit, a note) is no spelling of
 * the name before it; a given name or surname (Martin, Beck) still is.
 */
function isEverydayLatinWord(latin: string): boolean {
  if (/[ .'-]/.test(latin)) return false;
  const flags = lexicon().flags.get(latin.toLowerCase()) ?? 0;
  return (flags & (F.dict | F.common | F.stop)) !== 0 && (flags & (F.first | F.surname)) === 0;
}

/** Separators between the names of a list: 王刚、李同、赵明. */
const NAME_LIST_SEPARATORS: ReadonlySet<string> = new Set(['、']);

/** Is the character at `k` a list boundary: a separator, other punctuation, a digit or the end of the text? */
function isItemBoundary(text: string, k: number): boolean {
  if (k < 0 || k >= text.length) return true;
  const ch = text.charAt(k);
  return NAME_LIST_SEPARATORS.has(ch) || ch === '等' || ch === '和' || !isCjkWord(ch);
}

/**
 * A weak surname-led reading that is a whole item of a list in which a neighbour is already a name:
 * 王刚、乔明、李志强. Promotes such readings into `spans` (chaining along the list).
 */
function addListedNames(text: string, spans: Span[], weak: readonly Span[]): void {
  const persons = spans.filter((s) => s.type === 'person_name');
  const pending = weak.filter(
    (w) =>
      isItemBoundary(text, w.start - 1) &&
      isItemBoundary(text, w.end) &&
      !spans.some((s) => s.start < w.end && w.start < s.end),
  );
  joinListItems(
    pending,
    (w) =>
      persons.some(
        (p) =>
          listedBefore(text, p, w, NAME_LIST_SEPARATORS) || listedBefore(text, w, p, NAME_LIST_SEPARATORS),
      ) && !persons.some((p) => p.start < w.end && w.start < p.end),
    (w) => {
      persons.push(w);
      spans.push(w);
    },
  );
  spans.sort((a, b) => a.start - b.start);
}
