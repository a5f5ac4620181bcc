import type { Span } from './person-names.ts';

/**
 * Latin-script company names in Chinese text, read only from verbs and nouns that take a company: THQ旗下,
 * 由Relic开发, 某某发行. A person does not own subsidiaries or publish games, so these cues are precise.
 */
const LATIN_ORG_BEFORE_CUE = /(?<![A-Za-z0-9&-])([A-Za-z][A-Za-z0-9&-]{1,19})(?=旗下|开发|研发|发行|出品)/g;

/** Call only for text with a Latin letter; the pattern itself is the scan (no cheaper pre-filter exists). */
export function latinOrganizations(text: string, taken: readonly Span[]): Span[] {
  const spans: Span[] = [];
  for (const match of text.matchAll(LATIN_ORG_BEFORE_CUE)) {
    const name = match[1] as string;
    // An all-lower-case word before 开发 is usually a technical term (java开发, web开发), not a company.
    if (name === name.toLowerCase()) continue;
    const start = match.index;
    const end = start + name.length;
    if (taken.some((s) => s.start < end && start < s.end)) continue;
    spans.push({ start, end, score: 0.5, type: 'organization' });
  }
  return spans;
}
