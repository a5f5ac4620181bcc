import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import type { Span } from './person-names.ts';
import { productFollows } from './product-names.ts';

/** Tags of a single token that can be a name on its own: names, places, organizations, abbreviations, unknown. */
const NAME_TAGS: ReadonlySet<string> = new Set([
  'nr',
  'nrt',
  'nrfg',
  'ns',
  'nt',
  'nz',
  'j',
  'x',
  'eng',
  'zg',
]);
/** Shorter names (a surname alone: 马先生) are too ambiguous to look for elsewhere in the text. */
const MIN_CHARS = 2;

/**
 * Other mentions of a name the rules found once in the same text: a cue is often given only at the first
 * mention (某某先生说…，某某认为…), and a company named in one clause is the same company in the next. A repeat
 * counts only where it starts and ends on jieba token boundaries, so a name is not found inside a longer word.
 * Returns the new spans (disjoint from `spans`), sorted by offset.
 */
export function repeatedMentions(
  text: string,
  tokens: readonly SegmentedToken[],
  spans: readonly Span[],
): Span[] {
  const names = new Map<string, Span>();
  for (const span of spans) {
    if (span.end - span.start < MIN_CHARS) continue;
    const name = text.slice(span.start, span.end);
    // Most names occur once: skip them before any bookkeeping (one scan of the text in all).
    if (
      text.indexOf(name, span.end) < 0 &&
      (span.start < name.length || text.lastIndexOf(name, span.start - name.length) < 0)
    )
      continue;
    if (!names.has(name)) names.set(name, span);
  }
  if (names.size === 0) return [];
  const taken = (start: number, end: number, list: readonly Span[]): boolean =>
    list.some((s) => s.start < end && start < s.end);
  const found: Span[] = [];
  for (const [name, first] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (taken(at, end, spans) || taken(at, end, found)) continue;
      const k = tokenAt(tokens, at);
      const token = tokens[k];
      if (!token || token.start !== at || !endsOnBoundary(tokens, k, end)) continue;
      // One everyday dictionary word (投资/vn) is no name, whatever span it once ended up in.
      if (token.end === end && !NAME_TAGS.has(token.tag)) continue;
      // The company named elsewhere is here the brand of a product: 腾讯的企业微信 … 腾讯云.
      if (first.type === 'organization' && productFollows(text, end)) continue;
      found.push({ start: at, end, score: first.score, type: first.type });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Index of the last token starting at or before `pos` (tokens are sorted by offset), or -1. */
function tokenAt(tokens: readonly SegmentedToken[], pos: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as SegmentedToken).start <= pos) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return best;
}

/** Does some token from index `k` on end exactly at `end`? */
function endsOnBoundary(tokens: readonly SegmentedToken[], k: number, end: number): boolean {
  for (let j = k; j < tokens.length; j++) {
    const tokenEnd = (tokens[j] as SegmentedToken).end;
    if (tokenEnd >= end) return tokenEnd === end;
  }
  return false;
}
