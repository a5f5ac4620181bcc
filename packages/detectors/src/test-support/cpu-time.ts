/**
 * CPU milliseconds this process spends running `fn`. Scaling checks use it instead of wall time: on a
 * shared 2-core CI machine other processes stretch wall time at random, never this process's CPU time.
 */
export function cpuMs(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Fastest of `runs` CPU timings: one run that paid for a GC or a JIT tier-up must not decide a check. */
export function bestCpuMs(fn: () => void, runs: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < runs; r++) best = Math.min(best, cpuMs(fn));
  return best;
}
