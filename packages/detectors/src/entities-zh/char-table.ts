/**
 * A set of BMP characters as a 64 KB lookup table. Looking up `charCodeAt` in it avoids the string
 * allocation and hashing that `Set<string>.has(word.charAt(k))` costs for CJK characters, which matters
 * on the per-token hot paths.
 */
export class CharTable {
  private readonly table = new Uint8Array(0x10000);

  constructor(chars: Iterable<string>) {
    for (const ch of chars) if (ch.length === 1) this.table[ch.charCodeAt(0)] = 1;
  }

  /** Is the UTF-16 unit at `index` of `text` in the set? False past the end. */
  at(text: string, index: number): boolean {
    // Past the end charCodeAt gives NaN, which indexes nothing: the comparison is then false.
    return this.table[text.charCodeAt(index)] === 1;
  }

  /** Does every unit of `word` belong to the set (false for the empty string)? */
  all(word: string): boolean {
    if (word.length === 0) return false;
    for (let k = 0; k < word.length; k++) if (this.table[word.charCodeAt(k)] !== 1) return false;
    return true;
  }
}

/** A 16-bit hash of the two UTF-16 units at `index` (past the end counts as 0). */
function pairHash(text: string, index: number): number {
  return ((text.charCodeAt(index) * 31) ^ text.charCodeAt(index + 1)) & 0xffff;
}

/**
 * A set of two-character prefixes as a 64 KB hashed table: one typed-array load per test, no false negatives
 * and rare false positives, so callers confirm a hit with an exact lookup. Used on every token.
 */
export class PairTable {
  private readonly table = new Uint8Array(0x10000);

  constructor(words: Iterable<string>) {
    for (const word of words) if (word.length >= 2) this.table[pairHash(word, 0)] = 1;
  }

  /** May a listed prefix start at `index` of `text`? */
  at(text: string, index: number): boolean {
    return this.table[pairHash(text, index)] === 1;
  }
}
