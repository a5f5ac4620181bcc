import type { EntitySpan } from './analyze.ts';
import { F } from './lexicon.ts';
import { flagsOf, Kind, listStartsCount, Shape, type Token, tokenIndexAt } from './tokenize.ts';

/**
 * "Bekins, Enervee Corporation and Civic Insight", "vendors: Harlow Ltd, Quillstone and Marrowby": items of
 * one list are of one kind. A company found by its legal form or head word makes the coined names listed
 * beside it companies too, though alone they read as nothing or as a surname.
 */

/** Organizations whose own form is evidence (legal form, head word, known name), not context. */
const MIN_ANCHOR_SCORE = 0.6;
/** Bounds on adversarial input: anchors read, and list items examined per text. */
const MAX_ANCHORS = 32;
const MAX_ITEMS = 64;
/** Words of one list item. */
const MAX_ITEM_WORDS = 3;
/** Words that never make a list item a name: given names (a person), ordinary words, places, titles. */
const NOT_COINED = F.first | F.stop | F.title | F.place | F.common | F.dict | F.everyday | F.tool;
/** Single-word items must also not be a surname ("Acme Ltd and Novak" may be a person). */
const NOT_COINED_ALONE = NOT_COINED | F.surname;

export function addListSiblingOrganizations(tokens: readonly Token[], out: EntitySpan[]): void {
  // No capitalized word before a comma or "and" anywhere: the text holds no list of names.
  if (listStartsCount() === 0) return;
  let anchors = 0;
  const budget = { items: MAX_ITEMS };
  const found = out.length;
  for (let s = 0; s < found && anchors < MAX_ANCHORS && budget.items > 0; s++) {
    const span = out[s] as EntitySpan;
    if (span.type !== 'organization' || span.score < MIN_ANCHOR_SCORE) continue;
    const first = tokenIndexAt(tokens, span.start);
    if (first < 0 || !separatorNear(tokens, first, span)) continue;
    anchors++;
    let last = first;
    while (last + 1 < tokens.length && (tokens[last + 1] as Token).end <= span.end) last++;
    walk(tokens, out, last + 1, 1, budget);
    walk(tokens, out, first - 1, -1, budget);
  }
}

/** A comma or "and"/"&" right before or after the span: most organizations are in no list. */
function separatorNear(tokens: readonly Token[], first: number, span: EntitySpan): boolean {
  if (separatorAt(tokens, first - 1)) return true;
  let k = first;
  while (k < tokens.length && (tokens[k] as Token).end <= span.end) k++;
  return separatorAt(tokens, k);
}

function separatorAt(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k];
  if (t === undefined) return false;
  return (
    (t.kind === Kind.Punct && (t.lower === ',' || t.lower === '&')) ||
    (t.kind === Kind.Word && t.lower === 'and')
  );
}

/** Follows the list from token `k` in direction `step`, item after item, labelling coined names. */
function walk(
  tokens: readonly Token[],
  out: EntitySpan[],
  k: number,
  step: 1 | -1,
  budget: { items: number },
): void {
  while (budget.items-- > 0) {
    // Prose lists put a space after the comma; "Vikram,Raghunathan,Sundaram Ltd" is a CSV row.
    if (!separatorAt(tokens, k) || !spacedSeparator(tokens, k)) return;
    k += step;
    // ", and" / "and ," : one separator.
    if (separatorAt(tokens, k)) k += step;
    const from = k;
    let words = 0;
    while (words <= MAX_ITEM_WORDS && capitalizedWord(tokens[k])) {
      const next = tokens[k + step];
      words++;
      if (!next || !capitalizedWord(next) || gapBetween(tokens[k] as Token, next, step) !== 1) {
        break;
      }
      k += step;
    }
    if (words === 0 || words > MAX_ITEM_WORDS) return;
    const a = step === 1 ? from : k;
    const b = step === 1 ? k : from;
    if (placeAfter(tokens[b + 1]) || !labelItem(tokens, out, a, b)) return;
    k += step;
  }
}

/** A separator with a space after it (a comma) or around it (a word or "&"). */
function spacedSeparator(tokens: readonly Token[], k: number): boolean {
  const t = tokens[k] as Token;
  const next = tokens[k + 1];
  return next !== undefined && next.start > t.end;
}

/** Nouns after a name that make it a site or a street: "Chakan branch", "Gewerbepark Süd 14". */
const SITE_AFTER = new Set(['branch', 'office', 'site', 'campus', 'plant', 'store', 'street', 'road']);

function placeAfter(t: Token | undefined): boolean {
  return !!t && (t.kind === Kind.Number || (t.kind === Kind.Word && SITE_AFTER.has(t.lower)));
}

function capitalizedWord(t: Token | undefined): boolean {
  return !!t && t.kind === Kind.Word && (t.shape === Shape.Title || t.shape === Shape.Upper);
}

function gapBetween(t: Token, next: Token, step: 1 | -1): number {
  return step === 1 ? next.start - t.end : t.start - next.end;
}

/**
 * Labels tokens a..b (one list item) an organization when its words are coined; returns whether the list
 * goes on (the item is a name of some kind).
 */
function labelItem(tokens: readonly Token[], out: EntitySpan[], a: number, b: number): boolean {
  const start = (tokens[a] as Token).start;
  const end = (tokens[b] as Token).end;
  const covering = spanOver(out, start, end);
  if (covering?.type === 'organization') return true;
  const mask = a === b ? NOT_COINED_ALONE : NOT_COINED;
  for (let k = a; k <= b; k++) {
    const t = tokens[k] as Token;
    if ((flagsOf(t) & mask) !== 0 || t.end - t.start < 3) return false;
  }
  if (covering === undefined) {
    out.push({ start, end, type: 'organization', score: 0.5 });
    return true;
  }
  // A weak person reading of exactly this item ("Greatschools" as a surname) gives way to the list.
  if (covering.start !== start || covering.end !== end || covering.score >= 0.8) return false;
  covering.type = 'organization';
  return true;
}

function spanOver(out: readonly EntitySpan[], start: number, end: number): EntitySpan | undefined {
  for (const s of out) if (s.start < end && start < s.end) return s;
  return undefined;
}
