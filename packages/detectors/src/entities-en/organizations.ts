import type { RunContext, WordInfo } from './classify-run.ts';
import { Kind, Shape } from './tokenize.ts';

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
]);

export function orgCueBefore(ctx: RunContext, index: number): boolean {
  const p = ctx.tokens[index - 1];
  return !!p && p.kind === Kind.Word && p.shape === Shape.Lower && ORG_CUE_BEFORE.has(p.lower);
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
 * Organization evidence over a whole run: a legal-form suffix ("Acme Widgets Ltd"), a head word at the end
 * ("Exversion Orchestra", "Oxford University"), or a head taking "of" ("Bank of England").
 */
export function organizationEvidence(ctx: RunContext, words: readonly WordInfo[]): OrgEvidence | undefined {
  const lex = ctx.lex;
  const n = words.length;
  if (n < 2) return undefined;
  const last = words[n - 1] as WordInfo;
  let score = 0;
  if (lex.legalSuffixes.has(last.key) && !(last.token.shape === Shape.Initial)) score = 0.85;
  else if (lex.orgHeads.has(last.key) && last.token.shape !== Shape.Lower) score = 0.7;
  let ofHead = -1;
  for (let k = 0; k + 2 < n; k++) {
    const w = words[k] as WordInfo;
    if (
      lex.orgOfHeads.has(w.key) &&
      (words[k + 1] as WordInfo).key === 'of' &&
      w.token.shape !== Shape.Lower
    ) {
      ofHead = k;
      break;
    }
  }
  if (ofHead >= 0) score = Math.max(score, 0.75);
  if (score === 0) return undefined;
  // Start: skip leading stop words/titles and dangling connectors ("The", "CEO of").
  let from = 0;
  let personBefore = 0;
  // "Jane Roe of Acme Inc": split at an "of" that does not follow an org head.
  for (let k = 1; k < n - 1; k++) {
    const w = words[k] as WordInfo;
    if (
      (w.key === 'of' || w.key === 'at') &&
      w.token.shape === Shape.Lower &&
      !lex.orgOfHeads.has((words[k - 1] as WordInfo).key)
    ) {
      personBefore = k;
      from = k + 1;
    }
  }
  while (from < n - 1) {
    const w = words[from] as WordInfo;
    const isConnector = w.token.shape === Shape.Lower || w.key === '&';
    if (isConnector || ((w.stop || w.title) && !lex.orgOfHeads.has(w.key) && !lex.orgHeads.has(w.key)))
      from++;
    else break;
  }
  // Only the head word is left ("The University"): generic, not a named organization.
  if (from >= n - 1) return undefined;
  return { from, to: n - 1, score, personBefore };
}
