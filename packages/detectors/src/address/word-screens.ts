/**
 * Allocation-free word tests for the per-token hot paths of the address parser. Most words in a text are
 * not street words, so these answer "no" after a character or two instead of hashing the word into a set
 * or running a suffix regex at every position of it.
 */

/** A set of lower-case words behind a (first character, length) screen; `has` equals `Set.has`. */
export class ScreenedWords {
  private readonly words: ReadonlySet<string>;
  /** Per ASCII first character: a bit per word length (lengths of 31 and more share bit 31). */
  private readonly asciiLengths = new Uint32Array(128);
  private readonly otherFirst = new Set<number>();

  constructor(words: Iterable<string>) {
    this.words = new Set(words);
    for (const w of this.words) {
      const c = w.charCodeAt(0);
      if (c < 128) this.asciiLengths[c] = (this.asciiLengths[c] as number) | lengthBit(w.length);
      else this.otherFirst.add(c);
    }
  }

  /**
   * Whether some word of the set starts with the lower-case ASCII character `first` and has `length`
   * characters: false means `has` is false for every such word, so the caller need not build it.
   */
  mayHold(first: number, length: number): boolean {
    return first < 128 && ((this.asciiLengths[first] as number) & lengthBit(length)) !== 0;
  }

  has(word: string): boolean {
    if (word.length === 0) return this.words.has(word);
    const c = word.charCodeAt(0);
    if (c < 128) {
      if (((this.asciiLengths[c] as number) & lengthBit(word.length)) === 0) return false;
    } else if (!this.otherFirst.has(c)) {
      return false;
    }
    return this.words.has(word);
  }
}

function lengthBit(length: number): number {
  return 1 << Math.min(length, 31);
}

interface SuffixNode {
  /** A whole ending ends here (walking backwards from the end of the word). */
  end: boolean;
  next: Map<number, SuffixNode>;
}

/**
 * Whether a word ends with one of a fixed list of endings: a trie of the reversed endings, walked from the
 * word's last character. Equals `new RegExp(`(?:${endings.join('|')})$`).test(word)` without trying the
 * alternation at every position of the word.
 */
export class EndingMatcher {
  private readonly root: SuffixNode = { end: false, next: new Map() };
  /** Per last three lower-case ASCII letters (a-z): whether some ending ends so. */
  private readonly letterTriples = new Uint8Array(26 * 26 * 26);
  /** Some ending has fewer than three letters, all ASCII. */
  private readonly shortLetterEnding: boolean;

  readonly endings: readonly string[];

  constructor(endings: Iterable<string>) {
    this.endings = [...endings];
    this.shortLetterEnding = this.endings.some((e) => e.length < 3 && /^[a-z]*$/.test(e));
    for (const ending of this.endings) {
      this.markLetterTriples(ending);
      let node = this.root;
      for (let k = ending.length - 1; k >= 0; k--) {
        const c = ending.charCodeAt(k);
        let child = node.next.get(c);
        if (!child) {
          child = { end: false, next: new Map() };
          node.next.set(c, child);
        }
        node = child;
      }
      node.end = true;
    }
  }

  /** Marks the letter triples a word ending in `ending` may end with (when its tail is ASCII letters). */
  private markLetterTriples(ending: string): void {
    const tail = ending.slice(-3);
    if (!/^[a-z]*$/.test(tail)) return;
    // Shorter endings: every letter before them.
    const free = 3 - tail.length;
    for (let x = 0; x < 26 ** free; x++) {
      let index = x;
      for (let k = 0; k < tail.length; k++) index = index * 26 + (tail.charCodeAt(k) - 97);
      this.letterTriples[index] = 1;
    }
  }

  /**
   * Whether the run of ASCII letters `codes[end - length, end)` may end in an ending: false means
   * `testAsciiCodes` is false for it (a screen on its last three letters).
   */
  mayEndInLetters(codes: Uint16Array, end: number, length: number): boolean {
    if (length < 3) return this.shortLetterEnding;
    const index =
      (((codes[end - 3] as number) | 32) - 97) * 676 +
      (((codes[end - 2] as number) | 32) - 97) * 26 +
      (((codes[end - 1] as number) | 32) - 97);
    return this.letterTriples[index] === 1;
  }

  /** `testAscii` of code units: `test` of the lower-cased ASCII range `codes[from, end)`. */
  testAsciiCodes(codes: Uint16Array, from: number, end: number): boolean {
    let node: SuffixNode | undefined = this.root;
    if (node.end) return true;
    for (let k = end - 1; k >= from; k--) {
      const c = codes[k] as number;
      node = node.next.get(c >= 65 && c <= 90 ? c + 32 : c);
      if (!node) return false;
      if (node.end) return true;
    }
    return false;
  }

  /**
   * `test` of the lower-cased `text[from, end)`, read in place; the range must be ASCII (upper-case letters
   * are folded, other characters compared as they are).
   */
  testAscii(text: string, from: number, end: number): boolean {
    let node: SuffixNode | undefined = this.root;
    if (node.end) return true;
    for (let k = end - 1; k >= from; k--) {
      const c = text.charCodeAt(k);
      node = node.next.get(c >= 65 && c <= 90 ? c + 32 : c);
      if (!node) return false;
      if (node.end) return true;
    }
    return false;
  }

  test(word: string): boolean {
    let node: SuffixNode | undefined = this.root;
    if (node.end) return true;
    for (let k = word.length - 1; k >= 0; k--) {
      node = node.next.get(word.charCodeAt(k));
      if (!node) return false;
      if (node.end) return true;
    }
    return false;
  }
}

/** Buckets hold the ASCII words shorter than this (longer ranges are looked up as strings). */
const MAX_BUCKET_LENGTH = 64;

/**
 * Flags per lower-case word (the union of the flags of every list that holds it), looked up from a range
 * of the text: an ASCII range is compared in place with the few words of its (first letter, length)
 * bucket instead of being copied out, lower-cased and hashed, which most ranges (prose words next to
 * numbers) would be for nothing.
 */
export class WordFlags {
  private readonly flags = new Map<string, number>();
  /** Per `length * 128 + first character`: the ASCII words and their flags, in two parallel lists. */
  private readonly bucketWords: Array<string[] | undefined> = [];
  private readonly bucketFlags: Array<number[] | undefined> = [];

  constructor(lists: ReadonlyArray<readonly [Iterable<string>, number]>) {
    for (const [words, flag] of lists) {
      for (const w of words) this.flags.set(w, (this.flags.get(w) ?? 0) | flag);
    }
    for (const [w, flags] of this.flags) {
      if (w.length === 0 || w.length >= MAX_BUCKET_LENGTH || !isAsciiWord(w)) continue;
      const key = w.length * 128 + w.charCodeAt(0);
      const words = this.bucketWords[key] ?? [];
      const wordFlags = this.bucketFlags[key] ?? [];
      words.push(w);
      wordFlags.push(flags);
      this.bucketWords[key] = words;
      this.bucketFlags[key] = wordFlags;
    }
  }

  /** Flags of `word` (0 when no list holds it). */
  of(word: string): number {
    return this.flags.get(word) ?? 0;
  }

  /** `of(text.slice(from, end).toLowerCase())`, read in place when the range is ASCII (see codeUnits). */
  ofRange(text: string, codes: Uint16Array, from: number, end: number): number {
    const length = end - from;
    if (length === 0 || length >= MAX_BUCKET_LENGTH || !isAsciiRange(codes, from, end)) {
      return this.of(text.slice(from, end).toLowerCase());
    }
    return this.ofAscii(codes, from, end);
  }

  /** `of` the lower-cased ASCII range `codes[from, end)`, 0 < length < 64. */
  ofAscii(codes: Uint16Array, from: number, end: number): number {
    const length = end - from;
    const key = length * 128 + foldAscii(codes[from] as number);
    const words = this.bucketWords[key];
    if (words === undefined) return 0;
    for (let w = 0; w < words.length; w++) {
      const word = words[w] as string;
      let k = 1;
      while (k < length && foldAscii(codes[from + k] as number) === word.charCodeAt(k)) k++;
      if (k === length) return (this.bucketFlags[key] as number[])[w] as number;
    }
    return 0;
  }
}

/** Whether every code unit of `codes[from, end)` is ASCII. */
export function isAsciiRange(codes: Uint16Array, from: number, end: number): boolean {
  for (let k = from; k < end; k++) {
    if ((codes[k] as number) >= 128) return false;
  }
  return true;
}

function isAsciiWord(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    if (w.charCodeAt(k) >= 128) return false;
  }
  return true;
}

/** ASCII lower case: A-Z folded, other characters as they are. */
function foldAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}
