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
  const names = namesSeenTwice(text, spans);
  if (names.size === 0) return [];
  // Characters already inside a span: a check costs the name's length, not the number of spans.
  const covered = new Uint8Array(text.length);
  for (const span of spans) covered.fill(1, span.start, span.end);
  const taken = (start: number, end: number): boolean => {
    for (let k = start; k < end; k++) if (covered[k] === 1) return true;
    return false;
  };
  const found: Span[] = [];
  for (const [name, first] of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (taken(at, end)) continue;
      const k = tokenAt(tokens, at);
      const token = tokens[k];
      if (!token || token.start !== at || !endsOnBoundary(tokens, k, end)) continue;
      // One everyday dictionary word (投资/vn) is no name, whatever span it once ended up in.
      if (token.end === end && !NAME_TAGS.has(token.tag)) continue;
      // The company named elsewhere is here the brand of a product: 腾讯的企业微信 … 腾讯云.
      if (first.type === 'organization' && productFollows(text, end)) continue;
      found.push({ start: at, end, score: first.score, type: first.type });
      covered.fill(1, at, end);
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Marks the first UTF-16 unit of every name being counted; reset after each call. */
const FIRST_UNITS = new Uint8Array(0x10000);

/**
 * The names (first span of each) that occur at least twice in the text. Most names occur once, so this one
 * pass over the text, with a table test per character, replaces one text scan per span.
 */
function namesSeenTwice(text: string, spans: readonly Span[]): Map<string, Span> {
  const first = new Map<string, Span>();
  const byUnit = new Map<number, string[]>();
  for (const span of spans) {
    if (span.end - span.start < MIN_CHARS) continue;
    const name = text.slice(span.start, span.end);
    if (first.has(name)) continue;
    first.set(name, span);
    const unit = name.charCodeAt(0);
    FIRST_UNITS[unit] = 1;
    const list = byUnit.get(unit);
    if (list) list.push(name);
    else byUnit.set(unit, [name]);
  }
  const counts = new Map<string, number>();
  if (first.size > 0) {
    for (let k = 0; k < text.length; k++) {
      const unit = text.charCodeAt(k);
      if (FIRST_UNITS[unit] !== 1) continue;
      for (const name of byUnit.get(unit) as string[])
        if (text.startsWith(name, k)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  for (const unit of byUnit.keys()) FIRST_UNITS[unit] = 0;
  const repeated = new Map<string, Span>();
  for (const [name, span] of first) if ((counts.get(name) ?? 0) >= 2) repeated.set(name, span);
  return repeated;
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
