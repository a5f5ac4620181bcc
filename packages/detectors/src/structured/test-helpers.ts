import type { DetectContext, Detector } from '../detector.ts';
import { bestCpuMs } from '../test-support/cpu-time.ts';

export const context: DetectContext = { lang: undefined, hasCjk: false, chineseTokens: () => [] };

/** The matched substrings, in order. */
export function spans(detector: Detector, text: string): string[] {
  return detector.detect(text, context).map((f) => text.slice(f.start, f.end));
}

/**
 * How much slower `fn` runs on `large` (10x longer) than on `small`. A near-linear detector's ratio
 * stays near 10; a quadratic one goes to ~100. When the large run is itself fast (< 150 ms for inputs
 * up to a few MB, far from what any quadratic pattern could do on them) timer noise on the tiny small
 * run dominates the ratio, so that case reports the linear ratio of 10.
 */
export function scalingRatio(fn: (text: string) => unknown, small: string, large: string): number {
  // CPU time, not wall time: other processes on a shared machine stretch the latter at random.
  const best = (input: string, runs: number): number =>
    Math.max(
      bestCpuMs(() => fn(input), runs),
      0.05,
    );
  best(small, 2); // warm up the JIT
  const largeMs = best(large, 2);
  if (largeMs < 150) return 10;
  return largeMs / best(small, 5);
}
