import type { RunContext, WordInfo } from './classify-run.ts';
import { BUSINESS_FUNCTION_WORDS, UNIT_HEAD_WORDS, UNITS_AFTER_COMPANY } from './gazetteer/organizations.ts';
import { F as FlagBits } from './lexicon.ts';
import { Kind as KindEnum, Shape as ShapeEnum, type Token, flagsOf as tokenFlags } from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls, measurable in the
// per-token loops below.
const Kind = KindEnum;
const Shape = ShapeEnum;
const flagsOf = tokenFlags;
const F = FlagBits;

/** Lower-case words right before an unknown capitalized word that suggest an organization. */
const ORG_CUE_BEFORE = new Set([
  'at',
  'from',
  'join',
  'joined',
  'joining',
  'support',
  'supporting',
  'supports',
  'company',
  'firm',
  'startup',
  'via',
  'employer',
  'brand',
  'club',
  'side',
  'team',
  'agency',
  'newspaper',
  'daily',
  'weekly',
  'magazine',
  'broadcaster',
  'network',
  'channel',
  'carrier',
  'airline',
  'insurer',
  'retailer',
  'automaker',
  'carmaker',
  'group',
  'outfit',
  'giant',
  'maker',
  'producer',
  'manufacturer',
  'conglomerate',
  'operator',
  'lender',
  'exporter',
  'publisher',
  'distributor',
  // Parties of business text: "acquirer Cielo", "our vendor Quillstone", "external counsel Fasken".
  'acquirer',
  'auditor',
  'auditors',
  'vendor',
  'supplier',
  'subcontractor',
  'contractor',
  'reseller',
  'bank',
  'processor',
  'integrator',
  'consultancy',
  'regulator',
  'counsel',
]);

/** "the address of X", "CEO of X": nouns that take a company after "of". */
const ORG_OF_CUE = new Set([
  'address',
  'headquarters',
  'offices',
  'employees',
  'employee',
  'shareholders',
  'subsidiary',
  'division',
  'founder',
  'founders',
  'co-founder',
  'cofounder',
  'ceo',
  'cfo',
  'cto',
  'owner',
  'owners',
  'chairman',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'shares',
  'stake',
  'customers',
]);

/** "the address of X", "a spokesman of X": X is a company when it is not clearly a person. */
export function orgOfCueBefore(ctx: RunContext, index: number): boolean {
  const of = ctx.tokens[index - 1];
  const noun = ctx.tokens[index - 2];
  return (
    !!of &&
    of.lower === 'of' &&
    !!noun &&
    noun.kind === Kind.Word &&
    noun.shape !== Shape.Upper &&
    ORG_OF_CUE.has(noun.lower)
  );
}

/** Words of {@link ORG_CUE_BEFORE} that are nouns ("pressure group X", "carmaker X"), not prepositions or verbs. */
const ORG_NOUN_BEFORE = new Set(
  [...ORG_CUE_BEFORE].filter(
    (w) => !/^(?:at|from|via|join|joined|joining|support|supporting|supports)$/.test(w),
  ),
);

/** An organization noun right before the chunk: enough even for words no name list knows. */
export function orgNounBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  return !!p && p.kind === Kind.Word && p.shape === Shape.Lower && ORG_NOUN_BEFORE.has(p.lower);
}

export function orgCueBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  return !!p && p.kind === Kind.Word && p.shape === Shape.Lower && ORG_CUE_BEFORE.has(p.lower);
}

/** "Ohio-based KeyCorp", "a Hong Kong-based Veltrix": a name right after "<place>-based" is a company. */
export function basedBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  if (!p || p.kind !== Kind.Word) return false;
  const key = p.lower;
  return key.length > 6 && key.charCodeAt(key.length - 6) === 45 && key.endsWith('-based');
}

export interface OrgEvidence {
  /** Word range of the organization within the run (inclusive). */
  from: number;
  to: number;
  score: number;
  /** Words before `from` that form a separate piece (e.g. a person before "of"); 0 if none. */
  personBefore: number;
}

/**
 * Stop words (they never make a name on their own) that do open organization names: "World Boxing
 * Council", "National Football League", "Federal Reserve Bank", "Royal Dutch Shell".
 */
const ORG_OPENERS = new Set(
  'world|national|federal|central|state|states|royal|grand|great|new|north|south|east|west|northern|southern|eastern|western|upper|lower|high|free|first|general|international|economic|trade|market|oil|gold|police|army|government|football|soccer|cricket|rugby|tennis|golf|boxing|cycling|athletics|swimming|baseball|basketball|hockey|motor|racing|sports|olympic|home|standard|union'.split(
    '|',
  ),
);

export function isOrgOpener(key: string): boolean {
  return ORG_OPENERS.has(key);
}

/**
 * Organization evidence over a whole run: a legal-form suffix ("Acme Widgets Ltd"), a head word at the end
 * ("Exversion Orchestra", "Oxford University"), or a head taking "of" ("Bank of England").
 */
export function organizationEvidence(words: readonly WordInfo[]): OrgEvidence | undefined {
  const n = words.length;
  if (n < 2) return undefined;
  // The list bits of a word's lexicon flags are exactly membership in lex.legalSuffixes, lex.orgHeads and
  // lex.orgOfHeads (a word key never holds a space): no set lookups per word.
  const last = words[n - 1] as WordInfo;
  // A head word that is a technical term here ("curl -X POST") heads nothing.
  if (last.tool) return undefined;
  let score = 0;
  if ((last.lexFlags & F.legal) !== 0 && !(last.token.shape === Shape.Initial)) score = 0.85;
  else if ((last.lexFlags & F.orgHead) !== 0 && last.token.shape !== Shape.Lower) score = 0.7;
  else if (foreignLegalEnding(words, last)) score = 0.85;
  else if (
    headFirst(words) ||
    systemHead(words, last) ||
    headBeforePlace(words, last) ||
    compoundBeforeName(words, last)
  )
    score = 0.7;
  let ofHead = -1;
  for (let k = 0; k + 2 < n; k++) {
    const w = words[k] as WordInfo;
    if (
      (w.lexFlags & F.ofHead) !== 0 &&
      (words[k + 1] as WordInfo).key === 'of' &&
      w.token.shape !== Shape.Lower
    ) {
      ofHead = k;
      break;
    }
  }
  if (ofHead >= 0) score = Math.max(score, 0.75);
  if (score === 0 || internalUnit(words, last)) return undefined;
  // Start: skip leading stop words/titles and dangling connectors ("The", "CEO of").
  let from = 0;
  let personBefore = 0;
  // "Jane Roe of Acme Inc": split at an "of" that does not follow an org head.
  for (let k = 1; k < n - 1; k++) {
    const w = words[k] as WordInfo;
    if (
      (w.key === 'of' || w.key === 'at') &&
      w.token.shape === Shape.Lower &&
      ((words[k - 1] as WordInfo).lexFlags & F.ofHead) === 0
    ) {
      personBefore = k;
      from = k + 1;
    }
  }
  while (from < n - 1) {
    const w = words[from] as WordInfo;
    const isConnector = w.token.shape === Shape.Lower || w.key === '&';
    if (
      isConnector ||
      ((w.stop || w.title) && (w.lexFlags & (F.ofHead | F.orgHead)) === 0 && !ORG_OPENERS.has(w.key))
    )
      from++;
    else break;
  }
  // Only the head word is left ("The University"): generic, not a named organization.
  if (from >= n - 1) return undefined;
  return { from, to: n - 1, score, personBefore };
}

/** "Steering Group", "Working Group", "Project Board", "Change Advisory Board": project bodies. */
const INTERNAL_BODY_KINDS = new Set([
  'steering',
  'working',
  'project',
  'programme',
  'program',
  'advisory',
  'review',
]);
const BODY_HEADS = new Set(['group', 'committee', 'board', 'council']);

const UNIT_HEADS = new Set(UNIT_HEAD_WORDS);
const BUSINESS_FUNCTIONS = new Set(BUSINESS_FUNCTION_WORDS);

/**
 * "Accounts Payable", "Customer Success", "Platform Team", "Managed Services": a head word that names a
 * company's unit after business-function words only. Such a run names a department, not an organization.
 */
function internalUnit(words: readonly WordInfo[], last: WordInfo): boolean {
  if (last.token.shape === Shape.Upper) return false;
  // "LMS Migration Steering Group", "Project Board": a body inside the organization running a project.
  if (
    words.length >= 2 &&
    INTERNAL_BODY_KINDS.has((words[words.length - 2] as WordInfo).key) &&
    BODY_HEADS.has(last.key)
  )
    return true;
  // "Faculty of Law", "ask Faculty of Computer Science": a university's unit (after ordinary words only).
  for (let k = 0; k + 1 < words.length; k++) {
    const w = words[k] as WordInfo;
    if (w.key === 'faculty') return (words[k + 1] as WordInfo).key === 'of';
    if (!(w.dict || w.stop) || w.first || w.surname || w.place) break;
  }
  if (!UNIT_HEADS.has(last.key)) return false;
  // "London Customer Service", "EMEA Sales Team": a site or region before the unit.
  let k = 0;
  while (k < words.length - 2 && siteWord(words[k] as WordInfo)) k++;
  for (; k < words.length - 1; k++) {
    const w = words[k] as WordInfo;
    if (w.key === '&' || (w.key === 'and' && k > 0)) continue;
    if (!BUSINESS_FUNCTIONS.has(w.key)) return false;
  }
  return true;
}

const UNITS_AFTER = new Set(UNITS_AFTER_COMPANY);

/**
 * "Saltbush Outdoor Customer Care", "Vantrel Finance Team": a coined name, then one of its units. Returns
 * the index where the unit starts (the company is the words before it), or 0.
 */
export function companyBeforeUnit(words: readonly WordInfo[]): number {
  const n = words.length;
  if (n < 3 || !UNITS_AFTER.has((words[n - 1] as WordInfo).key)) return 0;
  let m = n - 1;
  while (m > 0 && BUSINESS_FUNCTIONS.has((words[m - 1] as WordInfo).key)) m--;
  if (m === 0 || m === n - 1) return 0;
  let coined = false;
  for (let k = 0; k < m; k++) {
    const w = words[k] as WordInfo;
    if (w.token.shape !== Shape.Title || w.first || w.title || w.stop) return 0;
    if (!w.dict && !w.common && !w.surname && !w.place) coined = true;
  }
  return coined ? m : 0;
}

/** A place ("London") or a region code ("EMEA", an everyday acronym) naming where a unit sits. */
function siteWord(w: WordInfo): boolean {
  return (w.place && !w.first) || (w.token.shape === Shape.Upper && (w.lexFlags & F.everyday) !== 0);
}

/**
 * "Customer Success Platform", "Finance Ops Team", "Accounts Payable": a run of business-function and unit
 * words only names a part of a company (or a product area), never a person or an organization.
 */
export function businessFunctionsOnly(words: readonly WordInfo[]): boolean {
  let counted = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k] as WordInfo;
    if (w.stop && counted === 0) continue;
    if (w.key === '&' || w.key === 'and') continue;
    if (w.token.shape === Shape.Upper || (w.lexFlags & F.unitWord) === 0) return false;
    counted++;
  }
  return counted >= 2;
}

/** First words of a line that names a team or department ("Team Payments", "Abteilung Einkauf"). */
const UNIT_OPENERS = new Set([
  'team',
  'abteilung',
  'dept',
  'department',
  'faculty',
  'division',
  'équipe',
  'equipo',
]);

/**
 * Whether lower-cased words name a unit of a company rather than a company: "team digitalisierung",
 * "customer care", "accounts payable". For lines of a signature, where no run was classified.
 */
export function unitWords(words: readonly string[]): boolean {
  const n = words.length;
  if (n < 2) return false;
  if (UNIT_OPENERS.has(words[0] as string)) return true;
  if (!UNIT_HEADS.has(words[n - 1] as string)) return false;
  for (let k = 0; k < n - 1; k++) {
    const w = words[k] as string;
    if (w !== '&' && w !== 'and' && !BUSINESS_FUNCTIONS.has(w)) return false;
  }
  return true;
}

/**
 * Legal forms written with a word English also has: "Fjord Analytics AS" (Norway, Denmark; only in capitals,
 * "as" is a stop word), "Fuentes Logística S.A. de C.V." (Mexico: the form ends in "de C.V.").
 */
function foreignLegalEnding(words: readonly WordInfo[], last: WordInfo): boolean {
  const n = words.length;
  if (last.key === 'as') return last.token.shape === Shape.Upper;
  return (
    last.key === 'cv' &&
    n >= 4 &&
    (words[n - 2] as WordInfo).key === 'de' &&
    ((words[n - 3] as WordInfo).lexFlags & F.legal) !== 0
  );
}

/** "Clinique Sainte-Anne", "Banco de Chile": a head word that opens the name, then a capitalized word. */
function headFirst(words: readonly WordInfo[]): boolean {
  let k = 0;
  while (k < words.length - 1 && (words[k] as WordInfo).stop) k++;
  const w = words[k] as WordInfo;
  if ((w.lexFlags & F.headFirst) === 0 || w.token.shape === Shape.Lower) return false;
  let next = words[k + 1];
  if (next && next.token.shape === Shape.Lower) next = words[k + 2];
  return !!next && next.token.shape !== Shape.Lower && !next.stop;
}

/** "Ostsächsische Sparkasse Dresden", "Volksbank Mittelhessen": a head word, then the place it serves. */
function headBeforePlace(words: readonly WordInfo[], last: WordInfo): boolean {
  const n = words.length;
  if (!last.place || last.first || last.surname || last.title || last.token.shape !== Shape.Title)
    return false;
  const head = words[n - 2] as WordInfo;
  return (head.lexFlags & F.orgHead) !== 0 && head.token.shape === Shape.Title && !head.stop;
}

/**
 * "Kreissparkasse Göppingen", "Volksbank Mittelhessen": a compound ending in an organization word (see
 * WordInfo.compound), then the one place-like word it serves, whether or not the place list knows it.
 */
function compoundBeforeName(words: readonly WordInfo[], last: WordInfo): boolean {
  return (
    words.length === 2 &&
    (words[0] as WordInfo).compound &&
    last.token.shape === Shape.Title &&
    !last.first &&
    !last.stop &&
    !last.title
  );
}

/** Systems of institutions: "Mercy Valley Health System", "Riverside School System". */
const SYSTEM_OWNERS = new Set([
  'health',
  'healthcare',
  'hospital',
  'medical',
  'school',
  'university',
  'library',
]);

function systemHead(words: readonly WordInfo[], last: WordInfo): boolean {
  const n = words.length;
  return n >= 3 && last.key === 'system' && SYSTEM_OWNERS.has((words[n - 2] as WordInfo).key);
}

/**
 * "Leeds fans", "a Boston fan": fans of a place name follow its club. (Fans of a person are as common as
 * fans of a club, so this is asked of place names only.)
 */
export function fansAfter(ctx: RunContext, index: number): boolean {
  const next = ctx.tokens[index + 1];
  return (
    !!next &&
    next.kind === Kind.Word &&
    next.shape === Shape.Lower &&
    next.lower.charCodeAt(0) === 102 /* f */ &&
    (next.lower === 'fan' || next.lower === 'fans' || next.lower === 'fanbase')
  );
}

/** Nouns right after a name ("the Veltrix office", "Norvane shares") that make it a company. */
const ORG_NOUN_AFTER = new Set([
  'office',
  'offices',
  'headquarters',
  'hq',
  'employees',
  'employee',
  'staff',
  'shares',
  'stock',
  'stocks',
  'shareholders',
  'stockholders',
  'subsidiary',
  'subsidiaries',
  'resignation',
  'executives',
  'workforce',
  'website',
  'app',
  'platform',
  'customers',
  'subscribers',
  'headcount',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'ceo',
  'cfo',
  'cto',
  'newspaper',
  'newspapers',
  'daily',
  'weekly',
  'tabloid',
  'magazine',
  'broadcaster',
  'airline',
  'carrier',
  'consortium',
  'conglomerate',
]);
const EXECUTIVE_ACRONYMS = new Set(['ceo', 'cfo', 'cto', 'coo']);

/** Nouns after a possessive that belong to a company rather than a person ("Norvane's shares"). */
const ORG_POSSESSED = new Set([
  'shares',
  'stock',
  'shareholders',
  'stockholders',
  'subsidiary',
  'profit',
  'profits',
  'revenue',
  'revenues',
  'earnings',
  'sales',
  'merger',
  'takeover',
  'headquarters',
  'employees',
  'workforce',
  'customers',
  'subscribers',
  'ceo',
  'cfo',
  'board',
  'products',
  'stake',
  'quarterly',
  'annual',
  'website',
  'app',
  // A company's departments and systems: "Vantara's finance team", "Orbix's legal counsel".
  'finance',
  'procurement',
  'legal',
  'engineering',
  'compliance',
  'billing',
  'payroll',
  'accounts',
  'auditors',
  'counsel',
  'dba',
  'servers',
  'infrastructure',
  'api',
  'platform',
  'warehouse',
  'helpdesk',
  'hr',
  'it',
  'devops',
  'sales',
  'marketing',
]);
/** Kinds of organization in "X is a … company". */
const ORG_KIND = new Set([
  'company',
  'companies',
  'firm',
  'agency',
  'startup',
  'start-up',
  'corporation',
  'conglomerate',
  'multinational',
  'bank',
  'business',
  'nonprofit',
  'non-profit',
  'charity',
  'organization',
  'organisation',
  'manufacturer',
  'maker',
  'provider',
  'retailer',
  'publisher',
  'insurer',
  'lender',
  'brand',
  'consultancy',
  'enterprise',
  'subsidiary',
  'chain',
  'foundation',
  'institution',
  'vendor',
  'supplier',
  'distributor',
  'developer',
  'operator',
  'carrier',
  'airline',
  'studio',
  'label',
  'group',
  'brainchild',
]);

function wordAt(ctx: RunContext, index: number): Token | undefined {
  const t = ctx.tokens[index];
  return t && t.kind === Kind.Word ? t : undefined;
}

/**
 * Context after a capitalized chunk that makes it an organization: a company noun ("Veltrix office"),
 * a possessive with a company noun ("Veltrix's shares"), or a definition ("Veltrix is a design agency",
 * "… is a 501(c)3"). `personScore` is how name-like the chunk is: strong names need stronger context.
 */
export function orgCueAfter(ctx: RunContext, index: number, personScore: number): boolean {
  const next = ctx.tokens[index + 1];
  if (!next) return false;
  if (next.kind === Kind.Word && next.shape === Shape.Upper && EXECUTIVE_ACRONYMS.has(next.lower)) {
    // "Cofinec CEO Stephen Frater": the name of an executive's company comes before the title.
    return personScore < 0.7;
  }
  if (next.kind === Kind.Word && next.shape === Shape.Lower) {
    if (ORG_NOUN_AFTER.has(next.lower)) return personScore < 0.7;
    // "Yonhap news agency said"
    if (next.lower === 'news') {
      const noun = wordAt(ctx, index + 2);
      return !!noun && (noun.lower === 'agency' || noun.lower === 'service') && personScore < 0.8;
    }
    if (next.lower === 'is' || next.lower === 'was') return personScore < 0.8 && definesOrg(ctx, index + 2);
    return false;
  }
  // Possessive: "'" + "s" tokens ("Veltrix's shares").
  if (next.kind === Kind.Punct && (next.lower === "'" || next.lower === '’')) {
    const s = wordAt(ctx, index + 2);
    const noun = wordAt(ctx, index + 3);
    return !!s && s.lower === 's' && !!noun && ORG_POSSESSED.has(noun.lower) && personScore < 0.8;
  }
  return false;
}

/** "a design agency", "an investment bank", "a 501(c)3": an article, then an organization kind soon. */
function definesOrg(ctx: RunContext, index: number): boolean {
  const article = wordAt(ctx, index);
  if (!article || (article.lower !== 'a' && article.lower !== 'an' && article.lower !== 'the')) return false;
  for (let k = index + 1; k < ctx.tokens.length && k <= index + 6; k++) {
    const t = ctx.tokens[k] as Token;
    if (t.kind === Kind.Number && ctx.text.startsWith('501(c)', t.start)) return true;
    if (t.kind !== Kind.Word) {
      if (t.lower === '-') continue;
      return false;
    }
    if (ORG_KIND.has(t.lower)) return true;
  }
  return false;
}

/** "signed with X", "acquired by X": the verb or noun before the preposition that makes X a party. */
const ORG_PHRASES = new Map<string, ReadonlySet<string>>(
  Object.entries({
    with: new Set([
      'signed',
      'contract',
      'contracts',
      'partnered',
      'partnering',
      'partnership',
      'merged',
      'merger',
      'contracted',
      'banks',
      'banking',
    ]),
    by: new Set([
      'acquired',
      'audited',
      'audit',
      'check',
      'checks',
      'operated',
      'owned',
      'underwritten',
      'insured',
      'employed',
      'funded',
      'sponsored',
      'supplied',
      'manufactured',
      'distributed',
      'commissioned',
      'invoiced',
      'billed',
    ]),
    for: new Set(['works', 'worked', 'working', 'consults', 'consulting']),
    of: new Set(['behalf']),
  }),
);

/** The two words right before token `index` are one of {@link ORG_PHRASES}. */
export function orgPhraseBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  // All four prepositions have two to four letters: most words leave before the lookup.
  if (!p || p.kind !== Kind.Word || p.shape !== Shape.Lower || p.end - p.start > 4 || p.end - p.start < 2)
    return false;
  const nouns = ORG_PHRASES.get(p.lower);
  if (!nouns) return false;
  const w = ctx.tokens[index - 2];
  return !!w && w.kind === Kind.Word && w.shape === Shape.Lower && nouns.has(w.lower);
}

/** Given names and titles that may follow a possessive company name ("Panjiva's Riku Andou"). */
export function possessiveBeforePerson(ctx: RunContext, index: number): boolean {
  const apostrophe = ctx.tokens[index + 1];
  const s = wordAt(ctx, index + 2);
  const name = wordAt(ctx, index + 3);
  if (!apostrophe || (apostrophe.lower !== "'" && apostrophe.lower !== '’') || !s || s.lower !== 's')
    return false;
  if (!name || name.shape !== Shape.Title) return false;
  const f = flagsOf(name);
  if ((f & (F.common | F.place)) !== 0) return false;
  if ((f & (F.first | F.title)) !== 0) return true;
  // An unknown word followed by another capitalized one: a full name ("Riku Andou").
  const more = wordAt(ctx, index + 4);
  return (f & F.dict) === 0 && !!more && more.shape === Shape.Title;
}
