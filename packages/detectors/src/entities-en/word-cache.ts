/**
 * Recently seen capitalized ASCII words with their lexicon flags, in a small direct-mapped table probed
 * with a range of the text: a word seen before needs no slice, no lower-casing and no lookup in the
 * 60k-entry lexicon map, whose probes miss the CPU cache. Chat text repeats its names and capitalized
 * words, so a few thousand slots answer most of them (about 99% on the synthetic 4 KB chat messages,
 * two thirds on the varied eval texts).
 */
const SLOTS = 4096;
/**
 * Shorter slices are copies; longer ones would reference (and keep alive) the whole text they came from,
 * so they are not kept.
 */
const MAX_KEPT = 12;

export class WordCache {
  private readonly keys: string[] = new Array<string>(SLOTS).fill('');
  private readonly flagsOf = new Int32Array(SLOTS);
  /** The slot the last {@link find} probed: where {@link remember} stores the word it missed. */
  private slot = 0;

  /**
   * The slot holding the lower-cased text[start, end), or -1 (not there) or -2 (the range has a non-ASCII
   * character, not handled here). The range must be a word token: for ASCII letters, hyphens and
   * apostrophes `c | 32` is the lower-case code unit.
   */
  find(text: string, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) return -2;
      h = Math.imul(h ^ (c | 32), 0x01000193);
    }
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    this.slot = slot;
    const key = this.keys[slot] as string;
    const len = end - start;
    if (key.length !== len) return -1;
    for (let k = 0; k < len; k++) if (key.charCodeAt(k) !== (text.charCodeAt(start + k) | 32)) return -1;
    return slot;
  }

  /** Stores a word {@link find} just missed (it must be the lower-cased form of that range). */
  remember(lower: string, flags: number): void {
    if (lower.length > MAX_KEPT) return;
    this.keys[this.slot] = lower;
    this.flagsOf[this.slot] = flags;
  }

  key(slot: number): string {
    return this.keys[slot] as string;
  }

  flags(slot: number): number {
    return this.flagsOf[slot] as number;
  }
}
