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
