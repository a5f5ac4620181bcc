import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { NON_NAME_TAGS, NOT_IN_GIVEN_NAME, ROLES_BEFORE, TITLES_AFTER, VERBS_AFTER } from './cue-words.ts';
import { COMPOUND_SURNAMES, isAmbiguousSurname, isSurnameChar, surnameLength } from './surnames.ts';

export interface Span {
  start: number;
  end: number;
  score: number;
}

/**
 * Words jieba's dictionary tags `nr` although in running text they are nearly always common words.
 * General vocabulary only.
 */
const NOT_PERSON: ReadonlySet<string> = new Set([
  '顾问',
  '特邀',
  '罗平',
  '文化',
  '高达',
  '于是',
  '林业',
  '金额',
  '白银',
  '黄金',
  '石油',
  '江山',
  '马上',
  '明星',
  '安全',
  '平安',
  '高峰',
  '方向',
  '常规',
  '康复',
  '华人',
  '夏天',
  '秋天',
  '龙头',
  '何时',
  '何必',
  '何况',
  '任何',
  '任务',
  '任意',
  '宋体',
  '黑体',
  '甘心',
  '包括',
  '关于',
  '成为',
  '成功',
  '时间',
  '高兴',
  '相信',
  '万一',
  '沙发',
  '雷锋',
  '齐心',
]);

/** Separators inside transliterated foreign names: 丹尼斯·霍珀, 索尔-坎贝尔. */
const NAME_JOINERS: ReadonlySet<string> = new Set(['·', '•', '‧', '・', '-', '－']);

const PERSON_TAGS: ReadonlySet<string> = new Set(['nr', 'nrfg']);
const CJK_ONLY = /^[\u3400-\u9fff\uf900-\ufaff]+$/;

function isCjkWord(word: string): boolean {
  return CJK_ONLY.test(word);
}

/** Could this single-character token be one character of a given name? */
function isGivenNameChar(token: SegmentedToken | undefined, strict: boolean): boolean {
  if (!token || token.word.length !== 1 || !isCjkWord(token.word)) return false;
  if (NOT_IN_GIVEN_NAME.has(token.word) || NON_NAME_TAGS.has(token.tag)) return false;
  if (strict && (TITLES_AFTER.has(token.word) || VERBS_AFTER.has(token.word))) return false;
  return true;
}

function contiguous(a: SegmentedToken | undefined, b: SegmentedToken | undefined): boolean {
  return a !== undefined && b !== undefined && a.end === b.start;
}

/** Is there a title, speech verb or "，男/女" right after token index `next` - 1? */
function hasCueAfter(text: string, tokens: readonly SegmentedToken[], next: number, end: number): boolean {
  const after = tokens[next];
  if (after && after.start === end) {
    if (TITLES_AFTER.has(after.word) || VERBS_AFTER.has(after.word)) return true;
  }
  const c0 = text.charAt(end);
  if (c0 === '，' || c0 === ',' || c0 === '（' || c0 === '(') {
    const c1 = text.charAt(end + 1);
    if (c1 === '男' || c1 === '女') return true;
  }
  return false;
}

function hasCueBefore(tokens: readonly SegmentedToken[], index: number): boolean {
  const before = tokens[index - 1];
  return before !== undefined && before.end === tokens[index]?.start && ROLES_BEFORE.has(before.word);
}

/** Run of transliterated-name tokens (nrt) joined by ·/-, plus a joined neighbour of another name tag. */
function transliteratedEnd(tokens: readonly SegmentedToken[], i: number): number {
  let k = i;
  for (;;) {
    const joiner = tokens[k + 1];
    const nextName = tokens[k + 2];
    if (
      joiner &&
      nextName &&
      NAME_JOINERS.has(joiner.word) &&
      contiguous(tokens[k], joiner) &&
      contiguous(joiner, nextName) &&
      isCjkWord(nextName.word) &&
      (nextName.tag === 'nrt' || nextName.tag === 'nr' || nextName.tag === 'ns' || nextName.tag === 'nz')
    ) {
      k += 2;
      continue;
    }
    const adjacent = tokens[k + 1];
    if (adjacent && contiguous(tokens[k], adjacent) && adjacent.tag === 'nrt') {
      k += 1;
      continue;
    }
    return k;
  }
}

interface Candidate {
  endIndex: number;
  score: number;
}

/**
 * Given a surname token at `i` (its characters fully the surname), read the given name from the following
 * tokens. Returns the last token index of the name and an evidence score, or undefined.
 */
function readGivenName(tokens: readonly SegmentedToken[], i: number): Candidate | undefined {
  const surname = tokens[i];
  const g1 = tokens[i + 1];
  if (!surname || !g1 || !contiguous(surname, g1) || !isCjkWord(g1.word)) return undefined;
  if (g1.word.length === 2) {
    if (TITLES_AFTER.has(g1.word) || VERBS_AFTER.has(g1.word) || ROLES_BEFORE.has(g1.word)) return undefined;
    if (NOT_IN_GIVEN_NAME.has(g1.word.charAt(0)) || NOT_IN_GIVEN_NAME.has(g1.word.charAt(1))) return undefined;
    // A two-character dictionary word after a surname is a given name only if jieba also thinks so.
    return { endIndex: i + 1, score: g1.tag === 'nr' ? 2 : 0 };
  }
  if (!isGivenNameChar(g1, false)) return undefined;
  const g2 = tokens[i + 2];
  if (contiguous(g1, g2) && isGivenNameChar(g2, true) && (g2?.tag !== 'v' || g2.word.length === 1)) {
    return { endIndex: i + 2, score: 1 };
  }
  return { endIndex: i + 1, score: 1 };
}

/**
 * Chinese person names from jieba tokens: whole-name `nr` tokens, surname + given-name fragments (jieba
 * without HMM leaves unknown names in pieces), transliterated names, all weighed with cue words.
 */
export function findChinesePersons(text: string, tokens: readonly SegmentedToken[]): Span[] {
  const spans: Span[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as SegmentedToken;
    const { word, tag } = token;
    if (!isCjkWord(word)) {
      i += 1;
      continue;
    }

    if (tag === 'nrt') {
      const last = transliteratedEnd(tokens, i);
      const end = (tokens[last] as SegmentedToken).end;
      if (end - token.start >= 2) spans.push({ start: token.start, end, score: 0.6 });
      i = last + 1;
      continue;
    }

    const surLen = surnameLength(word);
    const isSurnameToken = surLen > 0 && word.length === surLen;

    if (isSurnameToken) {
      const given = readGivenName(tokens, i);
      if (given) {
        const lastToken = tokens[given.endIndex] as SegmentedToken;
        let score = given.score;
        if (tag === 'nr') score += 2;
        if (surLen === 2 || COMPOUND_SURNAMES.has(word)) score += 1;
        if (hasCueAfter(text, tokens, given.endIndex + 1, lastToken.end)) score += 2;
        if (hasCueBefore(tokens, i)) score += 2;
        if (surLen === 1 && isAmbiguousSurname(word)) score -= 1;
        if (score >= 3) {
          spans.push({ start: token.start, end: lastToken.end, score: Math.min(0.9, 0.4 + score / 10) });
          i = given.endIndex + 1;
          continue;
        }
      }
      // Surname + honorific with no given name: 张先生, 王总.
      const next = tokens[i + 1];
      if (tag === 'nr' && next && contiguous(token, next) && TITLES_AFTER.has(next.word)) {
        spans.push({ start: token.start, end: next.end, score: 0.5 });
        i += 2;
        continue;
      }
      i += 1;
      continue;
    }

    if (PERSON_TAGS.has(tag) && word.length >= 2 && word.length <= 4 && !NOT_PERSON.has(word)) {
      if (surLen > 0) {
        let score = 2;
        if (word.length >= 3) score += 1;
        if (hasCueAfter(text, tokens, i + 1, token.end)) score += 2;
        if (hasCueBefore(tokens, i)) score += 2;
        if (surLen === 1 && isAmbiguousSurname(word.charAt(0))) score -= 1;
        if (score >= 2) {
          spans.push({ start: token.start, end: token.end, score: Math.min(0.9, 0.4 + score / 10) });
        }
      } else if (hasCueAfter(text, tokens, i + 1, token.end) || hasCueBefore(tokens, i)) {
        spans.push({ start: token.start, end: token.end, score: 0.5 });
      }
      i += 1;
      continue;
    }

    // A 2–3 character word that starts with a surname and is followed by an honorific: 程阳先生.
    if (
      surLen === 1 &&
      word.length >= 2 &&
      word.length <= 3 &&
      !isAmbiguousSurname(word.charAt(0)) &&
      !NOT_IN_GIVEN_NAME.has(word.charAt(1)) &&
      (tokens[i + 1] === undefined || contiguous(token, tokens[i + 1])) &&
      TITLES_AFTER.has(tokens[i + 1]?.word ?? '') &&
      isSurnameChar(word.charAt(0))
    ) {
      spans.push({ start: token.start, end: token.end, score: 0.5 });
    }
    i += 1;
  }
  return spans;
}
