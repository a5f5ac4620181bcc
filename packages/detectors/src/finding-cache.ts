import { createHmac, randomBytes } from 'node:crypto';
import type { Finding } from './types.ts';

/**
 * A bounded LRU of detection results for texts seen before (resent chat history). Keys are an HMAC
 * of the text under a per-process random key, so the cache holds no raw text and its keys cannot be
 * matched against guessed values by anyone who reads memory dumps or metrics without the key.
 */
export class FindingCache {
  readonly #key = randomBytes(32);
  readonly #entries = new Map<string, readonly Finding[]>();
  readonly #maxEntries: number;
  hits = 0;
  misses = 0;

  constructor(maxEntries: number) {
    this.#maxEntries = maxEntries;
  }

  keyOf(text: string): string {
    return createHmac('sha256', this.#key).update(text).digest('base64');
  }

  get(key: string): readonly Finding[] | undefined {
    const found = this.#entries.get(key);
    if (found === undefined) {
      this.misses++;
      return undefined;
    }
    // Re-insert to mark as most recently used.
    this.#entries.delete(key);
    this.#entries.set(key, found);
    this.hits++;
    return found;
  }

  set(key: string, findings: readonly Finding[]): void {
    if (this.#maxEntries <= 0) return;
    this.#entries.delete(key);
    this.#entries.set(key, findings);
    if (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest !== undefined) this.#entries.delete(oldest);
    }
  }

  get size(): number {
    return this.#entries.size;
  }
}
