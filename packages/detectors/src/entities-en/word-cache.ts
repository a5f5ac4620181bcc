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

/** The slot of a word of length `len` with these lower-case letters (first, second, middle, last two). */
function slotOf(len: number, a: number, b: number, m: number, y: number, z: number): number {
  let h = Math.imul(len, 0x9e3779b1) ^ a;
  h = Math.imul(h, 0x01000193) ^ m;
  h = Math.imul(h, 0x01000193) ^ y;
  h = Math.imul(h, 0x01000193) ^ z;
  h = Math.imul(h, 0x01000193) ^ b;
  return (h ^ (h >>> 15)) & (SLOTS - 1);
}

/** Entries of {@link WordCache.chars} per slot (at least MAX_KEPT + 1), a quarter of a cache line. */
const STRIDE = 16;

export class WordCache {
  private readonly keys: string[] = new Array<string>(SLOTS).fill('');
  /**
   * Each slot's key again, as its length and then its ASCII codes, in one flat typed array: a probe reads
   * one cache line there instead of loading the key string (a cache miss somewhere in the heap, then a
   * charCodeAt per letter).
   */
  private readonly chars = new Uint8Array(SLOTS * STRIDE);
  private readonly flagsOf = new Int32Array(SLOTS);
  /** The slot the last {@link find} probed: where {@link remember} stores the word it missed. */
  private slot = 0;

  /**
   * The slot holding the lower-cased code units codes[start, end) of a text, or -1 (not there). The range
   * must be an ASCII word token (letters, hyphens and apostrophes, for which `c | 32` is the lower-case
   * code unit); the tokenizer knows that while scanning, so no pass here checks it.
   */
  find(codes: Uint16Array, start: number, end: number): number {
    // The slot from the length and a few letters, not a loop over the word: the comparison below reads
    // every letter anyway.
    const len = end - start;
    const two = len > 1;
    const slot = slotOf(
      len,
      (codes[start] as number) | 32,
      two ? (codes[start + 1] as number) | 32 : 0,
      (codes[start + (len >> 1)] as number) | 32,
      two ? (codes[end - 2] as number) | 32 : 0,
      (codes[end - 1] as number) | 32,
    );
    this.slot = slot;
    const chars = this.chars;
    if (chars[slot * STRIDE] !== len) return -1;
    const base = slot * STRIDE + 1 - start;
    for (let i = start; i < end; i++) if (chars[base + i] !== ((codes[i] as number) | 32)) return -1;
    return slot;
  }

  /** Stores a word {@link find} just missed (it must be the lower-cased form of that range). */
  remember(lower: string, flags: number): void {
    if (lower.length > MAX_KEPT) return;
    const slot = this.slot;
    this.keys[slot] = lower;
    this.flagsOf[slot] = flags;
    this.chars[slot * STRIDE] = lower.length;
    for (let k = 0; k < lower.length; k++) this.chars[slot * STRIDE + 1 + k] = lower.charCodeAt(k);
  }

  /** The slot holding `lower` (a word's lower-case form, as stored), or -1. */
  slotOfWord(lower: string): number {
    const len = lower.length;
    if (len === 0 || len > MAX_KEPT) return -1;
    const two = len > 1;
    const slot = slotOf(
      len,
      lower.charCodeAt(0),
      two ? lower.charCodeAt(1) : 0,
      lower.charCodeAt(len >> 1),
      two ? lower.charCodeAt(len - 2) : 0,
      lower.charCodeAt(len - 1),
    );
    return this.keys[slot] === lower ? slot : -1;
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
