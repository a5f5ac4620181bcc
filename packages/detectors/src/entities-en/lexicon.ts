import * as compromise from './gazetteer/compromise-lexicon.ts';
import { loadDictionaryWords } from './gazetteer/dictionary-words.ts';
import { CURRENCY_CODES, EVERYDAY_ACRONYMS } from './gazetteer/everyday-acronyms.ts';
import { EXTRA_FIRST_NAMES } from './gazetteer/first-names.ts';
import {
  BUSINESS_FUNCTION_WORDS,
  BUSINESS_ORGANIZATIONS,
  HEAD_FIRST_WORDS,
  KNOWN_ORGANIZATIONS,
  LEGAL_SUFFIXES,
  MORE_ORGANIZATIONS,
  ORG_HEAD_WORDS,
  ORG_OF_HEADS,
  POSTAL_WORDS,
  TEAM_NICKNAMES,
  TEAM_OPENERS,
  UNIT_HEAD_WORDS,
  UNITS_AFTER_COMPANY,
} from './gazetteer/organizations.ts';
import { EXTRA_DEMONYMS, EXTRA_PLACES } from './gazetteer/places.ts';
import { NAME_SUFFIXES, PERSON_TITLES, STOP_WORDS } from './gazetteer/stop-words.ts';
import { EXTRA_SURNAMES } from './gazetteer/surnames.ts';
import { PRODUCT_PHRASES, TECH_ACRONYMS, TECH_PRODUCTS } from './gazetteer/tech-terms.ts';

/** Bit flags of {@link Lexicon.flags}: one hash lookup per word answers every list membership. */
export const F = {
  first: 1,
  surname: 2,
  place: 4,
  org: 8,
  common: 16,
  stop: 32,
  title: 64,
  orgHead: 128,
  legal: 256,
  nameSuffix: 512,
  ofHead: 1024,
  /** First word of a multi-word organization or place. */
  phraseStart: 2048,
  /** Ordinary dictionary word (lower-case in a large corpus): weak evidence against an unknown name. */
  dict: 4096,
  /** A sports club's nickname ("Lakers", "Warriors"). */
  team: 8192,
  /** A developer tool or product ("Redis", "Kubernetes"): see gazetteer/tech-terms.ts. */
  tool: 16384,
  /** A technical acronym or command keyword ("CRLF", "DESC"). */
  techAcronym: 32768,
  /** A head word opening an organization's name in another language ("Clinique", "Banco"). */
  headFirst: 65536,
  /** An everyday business acronym or currency code ("CRM", "SKU", "SEK"): no name, no organization. */
  everyday: 131072,
  /**
   * A word that may start or end a run the run-level screens read: a postal service, a company's unit, a
   * team, a product named after its maker (classify-run.ts). One bit test spares those checks on most runs.
   */
  runCue: 262144,
  /** A business-function or unit word ("finance", "accounts", "team", "dept"): organizations.ts. */
  unitWord: 524288,
} as const;

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
  teamNicknames: ReadonlySet<string>;
  /** Demonyms ("Turkish", "Iraqi"), also among {@link places}. */
  demonyms: ReadonlySet<string>;
  /** Ordinary English words (any part of speech). */
  commonWords: ReadonlySet<string>;
  stopWords: ReadonlySet<string>;
  titles: ReadonlySet<string>;
  nameSuffixes: ReadonlySet<string>;
  /** Single-word entries of every list above, with accent-folded variants, as {@link F} bit masks. */
  flags: ReadonlyMap<string, number>;
  /** {@link flags} of the one-character strings below U+0080 (punctuation tokens), by char code. */
  asciiCharFlags: Int32Array;
  /** {@link flags} of the other one-character entries (currency signs), by char code. */
  wideCharFlags: ReadonlyMap<number, number>;
}

/** The lists themselves, before the flag tables derived from them. */
type WordLists = Omit<Lexicon, 'flags' | 'asciiCharFlags' | 'wideCharFlags'>;

function buildFlags(lex: WordLists, dictionaryWords: ReadonlySet<string>): Map<string, number> {
  const flags = new Map<string, number>();
  const add = (set: ReadonlySet<string>, bit: number) => {
    for (const w of set) {
      if (w.includes(' ')) continue;
      flags.set(w, (flags.get(w) ?? 0) | bit);
      const folded = foldAccents(w);
      if (folded !== w) flags.set(folded, (flags.get(folded) ?? 0) | bit);
    }
  };
  add(lex.firstNames, F.first);
  add(lex.surnames, F.surname);
  add(lex.places, F.place);
  add(lex.organizations, F.org);
  add(lex.commonWords, F.common);
  // The large frequency-list vocabulary only lives in the flags (no separate Set: it is ~50k words).
  add(dictionaryWords, F.dict);
  add(lex.stopWords, F.stop);
  add(lex.titles, F.title);
  add(lex.orgHeads, F.orgHead);
  add(lex.legalSuffixes, F.legal);
  add(lex.nameSuffixes, F.nameSuffix);
  add(lex.orgOfHeads, F.ofHead);
  add(lex.teamNicknames, F.team);
  add(new Set(TECH_PRODUCTS), F.tool);
  add(new Set(TECH_ACRONYMS), F.techAcronym);
  add(new Set(HEAD_FIRST_WORDS), F.headFirst);
  add(new Set([...EVERYDAY_ACRONYMS, ...CURRENCY_CODES]), F.everyday);
  add(new Set([...POSTAL_WORDS, ...UNITS_AFTER_COMPANY, ...TEAM_OPENERS, ...productEnds()]), F.runCue);
  add(new Set([...BUSINESS_FUNCTION_WORDS, ...UNIT_HEAD_WORDS]), F.unitWord);
  for (const set of [lex.organizations, lex.places]) {
    for (const phrase of set) {
      const space = phrase.indexOf(' ');
      if (space > 0) {
        const head = phrase.slice(0, space);
        flags.set(head, (flags.get(head) ?? 0) | F.phraseStart);
      }
    }
  }
  return flags;
}

/** First and last words of the product phrases. */
function productEnds(): string[] {
  const words: string[] = [];
  for (const phrase of PRODUCT_PHRASES) {
    const parts = phrase.split(' ');
    words.push(parts[0] as string, parts[parts.length - 1] as string);
  }
  return words;
}

let cached: Lexicon | undefined;

const bars = (s: string): string[] => s.split('|');

const ASCII = /^[\x00-\x7f]*$/;

/** Strips accents so "Jose" and "José" share an entry. */
export function foldAccents(s: string): string {
  if (ASCII.test(s)) return s;
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
    ...MORE_ORGANIZATIONS,
    ...BUSINESS_ORGANIZATIONS,
  ]);
  // A legal-form word alone ("Inc", "Co") ends a company name; it names none.
  for (const suffix of LEGAL_SUFFIXES) organizations.delete(suffix);
  // "Dept", "Mgmt", "ETA" stand for a unit or a date in business text far more often than for a body.
  for (const acronym of EVERYDAY_ACRONYMS) organizations.delete(acronym);
  const places = withFolded([
    ...bars(compromise.PLACES),
    ...EXTRA_PLACES,
    ...bars(compromise.DEMONYMS),
    ...EXTRA_DEMONYMS,
  ]);
  let maxPhraseWords = 1;
  for (const p of [...organizations, ...places])
    maxPhraseWords = Math.max(maxPhraseWords, p.split(' ').length);
  const base: WordLists = {
    firstNames: withFolded([...bars(compromise.FIRST_NAMES), ...EXTRA_FIRST_NAMES]),
    surnames: withFolded([...bars(compromise.LAST_NAMES), ...EXTRA_SURNAMES]),
    places,
    organizations,
    maxPhraseWords: Math.min(maxPhraseWords, 5),
    legalSuffixes: new Set(LEGAL_SUFFIXES),
    orgHeads: new Set(ORG_HEAD_WORDS),
    orgOfHeads: new Set(ORG_OF_HEADS),
    teamNicknames: new Set(TEAM_NICKNAMES),
    demonyms: withFolded([...bars(compromise.DEMONYMS), ...EXTRA_DEMONYMS]),
    commonWords: new Set(bars(compromise.COMMON_WORDS)),
    stopWords: new Set(STOP_WORDS),
    titles: new Set([...PERSON_TITLES, ...bars(compromise.HONORIFICS).filter((h) => !h.includes(' '))]),
    nameSuffixes: new Set(NAME_SUFFIXES),
  };
  const flags = buildFlags(base, loadDictionaryWords());
  const asciiCharFlags = new Int32Array(128);
  const wideCharFlags = new Map<number, number>();
  for (const [key, f] of flags) {
    const c = key.charCodeAt(0);
    if (key.length !== 1) continue;
    if (c < 0x80) asciiCharFlags[c] = f;
    else wideCharFlags.set(c, f);
  }
  cached = { ...base, flags, asciiCharFlags, wideCharFlags };
  return cached;
}
