import { classifyRun, type RunContext, releaseRunWords } from './classify-run.ts';
import { labelLetterheadOrganizations } from './letterhead.ts';
import { F as FlagBits, lexicon } from './lexicon.ts';
import { addListSiblingOrganizations } from './list-siblings.ts';
import {
  lowerOrganizationAt,
  lowerOrganizationScreen,
  mayStartLowerOrganization,
  oddCapitalsOrganization,
} from './lower-organizations.ts';
import { completeNameLists } from './name-lists.ts';
import { addShortOrganizationMentions } from './short-organization-mentions.ts';
import { SPORTS_WORDS, STRONG_SPORTS_WORDS, scoreCue } from './sports-cue.ts';
import { isTechnical } from './tech-context.ts';
import {
  casualText,
  codePunctuationCount,
  headlineTokens,
  Kind as KindEnum,
  lastCodeUnits,
  releaseCodeUnits,
  Shape as ShapeEnum,
  sawSportsWord,
  type Token,
  flagsOf as tokenFlags,
  tokenizeReusing,
  toolWordCount,
} from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls, measurable in the
// per-token loops below.
const F = FlagBits;
const Kind = KindEnum;
const Shape = ShapeEnum;
const flagsOf = tokenFlags;

export interface EntitySpan {
  start: number;
  end: number;
  type: 'person_name' | 'organization';
  score: number;
}

/** Lower-case particles allowed inside a name or organization when followed by another capitalized word. */
const CONNECTORS = new Set([
  'de',
  'da',
  'di',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'der',
  'den',
  'van',
  'von',
  'du',
  'la',
  'le',
  'bin',
  'ibn',
  'al',
  'el',
  'y',
  'of',
  'and',
  'for',
  'the',
  'on',
  'upon',
]);
/** Capitalized abbreviations whose trailing dot stays inside the span ("Mr. Smith", "Acme Co."). */
const DOTTED = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'co',
  'inc',
  'corp',
  'ltd',
  'bros',
  'mt',
  'ft',
  'gen',
  'sen',
  'rep',
  'gov',
  'capt',
  'col',
  'lt',
  'sgt',
  'rev',
  'fr',
]);
const MAX_RUN_TOKENS = 16;
/** The line around `at`, at most `reach` characters either side, holds a score. */
function scoreOnLine(text: string, at: number, reach: number): boolean {
  let from = at;
  const low = Math.max(0, at - reach);
  while (from > low && text.charCodeAt(from - 1) !== 10) from--;
  let to = at;
  const high = Math.min(text.length, at + reach);
  while (to < high && text.charCodeAt(to) !== 10) to++;
  return scoreCue(text, from, to);
}

/** Sports evidence counts within about this many characters either side of the word it explains. */
const SPORTS_BLOCK = 400;

function isCapWord(t: Token): boolean {
  return t.kind === Kind.Word && t.shape !== Shape.Lower && t.shape !== Shape.Other;
}

/**
 * Finds person and organization spans in one pass (tokenize, then classify runs of capitalized words).
 */
export function analyzeEnglishEntities(text: string): EntitySpan[] {
  const lex = lexicon();
  // No token outlives this call (spans copy offsets), so the token objects are recycled.
  const tokens = tokenizeReusing(text);
  const codes = lastCodeUnits();
  const sportsWord = sawSportsWord();
  // Headlines (mostly upper-case lines): there, capitalization carries no signal.
  const caps = headlineTokens();
  // Texts that capitalize names properly ("... met Anna") do not need the risky lower-case name rule.
  const casual = casualText();
  const technicalPunct = codePunctuationCount();
  const technicalTools = toolWordCount();
  const lowerScreen = lowerOrganizationScreen();
  const out: EntitySpan[] = [];
  const n = tokens.length;
  // One context for every run of this text (classifyRun does not keep it): no allocation per run.
  let sportsWhole: boolean | undefined;
  let sportsBlocks: Map<number, boolean> | undefined;
  /** Whether the text holds a score anywhere: most long texts have none, and then no line is read. */
  let scoreAnywhere: boolean | undefined;
  let tech: boolean | undefined;
  const sportsWordsIn = (from: number, to: number): boolean => {
    if (!sportsWord) return false;
    const words = ctx.tech() ? STRONG_SPORTS_WORDS : SPORTS_WORDS;
    return words.test(from === 0 && to === text.length ? text : text.slice(from, to));
  };
  const ctx: RunContext = {
    text,
    tokens,
    first: 0,
    last: 0,
    caps: false,
    sports: (at) => {
      if (text.length <= 3 * SPORTS_BLOCK) {
        sportsWhole ??= sportsWordsIn(0, text.length) || scoreCue(text);
        return sportsWhole;
      }
      // A long text (a log, an export, a prompt with a pasted table) is many texts: a stray "1-2" says
      // nothing about a city three screens away or on another line. Sports words count around the word
      // they explain; a score only on its line.
      const block = Math.floor(at / SPORTS_BLOCK);
      sportsBlocks ??= new Map();
      let words = sportsBlocks.get(block);
      if (words === undefined) {
        words = sportsWordsIn(
          Math.max(0, (block - 1) * SPORTS_BLOCK),
          Math.min(text.length, (block + 2) * SPORTS_BLOCK),
        );
        sportsBlocks.set(block, words);
      }
      if (words) return true;
      scoreAnywhere ??= scoreCue(text);
      return scoreAnywhere && scoreOnLine(text, at, SPORTS_BLOCK);
    },
    tech: () => {
      tech ??= isTechnical(technicalPunct, technicalTools);
      return tech;
    },
    personWords: undefined,
    personSpansRead: 0,
    lex,
    codes,
  };
  let i = 0;
  while (i < n) {
    const t = tokens[i] as Token;
    if (!isCapWord(t)) {
      if (t.kind === Kind.Word && t.shape === Shape.Lower) {
        // "import axios from 'axios'": in technical text a tool written in lower case is the tool.
        if (mayStartLowerOrganization(lowerScreen, codes, t) && !lowerTool(t, ctx)) {
          const next = lowerOrganizationAt(tokens, codes, text.length, i, out);
          if (next > i) {
            i = next;
            continue;
          }
        }
        const span = casual ? classifyLowerName(tokens, i) : undefined;
        if (span) out.push(span);
        else if (lowerNameCue(tokens, codes, i))
          out.push({ start: t.start, end: t.end, type: 'person_name', score: 0.4 });
      } else if (t.kind === Kind.Word && t.shape === Shape.Other) oddCapitalsOrganization(t, codes, out);
      i++;
      continue;
    }
    // Grow a run of capitalized words, with connectors and abbreviation dots inside.
    let last = i;
    let j = i + 1;
    /** The last `and` / `&` inside the run: where a run cut by the cap can end cleanly. */
    let lastJoin = -1;
    // Names and organizations are short: capping the run bounds the per-run work on odd input.
    while (j < n && j - i < MAX_RUN_TOKENS) {
      const u = tokens[j] as Token;
      const gap = u.start - (tokens[j - 1] as Token).end;
      if (gap > 3 || (gap > 0 && columnGap(codes, text.length, tokens[j - 1] as Token, u, gap))) break;
      if (isCapWord(u) && caps[j] === caps[i]) {
        last = j;
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (next && isCapWord(next)) {
        const prev = tokens[j - 1] as Token;
        if (u.kind === Kind.Word && u.shape === Shape.Lower && CONNECTORS.has(u.lower)) {
          if (u.lower === 'and') lastJoin = j;
          j++;
          continue;
        }
        if (u.kind === Kind.Punct && u.lower === '&') {
          lastJoin = j;
          j++;
          continue;
        }
        if (
          u.kind === Kind.Punct &&
          u.lower === '.' &&
          (prev.shape === Shape.Initial || DOTTED.has(prev.lower))
        ) {
          j++;
          continue;
        }
      }
      break;
    }
    // "Ostrava Metal s.r.o.": a legal form written in lower case with dots still ends the name.
    if (dottedLowerLegal(tokens[last + 1], tokens[last] as Token)) last++;
    // A run the cap cut off would end mid-name and be read as nothing ("A Corp and B Corp and … and C"
    // repeated past the cap): end it before its last `and` instead; the rest becomes the next run.
    if (j - i >= MAX_RUN_TOKENS && lastJoin > i + 1) {
      last = lastJoin - 1;
      while (last > i && !isCapWord(tokens[last] as Token)) last--;
    }
    // Parts of e-mail addresses, URLs, handles and code identifiers are not names here.
    const before = t.start > 0 ? (codes[t.start - 1] as number) : 32;
    let afterRun = (tokens[last] as Token).end;
    let after = afterRun < text.length ? (codes[afterRun] as number) : 32;
    // "Acme Systems Inc Q2", "the LF_REDIS_ADDR", "Incident INC-20240515": of a longer run only the word
    // glued to a digit or an underscore is part of an identifier; the words before it stay.
    if (last > i && gluedAfter(codes, after, afterRun)) {
      last--;
      while (last > i && !isCapWord(tokens[last] as Token)) last--;
      afterRun = (tokens[last] as Token).end;
      after = codes[afterRun] as number;
    }
    // "Svenska Handelsbanken IBAN", "Savannah ETD": an everyday acronym after a name is a label or a
    // field of its own.
    if (
      last > i &&
      (trailingEverydayAcronym(tokens[last] as Token, tokens[last - 1] as Token) ||
        acronymAfterHead(tokens[last] as Token, tokens[last - 1] as Token))
    ) {
      last--;
      afterRun = (tokens[last] as Token).end;
      after = codes[afterRun] as number;
    }
    if (
      before === 64 ||
      before === 47 ||
      after === 64 ||
      (before === 46 && t.start > 1 && codes[t.start - 2] !== 32) ||
      (before === 45 && t.start > 1 && isDigitCode(codes[t.start - 2])) ||
      identifierAround(codes, before, after, afterRun)
    ) {
      i = last + 1;
      continue;
    }
    const afterFirm = firmOfThree(tokens, i, out);
    if (afterFirm > 0) {
      i = afterFirm;
      continue;
    }
    // A lone stop word ("Please", "The", "Call") is never a name or organization on its own: classifyRun
    // would emit nothing for it, and such runs are a third of all runs in chat text.
    // "Crestline Retail Holdings, LLC": the legal form after a comma belongs to the name before it.
    if (last === i) {
      const f = flagsOf(t);
      if (((f & F.legal) !== 0 && legalAfterComma(tokens, i, out)) || (f & F.stop) !== 0) {
        i++;
        continue;
      }
    }
    ctx.first = i;
    ctx.last = last;
    ctx.caps = caps[i] === 1;
    classifyRun(ctx, out);
    i = last + 1;
  }
  releaseRunWords();
  releaseCodeUnits();
  completeNameLists(tokens, out);
  labelLetterheadOrganizations(text, out);
  addListSiblingOrganizations(tokens, out);
  addShortOrganizationMentions(tokens, out);
  return out;
}

/**
 * "LF_REDIS_ADDR", "DE298374615", "BigDecimal.ZERO", "<Spinner />", "SettlementResult(": a run glued to an
 * underscore or digit, opening a tag, or followed at once by a call or member access is part of an
 * identifier or code, never a name ("Jane Doe (CTO)" has a space before the parenthesis).
 */
function identifierAround(codes: Uint16Array, before: number, after: number, afterRun: number): boolean {
  // "Integrated Security=true": a key glued to its "=" in a connection string or config line.
  if (
    gluedCode(before) ||
    gluedAfter(codes, after, afterRun) ||
    before === 60 ||
    after === 40 ||
    after === 61
  )
    return true;
  if (after !== 46) return false;
  // A member after the dot ("Type.MEMBER", "obj.method"), not a sentence end or an abbreviation's dot.
  const c = (codes[afterRun + 1] as number) | 32;
  return c >= 97 && c <= 122;
}

function lowerTool(t: Token, ctx: RunContext): boolean {
  return (flagsOf(t) & F.tool) !== 0 && ctx.tech();
}

/** 1 at an underscore and the digits: right next to a word, they make it part of an identifier. */
const GLUED = new Uint8Array(128);
for (const c of '_0123456789') GLUED[c.charCodeAt(0)] = 1;

function gluedCode(c: number): boolean {
  return c < 128 && GLUED[c] === 1;
}

function trailingEverydayAcronym(u: Token, prev: Token): boolean {
  return (
    u.shape === Shape.Upper &&
    prev.kind === Kind.Word &&
    prev.shape === Shape.Title &&
    (flagsOf(u) & F.everyday) !== 0
  );
}

/**
 * "European Space Agency ITT", "Harbour Authority RFQ": a short acronym after an organization's head word is
 * the document or scheme it issues, not part of the name (a legal form such as "AG" stays).
 */
function acronymAfterHead(u: Token, prev: Token): boolean {
  const f = flagsOf(prev);
  return (
    u.shape === Shape.Upper &&
    u.end - u.start <= 4 &&
    prev.shape === Shape.Title &&
    (f & F.orgHead) !== 0 &&
    (f & F.legal) === 0 &&
    (flagsOf(u) & (F.legal | F.org | F.place)) === 0
  );
}

/** "s.r.o.", "a.s.", "d.o.o.": a lower-case legal form with its dots, one space after the name. */
function dottedLowerLegal(u: Token | undefined, prev: Token): boolean {
  return (
    u !== undefined &&
    u.kind === Kind.Word &&
    u.shape === Shape.Lower &&
    u.start === prev.end + 1 &&
    u.end - u.start > u.lower.length &&
    (flagsOf(u) & F.legal) !== 0
  );
}

/**
 * Extends the organization that ends right before ", " to the legal form at token `i` (and its dot);
 * returns whether there was one.
 */
function legalAfterComma(tokens: readonly Token[], i: number, out: EntitySpan[]): boolean {
  const comma = tokens[i - 1];
  const org = out[out.length - 1];
  if (comma?.lower !== ',' || !org || org.type !== 'organization' || org.end !== comma.start) return false;
  const t = tokens[i] as Token;
  const dot = tokens[i + 1];
  org.end = dot && dot.lower === '.' && dot.start === t.end && t.lower.length <= 4 ? dot.end : t.end;
  return true;
}

function isDigitCode(c: number | undefined): boolean {
  return c !== undefined && c >= 48 && c <= 57;
}

/**
 * The run ends glued to an identifier's digits: "Q2", "_ADDR", a prefix joined to its number by a hyphen
 * ("INC-4471", "SEV-1", "LON-01" are ticket, severity and site codes) or a product token's version
 * ("Mozilla/5.0" in a user agent).
 */
function gluedAfter(codes: Uint16Array, after: number, afterRun: number): boolean {
  return gluedCode(after) || ((after === 45 || after === 47) && isDigitCode(codes[afterRun + 1]));
}

/**
 * Two words set apart by three spaces or a tab are cells of a table ("Qty   Unit   Price"), not one name
 * (two spaces inside a name are a typing slip).
 */
function columnGap(codes: Uint16Array, length: number, prev: Token, u: Token, gap: number): boolean {
  if (prev.kind !== Kind.Word || u.kind !== Kind.Word) return false;
  if (gap >= 3 || codes[prev.end] === 9 || codes[u.start - 1] === 9) return true;
  // "0  Delivered     Second Class  Home Office": two spaces on a line that has other wide gaps.
  return (
    gap === 2 && (wideGapOnLine(codes, length, prev.start, -1) || wideGapOnLine(codes, length, u.end, 1))
  );
}

/** How far either way a line is searched for another column gap. */
const LINE_REACH = 160;

/**
 * Whether, walking from `from` in direction `step` to the line's end (at most LINE_REACH characters), two
 * or more spaces stand between non-space characters: a gap between columns rather than an indent.
 */
function wideGapOnLine(codes: Uint16Array, length: number, from: number, step: 1 | -1): boolean {
  let spaces = 0;
  // The code-unit buffer is reused across texts: nothing at or past `length` belongs to this one.
  for (let k = from, m = 0; m < LINE_REACH; k += step, m++) {
    if (k < 0 || k >= length) return false;
    const c = codes[k] as number;
    if (c === 10) return false;
    if (c === 32) spaces++;
    else {
      if (spaces >= 2 && m > spaces) return true;
      spaces = 0;
    }
  }
  return false;
}

function surnameLike(t: Token): boolean {
  const f = flagsOf(t);
  return (f & F.surname) !== 0 || (f & (F.first | F.place | F.stop)) === 0;
}

/** Plural nouns for people: "our founders: Lopez, Santos and Coleman" lists persons, not a firm. */
const PEOPLE_NOUNS = new Set([
  'founders',
  'cofounders',
  'co-founders',
  'partners',
  'children',
  'kids',
  'sons',
  'daughters',
  'friends',
  'members',
  'authors',
  'speakers',
  'guests',
  'winners',
  'players',
  'siblings',
  'parents',
  'people',
  'employees',
  'candidates',
  'students',
]);

/**
 * "Lopez, Santos and Coleman" (optionally "The … Orchestra"): three single capitalized words as "A, B and C"
 * name a partnership. Returns the token index after the firm, or -1.
 */
function firmOfThree(tokens: readonly Token[], i: number, out: EntitySpan[]): number {
  // The comma comes right after the first name, which is token i or (after "The") i + 1: most runs have
  // none there and leave before any string is compared.
  if (!isComma(tokens[i + 1]) && !isComma(tokens[i + 2])) return -1;
  let k = i;
  if ((tokens[k] as Token).lower === 'the' && tokens[k + 1]?.kind === Kind.Word) k++;
  const a = tokens[k];
  const comma = tokens[k + 1];
  const b = tokens[k + 2];
  const and = tokens[k + 3];
  const c = tokens[k + 4];
  const before = tokens[i - 1];
  if (!a || !b || !c || !comma || !and) return -1;
  if (comma.lower !== ',' || (and.lower !== 'and' && and.lower !== '&')) return -1;
  if (a.shape !== Shape.Title || b.shape !== Shape.Title || c.shape !== Shape.Title) return -1;
  if (a.kind !== Kind.Word || b.kind !== Kind.Word || c.kind !== Kind.Word) return -1;
  if (before && before.lower === ',') return -1;
  if (!surnameLike(a) || !surnameLike(b) || !surnameLike(c)) return -1;
  for (let p = i - 1; p >= 0 && p >= i - 3; p--) if (PEOPLE_NOUNS.has((tokens[p] as Token).lower)) return -1;
  // Capitalized words after the third name: part of the firm only when they end in a head word
  // ("… and Williamson Orchestra"); otherwise the third name starts something else.
  let last = k + 4;
  for (let m = k + 5; m < tokens.length && m <= k + 7; m++) {
    const t = tokens[m] as Token;
    if (t.kind !== Kind.Word || t.shape === Shape.Lower) break;
    if ((flagsOf(t) & (F.orgHead | F.legal)) !== 0) last = m;
  }
  const after = tokens[last + 1];
  if (after && after.kind === Kind.Word && after.shape !== Shape.Lower) return -1;
  out.push({ start: a.start, end: (tokens[last] as Token).end, type: 'organization', score: 0.6 });
  return last + 1;
}

function isComma(t: Token | undefined): boolean {
  return t !== undefined && t.kind === Kind.Punct && t.lower === ',';
}

/** Greetings and introductions that put a (possibly lower-case) name right after them. */
const LOWER_NAME_CUES = new Set([
  'thanks',
  'thx',
  'bye',
  'hi',
  'hey',
  'hello',
  'dear',
  'congrats',
  'congratulations',
]);

/** First letters (ASCII) of the cues above and of "is": most words are rejected without a set lookup. */
const CUE_INITIALS = new Uint8Array(128);
for (const w of [...LOWER_NAME_CUES, 'is']) CUE_INITIALS[w.charCodeAt(0)] = 1;

/** "my name is krithika", "thanks obama": a lower-case unknown word right after a strong person cue. */
function lowerNameCue(tokens: readonly Token[], codes: Uint16Array, i: number): boolean {
  const t = tokens[i] as Token;
  if (t.end - t.start < 3) return false;
  const prev = tokens[i - 1];
  // The word's first code unit, `| 32`, is the first letter of its lower-case form for ASCII letters; a
  // non-ASCII first letter leaves the table (no cue starts with one).
  if (!prev || prev.kind !== Kind.Word || CUE_INITIALS[(codes[prev.start] as number) | 32] !== 1)
    return false;
  const cued = LOWER_NAME_CUES.has(prev.lower) || (prev.lower === 'is' && tokens[i - 2]?.lower === 'name');
  if (!cued) return false;
  const f = flagsOf(t);
  return (f & (F.common | F.stop | F.place | F.dict | F.org)) === 0;
}

/** Lower-case given names ("thanks emma") are common in chat; only unambiguous ones count. */
function classifyLowerName(tokens: readonly Token[], i: number): EntitySpan | undefined {
  const lex = lexicon();
  const t = tokens[i] as Token;
  if (t.end - t.start < 4) return undefined;
  const f = flagsOf(t);
  if ((f & F.first) === 0 || (f & (F.common | F.stop | F.place | F.dict)) !== 0) return undefined;
  const next = tokens[i + 1];
  let end = t.end;
  const nextIsName = !!next && (lex.surnames.has(next.lower) || lex.firstNames.has(next.lower));
  if (
    next &&
    next.kind === Kind.Word &&
    next.shape === Shape.Lower &&
    nextIsName &&
    !lex.commonWords.has(next.lower)
  ) {
    end = next.end;
  }
  return { start: t.start, end, type: 'person_name', score: 0.4 };
}
