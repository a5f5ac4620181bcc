import type { DetectContext, Detector } from '../detector.ts';
import { cpuMs } from '../test-support/cpu-time.ts';

export const CONTEXT: DetectContext = { lang: undefined, hasCjk: false, chineseTokens: () => [] };

/** The matched substrings, for readable assertions. */
export function spans(detector: Detector, text: string): string[] {
  return detector.detect(text, CONTEXT).map((f) => text.slice(f.start, f.end));
}

/** CPU time for one run, in ms (wall time is stretched at random by other processes on a shared machine). */
export const timeIt = cpuMs;

/**
 * Asserts near-linear scaling: 10x input may cost at most `factor` x. Small and large runs are
 * interleaved so a busy machine slows both alike; the large run keeps its fastest time and the small
 * one its median (a single freak-fast small run would otherwise inflate the ratio). A 1 MB run under
 * 150 ms cannot hide a quadratic pattern, so that case passes outright.
 */
export function scalesLinearly(detector: Detector, unit: string, factor = 40): boolean {
  const small = unit.repeat(Math.ceil(100_000 / unit.length));
  const big = unit.repeat(Math.ceil(1_000_000 / unit.length));
  detector.detect(small, CONTEXT);
  const smallTimes: number[] = [];
  let tBig = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    smallTimes.push(timeIt(() => detector.detect(small, CONTEXT)));
    tBig = Math.min(
      tBig,
      timeIt(() => detector.detect(big, CONTEXT)),
    );
    if (tBig < 150) return true;
  }
  smallTimes.sort((a, b) => a - b);
  return tBig < Math.max(1, smallTimes[2] ?? 1) * factor;
}
