import * as compromise from './gazetteer/compromise-lexicon.ts';
import { EXTRA_FIRST_NAMES } from './gazetteer/first-names.ts';
import {
  KNOWN_ORGANIZATIONS,
  LEGAL_SUFFIXES,
  ORG_HEAD_WORDS,
  ORG_OF_HEADS,
} from './gazetteer/organizations.ts';
import { EXTRA_DEMONYMS, EXTRA_PLACES } from './gazetteer/places.ts';
import { NAME_SUFFIXES, PERSON_TITLES, STOP_WORDS } from './gazetteer/stop-words.ts';
import { EXTRA_SURNAMES } from './gazetteer/surnames.ts';

/** Lower-cased lookup sets, built once on first use (a few ms, well under 10 MB). */
export interface Lexicon {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  /** Single- and multi-word places, and demonyms. */
  places: ReadonlySet<string>;
  /** Known organizations, multi-word entries joined by single spaces. */
  organizations: ReadonlySet<string>;
  /** Longest known organization/place entry, in words: bounds the n-gram lookups. */
  maxPhraseWords: number;
  legalSuffixes: ReadonlySet<string>;
  orgHeads: ReadonlySet<string>;
  orgOfHeads: ReadonlySet<string>;
  /** Ordinary English words (any part of speech). */
  commonWords: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  nameSuffixes: ReadonlySet<string>;
}

let cached: Lexicon | undefined;

const bars = (s: string): string[] => s.split('|');

/** Strips accents so "Jose" and "José" share an entry. */
export function foldAccents(s: string): string {
  // biome-ignore lint/suspicious/noMisleadingCharacterClass: combining marks are exactly what we strip.
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

function withFolded(words: Iterable<string>): Set<string> {
  const set = new Set<string>();
  for (const w of words) {
    set.add(w);
    const folded = foldAccents(w);
    if (folded !== w) set.add(folded);
  }
  return set;
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  const organizations = new Set([
    ...bars(compromise.ORGANIZATIONS),
    ...bars(compromise.SPORTS_TEAMS),
    ...KNOWN_ORGANIZATIONS,
  ]);
  const places = withFolded([
    ...bars(compromise.PLACES),
    ...EXTRA_PLACES,
    ...bars(compromise.DEMONYMS),
    ...EXTRA_DEMONYMS,
  ]);
  let maxPhraseWords = 1;
  for (const p of [...organizations, ...places]) maxPhraseWords = Math.max(maxPhraseWords, p.split(' ').length);
  cached = {
    firstNames: withFolded([...bars(compromise.FIRST_NAMES), ...EXTRA_FIRST_NAMES]),
    surnames: withFolded([...bars(compromise.LAST_NAMES), ...EXTRA_SURNAMES]),
    places,
    organizations,
    maxPhraseWords: Math.min(maxPhraseWords, 5),
    legalSuffixes: new Set(LEGAL_SUFFIXES),
    orgHeads: new Set(ORG_HEAD_WORDS),
    orgOfHeads: new Set(ORG_OF_HEADS),
    commonWords: new Set(bars(compromise.COMMON_WORDS)),
    stopWords: new Set(STOP_WORDS),
    titles: new Set([...PERSON_TITLES, ...bars(compromise.HONORIFICS).filter((h) => !h.includes(' '))]),
    nameSuffixes: new Set(NAME_SUFFIXES),
  };
  return cached;
}
