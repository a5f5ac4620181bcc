import type { EntitySpan } from './analyze.ts';
import { F, type Lexicon, lexicon } from './lexicon.ts';
import { flagsOf, Kind as KindEnum, Shape as ShapeEnum, type Token } from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls.
const Kind = KindEnum;
const Shape = ShapeEnum;

/**
 * Social text writes well-known organizations in lower case ("a lenovo laptop", "the bengals",
 * "marcelo is the star of real madrid"). Only names that are no ordinary word, given name or place count
 * on their own ("apple", "target", "jazz" do not); a phrase counts when one of its words is no ordinary
 * word ("real madrid", but not "white house").
 */
interface LowerOrganizations {
  words: ReadonlySet<string>;
  phrases: ReadonlySet<string>;
  /** First words of {@link phrases}. */
  phraseStarts: ReadonlySet<string>;
  /** Longest phrase, in words. */
  maxWords: number;
  /**
   * Screen asked of every lower-case word: a bit set of 2^17 bits, one bit per single word and per
   * phrase's first word (see {@link screenBit}), so that about 1 % of other words pass it.
   */
  screen: Uint32Array;
}

let cached: LowerOrganizations | undefined;

/** Bits that make a word too ordinary (or too much a person's or place's name) to be an organization. */
const ORDINARY = F.dict | F.common | F.stop | F.first | F.surname | F.place | F.title;

/** Bits of an ordinary word: a phrase of only such words ("white house") is too often meant literally. */
const PLAIN = F.dict | F.common | F.stop;

/**
 * Known organizations that are also words, or names of a people, a place or a program, when written in
 * lower case ("the meta", "a delta", "roma", "medicare"), which the dictionary flags miss.
 */
const NOT_LOWER = new Set(
  'meta|discord|delta|paramount|democrats|tories|pentagon|eurosceptics|brexiteers|roma|parma|celtic|ign|tlc|abc|amc|avon|avis|mobil|ayer|baxter|medicare|medicaid|scientology|wimbledon|mitas|tass|ansa|fitch|nec|atp|icc|ioc|isis|mercosur|inc|ltd|dept|univ|assn|gmb|jsa|bni|amt|ghq'.split(
    '|',
  ),
);

/**
 * Platforms and tools that developers write in lower case as commands, hosts, packages, services or identity
 * providers ("push to github", "npm install", "deploy on heroku", `"providerId": "google"`). In a coding prompt that is the tool, not a party the user deals
 * with, and a placeholder there costs the model the one word it needs; capitalized, they are still found.
 */
const TOOLS_IN_LOWER_CASE = new Set(
  'github|gitlab|bitbucket|sourceforge|heroku|vercel|netlify|mongodb|mysql|postgres|postgresql|redis|docker|kubernetes|npm|yarn|pypi|homebrew|openai|anthropic|huggingface|aws|azure|gcp|cloudflare|akamai|digitalocean|linode|firebase|supabase|twilio|stripe|sentry|datadog|slack|discord|jira|atlassian|trello|asana|notion|figma|wordpress|mozilla|firefox|chrome|android|ubuntu|debian|redhat|linux|stackoverflow|jetbrains|vmware|google|microsoft|okta|auth0|keycloak'.split(
    '|',
  ),
);

/** Club nicknames that are no ordinary plural ("bengals", but not "giants" or "chargers"). */
const LOWER_TEAMS = new Set(
  'bengals|steelers|packers|seahawks|niners|49ers|76ers|sixers|knicks|lakers|mavs|cavs|celtics|timberwolves|trailblazers|astros|mets|phillies|blackhawks|canucks|canadiens|habs|diamondbacks|buccaneers|bucs'.split(
    '|',
  ),
);

/** Entry of {@link LowerOrganizations.screen} for a word: a hash of its length and four letters. */
function screenEntry(len: number, first: number, second: number, penult: number): number {
  return (
    (Math.imul(len, 0x9e3779b1) ^ Math.imul(first, 0x85ebca6b) ^ Math.imul(second, 0xc2b2ae35) ^ penult) >>>
    20
  );
}

function build(lex: Lexicon): LowerOrganizations {
  const words = new Set<string>();
  const phrases = new Set<string>();
  const phraseStarts = new Set<string>();
  const screen = new Uint32Array(4096);
  let maxWords = 1;
  const note = (w: string) => {
    const len = w.length;
    const entry = screenEntry(len, w.charCodeAt(0), w.charCodeAt(1), w.charCodeAt(len - 2));
    screen[entry] = (screen[entry] as number) | (1 << (w.charCodeAt(len - 1) & 31));
  };
  const distinctive = (w: string) => {
    const f = lex.flags.get(w) ?? 0;
    if ((f & F.team) !== 0) return LOWER_TEAMS.has(w);
    return (
      (f & (ORDINARY | F.orgHead | F.ofHead | F.legal)) === 0 &&
      !NOT_LOWER.has(w) &&
      !TOOLS_IN_LOWER_CASE.has(w)
    );
  };
  for (const name of [...lex.organizations, ...LOWER_TEAMS]) {
    if (!/^[a-z0-9][a-z0-9&'-]*(?: [a-z0-9&'-]+)*$/.test(name)) continue;
    const parts = name.split(' ');
    if (parts.length === 1) {
      if (name.length >= 3 && /[a-z]/.test(name) && distinctive(name)) {
        words.add(name);
        note(name);
      }
    } else if (
      // A phrase opening with a function word ("the killers") is found only when capitalized.
      ((lex.flags.get(parts[0] as string) ?? 0) & F.stop) === 0 &&
      parts.some((p) => p.length >= 3 && ((lex.flags.get(p) ?? 0) & PLAIN) === 0)
    ) {
      phrases.add(name);
      phraseStarts.add(parts[0] as string);
      note(parts[0] as string);
      maxWords = Math.max(maxWords, parts.length);
    }
  }
  return { words, phrases, phraseStarts, maxWords, screen };
}

function lowerOrganizations(): LowerOrganizations {
  cached ??= build(lexicon());
  return cached;
}

/** The screen of {@link LowerOrganizations}: read once per text, then asked of each lower-case word. */
export function lowerOrganizationScreen(): Uint32Array {
  return lowerOrganizations().screen;
}

/**
 * Whether the lower-case word token `t` (ASCII code units `codes`) may start a known organization: one
 * hash and one load, so that the per-word cost stays negligible.
 */
export function mayStartLowerOrganization(screen: Uint32Array, codes: Uint16Array, t: Token): boolean {
  const s = t.start;
  const e = t.end;
  if (e - s < 3) return false;
  const entry = screenEntry(e - s, codes[s] as number, codes[s + 1] as number, codes[e - 2] as number);
  return (((screen[entry] as number) >>> ((codes[e - 1] as number) & 31)) & 1) !== 0;
}

/**
 * Pushes the known organization written in lower case that starts at token `i` (screened by
 * {@link mayStartLowerOrganization}) and returns the index of the token after it, or returns -1. Parts of
 * addresses, handles and hashtags are skipped.
 */
export function lowerOrganizationAt(
  tokens: readonly Token[],
  codes: Uint16Array,
  textLength: number,
  i: number,
  out: EntitySpan[],
): number {
  const lo = lowerOrganizations();
  const t = tokens[i] as Token;
  const before = t.start > 0 ? (codes[t.start - 1] as number) : 32;
  // '@', '/', '#', '.', '_': a handle, path, hashtag or domain part.
  if (before === 64 || before === 47 || before === 35 || before === 46 || before === 95) return -1;
  let best = -1;
  if (lo.words.has(t.lower)) best = i;
  let key = t.lower;
  const phrase = lo.phraseStarts.has(key);
  for (let k = i + 1, words = 1; phrase && k < tokens.length && words < lo.maxWords; k++) {
    const u = tokens[k] as Token;
    if (u.kind !== Kind.Word || u.shape !== Shape.Lower || u.start - (tokens[k - 1] as Token).end !== 1)
      break;
    key = `${key} ${u.lower}`;
    words++;
    if (lo.phrases.has(key)) best = k;
  }
  if (best < 0) return -1;
  const end = (tokens[best] as Token).end;
  const after = end < textLength ? (codes[end] as number) : 32;
  // "ebay.com", "lenovo@...", "cavs_fan": part of a domain, address or handle.
  if (after === 64 || after === 95 || (after === 46 && end + 1 < textLength && codes[end + 1] !== 32))
    return -1;
  out.push({ start: t.start, end, type: 'organization', score: 0.45 });
  return best + 1;
}

/** "eBay": a known organization in its own odd capitals (not in a handle, path or hashtag). */
export function oddCapitalsOrganization(t: Token, codes: Uint16Array, out: EntitySpan[]): void {
  const before = t.start > 0 ? (codes[t.start - 1] as number) : 32;
  if ((flagsOf(t) & F.org) !== 0 && before !== 64 && before !== 47 && before !== 35)
    out.push({ start: t.start, end: t.end, type: 'organization', score: 0.6 });
}
