/**
 * Recently seen ASCII words, lower-cased, with their lexicon flags, in a small direct-mapped table probed
 * with a range of the text's code units: a word seen before needs no slice, no lower-casing and no lookup
 * in the 60k-entry lexicon map, whose probes miss the CPU cache. Text repeats its words, so a few thousand
 * slots answer most of them (on the synthetic 4 KB chat messages about 99% of capitalized and lower-case
 * words; on the varied eval texts two thirds of capitalized and four fifths of lower-case words). Flags of
 * a word remembered from its lower-case form may still be unknown (-1, see tokenize.ts).
 */
const SLOTS = 4096;
/**
 * Shorter slices are copies; longer ones would reference (and keep alive) the whole text they came from,
 * so they are not kept.
 */
const MAX_KEPT = 12;

/** Entries of {@link WordCache.chars} per slot (at least MAX_KEPT). */
const STRIDE = 16;

export class WordCache {
  private readonly keys: string[] = new Array<string>(SLOTS).fill('');
  /**
   * Each slot's key again, as lengths and ASCII codes in flat typed arrays: a probe compares against these
   * instead of loading the key string (a cache miss somewhere in the heap, then a charCodeAt per letter).
   */
  private readonly lengths = new Uint8Array(SLOTS);
  private readonly chars = new Uint8Array(SLOTS * STRIDE);
  private readonly flagsOf = new Int32Array(SLOTS);
  /** The slot the last {@link find} probed: where {@link remember} stores the word it missed. */
  private slot = 0;

  /**
   * The slot holding the lower-cased code units codes[start, end) of a text, or -1 (not there) or -2 (the
   * range has a non-ASCII character, not handled here). The range must be a word token: for ASCII
   * letters, hyphens and apostrophes `c | 32` is the lower-case code unit.
   */
  find(codes: Uint16Array, start: number, end: number): number {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) {
      const c = codes[i] as number;
      if (c > 0x7f) return -2;
      h = Math.imul(h ^ (c | 32), 0x01000193);
    }
    const slot = (h ^ (h >>> 15)) & (SLOTS - 1);
    this.slot = slot;
    const len = end - start;
    if (this.lengths[slot] !== len) return -1;
    const chars = this.chars;
    const base = slot * STRIDE - start;
    for (let i = start; i < end; i++) if (chars[base + i] !== ((codes[i] as number) | 32)) return -1;
    return slot;
  }

  /** Stores a word {@link find} just missed (it must be the lower-cased form of that range). */
  remember(lower: string, flags: number): void {
    if (lower.length > MAX_KEPT) return;
    const slot = this.slot;
    this.keys[slot] = lower;
    this.flagsOf[slot] = flags;
    this.lengths[slot] = lower.length;
    for (let k = 0; k < lower.length; k++) this.chars[slot * STRIDE + k] = lower.charCodeAt(k);
  }

  setFlags(slot: number, flags: number): void {
    this.flagsOf[slot] = flags;
  }

  key(slot: number): string {
    return this.keys[slot] as string;
  }

  flags(slot: number): number {
    return this.flagsOf[slot] as number;
  }
}
