import { bestCpuMs } from './cpu-time.ts';

/**
 * How much slower `fn` runs on `large` (10x longer) than on `small`. A near-linear detector's ratio
 * stays near 10; a quadratic one goes to ~100. When the large run is itself fast (< `fastMs` for inputs
 * up to a few MB, far from what any quadratic pattern could do on them) timer noise on the tiny small
 * run dominates the ratio, so that case reports the linear ratio of 10.
 *
 * A single measurement can land a major GC (hundreds of thousands of findings on the large input) and
 * read 40–50 for a linear detector, so an unexpectedly high ratio is measured again, up to three
 * times, and the lowest one counts. A quadratic detector reads ~100 on every attempt, so it still fails.
 */
export function scalingRatio(
  fn: (text: string) => unknown,
  small: string,
  large: string,
  fastMs = 150,
): number {
  let lowest = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && lowest >= 25; attempt++) {
    lowest = Math.min(lowest, measureScaling(fn, small, large, fastMs));
  }
  return lowest;
}

function measureScaling(fn: (text: string) => unknown, small: string, large: string, fastMs: number): number {
  // CPU time, not wall time: other processes on a shared machine stretch the latter at random.
  const best = (input: string, runs: number): number =>
    Math.max(
      bestCpuMs(() => fn(input), runs),
      0.05,
    );
  best(small, 2); // warm up the JIT
  const largeMs = best(large, 2);
  if (largeMs < fastMs) return 10;
  return largeMs / best(small, 5);
}
