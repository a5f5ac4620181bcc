import type { DetectContext, Detector } from '../detector.ts';

export const context: DetectContext = { lang: undefined, hasCjk: false, chineseTokens: () => [] };

/** The matched substrings, in order. */
export function spans(detector: Detector, text: string): string[] {
  return detector.detect(text, context).map((f) => text.slice(f.start, f.end));
}

export { scalingRatio } from '../test-support/scaling.ts';
