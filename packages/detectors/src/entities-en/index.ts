import type { Detector } from '../detector.ts';
import type { EntityType, Finding } from '../types.ts';
import { analyzeEnglishEntities, type EntitySpan } from './analyze.ts';

/** Quick reject: without Latin letters there is nothing for this family to look at. */
const LATIN = /[A-Za-z\u00c0-\u024f]/;

// The person and organization detectors share one analysis per text; keep the last result.
let lastText: string | undefined;
let lastSpans: EntitySpan[] = [];

function spansFor(text: string): EntitySpan[] {
  if (text !== lastText) {
    lastSpans = LATIN.test(text) ? safeAnalyze(text) : [];
    lastText = text;
  }
  return lastSpans;
}

function safeAnalyze(text: string): EntitySpan[] {
  try {
    return analyzeEnglishEntities(text);
  } catch {
    // A detector must never throw; a missed span is better than a failed request.
    return [];
  }
}

function entityDetector(id: string, type: EntityType & EntitySpan['type']): Detector {
  return {
    id,
    types: [type],
    detect(text, context): Finding[] {
      const found: Finding[] = [];
      // In Chinese text, Latin fragments are mostly product names and handles: keep only confident spans.
      const minScore = context.hasCjk ? 0.6 : 0;
      for (const s of spansFor(text)) {
        if (s.type === type && s.score >= minScore)
          found.push({ start: s.start, end: s.end, type, detector: id, score: s.score });
      }
      return found;
    },
  };
}

/** Detectors for: person_name and organization in English (Latin-script) text. */
export const englishEntityDetectors: readonly Detector[] = [
  entityDetector('en.person', 'person_name'),
  entityDetector('en.organization', 'organization'),
];
