/** Failed-attempt counter per key over a sliding window (in memory, bounded). */
export interface AttemptLimiter {
  /** Milliseconds until the key may try again; 0 when it may try now. */
  retryAfter(key: string): number;
  fail(key: string): void;
  reset(key: string): void;
}

export function createAttemptLimiter(options: {
  limit: number;
  windowMs: number;
  maxKeys?: number;
  now?: () => number;
}): AttemptLimiter {
  const { limit, windowMs } = options;
  const maxKeys = options.maxKeys ?? 10_000;
  const now = options.now ?? Date.now;
  const failures = new Map<string, number[]>();

  const recent = (key: string, t: number): number[] => {
    const list = (failures.get(key) ?? []).filter((at) => t - at < windowMs);
    if (list.length === 0) failures.delete(key);
    else failures.set(key, list);
    return list;
  };

  return {
    retryAfter(key) {
      const t = now();
      const list = recent(key, t);
      if (list.length < limit) return 0;
      return Math.max(1, list[list.length - limit]! + windowMs - t);
    },
    fail(key) {
      const t = now();
      const list = recent(key, t);
      list.push(t);
      failures.delete(key);
      failures.set(key, list.slice(-limit));
      if (failures.size > maxKeys) {
        // Oldest-inserted first; expired entries go before live ones.
        for (const k of failures.keys()) {
          if (failures.size <= maxKeys) break;
          failures.delete(k);
        }
      }
    },
    reset(key) {
      failures.delete(key);
    },
  };
}
