import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import { hasRoleBefore } from './cue-words.ts';
import { BRAND_HEADS } from './organization-words.ts';
import type { Span } from './person-names.ts';

/** Tags of a word that makes a list item a name: unknown words, names, places, abbreviations, organizations. */
const NAME_TAGS: ReadonlySet<string> = new Set(['x', 'nz', 'nr', 'nrt', 'nrfg', 'ns', 'j', 'nt']);
/** Tags that end an item: grammar, numbers, time and direction words, verbs. */
const BREAK_TAGS = /^(?:[pcrmqtfdyeouvk]|u|vn$)/;
const CJK_WORD = /^[\u3400-\u9fff\uf900-\ufaff]+$/;
const MAX_ITEM_TOKENS = 3;
const MAX_ITEM_CHARS = 8;
const SEPARATOR = '、';

interface Item {
  first: number;
  last: number;
}

function isItemToken(token: SegmentedToken): boolean {
  return CJK_WORD.test(token.word) && !BREAK_TAGS.test(token.tag) && !hasRoleBefore(token);
}

/**
 * Is the item a short company name by its own words: a name-tagged or unknown word that is not a lone place
 * (中国、美国 are countries), or a brand before an industry word?
 */
function isNameLike(tokens: readonly SegmentedToken[], item: Item): boolean {
  const last = tokens[item.last] as SegmentedToken;
  if (item.last > item.first && BRAND_HEADS.has(last.word)) return true;
  for (let k = item.first; k <= item.last; k++) {
    const t = tokens[k] as SegmentedToken;
    if (t.word.length < 2 || !NAME_TAGS.has(t.tag)) continue;
    if (t.tag !== 'ns' || item.last > item.first) return true;
  }
  return false;
}

/** The item ending at token `end` (exclusive of the separator after it), walking left. */
function itemEndingAt(tokens: readonly SegmentedToken[], end: number, floor: number): Item | undefined {
  let first = end + 1;
  let chars = 0;
  while (first - 1 >= floor && end - first + 1 < MAX_ITEM_TOKENS) {
    const t = tokens[first - 1] as SegmentedToken;
    if (!isItemToken(t) || chars + t.word.length > MAX_ITEM_CHARS) break;
    if (first <= end && t.end !== (tokens[first] as SegmentedToken).start) break;
    chars += t.word.length;
    first -= 1;
  }
  return first <= end ? { first, last: end } : undefined;
}

/** The item starting at token `start`, walking right up to the next separator or non-name word. */
function itemStartingAt(tokens: readonly SegmentedToken[], start: number): Item | undefined {
  let last = start - 1;
  let chars = 0;
  while (last + 1 < tokens.length && last - start + 1 < MAX_ITEM_TOKENS) {
    const t = tokens[last + 1] as SegmentedToken;
    if (!isItemToken(t) || chars + t.word.length > MAX_ITEM_CHARS) break;
    if (last >= start && (tokens[last] as SegmentedToken).end !== t.start) break;
    chars += t.word.length;
    last += 1;
  }
  return last >= start ? { first: start, last } : undefined;
}

/** Words that close a list or its last item: 某某、某某等, 某某和某某, punctuation, a role (某某独立董事). */
const LIST_END_WORDS: ReadonlySet<string> = new Set([SEPARATOR, '等', '等等', '及', '和', '与', '以及']);

function endsItem(next: SegmentedToken | undefined): boolean {
  if (next === undefined || LIST_END_WORDS.has(next.word)) return true;
  return !CJK_WORD.test(next.word) || hasRoleBefore(next);
}

/** Are tokens [from, to) one to three CJK words, contiguous (the stretch between two separators)? */
function isShortRun(tokens: readonly SegmentedToken[], from: number, to: number): boolean {
  if (to - from < 1 || to - from > MAX_ITEM_TOKENS) return false;
  for (let k = from; k < to; k++) if (!CJK_WORD.test((tokens[k] as SegmentedToken).word)) return false;
  return true;
}

/**
 * Items of a 、-list whose neighbour is an organization are organizations too when they look like names:
 * 某某科技、宁波某某、某某电气. One pass over the separators builds the chains of adjacent items; a chain holding
 * an organization promotes its name-like items. `spans` are the organizations found so far (sorted, disjoint);
 * `taken` are all spans (persons too) an item must not overlap. Linear in the number of tokens.
 */
export function listedOrganizations(
  text: string,
  tokens: readonly SegmentedToken[],
  spans: readonly Span[],
  taken: readonly Span[],
): Span[] {
  if (spans.length === 0 || !text.includes(SEPARATOR)) return [];
  const found: Span[] = [];
  let chain: { item: Item; org: boolean; candidate: boolean }[] = [];
  let orgIndex = 0;
  let takenIndex = 0;
  const flush = (): void => {
    if (chain.some((c) => c.org)) {
      for (const c of chain) {
        if (!c.candidate) continue;
        const start = (tokens[c.item.first] as SegmentedToken).start;
        const end = (tokens[c.item.last] as SegmentedToken).end;
        found.push({ start, end, score: 0.5, type: 'organization' });
      }
    }
    chain = [];
  };
  const classify = (item: Item, whole: boolean): { item: Item; org: boolean; candidate: boolean } => {
    const start = (tokens[item.first] as SegmentedToken).start;
    const end = (tokens[item.last] as SegmentedToken).end;
    while (orgIndex < spans.length && (spans[orgIndex] as Span).end <= start) orgIndex += 1;
    while (takenIndex < taken.length && (taken[takenIndex] as Span).end <= start) takenIndex += 1;
    const org = spans[orgIndex];
    const isOrg = org !== undefined && org.start < end && (org.start === start || org.end === end);
    let overlaps = false;
    for (let k = takenIndex; k < taken.length && (taken[k] as Span).start < end; k++) overlaps = true;
    return { item, org: isOrg, candidate: whole && !isOrg && !overlaps && isNameLike(tokens, item) };
  };
  let prevSeparator = -1;
  let floor = 0;
  for (let j = 0; j < tokens.length; j++) {
    if ((tokens[j] as SegmentedToken).word !== SEPARATOR) continue;
    // A short run of words since the previous separator (an item, 某某得 too) keeps the list going.
    if (prevSeparator < 0 || !isShortRun(tokens, prevSeparator + 1, j)) {
      flush();
      const left = itemEndingAt(tokens, j - 1, floor);
      if (left) chain.push(classify(left, true));
    }
    prevSeparator = j;
    floor = j + 1;
    const right = itemStartingAt(tokens, j + 1);
    if (right) chain.push(classify(right, endsItem(tokens[right.last + 1])));
  }
  flush();
  return found;
}
