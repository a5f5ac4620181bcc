import type { RehydrateOptions, Vault } from './vault.ts';

/**
 * Rehydrates a text that arrives in pieces (SSE deltas, network reads). It holds back only a tail that
 * could still become a minted placeholder — never more than the longest placeholder minus one
 * character — so time-to-first-token is untouched for text without placeholders.
 */
export class StreamRehydrator {
  #pending = '';
  readonly #vault: Vault;
  readonly #options: RehydrateOptions;
  /** Placeholders restored so far. */
  restored = 0;

  /** The caller's options with this rehydrator's own counter, built once rather than per delta. */
  readonly #counted = { restored: 0 };
  readonly #rehydrateOptions: RehydrateOptions;

  constructor(vault: Vault, options: RehydrateOptions = {}) {
    this.#vault = vault;
    this.#options = options;
    this.#rehydrateOptions = { ...options, stats: this.#counted };
  }

  /** Feeds the next piece; returns the text that is safe to emit now. */
  push(piece: string): string {
    const buffer = this.#pending + piece;
    const cut = this.#incompleteTailStart(buffer);
    this.#pending = buffer.slice(cut);
    return this.#emit(buffer.slice(0, cut));
  }

  /** Ends the channel: whatever is held back is emitted as it is (rehydrated where complete). */
  flush(): string {
    const rest = this.#pending;
    this.#pending = '';
    return this.#emit(rest);
  }

  get pendingLength(): number {
    return this.#pending.length;
  }

  #emit(text: string): string {
    if (text.length === 0) return text;
    // One scan that restores and counts (counting first was a second scan of every delta).
    const before = this.#counted.restored;
    const out = this.#vault.rehydrate(text, this.#rehydrateOptions);
    const restored = this.#counted.restored - before;
    this.restored += restored;
    if (this.#options.stats) this.#options.stats.restored += restored;
    return out;
  }

  /** Index where an unfinished minted placeholder may begin, or buffer.length when there is none. */
  #incompleteTailStart(buffer: string): number {
    if (this.#vault.size === 0) return buffer.length;
    let longest = 0;
    for (const placeholder of this.#vault.placeholders()) longest = Math.max(longest, placeholder.length);
    const windowStart = Math.max(0, buffer.length - (longest - 1));
    for (let i = buffer.indexOf('[', windowStart); i >= 0; i = buffer.indexOf('[', i + 1)) {
      const tail = buffer.slice(i).toUpperCase();
      for (const placeholder of this.#vault.placeholders()) {
        if (tail.length < placeholder.length && placeholder.startsWith(tail)) return i;
      }
    }
    return buffer.length;
  }
}
