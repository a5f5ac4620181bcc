import type { RunContext, WordInfo } from './classify-run.ts';
import { isSentenceStart } from './sentence-start.ts';
import { Kind as KindEnum, Shape as ShapeEnum, type Token } from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls, measurable in the
// per-token loops below.
const Kind = KindEnum;
const Shape = ShapeEnum;

/** Lower-case words right before a name that make it a person ("called Anna", "thanks Tom"). */
const CUE_BEFORE = new Set([
  'named',
  'called',
  'dear',
  'hi',
  'hello',
  'hey',
  'thanks',
  'thank',
  'congrats',
  'congratulations',
  'sincerely',
  'regards',
  'best',
  'cheers',
  'love',
  'by',
  'with',
  'says',
  'said',
  'told',
  'asked',
  'met',
  'meet',
  'married',
  'wife',
  'husband',
  'son',
  'daughter',
  'brother',
  'sister',
  'mother',
  'father',
  'mom',
  'dad',
  'uncle',
  'aunt',
  'cousin',
  'friend',
  'boyfriend',
  'girlfriend',
  'coach',
  'manager',
  'striker',
  'midfielder',
  'defender',
  'goalkeeper',
  'captain',
  'skipper',
  'batsman',
  'bowler',
  'pitcher',
  'spokesman',
  'spokeswoman',
  'minister',
  'president',
  'leader',
  'chairman',
  'director',
  'secretary',
  'ceo',
  'founder',
  'actor',
  'actress',
  'singer',
  'player',
  'champion',
  'star',
  'veteran',
  'rookie',
  'newcomer',
  'teammate',
  'compatriot',
  'opponent',
  'seed',
  'economist',
  'analyst',
  'officer',
  'official',
  'envoy',
  'ambassador',
  'premier',
  'governor',
  'senator',
  'mayor',
  'judge',
  'lawyer',
  'doctor',
  'dr',
  'patient',
  'client',
  'customer',
  'user',
  'colleague',
  'boss',
  'partner',
  'nominee',
  'candidate',
  'challenger',
  'incumbent',
]);
/** Fields that introduce a person after a colon ("Name: Jane Roe", "From: John"). */
const FIELD_CUES = new Set([
  'name',
  'user',
  'patient',
  'customer',
  'author',
  'contact',
  'from',
  'to',
  'attn',
  'attention',
  'by',
  'signed',
  'client',
  'employee',
  'owner',
  'holder',
  'recipient',
  'sender',
  'cc',
  'applicant',
  'requester',
  'reporter',
  'assignee',
  'reviewer',
  'approver',
  'maintainer',
  'contributor',
  'committer',
]);

/** 1 at the punctuation between a field label and its value: `name: "X"`, `last_name="X"`, `**Author:** X`. */
const FIELD_PUNCT = new Uint8Array(128);
for (const c of ':="\'*`') FIELD_PUNCT[c.charCodeAt(0)] = 1;

/** Whether punctuation token `t` may stand between a field label and its value. */
export function fieldPunct(t: Token): boolean {
  const c = t.lower.charCodeAt(0);
  return c < 128 && FIELD_PUNCT[c] === 1;
}

/**
 * The word labelling the field whose value starts at token `index` ("name" in `last_name = "Roe"`, "author"
 * in `**Author:** Roe`), when a `:` or `=` stands between them; otherwise undefined.
 */
export function fieldLabelBefore(ctx: RunContext, index: number): Token | undefined {
  let separator = false;
  let k = index - 1;
  for (; k >= 0 && k >= index - 4; k--) {
    const t = ctx.tokens[k] as Token;
    if (t.kind !== Kind.Punct || !fieldPunct(t)) break;
    if (t.lower === ':' || t.lower === '=') separator = true;
  }
  const label = ctx.tokens[k];
  return separator && label && label.kind === Kind.Word ? label : undefined;
}
/** Verbs right after a name that make it a person ("Smith said"). */
const CUE_AFTER = new Set([
  'said',
  'says',
  'told',
  'added',
  'wrote',
  'explained',
  'noted',
  'asked',
  'replied',
  'insisted',
  'admitted',
  'believes',
  'thinks',
  'smiled',
  'laughed',
  'died',
  'born',
  'himself',
  'herself',
]);

function prevWord(ctx: RunContext, index: number, skip = 1): Token | undefined {
  const t = ctx.tokens[index - skip];
  return t && t.kind !== Kind.Newline ? t : undefined;
}

export function personCueBefore(ctx: RunContext, index: number): boolean {
  const p = prevWord(ctx, index);
  if (!p) return false;
  if (p.kind === Kind.Word && p.shape !== Shape.Upper && CUE_BEFORE.has(p.lower)) return true;
  if (p.kind === Kind.Word && (p.lower === 'is' || p.lower === 'am' || p.lower === 'was')) {
    const pp = prevWord(ctx, index, 2);
    return !!pp && pp.lower === 'name';
  }
  if (p.kind === Kind.Word && p.lower === 'me') {
    const pp = prevWord(ctx, index, 2);
    return !!pp && (pp.lower === 'call' || pp.lower === 'calls');
  }
  if (p.kind !== Kind.Punct) return false;
  if (p.lower !== ',') {
    if (!fieldPunct(p)) return false;
    const label = fieldLabelBefore(ctx, index);
    return !!label && FIELD_CUES.has(label.lower);
  }
  {
    const pp = prevWord(ctx, index, 2);
    if (!pp || pp.kind !== Kind.Word) return false;
    return (
      pp.lower === 'best' ||
      pp.lower === 'regards' ||
      pp.lower === 'thanks' ||
      pp.lower === 'cheers' ||
      pp.lower === 'sincerely'
    );
  }
}

export function personCueAfter(ctx: RunContext, index: number): boolean {
  let k = index + 1;
  const t = ctx.tokens[k];
  if (t && t.kind === Kind.Punct && t.lower === '<') return emailInBrackets(ctx, k);
  if (t && t.kind === Kind.Punct && t.lower === ',') k++;
  const w = ctx.tokens[k];
  return !!w && w.kind === Kind.Word && CUE_AFTER.has(w.lower);
}

/** "Jane Roe <jroe@example.com>" (mail headers, git logs, package authors): `<` opens an e-mail address. */
function emailInBrackets(ctx: RunContext, open: number): boolean {
  for (let k = open + 1; k < ctx.tokens.length && k <= open + 12; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === Kind.Punct && t.lower === '@') return true;
    if (t.kind === Kind.Newline || (t.kind === Kind.Punct && (t.lower === '>' || t.lower === '<')))
      return false;
  }
  return false;
}

/** Endings of derived English words, which unknown names rarely have. */
export const ENGLISH_SUFFIX =
  /(?:ic|ly|ing|ness|ment|tion|sion|ity|ers|ive|ous|ful|less|able|ible|ical|ism|ist|ize|ise|ized|ised|ated)$/;

/** 1 at `(c1 & 127) << 7 | (c2 & 127)` for the last two letters of each ending above. */
const SUFFIX_ENDS = new Uint8Array(1 << 14);
for (const e of ENGLISH_SUFFIX.source.slice(3, -2).split('|'))
  SUFFIX_ENDS[((e.charCodeAt(e.length - 2) & 127) << 7) | (e.charCodeAt(e.length - 1) & 127)] = 1;

/** ENGLISH_SUFFIX.test(key), the regex only for keys whose last two letters end one of the endings. */
export function englishSuffix(key: string): boolean {
  const n = key.length;
  if (n < 2) return false;
  const slot = ((key.charCodeAt(n - 2) & 127) << 7) | (key.charCodeAt(n - 1) & 127);
  return SUFFIX_ENDS[slot] === 1 && ENGLISH_SUFFIX.test(key);
}

/** A word shaped like a name part that no word list knows: likely a (foreign) name. */
function unknownName(w: WordInfo, caps: boolean): boolean {
  return (
    !caps &&
    !w.common &&
    !w.dict &&
    !w.stop &&
    !w.place &&
    !w.orgWord &&
    w.token.shape === Shape.Title &&
    w.key.length > 1
  );
}

/** A capitalized word that is not a stop word, place or organization word: may be part of a name. */
function plainCapitalized(w: WordInfo): boolean {
  return w.token.shape === Shape.Title && !w.stop && !w.place && !w.orgWord;
}

function namePart(w: WordInfo, caps: boolean): boolean {
  return (
    !w.orgWord &&
    !w.camel &&
    !w.tool &&
    (w.first || w.surname || w.initial || unknownName(w, caps) || (w.foreign && !w.place))
  );
}

/**
 * Confidence in (0, 1] that the chunk (capitalized words without titles or stop words) is a person's
 * name, or 0. Evidence: given-name and surname lists, titles and cue words, and name-shaped unknown words.
 */
export function scorePerson(ctx: RunContext, chunk: readonly WordInfo[], titled: boolean): number {
  const caps = ctx.caps;
  const len = chunk.length;
  const head = chunk[0] as WordInfo;
  const tail = chunk[len - 1] as WordInfo;
  if (len > 5) return 0;
  const cue = titled || personCueBefore(ctx, head.index) || personCueAfter(ctx, tail.index);
  // One pass over the words (no per-call closures: this runs for every capitalized chunk).
  let allPlausible = true;
  let allNamePart = true;
  let allInitialOrUpper = true;
  let anyListedName = false;
  for (const w of chunk) {
    const part = namePart(w, caps);
    if (!part) allNamePart = false;
    if (
      !part &&
      (w.stop ||
        w.place ||
        (w.dict && len === 1) ||
        caps ||
        w.orgWord ||
        w.camel ||
        w.tool ||
        englishSuffix(w.key))
    )
      allPlausible = false;
    if (!w.initial && w.token.shape !== Shape.Upper) allInitialOrUpper = false;
    if (w.first || w.surname) anyListedName = true;
  }
  // A lone all-capitals word in mixed-case text is an acronym or a shouted keyword ("SDK", "TUI", "SKIP"),
  // not a name, unless a name list knows it and something cues a person.
  const loneUpper = len === 1 && !caps && head.token.shape === Shape.Upper;
  if (loneUpper && !(cue && (head.first || head.surname))) return 0;
  if (cue && !(len === 1 && head.key.endsWith('s') && !head.surname) && allPlausible) return 0.8;
  if (allInitialOrUpper && !anyListedName) return 0;
  if (len === 1) {
    if (head.initial || head.orgWord) return 0;
    if (head.first && !head.common && !head.place) return 0.6;
    if (head.surname && !head.common && !head.place) return 0.55;
    if (caps || !unknownName(head, caps) || englishSuffix(head.key) || head.camel) return 0;
    // In technical text a lone capitalized word no list knows is mostly a tool, class or command
    // ("Lockfile", "Strimzi"): without a cue it is no name there.
    if (ctx.tech()) return 0;
    if (!isSentenceStart(ctx.tokens, head.index)) return 0.35;
    // Sentence-initial unknown word: only when followed by a lower-case word ("Lukashenko responded").
    const nextTok = ctx.tokens[tail.index + 1];
    const nextLower = !!nextTok && nextTok.kind === Kind.Word && nextTok.shape === Shape.Lower;
    return nextLower && !head.key.endsWith('s') ? 0.3 : 0;
  }
  const partsOk = allNamePart;
  if (head.first && partsOk) return 0.85;
  if (caps && !head.first && !head.surname && !tail.surname) return 0;
  if ((head.first || head.initial) && !tail.orgWord && !tail.common && !tail.stop && !tail.place) return 0.7;
  if (partsOk && (tail.surname || head.surname)) return 0.7;
  if (
    !caps &&
    len === 3 &&
    (chunk[1] as WordInfo).initial &&
    plainCapitalized(head) &&
    plainCapitalized(tail)
  )
    return 0.75; // "Sari J. Paavolainen": a middle initial marks a name whatever the other words are
  if (!caps && len === 2 && tail.surname && !tail.common && plainCapitalized(head)) return 0.6;
  // "Marta Palermo": surnames that are also place names, after an unambiguous given name.
  if (
    !caps &&
    len === 2 &&
    head.first &&
    !head.place &&
    !head.common &&
    tail.place &&
    tail.token.shape === Shape.Title
  )
    return 0.6;
  if (partsOk && !caps && len <= 3 && !head.initial) return 0.5;
  return 0;
}
