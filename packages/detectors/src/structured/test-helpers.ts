import type { DetectContext, Detector } from '../detector.ts';

export const context: DetectContext = { lang: undefined, hasCjk: false, chineseTokens: () => [] };

/** The matched substrings, in order. */
export function spans(detector: Detector, text: string): string[] {
  return detector.detect(text, context).map((f) => text.slice(f.start, f.end));
}

/**
 * CPU milliseconds to run `fn` on `small` and on `large` (10x longer). A near-linear detector's
 * ratio stays near 10; a quadratic one goes to ~100.
 */
export function scalingRatio(fn: (text: string) => unknown, small: string, large: string): number {
  const best = (input: string, runs: number): number => {
    let min = Number.POSITIVE_INFINITY;
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      fn(input);
      min = Math.min(min, performance.now() - start);
    }
    return Math.max(min, 0.05);
  };
  best(small, 2); // warm up the JIT
  return best(large, 2) / best(small, 5);
}
