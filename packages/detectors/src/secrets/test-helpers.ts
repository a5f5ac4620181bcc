import type { DetectContext, Detector } from '../detector.ts';

export const CONTEXT: DetectContext = { lang: undefined, hasCjk: false, chineseTokens: () => [] };

/** The matched substrings, for readable assertions. */
export function spans(detector: Detector, text: string): string[] {
  return detector.detect(text, CONTEXT).map((f) => text.slice(f.start, f.end));
}

/** Time for one run, in ms. */
export function timeIt(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}

/** Asserts near-linear scaling: 10x input may cost at most `factor` x (generous for noisy CI). */
export function scalesLinearly(detector: Detector, unit: string, factor = 40): boolean {
  const small = unit.repeat(Math.ceil(100_000 / unit.length));
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
  detector.detect(small, CONTEXT);
  const tSmall = Math.max(
    1,
    timeIt(() => detector.detect(small, CONTEXT)),
  );
  const tBig = timeIt(() => detector.detect(big, CONTEXT));
  return tBig < tSmall * factor;
}
