import type { DetectContext, Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { handleOrganizations } from './handle-orgs.ts';
import { findIsolatedNames } from './isolated-names.ts';
import { listedOrganizations } from './listed-orgs.ts';
import { findNameFields } from './name-fields.ts';
import { findChineseOrganizations, isBrandOfProduct } from './organizations.ts';
import { findChinesePersons, type Span } from './person-names.ts';
import { namesContest } from './product-names.ts';
import { repeatedMentions } from './repeated-mentions.ts';
import { isSportsText } from './sports.ts';
import { findTitledSurnames } from './titled-surnames.ts';

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
    let orgs = findChineseOrganizations(text, tokens, sports);
    if (text.includes('@')) orgs = withHandleOrganizations(orgs, handleOrganizations(text));
    const persons = findChinesePersons(text, tokens, sports).filter(
      (p) => !isBrandOfProduct(text, p.start, p.end) && !namesContest(text, p.end),
    );
    if (orgs.length > 0 && text.includes('、')) addListedOrganizations(text, tokens, orgs, persons);
    const extra = [
      ...findTitledSurnames(text, tokens),
      ...findNameFields(text),
      ...findIsolatedNames(text, tokens),
    ];
    if (extra.length > 0) persons.push(...uncovered(extra, persons));
    const spans = [...orgs, ...withoutOverlaps(persons, orgs)];
    if (spans.length > 0) spans.push(...repeatedMentions(text, tokens, spans));
    return spans.map((s) => ({ start: s.start, end: s.end, type: s.type, detector: ID, score: s.score }));
  },
};

/** A mention handle naming an organization is its whole name: it replaces the organizations found inside it. */
function withHandleOrganizations(orgs: Span[], handles: Span[]): Span[] {
  if (handles.length === 0) return orgs;
  const kept = orgs.filter((o) => !handles.some((h) => h.start < o.end && o.start < h.end));
  return [...kept, ...handles].sort((a, b) => a.start - b.start);
}

/** Adds the name-like neighbours of organizations in 、-lists to `orgs` (kept sorted). */
function addListedOrganizations(
  text: string,
  tokens: ReturnType<DetectContext['chineseTokens']>,
  orgs: Span[],
  persons: readonly Span[],
): void {
  const taken = [...orgs, ...persons].sort((a, b) => a.start - b.start);
  const listed = listedOrganizations(text, tokens, orgs, taken);
  if (listed.length === 0) return;
  orgs.push(...listed);
  orgs.sort((a, b) => a.start - b.start);
}

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

/** Spans of `extra` that overlap no span of `base`; both sorted here, so one sweep suffices. */
function uncovered(extra: Span[], base: Span[]): Span[] {
  const sortedBase = [...base].sort((a, b) => a.start - b.start);
  const kept: Span[] = [];
  let b = 0;
  let reach = -1; // furthest end among base spans starting before the current extra span ends
  for (const span of extra.sort((x, y) => x.start - y.start)) {
    while (b < sortedBase.length && (sortedBase[b] as Span).start < span.end) {
      reach = Math.max(reach, (sortedBase[b] as Span).end);
      b += 1;
    }
    if (reach <= span.start) kept.push(span);
  }
  return kept;
}

/** Detectors for: person_name and organization in Chinese text. */
export const chineseEntityDetectors: readonly Detector[] = [chineseEntityDetector];
