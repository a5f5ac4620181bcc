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
  /** Per lower-case ASCII last letter: a bit per letter before it (a-z) that some ending has there. */
  private readonly letterPairs = new Uint32Array(128);

  readonly endings: readonly string[];

  constructor(endings: Iterable<string>) {
    this.endings = [...endings];
    for (const ending of this.endings) {
      const last = ending.charCodeAt(ending.length - 1);
      const before = ending.charCodeAt(ending.length - 2);
      if (ending.length < 2) this.letterPairs.fill(0xffffffff);
      else if (last >= 97 && last <= 122 && before >= 97 && before <= 122)
        this.letterPairs[last] = (this.letterPairs[last] as number) | (1 << (before - 97));
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

  /**
   * Whether a word of lower-case ASCII letters ending in `before`, `last` may end in an ending: false means
   * `testAscii` is false for every such word (endings ending otherwise hold other characters).
   */
  mayEndInLetters(before: number, last: number): boolean {
    return (((this.letterPairs[last] as number) >>> (before - 97)) & 1) !== 0;
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

/**
 * The lower-cased `text[from, end)` when it may belong to `words` or end in one of `endings` (at 5 or more
 * characters), else '' (which no word list holds). An ASCII range that the (first letter, length) screen
 * and the ending trie both reject is never copied out of the text.
 */
export function screenedWord(
  text: string,
  from: number,
  end: number,
  words: ScreenedWords,
  endings?: EndingMatcher,
): string {
  for (let k = from; k < end; k++) {
    if (text.charCodeAt(k) >= 128) return text.slice(from, end).toLowerCase();
  }
  const length = end - from;
  if (length === 0) return '';
  const c = text.charCodeAt(from);
  if (
    words.mayHold(c >= 65 && c <= 90 ? c + 32 : c, length) ||
    (endings !== undefined && length >= 5 && endings.testAscii(text, from, end))
  ) {
    return text.slice(from, end).toLowerCase();
  }
  return '';
}
