import type { DetectContext, Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { findChineseOrganizations } from './organizations.ts';
import { findChinesePersons, type Span } from './person-names.ts';
import { repeatedMentions } from './repeated-mentions.ts';
import { isSportsText } from './sports.ts';

const ID = 'zh.entities';

/**
 * Person and organization names in Chinese text, from jieba tokens (shared via the context) plus rules.
 * One detector for both types because the person pass also yields clubs named in sports fixtures.
 * Overlaps between the two are left to the engine (longer span wins).
 */
export const chineseEntityDetector: Detector = {
  id: ID,
  types: ['person_name', 'organization'],
  detect(text: string, context: DetectContext): Finding[] {
    if (!context.hasCjk) return [];
    const tokens = context.chineseTokens();
    let sportsText: boolean | undefined;
    const sports = (): boolean => {
      sportsText ??= isSportsText(text);
      return sportsText;
    };
    const orgs = findChineseOrganizations(text, tokens, sports);
    const spans = [...orgs, ...withoutOverlaps(findChinesePersons(text, tokens, sports), orgs)];
    if (spans.length > 0) spans.push(...repeatedMentions(text, tokens, spans));
    return spans.map((s) => ({ start: s.start, end: s.end, type: s.type, detector: ID, score: s.score }));
  },
};

/**
 * Person spans overlapping an organization are dropped: the organization pass knows the clubs and brands.
 * Organizations come out sorted and disjoint, so one forward sweep suffices.
 */
function withoutOverlaps(persons: Span[], orgs: readonly Span[]): Span[] {
  if (orgs.length === 0) return persons;
  const sorted = persons.sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  let o = 0;
  for (const p of sorted) {
    while (o < orgs.length && (orgs[o] as Span).end <= p.start) o += 1;
    const org = orgs[o];
    if (!org || org.start >= p.end) kept.push(p);
  }
  return kept;
}

/** Detectors for: person_name and organization in Chinese text. */
export const chineseEntityDetectors: readonly Detector[] = [chineseEntityDetector];
