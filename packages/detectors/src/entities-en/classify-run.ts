import type { EntitySpan } from './analyze.ts';
import { COMPOUND_HEAD_ENDINGS, POSTAL_WORDS } from './gazetteer/organizations.ts';
import { PRODUCT_PHRASES } from './gazetteer/tech-terms.ts';
import type { Lexicon } from './lexicon.ts';
import { F as FlagBits, foldAccents } from './lexicon.ts';
import {
  basedBefore,
  businessFunctionsOnly,
  companyBeforeUnit,
  fansAfter,
  isOrgOpener,
  organizationEvidence,
  orgCueAfter,
  orgCueBefore,
  orgNounBefore,
  orgOfCueBefore,
  orgPhraseBefore,
  possessiveBeforePerson,
} from './organizations.ts';
import {
  fieldLabelBefore,
  fieldPunct,
  personCueAfter,
  personCueBefore,
  scorePerson,
} from './person-names.ts';
import { isSentenceStart } from './sentence-start.ts';
import {
  Kind as KindEnum,
  isLetterCode as letterCode,
  Shape as ShapeEnum,
  type Token,
  flagsOf as tokenFlags,
} from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls, measurable in the
// per-token loops below.
const F = FlagBits;
const Kind = KindEnum;
const Shape = ShapeEnum;
const flagsOf = tokenFlags;
const isLetterCode = letterCode;

/** One run of capitalized words (connectors and abbreviation dots included) and what we know around it. */
export interface RunContext {
  text: string;
  tokens: readonly Token[];
  first: number;
  last: number;
  /** The run sits in a mostly upper-case line (headline), so capitalization says nothing. */
  caps: boolean;
  /**
   * The text around offset `at` looks like sports reporting: place names there usually stand for teams.
   * Computed on first call (a regex pass over the text or the part of it around `at`), so callers ask
   * last, after their cheap conditions.
   */
  sports(at: number): boolean;
  /**
   * The text is technical (tech-context.ts): a tool word or a lone unknown capitalized word is no name
   * there. Computed on first call, like {@link sports}.
   */
  tech(): boolean;
  /** Words of the person spans found so far in this text (see partOfEarlierPerson), made on demand. */
  personWords: Set<string> | undefined;
  /** How many spans of the output personWords has read. */
  personSpansRead: number;
  lex: Lexicon;
  /** The text's code units (the tokenizer's lastCodeUnits). */
  codes: Uint16Array;
}

/** Per-word lexical facts, computed once per word of a run. */
export interface WordInfo {
  index: number;
  token: Token;
  key: string;
  /** The lexicon's flags of `key` (flagsOf of the token), without the accent-folded name bits. */
  lexFlags: number;
  first: boolean;
  surname: boolean;
  common: boolean;
  /** In the large dictionary vocabulary (lower-case there): an ordinary word rather than a name. */
  dict: boolean;
  stop: boolean;
  place: boolean;
  title: boolean;
  initial: boolean;
  /** Non-ASCII letters: a strong hint of a foreign name rather than an English word. */
  foreign: boolean;
  /** Organization head/suffix word, or a hyphenated compound with a lower-case part ("Family-controlled"). */
  orgWord: boolean;
  /** May start a known organization or place phrase (skips the n-gram lookups otherwise). */
  phraseStart: boolean;
  /** A code identifier's shape: a capital inside after a lower-case letter ("BigDecimal", "ClickHouse"). */
  camel: boolean;
  /** A developer tool, product or technical acronym here ("Redis"; "Jenkins" and "CSV" in technical text). */
  tool: boolean;
  /** A compound ending in an organization word ("Handelsbanken", "Sparkasse"): its lexFlags have orgHead. */
  compound: boolean;
}

const CONNECTOR_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'upon', '&']);

/** Bits of {@link keyChars}. */
const NON_ASCII = 1;
const HYPHEN = 2;

/**
 * Whether a run token's key has non-ASCII characters and hyphens (bits above), read from the token's code
 * units in the text: the key is that range lower-cased (dots of an abbreviation dropped), and no letter
 * changes between ASCII and non-ASCII when lower-cased ("İ" becomes "i" and a combining dot).
 */
function keyChars(codes: Uint16Array, token: Token): number {
  let bits = 0;
  for (let k = token.start; k < token.end; k++) {
    const c = codes[k] as number;
    if (c > 0x7f) bits |= NON_ASCII;
    else if (c === 45) bits |= HYPHEN;
  }
  return bits;
}

/**
 * Accent-folded forms of recent non-ASCII keys: folding is a Unicode normalization plus a regex replace,
 * and text repeats its foreign names ("Müller" in every other line). Emptied when full, so it stays small;
 * keys of 13 or more characters may be slices that keep their whole text alive, so they are not kept.
 */
const foldedKeys = new Map<string, string>();
const MAX_FOLDED_KEYS = 1024;

function foldedKey(key: string): string {
  if (key.length > 12) return foldAccents(key);
  let folded = foldedKeys.get(key);
  if (folded === undefined) {
    if (foldedKeys.size >= MAX_FOLDED_KEYS) foldedKeys.clear();
    folded = foldAccents(key);
    foldedKeys.set(key, folded);
  }
  return folded;
}

/*
 * The words of the run being classified. A run's WordInfo objects die with classifyRun (spans copy
 * offsets), so one set of objects, and one array per run length (setting an array's length is a slow
 * runtime call), serve every run: allocating them was the largest share of the garbage this detector
 * made per text.
 */
const runArrays: WordInfo[][] = [];
const wordPool: WordInfo[] = [];

/** Drops the pooled words' strings once a text is done, so they do not keep it alive. */
export function releaseRunWords(): void {
  for (const w of wordPool) w.key = '';
}

function isRunWord(t: Token): boolean {
  return t.kind === Kind.Word || (t.kind === Kind.Punct && t.lower === '&');
}

/** The facts about token `index`, written into pooled object number `slot`. */
function info(ctx: RunContext, index: number, slot: number): WordInfo {
  const token = ctx.tokens[index] as Token;
  const key = token.lower;
  const flags = ctx.lex.flags;
  const lexFlags = flagsOf(token);
  let f = lexFlags;
  let foreign = false;
  const chars = keyChars(ctx.codes, token);
  // Only words with non-ASCII letters need the (slow) accent folding.
  if ((chars & NON_ASCII) !== 0) {
    const folded = foldedKey(key);
    foreign = folded !== key;
    if (foreign) f |= (flags.get(folded) ?? 0) & (F.first | F.surname);
  }
  const hyphenLower = (chars & HYPHEN) !== 0 && /-[a-z]/.test(ctx.text.slice(token.start, token.end));
  let w = wordPool[slot];
  if (!w) {
    w = {
      index: 0,
      token,
      key: '',
      lexFlags: 0,
      first: false,
      surname: false,
      common: false,
      dict: false,
      stop: false,
      place: false,
      title: false,
      initial: false,
      foreign: false,
      orgWord: false,
      phraseStart: false,
      camel: false,
      tool: false,
      compound: false,
    };
    wordPool.push(w);
  }
  w.index = index;
  w.token = token;
  w.key = key;
  // Unlisted words only: a name or ordinary word ending in "-bank" ("Fairbank", "riverbank") is no firm.
  w.compound = token.shape === Shape.Title && (f & (LISTED_WORD | F.orgHead)) === 0 && compoundHead(key);
  w.lexFlags = w.compound ? lexFlags | F.orgHead : lexFlags;
  w.first = (f & F.first) !== 0;
  w.surname = (f & F.surname) !== 0;
  w.common = (f & F.common) !== 0;
  w.dict = (f & F.dict) !== 0;
  w.stop = (f & F.stop) !== 0;
  w.place = (f & F.place) !== 0;
  w.title = (f & F.title) !== 0;
  w.initial = token.shape === Shape.Initial;
  w.foreign = foreign;
  w.orgWord = (f & (F.orgHead | F.legal)) !== 0 || hyphenLower;
  w.phraseStart = (f & (F.org | F.place | F.phraseStart)) !== 0;
  // Listed words are no identifiers: most run words leave before the letter loop.
  w.camel = token.shape === Shape.Title && (f & LISTED_WORD) === 0 && camelIdentifier(ctx.codes, token);
  w.tool = (f & (F.tool | F.techAcronym)) !== 0 && toolWord(ctx, token, f);
  return w;
}

/**
 * Last two letters of {@link COMPOUND_HEAD_ENDINGS}, at `(second-to-last & 31) << 5 | (last & 31)`: most
 * words leave compoundHead on one table load.
 */
const COMPOUND_LAST = new Uint8Array(1024);
for (const e of COMPOUND_HEAD_ENDINGS)
  COMPOUND_LAST[((e.charCodeAt(e.length - 2) & 31) << 5) | (e.charCodeAt(e.length - 1) & 31)] = 1;

/** "Handelsbanken", "Sparkasse", "Stadtwerke": a compound whose last part is an organization word. */
function compoundHead(key: string): boolean {
  const len = key.length;
  if (len < 8) return false;
  const slot = ((key.charCodeAt(len - 2) & 31) << 5) | (key.charCodeAt(len - 1) & 31);
  if (COMPOUND_LAST[slot] !== 1) return false;
  for (const e of COMPOUND_HEAD_ENDINGS) if (len >= e.length + 4 && key.endsWith(e)) return true;
  return false;
}

/** Flags of words some list knows as names or ordinary words: never read as code identifiers. */
const LISTED_WORD = F.first | F.surname | F.place | F.common | F.dict | F.stop | F.title;

/** Flags that make a tool word also something else (a name, a place, a word, a company): ambiguous. */
const AMBIGUOUS_TOOL = F.first | F.surname | F.place | F.dict | F.common | F.org;

/**
 * A tool word is a tool anywhere when nothing else is known of it ("Redis", "Kubernetes"); when it is also
 * a name, place, ordinary word or company ("Jenkins", "Alpine", "Stripe"), and for acronyms ("MIT",
 * "CSV"), only in technical text.
 */
function toolWord(ctx: RunContext, token: Token, f: number): boolean {
  if ((f & F.tool) !== 0 && (f & AMBIGUOUS_TOOL) === 0) return true;
  if ((f & F.tool) === 0 && token.shape !== Shape.Upper) return false;
  return ctx.tech();
}

/**
 * Letters before an inner capital that still make a name ("McDonald", "MacKenzie", "DeShawn", "LaToya",
 * "VanDyke", "FitzGerald"), lower-cased.
 */
const NAME_PREFIXES = new Set([
  'mc',
  'mac',
  'de',
  'di',
  'da',
  'la',
  'le',
  'du',
  'van',
  'von',
  'der',
  'fitz',
  'ja',
  'ke',
  'ta',
  'sha',
  'jo',
  'st',
]);

/** Whether a Title-case token has a capital after a lower-case ASCII letter, other than a name prefix's. */
function camelIdentifier(codes: Uint16Array, token: Token): boolean {
  const start = token.start;
  for (let k = start + 2; k < token.end; k++) {
    const c = codes[k] as number;
    if (c < 65 || c > 90) continue;
    const p = codes[k - 1] as number;
    if (p < 97 || p > 122) continue;
    if (k - start > 4) return true;
    let prefix = '';
    for (let m = start; m < k; m++) prefix += String.fromCharCode((codes[m] as number) | 32);
    return !NAME_PREFIXES.has(prefix);
  }
  return false;
}

/**
 * The end of the span of words[..to] (its start is that of the first word's token), extended over a
 * trailing abbreviation dot. Two numbers, not a pair: no array per span.
 */
function spanEnd(ctx: RunContext, words: readonly WordInfo[], to: number): number {
  const b = words[to] as WordInfo;
  const end = b.token.end;
  const after = ctx.tokens[b.index + 1];
  if (
    after &&
    after.kind === Kind.Punct &&
    after.lower === '.' &&
    after.start === end &&
    // The legal and name-suffix bits of a single word are exactly membership in those lists.
    (b.initial || (b.lexFlags & (F.legal | F.nameSuffix)) !== 0) &&
    b.key.length <= 4
  ) {
    return after.start + 1; // one dot, not a whole "..." run
  }
  return end;
}

function spanStart(words: readonly WordInfo[], from: number): number {
  return (words[from] as WordInfo).token.start;
}

const PRODUCTS = new Set(PRODUCT_PHRASES);
const PRODUCT_FIRST_WORDS = new Set(PRODUCT_PHRASES.map((p) => p.slice(0, p.indexOf(' '))));
const MAX_PRODUCT_WORDS = 4;

/** "the Play Store", "Samsung Galaxy": a run whose last words are a product's name has no head word. */
function endsInProduct(words: readonly WordInfo[]): boolean {
  for (let k = Math.max(0, words.length - MAX_PRODUCT_WORDS); k < words.length - 1; k++)
    if (PRODUCT_FIRST_WORDS.has((words[k] as WordInfo).key) && productPhraseAt(words, k) === words.length - k)
      return true;
  return false;
}

/** Longest product phrase starting at words[at], as a word count, or 0. */
function productPhraseAt(words: readonly WordInfo[], at: number): number {
  let key = (words[at] as WordInfo).key;
  let best = 0;
  for (let k = at + 1; k < words.length && k - at < MAX_PRODUCT_WORDS; k++) {
    key = `${key} ${(words[k] as WordInfo).key}`;
    if (PRODUCTS.has(key)) best = k - at + 1;
  }
  return best;
}

/** Longest known phrase (organization or place) starting at words[at], as a word count, or 0. */
function phraseAt(words: readonly WordInfo[], at: number, set: ReadonlySet<string>, max: number): number {
  const w0 = words[at];
  if (!w0?.phraseStart) return 0;
  let key = '';
  let best = 0;
  for (let k = at; k < words.length && k - at < max; k++) {
    key = k === at ? (words[k] as WordInfo).key : `${key} ${(words[k] as WordInfo).key}`;
    if (set.has(key)) best = k - at + 1;
  }
  return best;
}

/** Labels of a field whose value is a service or product ("SERVICE: UPS Ground", `carrier: "DHL"`). */
const PRODUCT_FIELDS = new Set(['service', 'carrier', 'courier', 'product', 'plan', 'platform', 'channel']);

export function classifyRun(ctx: RunContext, out: EntitySpan[]): void {
  if (!productField(ctx)) {
    classifyRunWords(ctx, out);
    return;
  }
  // "SERVICE: DHL Express Worldwide": the value names a service; people in it are still people.
  const mark = out.length;
  classifyRunWords(ctx, out);
  let kept = mark;
  for (let k = mark; k < out.length; k++)
    if ((out[k] as EntitySpan).type !== 'organization') out[kept++] = out[k] as EntitySpan;
  out.length = kept;
}

function productField(ctx: RunContext): boolean {
  const opener = ctx.tokens[ctx.first - 1];
  if (opener?.kind !== Kind.Punct || !fieldPunct(opener)) return false;
  const label = fieldLabelBefore(ctx, ctx.first);
  return !!label && PRODUCT_FIELDS.has(label.lower);
}

function classifyRunWords(ctx: RunContext, out: EntitySpan[]): void {
  let n = 0;
  for (let k = ctx.first; k <= ctx.last; k++) if (isRunWord(ctx.tokens[k] as Token)) n++;
  const reused = runArrays[n];
  const words = reused ?? [];
  for (let k = ctx.first, slot = 0; k <= ctx.last; k++) {
    if (!isRunWord(ctx.tokens[k] as Token)) continue;
    const w = info(ctx, k, slot++);
    if (reused) words[slot - 1] = w;
    else words.push(w);
  }
  if (!reused) runArrays[n] = words;
  // "Douglas & Lomason", "Procter & Gamble": an ampersand between capitalized words names a firm.
  let amp = -1;
  // The only punctuation among run words is "&".
  for (let k = 0; k < words.length && amp < 0; k++)
    if ((words[k] as WordInfo).token.kind === Kind.Punct) amp = k;
  if (amp > 0 && (everydayAmpersand(words, amp) || regionsAround(words, amp))) return;
  if (
    amp > 0 &&
    amp < words.length - 1 &&
    !ctx.caps &&
    !allOrdinaryWords(words) &&
    !twoGivenNames(words, amp)
  ) {
    let from = 0;
    while (from < amp && (words[from] as WordInfo).stop) from++;
    out.push({
      start: spanStart(words, from),
      end: spanEnd(ctx, words, words.length - 1),
      type: 'organization',
      score: 0.7,
    });
    return;
  }
  // "Corvid Analytics and Bluefin Insurance": two organizations joined by "and", each ending in a head word.
  const join = joinedOrganizations(words);
  if (join > 0) {
    const leftLast = (words[join - 1] as WordInfo).index;
    const rightFirst = (words[join + 1] as WordInfo).index;
    const runLast = ctx.last;
    // The pooled words are overwritten by the nested calls: only token indexes are kept.
    ctx.last = leftLast;
    classifyRunWords(ctx, out);
    ctx.first = rightFirst;
    ctx.last = runLast;
    classifyRunWords(ctx, out);
    return;
  }
  if (businessFunctionsOnly(words)) return;
  // Most runs neither start nor end in a word of the run-level screens below.
  const screened = (((words[0] as WordInfo).lexFlags | (words[n - 1] as WordInfo).lexFlags) & F.runCue) !== 0;
  if (screened && (postalService(ctx, words) || teamName(ctx, words))) return;
  const unit = screened ? companyBeforeUnit(words) : 0;
  if (unit > 0) {
    out.push({
      start: spanStart(words, 0),
      end: spanEnd(ctx, words, unit - 1),
      type: 'organization',
      score: 0.5,
    });
    return;
  }
  // Whole-run organization evidence (legal suffix / head word) wins over splitting at connectors.
  const org =
    (ctx.caps && headlineClause(words)) || (screened && endsInProduct(words))
      ? undefined
      : organizationEvidence(words);
  if (org) {
    if (org.personBefore) classifyPiece(ctx, words.slice(0, org.personBefore), out);
    out.push({
      start: spanStart(words, org.from),
      end: spanEnd(ctx, words, org.to),
      type: 'organization',
      score: org.score,
    });
    return;
  }
  if (partnershipAfterCue(ctx, words)) {
    out.push({ start: spanStart(words, 0), end: spanEnd(ctx, words, 2), type: 'organization', score: 0.5 });
    return;
  }
  // Otherwise split at connectors ("Peter and Mary", "Smith of Reuters") and classify pieces.
  let pieceStart = 0;
  for (let k = 0; k <= words.length; k++) {
    const w = words[k];
    const isBreak = !w || (w.token.shape === Shape.Lower && CONNECTOR_WORDS.has(w.key)) || w.key === '&';
    if (isBreak) {
      if (k > pieceStart)
        classifyPiece(ctx, pieceStart === 0 && k === n ? words : words.slice(pieceStart, k), out);
      pieceStart = k + 1;
    }
  }
}

/**
 * The index of the lower-case "and" between two organization names of at least two words each, each ending
 * in a head word or legal form ("Johnson Controls Inc and Lear Corp", "Corvid Analytics and Bluefin
 * Insurance"), or -1. One name with "and" inside ("Ministry of Health and Welfare", "State Law and Order
 * Restoration Council") has a single word or no head word before the "and", or ordinary words around it.
 */
function joinedOrganizations(words: readonly WordInfo[]): number {
  const n = words.length;
  if (n < 5) return -1;
  const last = words[n - 1] as WordInfo;
  if ((last.lexFlags & (F.orgHead | F.legal)) === 0) return -1;
  // "Brenwick and Sons Ltd and Pellham and Voss LLP": after a legal form the first name is complete.
  for (let k = 2; k < n - 2; k++) {
    const w = words[k] as WordInfo;
    if (
      w.key === 'and' &&
      w.token.shape === Shape.Lower &&
      ((words[k - 1] as WordInfo).lexFlags & F.legal) !== 0
    )
      return k;
  }
  for (let k = 2; k < n - 2; k++) {
    const w = words[k] as WordInfo;
    if (w.key !== 'and' || w.token.shape !== Shape.Lower) continue;
    const end = (words[k - 1] as WordInfo).lexFlags;
    if ((end & (F.orgHead | F.legal)) === 0) return -1;
    for (let m = k + 1; m < n; m++) if ((words[m] as WordInfo).token.shape === Shape.Lower) return -1;
    // After a legal form the first name is complete; after a head word one of the names must open with
    // a word no list knows (a coined name), not with ordinary or place words.
    return (end & F.legal) !== 0 || coinedWord(words[0] as WordInfo) || coinedWord(words[k + 1] as WordInfo)
      ? k
      : -1;
  }
  return -1;
}

/** Words before a firm's name: "a letter from Harlow and Finch", "a partner at Harlow and Finch". */
const FIRM_CUES = new Set(['from', 'at']);

/**
 * "from Harlow and Finch": two surnames (no given name, no ordinary word or place) joined by "and" after
 * "from" or "at" name a partnership, as law and accounting firms are named.
 */
function partnershipAfterCue(ctx: RunContext, words: readonly WordInfo[]): boolean {
  if (words.length !== 3 || (words[1] as WordInfo).key !== 'and') return false;
  const a = words[0] as WordInfo;
  const b = words[2] as WordInfo;
  const p = ctx.tokens[a.index - 1];
  if (p?.kind !== Kind.Word || p.shape !== Shape.Lower || !FIRM_CUES.has(p.lower)) return false;
  return firmSurname(a) && firmSurname(b);
}

function firmSurname(w: WordInfo): boolean {
  return (
    w.token.shape === Shape.Title &&
    !w.first &&
    (w.lexFlags & (F.common | F.place | F.stop | F.title | F.org | F.tool)) === 0 &&
    (w.surname || !w.dict)
  );
}

function coinedWord(w: WordInfo): boolean {
  return (w.lexFlags & (F.dict | F.common | F.stop | F.place | F.first)) === 0;
}

/**
 * "GONZALEZ HOMERS TWICE AS RANGERS BEAT INDIANS": in an upper-case line a run is often a whole clause;
 * a stop word inside that cannot open an organization name ("AS", "BEAT") says it is no single name.
 */
function headlineClause(words: readonly WordInfo[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k] as WordInfo;
    if (
      w.stop &&
      !CONNECTOR_WORDS.has(w.key) &&
      !isOrgOpener(w.key) &&
      (w.lexFlags & (F.orgHead | F.ofHead)) === 0
    )
      return true;
  }
  return false;
}

function endsInLegalAs(piece: readonly WordInfo[]): boolean {
  const tail = piece[piece.length - 1] as WordInfo;
  return piece.length >= 2 && tail.key === 'as' && tail.token.shape === Shape.Upper;
}

/**
 * A known company whose name is an everyday word ("Time", "Target", "Shell") standing alone in technical
 * text or as a label ("Planning Time: 0.4 ms", "Error: Target closed"): the word, not the company.
 */
function everydayUse(ctx: RunContext, w: WordInfo): boolean {
  if (!(w.dict || w.common) || w.token.shape !== Shape.Title) return false;
  const next = ctx.tokens[w.index + 1];
  return (next?.kind === Kind.Punct && next.lower === ':') || ctx.tech();
}

function toolBefore(piece: readonly WordInfo[], k: number): boolean {
  for (let m = 0; m < k; m++) if ((piece[m] as WordInfo).tool) return true;
  return false;
}

/** What a company's product makes, holds or issues: "a Zendesk ticket", "our HubSpot export", "Visa ending". */
const PRODUCT_ARTIFACTS = new Set([
  'ticket',
  'tickets',
  'export',
  'exports',
  'import',
  'dashboard',
  'workspace',
  'instance',
  'integration',
  'plugin',
  'webhook',
  'webhooks',
  'sandbox',
  'ending',
  'inbox',
  'sync',
  'login',
  'checkout',
  'widget',
  'sdk',
  'store',
  'storefront',
  'report',
  'reports',
  'folder',
  'folders',
  'channel',
  'channels',
  'console',
  'order',
  'orders',
  'page',
  'feed',
  'form',
  'forms',
  'sheet',
  'calendar',
  'notification',
  'notifications',
  'campaign',
  'campaigns',
  'ads',
  'api',
  'bucket',
  'subscription',
  'reviews',
  'pixel',
  'card',
  'wallet',
  // "NHS numbers", "an Amazon order number": the identifier scheme, not the body.
  'number',
  'numbers',
  'tracking',
  'label',
  'labels',
  'pickup',
  'shipment',
]);

/**
 * "Zendesk ticket #118", "our HubSpot export", "Visa ending 4471": a company named as the tool or card
 * something came from is its product, not a party in the text.
 */
function productUse(ctx: RunContext, w: WordInfo, piece: readonly WordInfo[], k: number): boolean {
  // "FedEx Ground 7749 8123 6605": a service name of ordinary words between the company and the id.
  if (k === 0 && piece.length > 1 && serviceWords(piece)) {
    const after = ctx.tokens[(piece[piece.length - 1] as WordInfo).index + 1];
    // "our Google Drive folder", "via DHL Express": the company's name, then its product's.
    if (productWords(piece) && productSetting(ctx, piece)) return true;
    return after?.kind === Kind.Number && labelsNumber(ctx, (piece[piece.length - 1] as WordInfo).index + 1);
  }
  const next = ctx.tokens[w.index + 1];
  // "WhatsApp OTP", "Salesforce API", "Shopify Admin API": the company's channel or interface.
  if (
    (next?.kind === Kind.Word && next.shape === Shape.Upper && PRODUCT_ACRONYMS.has(next.lower)) ||
    productAcronymAfter(piece, k)
  )
    return true;
  if (k !== piece.length - 1) return false;
  // "our Shopify → NetSuite sync", "my Mastercard": a company the writer uses is the product they use.
  if (possessiveOpener(ctx.tokens[w.index - 1]) || (k === 0 && migrationBefore(ctx, w.index))) return true;
  // "Mastercard (ending 2290)"
  if (next?.lower === '(' && ctx.tokens[w.index + 2]?.lower === 'ending') return true;
  if (next?.kind === Kind.Number) return labelsNumber(ctx, w.index + 1);
  // "Zendesk #88123", "Jira #4410": the company's product numbers the item.
  if (next?.lower === '#' && ctx.tokens[w.index + 2]?.kind === Kind.Number) return true;
  // "WhatsApp +65 9123 4567": an international phone number.
  if (next?.lower === '+' && next.start > w.token.end) return ctx.tokens[w.index + 2]?.kind === Kind.Number;
  return next?.kind === Kind.Word && next.shape === Shape.Lower && PRODUCT_ARTIFACTS.has(next.lower);
}

/**
 * "USPS 9400 1118 9922", "DHL 1420556031": a company name right before a long or grouped number (a
 * tracking, account or phone number) labels that number with the service it belongs to.
 */
function labelsNumber(ctx: RunContext, at: number): boolean {
  const next = ctx.tokens[at] as Token;
  const digits = idDigits(ctx.codes, next);
  if (digits >= 6) return true;
  const third = ctx.tokens[at + 2];
  const second = ctx.tokens[at + 1];
  // "DHL 88 1207 4412": three single-spaced groups, the last two of four digits or more.
  if (
    second?.kind === Kind.Number &&
    third?.kind === Kind.Number &&
    second.start === next.end + 1 &&
    third.start === second.end + 1 &&
    idDigits(ctx.codes, second) >= 4 &&
    idDigits(ctx.codes, third) >= 4
  )
    return true;
  // An id written in groups: "9400 1118 9922", "1Z 4E7 W69" (not a table row's "57 5 49").
  const after = ctx.tokens[at + 1];
  if (after?.kind !== Kind.Number || after.start !== next.end + 1 || digits < 0) return false;
  return (digits >= 3 && idDigits(ctx.codes, after) >= 3) || digits < next.end - next.start;
}

/** Acronyms after a company that name its channel or interface, not a party. */
const PRODUCT_ACRONYMS = new Set(['otp', 'sms', 'api', 'sdk', 'sso', 'crm', 'erp', 'pos', 'cli', 'ui']);

/** A channel acronym as the next word of the piece or the one after an ordinary word ("Admin API"). */
function productAcronymAfter(piece: readonly WordInfo[], k: number): boolean {
  for (let m = k + 1; m < piece.length && m <= k + 2; m++) {
    const w = piece[m] as WordInfo;
    if (w.token.shape === Shape.Upper && PRODUCT_ACRONYMS.has(w.key)) return true;
    if (!w.dict || w.token.shape !== Shape.Title) return false;
  }
  return false;
}

/** Verbs that move data between tools: "migrated from Zendesk to Intercom", "synced with HubSpot". */
const MIGRATION_VERBS = new Set(
  'migrate|migrated|migrating|migration|integrate|integrated|integrating|integration|sync|synced|syncing|export|exported|exporting|import|imported|importing|replace|replaced|replacing|connect|connected|connecting'.split(
    '|',
  ),
);
const MIGRATION_PREPOSITIONS = new Set(['from', 'to', 'into', 'with', 'off']);

/** A preposition right before token `index`, and a migration verb at most four tokens before that. */
function migrationBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  if (p?.kind !== Kind.Word || !MIGRATION_PREPOSITIONS.has(p.lower)) return false;
  for (let m = index - 2; m >= 0 && m >= index - 5; m--) {
    const t = ctx.tokens[m] as Token;
    if (t.kind === Kind.Newline) return false;
    if (t.kind === Kind.Word && t.shape === Shape.Lower && MIGRATION_VERBS.has(t.lower)) return true;
  }
  return false;
}

function possessiveOpener(t: Token | undefined): boolean {
  return t?.kind === Kind.Word && (t.lower === 'our' || t.lower === 'my' || t.lower === 'your');
}

/** Words before a product's name: "shipped via DHL Express", "our Google Drive". */
const PRODUCT_OPENERS = new Set(['via', 'by', 'using', 'our', 'my', 'your', 'their', 'shared']);

/** A product opener before the piece or a product artifact after it ("Google Drive folder"). */
function productSetting(ctx: RunContext, piece: readonly WordInfo[]): boolean {
  const before = ctx.tokens[(piece[0] as WordInfo).index - 1];
  if (before?.kind === Kind.Word && PRODUCT_OPENERS.has(before.lower)) return true;
  const after = ctx.tokens[(piece[piece.length - 1] as WordInfo).index + 1];
  return after?.kind === Kind.Word && after.shape === Shape.Lower && PRODUCT_ARTIFACTS.has(after.lower);
}

/**
 * One or two ordinary capitalized words after the first ("Drive", "Express", "Ground"), none of them an
 * organization head word or legal form ("Google Ventures", "Samsung Electronics" stay companies).
 */
function productWords(piece: readonly WordInfo[]): boolean {
  if (piece.length > 3) return false;
  for (let m = 1; m < piece.length; m++) {
    const w = piece[m] as WordInfo;
    if (w.orgWord || (w.lexFlags & (F.orgHead | F.legal | F.org)) !== 0) return false;
  }
  return serviceWords(piece);
}

/**
 * "Team Digitalisierung", "Team Payments", "Abteilung Einkauf": a team inside a company, named in a
 * signature or an org chart. (In sports text "Team Sky" is a club.)
 */
function teamName(ctx: RunContext, words: readonly WordInfo[]): boolean {
  const first = words[0] as WordInfo;
  if (words.length < 2 || words.length > 3 || (first.key !== 'team' && first.key !== 'abteilung'))
    return false;
  if (first.token.shape !== Shape.Title) return false;
  for (let k = 1; k < words.length; k++) if ((words[k] as WordInfo).token.shape === Shape.Lower) return false;
  return !ctx.sports(first.token.start);
}

/** Last words of a postal or parcel service's name ("NZ Post", "Royal Mail", "Parcel Express"). */
const POSTAL = new Set(POSTAL_WORDS);

/**
 * "NZ Post CP418820331NZ", "Canada Post 7023 4418 9920 1157": a postal service right before a tracking
 * number is the service that carries the parcel, not a party.
 */
function postalService(ctx: RunContext, words: readonly WordInfo[]): boolean {
  const last = words[words.length - 1] as WordInfo;
  if (words.length < 2 || !POSTAL.has(last.key)) return false;
  const at = last.index + 1;
  const next = ctx.tokens[at];
  if (!next || next.start > last.token.end + 1) return false;
  if (next.kind === Kind.Number) return labelsNumber(ctx, at);
  if (next.kind !== Kind.Word) return false;
  if (idDigits(ctx.codes, next) >= 6) return true;
  // "CP418820331NZ" split by the tokenizer: a letter prefix glued to a long number.
  const digits = ctx.tokens[at + 1];
  return digits?.kind === Kind.Number && digits.start === next.end && idDigits(ctx.codes, digits) >= 6;
}

/** Words after the first that are all ordinary capitalized words ("Ground", "Express", "Priority"). */
function serviceWords(piece: readonly WordInfo[]): boolean {
  for (let m = 1; m < piece.length; m++) {
    const w = piece[m] as WordInfo;
    if (!w.dict || w.first || w.surname || w.place || w.token.shape !== Shape.Title) return false;
  }
  return true;
}

/** The digits of an id-like token (letters and digits only), or -1 for one with other characters. */
function idDigits(codes: Uint16Array, t: Token): number {
  let digits = 0;
  for (let k = t.start; k < t.end; k++) {
    const c = codes[k] as number;
    if (c >= 48 && c <= 57) digits++;
    else if (!((c | 32) >= 97 && (c | 32) <= 122)) return -1;
  }
  return digits;
}

/** "Ontario-based": the hyphen checked first, as most words have none there. */
function basedWord(key: string): boolean {
  return key.length > 6 && key.charCodeAt(key.length - 6) === 45 && key.endsWith('-based');
}

/** Classifies consecutive capitalized words: strips non-name words, then finds orgs, places and people. */
function classifyPiece(ctx: RunContext, piece: readonly WordInfo[], out: EntitySpan[]): void {
  const lex = ctx.lex;
  // "Brekke Maritime AS on Monday": the legal form "AS" is also a stop word, which would end the chunk
  // before it; the piece cut at "on" is the whole company.
  if (endsInLegalAs(piece) && !ctx.caps) {
    const org = organizationEvidence(piece);
    if (org?.personBefore === 0) {
      out.push({
        start: spanStart(piece, org.from),
        end: spanEnd(ctx, piece, org.to),
        type: 'organization',
        score: org.score,
      });
      return;
    }
  }
  // "Panamanian Boxing Association President Ramon Ruiz": an organization ending in a head word right
  // before a title, which the stop words inside it would otherwise cut apart.
  for (let t = 2; t < piece.length - 1; t++) {
    const w = piece[t] as WordInfo;
    if (!w.title || w.first || w.surname) continue;
    if (((piece[t - 1] as WordInfo).lexFlags & (F.orgHead | F.legal)) === 0) break;
    const org = organizationEvidence(piece.slice(0, t));
    if (org?.personBefore !== 0) break;
    out.push({
      start: spanStart(piece, org.from),
      end: spanEnd(ctx, piece, org.to),
      type: 'organization',
      score: org.score,
    });
    classifyPiece(ctx, piece.slice(t), out);
    return;
  }
  let k = 0;
  let titled = false;
  let chunkStart = 0;
  while (k < piece.length) {
    const w = piece[k] as WordInfo;
    // "Google Drive", "Play Store", "Samsung Galaxy": a product named after its maker names nobody.
    const productLen =
      (w.lexFlags & F.runCue) !== 0 && PRODUCT_FIRST_WORDS.has(w.key) ? productPhraseAt(piece, k) : 0;
    if (productLen > 0) {
      titled = flush(ctx, piece, chunkStart, k, titled, out);
      k += productLen;
      chunkStart = k;
      continue;
    }
    const orgLen = phraseAt(piece, k, lex.organizations, lex.maxPhraseWords);
    // A known organization: emit unless it is the start of a person ("Ford Madox Ford" is rare; "Jordan
    // Smith" is not) - single words that are also given names followed by more words stay with the chunk.
    // After a tool word the company names the product's flavour ("Spring Cloud Alibaba"): no company there.
    if (
      orgLen > 0 &&
      !(orgLen === 1 && w.first && k + 1 < piece.length && k === chunkStart) &&
      !toolBefore(piece, k)
    ) {
      if (!(orgLen === 1 && (w.stop || (w.common && ctx.caps) || w.tool || everydayUse(ctx, w)))) {
        if (orgLen === 1 && productUse(ctx, w, piece, k)) {
          titled = flush(ctx, piece, chunkStart, k, titled, out);
          // The product's own words ("Drive" of "Google Drive") name nobody either.
          k = k === 0 && productWords(piece) && productSetting(ctx, piece) ? piece.length : k + 1;
          chunkStart = k;
          continue;
        }
        titled = flush(ctx, piece, chunkStart, k, titled, out);
        out.push({
          start: spanStart(piece, k),
          end: spanEnd(ctx, piece, k + orgLen - 1),
          type: 'organization',
          score: 0.7,
        });
        k += orgLen;
        chunkStart = k;
        continue;
      }
    }
    // "West Bromwich", "St Pauli", "East Fife": a compass/saint prefix makes a place-like name (a team in
    // sports text), never a person.
    const nextWord = piece[k + 1];
    // The set lookup last: most words fail the cheap conditions.
    if (
      k === chunkStart &&
      nextWord &&
      w.token.shape === Shape.Title &&
      nextWord.token.shape === Shape.Title &&
      !nextWord.stop &&
      !nextWord.first &&
      PLACE_PREFIX.has(w.key)
    ) {
      titled = flush(ctx, piece, chunkStart, k, titled, out);
      let e = k + 2;
      while (e < piece.length && e - k < 4 && plainWord(piece[e] as WordInfo)) e++;
      const lastWord = piece[e - 1] as WordInfo;
      const numberAround =
        ctx.tokens[w.index - 1]?.kind === Kind.Number || ctx.tokens[lastWord.index + 1]?.kind === Kind.Number;
      if (numberAround || ctx.sports(w.token.start)) {
        out.push({
          start: spanStart(piece, k),
          end: spanEnd(ctx, piece, e - 1),
          type: 'organization',
          score: 0.45,
        });
      }
      k = e;
      chunkStart = e;
      continue;
    }
    // "Ontario-based Magna": the place belongs to the description, the name starts after it.
    if (k + 1 < piece.length && basedWord(w.key)) {
      titled = flush(ctx, piece, chunkStart, k, titled, out);
      k++;
      chunkStart = k;
      continue;
    }
    if (w.title && !w.first && !w.surname) {
      flush(ctx, piece, chunkStart, k, titled, out);
      titled = true;
      k++;
      chunkStart = k;
      continue;
    }
    // "Later Dunmoor's ...": a capitalized ordinary word opening the sentence is not part of a name.
    if (
      k === chunkStart &&
      k + 1 < piece.length &&
      !ctx.caps &&
      descriptorWord(w) &&
      isSentenceStart(ctx.tokens, w.index)
    ) {
      k++;
      chunkStart = k;
      continue;
    }
    // "Fullback Andre Joubert": a leading ordinary word before a given name describes the person.
    if (w.first && k === chunkStart + 1 && !ctx.caps && descriptorWord(piece[chunkStart] as WordInfo)) {
      chunkStart = k;
      k++;
      continue;
    }
    // "New York", "KANSAS CITY": a known place of several words stays whole, though its first or
    // last word alone would end the chunk.
    if (k === chunkStart && w.phraseStart && (w.stop || ctx.caps)) {
      const placeLen = phraseAt(piece, k, lex.places, lex.maxPhraseWords);
      if (placeLen >= 2) {
        k += placeLen;
        continue;
      }
    }
    const breaks = w.stop || (ctx.caps && w.common && !w.first && !w.surname && !w.place);
    if (breaks && !(w.first && k > chunkStart)) {
      titled = flush(ctx, piece, chunkStart, k, titled, out);
      k++;
      chunkStart = k;
      continue;
    }
    k++;
  }
  flush(ctx, piece, chunkStart, piece.length, titled, out);
}

/**
 * "the Lakers", "Warriors fans", "RANGERS BEAT INDIANS": a club nickname on its own. One that is also an
 * ordinary word ("Giants", "Kings") does not count at a sentence start outside sports text ("Giants of
 * industry ...").
 */
function teamNickname(ctx: RunContext, w: WordInfo): boolean {
  if ((w.lexFlags & F.team) === 0 || w.token.shape === Shape.Lower || w.token.shape === Shape.Other)
    return false;
  if (!(w.dict || w.common) || w.first || w.surname) return !w.first && !w.surname;
  return !isSentenceStart(ctx.tokens, w.index) || ctx.sports(w.token.start);
}

/** Last parts of one-word channel, studio and label names ("LibraTv", "AtwoodGames", "KoboldPress"). */
const CAMEL_HEADS = new Set(
  'tv|games|gaming|news|media|music|records|studios|studio|films|network|channel|radio|productions|entertainment|sports|tech|labs|magazine|press|fm|hq|official|vevo'.split(
    '|',
  ),
);

/** A capitalized word with a second capital inside whose last part is a {@link CAMEL_HEADS} word. */
function camelCaseOrganization(ctx: RunContext, w: WordInfo): boolean {
  const t = w.token;
  // Ordinary words and names are never such compounds: most chunks leave here, before the letter loop.
  if (t.end - t.start < 5 || t.shape === Shape.Upper || w.first || w.surname || w.dict || w.common || w.place)
    return false;
  const codes = ctx.codes;
  // The last capital after the first letter, then at least two letters.
  let k = t.end - 2;
  while (k > t.start && !((codes[k] as number) >= 65 && (codes[k] as number) <= 90)) k--;
  if (k <= t.start + 1) return false;
  // "#FakeNews": hashtags are topics.
  if (ctx.tokens[w.index - 1]?.lower === '#') return false;
  return CAMEL_HEADS.has(w.key.slice(k - t.start));
}

/**
 * "Walsall v Wrexham": fixtures in sports text name teams. The other side must be a name too: in
 * "## Ambition vs. precision" the heading compares two ideas.
 */
function versusAround(ctx: RunContext, first: number, last: number): boolean {
  const isVersus = (t: Token | undefined) =>
    !!t && t.shape === Shape.Lower && (t.lower === 'v' || t.lower === 'vs');
  const opponent = (at: number, step: 1 | -1): boolean => {
    let t = ctx.tokens[at];
    if (t?.kind === Kind.Punct && t.lower === '.') t = ctx.tokens[at + step];
    // A fixture list puts the date on the left: "August 16-18 v Kent".
    return !!t && (t.kind === Kind.Number || (t.kind === Kind.Word && t.shape !== Shape.Lower));
  };
  return (
    (isVersus(ctx.tokens[first - 1]) && opponent(first - 2, -1)) ||
    (isVersus(ctx.tokens[last + 1]) && opponent(last + 2, 1))
  );
}

const PLACE_PREFIX = new Set([
  'north',
  'south',
  'east',
  'west',
  'st',
  'saint',
  'port',
  'fort',
  'mount',
  'lake',
  'upper',
  'lower',
  'glen',
]);

function plainWord(w: WordInfo): boolean {
  return w.token.shape === Shape.Title && !w.stop && !w.title && !w.orgWord;
}

/** Everyday abbreviations written with an ampersand: topics, departments and documents, not firms. */
const EVERYDAY_AMPERSANDS = new Set([
  'r&d',
  'q&a',
  'm&a',
  'p&l',
  't&c',
  't&cs',
  'f&b',
  'l&d',
  'd&i',
  'o&m',
  'g&a',
  's&op',
  'h&s',
  'e&o',
  'a&e',
  'r&r',
  'b&w',
]);

/** "T&Cs", "R&D", "Q&A": one short word each side of a glued ampersand, an everyday abbreviation. */
function everydayAmpersand(words: readonly WordInfo[], amp: number): boolean {
  if (words.length !== 3 || amp !== 1) return false;
  const a = words[0] as WordInfo;
  const b = words[2] as WordInfo;
  if (a.key.length > 2 || b.key.length > 3) return false;
  return EVERYDAY_AMPERSANDS.has(`${a.key}&${b.key}`);
}

/** Regions of sales territories and org charts, written with an ampersand ("UK & IE", "EMEA & APAC"). */
const REGION_CODES = new Set(
  'uk|ie|us|usa|eu|emea|apac|amer|americas|latam|dach|benelux|nordics|anz|mena|cee|apj|row|na|sea|eea'.split(
    '|',
  ),
);

/** "Commercial Director UK & IE", "Service Manager UK & APAC": regions on both sides of the ampersand. */
function regionsAround(words: readonly WordInfo[], amp: number): boolean {
  const a = words[amp - 1] as WordInfo;
  const b = words[amp + 1] as WordInfo;
  return (
    amp === words.length - 2 && (REGION_CODES.has(a.key) || a.place) && (REGION_CODES.has(b.key) || b.place)
  );
}

/** "Jason & Michelle": one given name on each side of the ampersand are two people. */
function twoGivenNames(words: readonly WordInfo[], amp: number): boolean {
  if (words.length !== 3 || amp !== 1) return false;
  const a = words[0] as WordInfo;
  const b = words[2] as WordInfo;
  return a.first && b.first && !a.surname && !b.surname;
}

/** "Action & Adventure", "Kids & Family": only dictionary words, no name or organization word. */
function allOrdinaryWords(words: readonly WordInfo[]): boolean {
  for (const w of words) {
    if (w.key === '&' || w.stop) continue;
    if (!(w.dict || w.common) || w.first || w.surname || w.orgWord || w.token.shape === Shape.Upper)
      return false;
  }
  return true;
}

function descriptorWord(w: WordInfo): boolean {
  return w.dict && !w.first && !w.surname && !w.initial && !w.place && !w.orgWord;
}

/** Classifies piece[from..to) as one chunk, if non-empty; returns the reset "titled" flag. */
function flush(
  ctx: RunContext,
  piece: readonly WordInfo[],
  from: number,
  to: number,
  titled: boolean,
  out: EntitySpan[],
): boolean {
  if (to > from)
    classifyChunk(ctx, from === 0 && to === piece.length ? piece : piece.slice(from, to), titled, out);
  return false;
}

/**
 * Organizations the chunk's own form gives away (asked of untitled chunks): a head word ending a chunk cut
 * from a longer run, a known company with its split possessive, a club nickname or a channel-name compound.
 * Kept apart from classifyChunk so that the common path stays small.
 */
function organizationForm(
  ctx: RunContext,
  chunk: readonly WordInfo[],
  start: number,
  end: number,
  out: EntitySpan[],
): boolean {
  const firstWord = chunk[0] as WordInfo;
  const lastWord = chunk[chunk.length - 1] as WordInfo;
  const next = ctx.tokens[lastWord.index + 1];
  // A chunk cut from a longer run by a title ("Boxing Association President Ramon Ruiz") may end in a head
  // word the whole run did not.
  if (
    chunk.length >= 2 &&
    ((lastWord.lexFlags & (F.orgHead | F.legal)) !== 0 || (firstWord.lexFlags & F.headFirst) !== 0)
  ) {
    const org = organizationEvidence(chunk);
    if (org && org.personBefore === 0) {
      out.push({
        start: spanStart(chunk, org.from),
        end: spanEnd(ctx, chunk, org.to),
        type: 'organization',
        score: org.score,
      });
      return true;
    }
  }
  if (next?.kind === Kind.Punct && chunk.length <= 2 && !firstWord.first) {
    // "McDonald's", "Sainsbury ' s": a known name with its possessive 's (the tokenizer splits it off);
    // not after a title or on a given name ("Wendy's dream").
    const s = ctx.tokens[lastWord.index + 2];
    if ((next.lower === "'" || next.lower === '’') && s?.lower === 's' && s.kind === Kind.Word) {
      const key = chunk.length === 1 ? firstWord.key : `${firstWord.key} ${lastWord.key}`;
      if (ctx.lex.organizations.has(`${key}'s`)) {
        out.push({ start, end: s.end, type: 'organization', score: 0.6 });
        return true;
      }
    }
  }
  if (
    chunk.length === 1 &&
    (firstWord.compound || teamNickname(ctx, firstWord) || camelCaseOrganization(ctx, firstWord))
  ) {
    out.push({ start, end, type: 'organization', score: 0.5 });
    return true;
  }
  return false;
}

function classifyChunk(
  ctx: RunContext,
  chunk: readonly WordInfo[],
  titled: boolean,
  out: EntitySpan[],
): void {
  const lex = ctx.lex;
  const firstWord = chunk[0] as WordInfo;
  const lastWord = chunk[chunk.length - 1] as WordInfo;
  const start = spanStart(chunk, 0);
  const end = spanEnd(ctx, chunk, chunk.length - 1);
  const next = ctx.tokens[lastWord.index + 1];
  if (firstWord.tool && toolChunk(chunk)) return;
  if (chunk.length === 1 && pluralAcronym(ctx.codes, firstWord.token)) return;
  // "Head of Service Mgmt", "Dept 3120": a business abbreviation alone (not also a given name: "Dev").
  if (chunk.length === 1 && (firstWord.lexFlags & F.everyday) !== 0 && !firstWord.first && !firstWord.surname)
    return;

  // Most chunks have none of the forms organizationForm looks for: the cheap tests come first.
  if (
    !titled &&
    ((lastWord.lexFlags & (F.orgHead | F.legal | F.team)) !== 0 ||
      (firstWord.lexFlags & F.headFirst) !== 0 ||
      (next?.kind === Kind.Punct && (next.lower === "'" || next.lower === '’')) ||
      (chunk.length === 1 &&
        !firstWord.dict &&
        !firstWord.common &&
        firstWord.token.end - firstWord.token.start >= 5)) &&
    organizationForm(ctx, chunk, start, end, out)
  )
    return;
  const placeLen = phraseAt(chunk, 0, lex.places, lex.maxPhraseWords);
  if (placeLen === chunk.length && !firstWord.first && !personCueBefore(ctx, firstWord.index) && !titled) {
    const numeric =
      next?.kind === Kind.Number &&
      (tableRow(ctx, firstWord.index, lastWord.index) ||
        ctx.tokens[firstWord.index - 1]?.kind === Kind.Number);
    const teamLike = (!firstWord.stop || chunk.length > 1) && !isDemonymOnly(ctx, chunk);
    if (teamLike && (numeric || fansAfter(ctx, lastWord.index) || ctx.sports(start)))
      out.push({ start, end, type: 'organization', score: 0.5 });
    return;
  }

  let person = scorePerson(ctx, chunk, titled);
  // "**Organization:** Stadtwerke Lübeck", `company = "Acme"`: the field says what its value is.
  const opener = ctx.tokens[firstWord.index - 1];
  if (
    opener !== undefined &&
    opener.kind === Kind.Punct &&
    fieldPunct(opener) &&
    person < 0.85 &&
    !titled &&
    organizationFieldBefore(ctx, firstWord.index)
  ) {
    out.push({ start, end, type: 'organization', score: 0.6 });
    return;
  }
  // "Priyanka Desai ... Priyanka proposes": a lone word technical text would not take as a name on its
  // own is one when an earlier name of this text has it.
  if (
    person === 0 &&
    chunk.length === 1 &&
    !firstWord.dict &&
    !firstWord.common &&
    ctx.tech() &&
    partOfEarlierPerson(ctx, firstWord, out)
  )
    person = 0.6;
  if (
    next?.kind === Kind.Number &&
    !titled &&
    chunk.length <= 3 &&
    !hasInitial(chunk) &&
    !everydayAcronym(firstWord, chunk)
  ) {
    // "Unit 12B", "Flat 3", "PO Box 2207", "Dock 14": part of an address (the address detector's).
    if (UNIT_WORDS.has(lastWord.key) && (chunk.length === 1 || lastWord.index === firstWord.index + 1))
      return;
    // Sports tables and score lines: "Wigan 42 Bradford 36", "Reading 4 1 1 2 5 10 4".
    const prev = ctx.tokens[firstWord.index - 1];
    const beforePrev = ctx.tokens[firstWord.index - 2];
    const afterNext = ctx.tokens[lastWord.index + 2];
    const scoreLine =
      (prev?.kind === Kind.Number &&
        beforePrev?.kind === Kind.Word &&
        beforePrev.shape !== Shape.Lower &&
        (!afterNext || afterNext.kind === Kind.Newline || afterNext.lower === '(') &&
        // "Kupplung   2   Stk   188,50" is a table row laid out in columns, not "Wigan 42 Bradford 36".
        prev.start - beforePrev.end < 3 &&
        firstWord.token.start - prev.end < 3) ||
      (tableRow(ctx, firstWord.index, lastWord.index) && person < 0.8);
    if (
      (scoreLine || person < 0.7) &&
      !dashDigitsDash(ctx.text, next.start, next.end) &&
      !lowerCueBefore(ctx, firstWord.index) &&
      (scoreLine || ctx.sports(start))
    ) {
      out.push({ start, end, type: 'organization', score: 0.45 });
      return;
    }
  }
  // Right after a house number: a street name, which the address detector owns. A number in the cell
  // before (a tab or two spaces between, as spreadsheets and bank statements lay out rows) is an id or
  // date column, not a house number.
  const before = ctx.tokens[firstWord.index - 1];
  if (
    before?.kind === Kind.Number &&
    !titled &&
    firstWord.token.start - before.end < 2 &&
    !hasTab(ctx.text, before.end, firstWord.token.start) &&
    !hashLike(ctx.codes, before)
  )
    return;
  if (unknownAcronym(ctx, chunk)) {
    out.push({ start, end, type: 'organization', score: 0.4 });
    return;
  }
  if (streetName(ctx, chunk, titled) || (!titled && definesWork(ctx, lastWord.index))) return;
  if (
    person < 0.7 &&
    chunk.length <= 3 &&
    versusAround(ctx, firstWord.index, lastWord.index) &&
    ctx.sports(start)
  ) {
    out.push({ start, end, type: 'organization', score: 0.45 });
    return;
  }
  if (
    !titled &&
    chunk.length <= 4 &&
    orgPhraseBefore(ctx, firstWord.index) &&
    !hasGivenName(chunk) &&
    !hasTool(chunk)
  ) {
    out.push({ start, end, type: 'organization', score: 0.5 });
    return;
  }
  if (
    next?.kind === Kind.Punct &&
    !titled &&
    person < 0.8 &&
    attentionAfter(ctx, lastWord.index) &&
    !allOrdinaryWords(chunk)
  ) {
    out.push({ start, end, type: 'organization', score: 0.5 });
    return;
  }
  if (orgContext(ctx, chunk, person, out)) {
    out.push({ start, end, type: 'organization', score: 0.5 });
    return;
  }
  if (person > 0 && chunk.length === 1 && isDoubleSurname(ctx, firstWord)) {
    out.push({ start, end, type: 'organization', score: 0.4 });
    return;
  }
  // "lives in Tobel": a lone unknown word after a place preposition is a place, not a person; one set
  // apart by column spacing ("Qty   Status", "   Nitrile gloves") is a table's heading or cell.
  if (
    person > 0 &&
    person < 0.4 &&
    chunk.length === 1 &&
    (placePrepositionBefore(ctx, firstWord.index) ||
      tableCell(ctx.codes, firstWord.token) ||
      imperativeVerb(ctx, firstWord.index))
  )
    return;
  // "support MysticWeb": a compound name is no person, but after a company cue it is the company.
  const compound = person === 0 && chunk.length === 1 && firstWord.camel && !ctx.tech();
  if (person > 0 || compound) {
    if (orgCueBefore(ctx, firstWord.index) && person < 0.6 && chunk.length <= 2) {
      out.push({ start, end, type: 'organization', score: 0.4 });
      return;
    }
    if (!compound) out.push({ start, end, type: 'person_name', score: person });
    return;
  }
  if (
    personCueAfter(ctx, lastWord.index) &&
    !hasStopOrPlace(chunk) &&
    !(chunk.length === 1 && firstWord.dict)
  ) {
    out.push({ start, end, type: 'person_name', score: 0.4 });
  }
}

/**
 * Whether a chunk opening with a tool word names only the tool. "Redis", "Apache Kafka", "Grafana Cloud",
 * "NATS JetStream": a tool, alone or with more tool words, code
 * identifiers or ordinary words that are no name ("React Router"), names nobody. A listed name or an
 * organization head word after the tool keeps the chunk ("Ruby Chen", "Grafana Labs"). (A lone identifier
 * such as "BigDecimal" is no person either, see scorePerson, but may still be a channel or company name.)
 */
function toolChunk(chunk: readonly WordInfo[]): boolean {
  for (let k = 1; k < chunk.length; k++) {
    const w = chunk[k] as WordInfo;
    if (w.tool || w.camel || (k > 1 && (w.lexFlags & F.org) !== 0 && !w.first && !w.surname)) continue;
    if (!w.dict || w.first || w.surname || w.orgWord) return false;
  }
  return true;
}

/**
 * Context that makes a capitalized chunk an organization: company nouns or a definition after it
 * ("Veltrix office", "Veltrix is a design agency"), "Jane Roe of Veltrix", "Veltrix's Jane Roe".
 */
function orgContext(ctx: RunContext, chunk: readonly WordInfo[], person: number, out: EntitySpan[]): boolean {
  const head = chunk[0] as WordInfo;
  const tail = chunk[chunk.length - 1] as WordInfo;
  // A lone ordinary word ("The Battery is ...") is too weak to call a company on context alone.
  if (chunk.length === 1 && (head.common || head.stop || head.title)) return false;
  if (orgCueAfter(ctx, tail.index, person) && !placeSite(ctx, chunk)) return true;
  if (person >= 0.8) return false;
  if (person < 0.6 && orgOfCueBefore(ctx, head.index)) return true;
  if (person < 0.7 && basedBefore(ctx, head.index)) return true;
  if (person === 0 && chunk.length <= 4 && !head.initial && orgNounBefore(ctx, head.index)) return true;
  const of = ctx.tokens[head.index - 1];
  const before = out[out.length - 1];
  if (of?.lower === 'of' && before?.type === 'person_name' && before.end === ctx.tokens[head.index - 2]?.end)
    return true;
  return person < 0.7 && possessiveBeforePerson(ctx, tail.index);
}

/** Nouns after a place that name a site or the people there, not a company: "the Sydney office". */
const SITE_NOUNS = new Set(['office', 'offices', 'hq', 'headquarters', 'staff', 'employees', 'team', 'site']);

/** "Sydney office", "our London staff": a known place (here also a given name) before a site noun. */
function placeSite(ctx: RunContext, chunk: readonly WordInfo[]): boolean {
  const head = chunk[0] as WordInfo;
  if (!head.place || phraseAt(chunk, 0, ctx.lex.places, ctx.lex.maxPhraseWords) !== chunk.length)
    return false;
  const next = ctx.tokens[(chunk[chunk.length - 1] as WordInfo).index + 1];
  return next?.kind === Kind.Word && SITE_NOUNS.has(next.lower);
}

/** `/-\d+-/.test(text.slice(start, end))`, without the slice. */
function dashDigitsDash(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    if (text.charCodeAt(i) !== 45) continue;
    let k = i + 1;
    while (k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57) k++;
    if (k > i + 1 && k < end && text.charCodeAt(k) === 45) return true;
  }
  return false;
}

/** "9c1e4fa", "3b77d02": an abbreviated commit hash (git log, blame), never a house number. */
function hashLike(codes: Uint16Array, t: Token): boolean {
  if (t.end - t.start < 6) return false;
  for (let k = t.start; k < t.end; k++) {
    const c = (codes[k] as number) | 32;
    if (c >= 97 && c <= 102) return true;
  }
  return false;
}

/** Labels of a field whose value is an organization's name ("vendor: Quillstone", "Bank: …"). */
const ORGANIZATION_FIELDS = new Set([
  'organization',
  'organisation',
  'company',
  'employer',
  'org',
  'firm',
  'vendor',
  'supplier',
  'bank',
  'insurer',
  'lender',
  'merchant',
  'manufacturer',
  'distributor',
  'reseller',
  'subcontractor',
  'contractor',
  'institution',
  'university',
  'school',
]);

/** "SKU 40-112", "PO 4500018832", "DOB 03/11/1991": an everyday acronym labels the number after it. */
function everydayAcronym(w: WordInfo, chunk: readonly WordInfo[]): boolean {
  return chunk.length === 1 && w.token.shape === Shape.Upper && (w.lexFlags & F.everyday) !== 0;
}

/** Whether the field before token `index` (a punctuation token there) is labelled as an organization. */
function organizationFieldBefore(ctx: RunContext, index: number): boolean {
  const label = fieldLabelBefore(ctx, index);
  return !!label && ORGANIZATION_FIELDS.has(label.lower);
}

/**
 * Whether a person span already found in this text holds the same word as `w` (same letters and case).
 * The words of person spans are gathered into a set as spans come in, so each span is read once per text.
 */
function partOfEarlierPerson(ctx: RunContext, w: WordInfo, out: readonly EntitySpan[]): boolean {
  const text = ctx.text;
  ctx.personWords ??= new Set();
  const names = ctx.personWords;
  for (let k = ctx.personSpansRead; k < out.length; k++) {
    const s = out[k] as EntitySpan;
    if (s.type !== 'person_name') continue;
    let from = s.start;
    for (let i = s.start; i <= s.end; i++) {
      if (i < s.end && isLetterCode(text.charCodeAt(i))) continue;
      if (i > from) names.add(text.slice(from, i));
      from = i + 1;
    }
  }
  ctx.personSpansRead = out.length;
  return names.has(text.slice(w.token.start, w.token.end));
}

/** Words that number a unit inside an address or a site. */
const UNIT_WORDS = new Set([
  'unit',
  'flat',
  'apt',
  'apartment',
  'suite',
  'ste',
  'box',
  'room',
  'rm',
  'floor',
  'fl',
  'bldg',
  'building',
  'block',
  'blk',
  'lot',
  'bay',
  'dock',
  'gate',
  'pier',
  'plot',
  'level',
]);

/**
 * Determiners that open the object of an imperative ("Dedupe these leads", "Reindex the table"); not "my"
 * or "your", which follow a name called out ("Sam my friend").
 */
const OBJECT_DETERMINERS = new Set(['the', 'these', 'this', 'those', 'our', 'all', 'each', 'every']);

/** "Dedupe these leads": an unknown word opening a sentence, right before a determiner, is a verb. */
function imperativeVerb(ctx: RunContext, index: number): boolean {
  const next = ctx.tokens[index + 1];
  return (
    next?.kind === Kind.Word &&
    next.shape === Shape.Lower &&
    OBJECT_DETERMINERS.has(next.lower) &&
    isSentenceStart(ctx.tokens, index)
  );
}

/** "SKUs", "KPIs", "LLMs": capitals and a plural "s" are a plural acronym, no name. */
function pluralAcronym(codes: Uint16Array, t: Token): boolean {
  if (t.end - t.start < 3 || codes[t.end - 1] !== 115) return false;
  for (let k = t.start; k < t.end - 1; k++) {
    const c = codes[k] as number;
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** Two spaces or a tab right before or right after the word: text laid out in columns. */
function tableCell(codes: Uint16Array, t: Token): boolean {
  const b1 = codes[t.start - 1];
  const a1 = codes[t.end];
  return (
    b1 === 9 || a1 === 9 || (b1 === 32 && codes[t.start - 2] === 32) || (a1 === 32 && codes[t.end + 1] === 32)
  );
}

function hasTab(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (text.charCodeAt(i) === 9) return true;
  return false;
}

/** Everyday acronyms, chat slang and currency codes that are not organizations. */
const NOT_ORG_ACRONYMS = new Set(
  'atm|wth|wtf|ftw|stfu|lol|lmao|rofl|omg|idk|smh|tbh|imo|imho|btw|fyi|asap|rsvp|diy|ceo|cfo|cto|coo|vip|pdf|faq|url|api|usb|gps|dna|hiv|aids|pin|ssn|dob|eta|tbd|tba|aka|rip|gdp|vat|iou|ufo|mvp|pov|dm|pm|am|tv|suv|ok|yolo|irl|afaik|ikr|jk|nvm|thx|pls|plz|gtg|brb|ttyl|hmu|ngl|fomo|goat|mfw|tfw|mrw|html|css|json|xml|sql|http|https|ssh|vpn|cpu|gpu|ram|ssd|hdd|lcd|led|iso|utc|gmt|est|pst|cet|bst|kpi|roi|hr|pr|qa|eod|cod|pcos|ocd|adhd|ptsd'.split(
    '|',
  ),
);

/**
 * "CNBC", "LIFFE", "( WBC )": in mixed-case text an unknown all-capitals word of 3-6 letters is most
 * often an organization's acronym (known places, words and names were ruled out by the lists).
 */
function unknownAcronym(ctx: RunContext, chunk: readonly WordInfo[]): boolean {
  if (ctx.caps || chunk.length !== 1) return false;
  const w = chunk[0] as WordInfo;
  if (w.token.shape !== Shape.Upper || w.key.length < 3 || w.key.length > 6) return false;
  if (w.token.end - w.token.start !== w.key.length) return false;
  if (w.first || w.surname || w.common || w.dict || w.stop || w.place || w.title || w.tool) return false;
  // "CSV" in a business prompt (not technical text, so no tool there) and "LLC" after a comma are no
  // organization on their own.
  if ((w.lexFlags & (F.techAcronym | F.legal | F.everyday)) !== 0) return false;
  if (!/^[a-z]+$/.test(w.key) || NOT_ORG_ACRONYMS.has(w.key) || /^(?:lm|ro|lo)fl?a|(.)\1$/.test(w.key))
    return false;
  const prev = ctx.tokens[w.index - 1];
  const next = ctx.tokens[w.index + 1];
  if (prev?.kind === Kind.Number || next?.kind === Kind.Number) return false;
  // "SS-POT-5L-STL": the last segment of an item code.
  if (prev?.lower === '-' && prev.start === w.token.start - 1 && ctx.tokens[w.index - 2]?.end === prev.start)
    return false;
  // "IS THAT IDRIS", "GREAT VIDOI": next to another upper-case word it is shouting, not an acronym. In
  // technical text an unknown acronym is shorthand ("CDC", "SRE", "GOGC"), not a named organization.
  return !shouted(ctx, prev) && !shouted(ctx, next) && !ctx.tech();
}

function shouted(ctx: RunContext, t: Token | undefined): boolean {
  return !!t && t.kind === Kind.Word && t.shape === Shape.Upper && t.end - t.start >= 2 && !ctx.caps;
}

/** Street-type words and (in compounds) endings, from many languages: such chunks are addresses. */
export const STREET_WORDS = new Set(
  'street|road|avenue|boulevard|lane|strasse|straße|straat|laan|gasse|platz|vej|gade|gatan|gata|vägen|veien|vegen|utca|ulica|ul|rue|via|viale|calle|rua|avenida|piazza|piazzetta|plaza|katu|kuja|kapu|útja|allee|chaussee|ring|steeg|gracht|kade|sokak|sokağı|caddesi'.split(
    '|',
  ),
);
export const STREET_ENDING =
  /(?:strasse|straße|straat|gasse|vej|gatan|vägen|veien|vegen|katu|kuja|laan|steeg|gracht)$/;

/**
 * Screens for the two tests above, asked of every word of every chunk: bit `length` of entry
 * `first char & 127` is set for each street word, and entry `last char & 127` is 1 for the last letter
 * of each ending (a key passes when some word or ending could match; the set and regex then decide).
 */
const STREET_WORD_SCREEN = new Uint32Array(128);
for (const w of STREET_WORDS) {
  const slot = (w.charCodeAt(0) & 127) as number;
  STREET_WORD_SCREEN[slot] = (STREET_WORD_SCREEN[slot] as number) | (1 << w.length);
}
const STREET_ENDING_LAST = new Uint8Array(128);
for (const e of STREET_ENDING.source.slice(3, -2).split('|'))
  STREET_ENDING_LAST[e.charCodeAt(e.length - 1) & 127] = 1;

export function streetWord(key: string): boolean {
  const len = key.length;
  const lengths = STREET_WORD_SCREEN[key.charCodeAt(0) & 127] as number;
  if (len < 32 && ((lengths >>> len) & 1) !== 0 && STREET_WORDS.has(key)) return true;
  return len > 6 && STREET_ENDING_LAST[key.charCodeAt(len - 1) & 127] === 1 && STREET_ENDING.test(key);
}

/**
 * "on Villacher Strasse 89", "at Peter Zuidhove 188": a street name (street-type word, or on/at + the
 * chunk + a house number) belongs to the address detector, not to the person detector.
 */
function streetName(ctx: RunContext, chunk: readonly WordInfo[], titled: boolean): boolean {
  for (const w of chunk) if (streetWord(w.key)) return true;
  if (titled) return false;
  const next = ctx.tokens[(chunk[chunk.length - 1] as WordInfo).index + 1];
  const prev = ctx.tokens[(chunk[0] as WordInfo).index - 1];
  if (!next || next.kind !== Kind.Number || next.end - next.start > 5) return false;
  if (!prev || (prev.lower !== 'on' && prev.lower !== 'at')) return false;
  // "at Wimbledon 6-3" is a score, not a house number.
  for (let i = next.start; i < next.end; i++) if (ctx.text.charCodeAt(i) === 45) return false;
  return true;
}

/** Creative works in "X is a 2017 Polish action-comedy film": titles, not people. */
const WORK_KIND = new Set([
  'film',
  'movie',
  'novel',
  'book',
  'song',
  'album',
  'single',
  'series',
  'sitcom',
  'show',
  'documentary',
  'musical',
  'opera',
  'play',
  'poem',
  'video',
  'game',
  'painting',
]);

function definesWork(ctx: RunContext, index: number): boolean {
  const verb = ctx.tokens[index + 1];
  const article = ctx.tokens[index + 2];
  if (!verb || (verb.lower !== 'is' && verb.lower !== 'was')) return false;
  if (!article || (article.lower !== 'a' && article.lower !== 'an' && article.lower !== 'the')) return false;
  for (let k = index + 3; k < ctx.tokens.length && k <= index + 8; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === Kind.Word && WORK_KIND.has(t.lower)) return true;
    if (t.kind === Kind.Punct && t.lower !== '-') return false;
  }
  return false;
}

const PLACE_PREPOSITIONS = new Set(['in', 'near', 'outside', 'across', 'around', 'throughout', 'towards']);

function placePrepositionBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  return !!p && p.kind === Kind.Word && p.shape === Shape.Lower && PLACE_PREPOSITIONS.has(p.lower);
}

/** "Name 4 1 1 2 5 10 4": a row that starts with the name and continues with at least two numbers. */
function tableRow(ctx: RunContext, first: number, last: number): boolean {
  const before = ctx.tokens[first - 1];
  if (before && before.kind !== Kind.Newline) return false;
  let numbers = 0;
  for (let k = last + 1; k < ctx.tokens.length && k < last + 4; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === Kind.Number) numbers++;
    else if (t.kind !== Kind.Punct || t.lower !== '.') break;
  }
  if (numbers >= 2) return true;
  // "Kettering 3 Dorchester 1": name, score, capitalized name, and the line ends with a number.
  const third = ctx.tokens[last + 2];
  if (numbers !== 1 || !third || third.kind !== Kind.Word || third.shape === Shape.Lower) return false;
  for (let k = last + 3; k < ctx.tokens.length && k < last + 8; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === Kind.Number) {
      const after = ctx.tokens[k + 1];
      return !after || after.kind === Kind.Newline;
    }
    if (t.kind !== Kind.Word || t.shape === Shape.Lower) return false;
  }
  return false;
}

/** "Evans-Bonilla" on its own reads as a firm (law/consulting partnership) rather than a person. */
function isDoubleSurname(ctx: RunContext, w: WordInfo): boolean {
  // Asked of every one-word person chunk: words without exactly one hyphen leave before any split.
  const hyphen = w.key.indexOf('-');
  if (hyphen < 0 || w.key.indexOf('-', hyphen + 1) >= 0 || w.token.shape !== Shape.Title) return false;
  const parts = w.key.split('-');
  const raw = ctx.text.slice(w.token.start, w.token.end);
  const dash = raw.indexOf('-');
  if (dash < 0 || raw[dash + 1] === raw[dash + 1]?.toLowerCase()) return false;
  const [a = '', b = ''] = parts;
  const lex = ctx.lex;
  return !lex.firstNames.has(a) && !lex.firstNames.has(b) && (lex.surnames.has(a) || lex.surnames.has(b));
}

/** "To Northlake: attn. Priscilla Tran": the party a notice goes to, to the attention of a person there. */
function attentionAfter(ctx: RunContext, index: number): boolean {
  const colon = ctx.tokens[index + 1];
  if (colon?.lower !== ':' && colon?.lower !== ',') return false;
  const word = ctx.tokens[index + 2];
  return (
    word?.kind === Kind.Word && (word.lower === 'attn' || word.lower === 'fao' || word.lower === 'attention')
  );
}

function hasTool(chunk: readonly WordInfo[]): boolean {
  for (const w of chunk) if (w.tool || w.camel) return true;
  return false;
}

function hasGivenName(chunk: readonly WordInfo[]): boolean {
  for (const w of chunk) if (w.first) return true;
  return false;
}

function hasInitial(chunk: readonly WordInfo[]): boolean {
  for (const w of chunk) if (w.initial) return true;
  return false;
}

function hasStopOrPlace(chunk: readonly WordInfo[]): boolean {
  for (const w of chunk) if (w.stop || w.place) return true;
  return false;
}

/** "Turkish", "Iraqi" (but not "Cincinnati"): a people, not a place that has a club. */
function isDemonymOnly(ctx: RunContext, chunk: readonly WordInfo[]): boolean {
  return chunk.length === 1 && ctx.lex.demonyms.has((chunk[0] as WordInfo).key);
}

/** Cricket scorecards ("c Smith b Jones", "lbw b Jones") put people right after these. */
function lowerCueBefore(ctx: RunContext, index: number): boolean {
  const prev = ctx.tokens[index - 1];
  return (
    !!prev && prev.kind === Kind.Word && (prev.lower === 'b' || prev.lower === 'c' || prev.lower === 'st')
  );
}
