import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { NOT_IN_GIVEN_NAME, NOT_PERSON, TITLES_AFTER } from './cue-words.ts';
import { givenNameEvidence } from './given-names.ts';
import type { Span } from './person-names.ts';
import { isAmbiguousSurname, surnameLength } from './surnames.ts';
import { WORLD_PLACES } from './world-places.ts';

/**
 * Three-character names set off on their own in records, rosters and chats: `司机：牛建新 150…`,
 * `平台组 祁明远 地点：`, `SF1468… 段一鸣 150-0215-6638`, `【候选人 A】章浩然，29 岁`. jieba cuts such names into a
 * surname-like word and a given name it tags as an adjective, verb or place (章/q 浩然/a, 牛/n 建新/v), so the
 * token rules miss them; the layout is the evidence instead. The run must be exactly three Chinese characters
 * between field boundaries (spaces, colons, brackets, commas, bars, the text's edges), open with a surname and
 * have a given name of name characters; an everyday-character surname (高, 方, 牛 …) needs two common
 * given-name characters, and a run jieba knows as one everyday word (高可用) is that word.
 */

const CJK = /[\u4e00-\u9fff]/;
/** Characters that bound a field: whitespace, colons, brackets, commas, bars, slashes, quotes. */
const BOUNDARY = new Set(' \t\n\r：:，,、|｜/／【】[]()（）"“”'.split(''));
/** Last characters of places and units (张江路, 黄浦区, 王家村), never of a name. */
const PLACE_ENDS = new Set('区村镇路街乡县市省州巷弄湾岛山河湖桥港站园厂店部科组队处局'.split(''));
/** Tags of a whole-run token that still allow a name: jieba's name tags and its unknown-word tag. */
const NAME_TOKEN_TAGS: ReadonlySet<string> = new Set(['nr', 'nrfg', 'nrt', 'x']);

function isBoundary(text: string, at: number): boolean {
  return at < 0 || at >= text.length || BOUNDARY.has(text.charAt(at));
}

export function findIsolatedNames(text: string, tokens: readonly SegmentedToken[]): Span[] {
  const spans: Span[] = [];
  let k = 0;
  for (let i = 0; i < text.length; i++) {
    if (!CJK.test(text.charAt(i))) continue;
    let end = i;
    while (end < text.length && CJK.test(text.charAt(end))) end++;
    if (end - i === 3 && isBoundary(text, i - 1) && isBoundary(text, end)) {
      while (k < tokens.length && (tokens[k] as SegmentedToken).end <= i) k++;
      const first = tokens[k];
      const whole = first !== undefined && first.start === i && first.end === end ? first : undefined;
      if (isIsolatedName(text.slice(i, end), whole)) {
        spans.push({ start: i, end, score: 0.5, type: 'person_name' });
      }
    }
    i = end;
  }
  return spans;
}

/** `whole`: the token spanning exactly the run, if jieba read it as one word. */
function isIsolatedName(run: string, whole: SegmentedToken | undefined): boolean {
  if (surnameLength(run) !== 1 || NOT_PERSON.has(run) || WORLD_PLACES.has(run)) return false;
  if (PLACE_ENDS.has(run.charAt(2))) return false;
  const given = run.slice(1);
  if (TITLES_AFTER.has(given) || NOT_PERSON.has(given)) return false;
  for (const ch of given) if (ch !== '一' && NOT_IN_GIVEN_NAME.has(ch)) return false;
  // One dictionary word over the whole run (高可用/n, 张家界/ns) is that word.
  if (whole !== undefined && !NAME_TOKEN_TAGS.has(whole.tag)) return false;
  const evidence = givenNameEvidence(given);
  return isAmbiguousSurname(run.charAt(0)) ? evidence > 0 : evidence >= 0;
}
