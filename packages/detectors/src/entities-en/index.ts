import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { analyzeEnglishEntities } from './analyze.ts';

/**
 * Quick reject: without a Latin letter there is nothing for this family to look at. A char-code loop
 * (no regex) because it runs on every text, Chinese ones included.
 */
function hasLatinLetter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) | 32;
    if ((c >= 97 && c <= 122) || (c >= 0xe0 && c <= 0x24f)) return true;
  }
  return false;
}

/**
 * One detector reports both types: person and organization spans come out of the same tokenization and
 * run classification, so a single pass per text is guaranteed whatever order or caching the caller uses.
 */
export const englishEntityDetector: Detector = {
  id: 'en.entities',
  types: ['person_name', 'organization'],
  detect(text, context): Finding[] {
    if (!hasLatinLetter(text)) return [];
    // In Chinese text, Latin fragments are mostly product names and handles: keep only confident spans.
    const minScore = context.hasCjk ? 0.6 : 0;
    const found: Finding[] = [];
    try {
      for (const s of analyzeEnglishEntities(text)) {
        if (s.score >= minScore)
          found.push({ start: s.start, end: s.end, type: s.type, detector: 'en.entities', score: s.score });
      }
    } catch {
      // A detector must never throw; a missed span is better than a failed request.
      return [];
    }
    return found;
  },
};

/** Detectors for: person_name and organization in English (Latin-script) text. */
export const englishEntityDetectors: readonly Detector[] = [englishEntityDetector];
