import type { DetectContext, Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { findChineseOrganizations } from './organizations.ts';
import { findChinesePersons } from './person-names.ts';

/** Person names in Chinese text (surname + given name, transliterated names), from jieba tokens + rules. */
export const chinesePersonDetector: Detector = {
  id: 'zh.person',
  types: ['person_name'],
  detect(text: string, context: DetectContext): Finding[] {
    if (!context.hasCjk) return [];
    return findChinesePersons(text, context.chineseTokens()).map((s) => ({
      start: s.start,
      end: s.end,
      type: 'person_name',
      detector: 'zh.person',
      score: s.score,
    }));
  },
};

/** Organization names in Chinese text (…公司, …大学, …局, well-known names). */
export const chineseOrganizationDetector: Detector = {
  id: 'zh.organization',
  types: ['organization'],
  detect(text: string, context: DetectContext): Finding[] {
    if (!context.hasCjk) return [];
    return findChineseOrganizations(text, context.chineseTokens()).map((s) => ({
      start: s.start,
      end: s.end,
      type: 'organization',
      detector: 'zh.organization',
      score: s.score,
    }));
  },
};

/** Detectors for: person_name and organization in Chinese text. */
export const chineseEntityDetectors: readonly Detector[] = [chinesePersonDetector, chineseOrganizationDetector];
