import { performance } from 'node:perf_hooks';

/**
 * How busy this thread's event loop has been (0–1), over windows of `windowMs`: the last complete window's
 * utilization, refreshed at most once per window, so asking costs next to nothing.
 */
export function eventLoopLoad(windowMs = 50): () => number {
  let mark = performance.eventLoopUtilization();
  let markedAt = performance.now();
  let load = 0;
  return () => {
    const now = performance.now();
    if (now - markedAt >= windowMs) {
      const current = performance.eventLoopUtilization();
      load = performance.eventLoopUtilization(current, mark).utilization;
      mark = current;
      markedAt = now;
    }
    return load;
  };
}
