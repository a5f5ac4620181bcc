import type { DetectContext, Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { findChineseOrganizations } from './organizations.ts';
import { findChinesePersons } from './person-names.ts';

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
    const spans = [...findChineseOrganizations(text, tokens), ...findChinesePersons(text, tokens)];
    return spans.map((s) => ({ start: s.start, end: s.end, type: s.type, detector: ID, score: s.score }));
  },
};

/** Detectors for: person_name and organization in Chinese text. */
export const chineseEntityDetectors: readonly Detector[] = [chineseEntityDetector];
