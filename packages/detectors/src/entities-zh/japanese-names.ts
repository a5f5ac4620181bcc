import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { PairTable } from './char-table.ts';
import { hasRoleBefore, TITLES_AFTER, VERBS_AFTER } from './cue-words.ts';

/**
 * Common Japanese family names (two or three characters), from general knowledge. Japanese names written in
 * Chinese (桥本龙太郎, 村上春树) do not start with a Chinese surname, and jieba often keeps them as one n or ns
 * word, so the Chinese rules miss them. One-character family names (林, 森, 原) are left out as too ambiguous.
 */
const JAPANESE_SURNAMES: readonly string[] = (
  '佐藤 铃木 高桥 田中 渡边 伊藤 山本 中村 小林 加藤 吉田 山田 佐佐木 山口 松本 井上 木村 清水 山崎 阿部 池田 ' +
  '桥本 山下 石川 中岛 前田 藤田 小川 后藤 冈田 长谷川 村上 近藤 石井 齐藤 坂本 远藤 青木 藤井 西村 福田 太田 ' +
  '三浦 藤原 冈本 松田 中川 中野 原田 小野 田村 竹内 金子 和田 中山 石田 上田 森田 柴田 酒井 工藤 横山 宫崎 ' +
  '宫本 内田 高木 安藤 岛田 谷口 大野 高田 丸山 今井 河野 藤本 村田 武田 上野 杉山 增田 小山 大冢 平野 菅原 ' +
  '久保 松井 千叶 岩崎 樱井 木下 野口 松尾 菊地 野村 新井 小渊 村山 羽田 细川 宫泽 海部 宇野 竹下 中曾根 ' +
  '大平 三木 鸠山 小泉 安倍 麻生 野田 石破 岸田 小泽 町村 二阶 黑泽 北野 川端 大江 东野 浅田 长岛 松下'
).split(' ');

const PREFIXES = new PairTable(JAPANESE_SURNAMES);
const SURNAMES: ReadonlySet<string> = new Set(JAPANESE_SURNAMES);
/** Tags jieba gives a whole Japanese name it keeps as one word: 桥本龙太郎/n, 村山富市/ns, 小渊惠三/nr. */
const WHOLE_NAME_TAGS: ReadonlySet<string> = new Set(['n', 'nr', 'nrfg', 'ns', 'nz', 'x']);
const MAX_GIVEN = 3;
/** Tags of the given-name pieces after a family name (纯一/b 郎/nr); verbs and particles end the name. */
const GIVEN_TAGS: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg', 'nz', 'n', 'ng', 'b', 'x', 'j']);

function japaneseSurnameAt(word: string): number {
  if (word.length < 2 || !PREFIXES.at(word, 0)) return 0;
  if (word.length >= 3 && SURNAMES.has(word.slice(0, 3))) return 3;
  return SURNAMES.has(word.slice(0, 2)) ? 2 : 0;
}

function isCjkChar(word: string, k: number): boolean {
  const c = word.charCodeAt(k);
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

/**
 * Grammar characters that end a Japanese given name. Narrower than the Chinese list: numerals and 太 are
 * common in Japanese given names (纯一郎, 龙太郎, 惠三).
 */
const NOT_IN_GIVEN: ReadonlySet<string> = new Set(
  '的了着过是在和与及或就也都还又再把被对从向给让叫说称等则而但却很更最不没未已将要会能可以这那其于此由因所若如即便并且你我他她它们啊吗呢吧呀哦嘛么个年月日号时分秒上下里前后内'.split(
    '',
  ),
);

function plainGiven(text: string, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (!isCjkChar(text, k) || NOT_IN_GIVEN.has(text.charAt(k))) return false;
  return true;
}

function cueAround(tokens: readonly SegmentedToken[], first: number, last: number): boolean {
  const before = tokens[first - 1];
  const after = tokens[last + 1];
  const current = tokens[first] as SegmentedToken;
  const end = (tokens[last] as SegmentedToken).end;
  if (before && before.end === current.start && (hasRoleBefore(before) || before.word.endsWith('相')))
    return true;
  return (
    after !== undefined &&
    after.start === end &&
    (TITLES_AFTER.has(after.word) || VERBS_AFTER.has(after.word))
  );
}

/**
 * The Japanese name starting at token `i`, next to a role, title or speech verb (日本外相某某表示, 作家某某的新书):
 * one word led by a Japanese family name, or the family name followed by up to three given-name characters in
 * separate tokens (小泉/nr 纯一/b 郎/nr). A word jieba tags nr is taken without a cue. Returns the index of the
 * name's last token, or -1.
 */
export function japaneseNameAt(text: string, tokens: readonly SegmentedToken[], i: number): number {
  const token = tokens[i] as SegmentedToken;
  const surLen = japaneseSurnameAt(token.word);
  if (surLen === 0) return -1;
  if (token.word.length > surLen) {
    // The whole name in one word.
    const given = token.word.length - surLen;
    if (given > MAX_GIVEN || !WHOLE_NAME_TAGS.has(token.tag)) return -1;
    if (!plainGiven(text, token.start + surLen, token.end)) return -1;
    return token.tag === 'nr' || token.tag === 'nrfg' || cueAround(tokens, i, i) ? i : -1;
  }
  // The family name alone, the given name in the next tokens.
  let last = i;
  for (
    let next = tokens[i + 1];
    next && continuesGivenName(text, tokens[last] as SegmentedToken, next, token);
  ) {
    last += 1;
    next = tokens[last + 1];
  }
  // A family name alone is a name only when jieba tags it so (首相小泉/nr 表示).
  if ((last === i && token.tag !== 'nr') || !cueAround(tokens, i, last)) return -1;
  return last;
}

/** May `next` (right after `prev`) continue the given name of the family name `family`? */
function continuesGivenName(
  text: string,
  prev: SegmentedToken,
  next: SegmentedToken,
  family: SegmentedToken,
): boolean {
  return (
    next.start === prev.end &&
    next.end - family.end <= MAX_GIVEN &&
    GIVEN_TAGS.has(next.tag) &&
    !TITLES_AFTER.has(next.word) &&
    !VERBS_AFTER.has(next.word) &&
    plainGiven(text, next.start, next.end)
  );
}

/** Cheap test before japaneseNameAt: can a Japanese family name start this word? */
export function mayStartJapaneseName(word: string): boolean {
  return PREFIXES.at(word, 0);
}
