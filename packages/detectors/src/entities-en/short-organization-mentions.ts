import type { EntitySpan } from './analyze.ts';
import { F } from './lexicon.ts';
import { flagsOf, Kind, Shape, type Token, tokenIndexAt } from './tokenize.ts';

/**
 * Contracts, minutes and e-mail threads name a company in full once ("Fenwick Orbital Ltd", "Vantara
 * Infotech") and then by its first word ("To Fenwick:", "Vantara's DBA"). Alone, that word reads as a surname or
 * as nothing. When it is the distinctive first word of an organization found in the same text, every mention
 * of it on its own is that organization.
 */

// A first word that also means something else on its own: a given name, a place, a dictionary or stop word, a
// title, a head word or legal form, a tool, an everyday acronym.
const NOT_DISTINCTIVE =
  F.first | F.place | F.common | F.stop | F.dict | F.title | F.orgHead | F.legal | F.tool | F.everyday;
/** Bounds on adversarial input: organizations read, and mentions examined. */
const MAX_SHORT_NAMES = 32;
const MAX_MENTIONS = 256;

export function addShortOrganizationMentions(tokens: readonly Token[], out: EntitySpan[]): void {
  const short = shortNames(tokens, out);
  if (short === undefined) return;
  let examined = 0;
  for (let i = 0; i < tokens.length && examined < MAX_MENTIONS; i++) {
    const t = tokens[i] as Token;
    if (t.kind !== Kind.Word || t.shape !== Shape.Title || !short.has(t.lower)) continue;
    examined++;
    // The full name itself, another capitalized word glued on ("Fenwick Orbital", "Alistair Fenwick"), or a
    // title before it ("Mr. Fenwick"): a person of that name.
    if (capitalizedNeighbour(tokens, i) || titleBefore(tokens, i)) continue;
    const covering = spanAt(out, t);
    if (covering === undefined) out.push({ start: t.start, end: t.end, type: 'organization', score: 0.55 });
    else if (covering.start === t.start && covering.end === t.end && covering.type === 'person_name')
      covering.type = 'organization';
  }
}

/** Lower-cased first words of the multi-word organizations found, when distinctive; undefined when none. */
function shortNames(tokens: readonly Token[], out: readonly EntitySpan[]): Set<string> | undefined {
  let names: Set<string> | undefined;
  let k = 0;
  for (const span of out) {
    if (span.type !== 'organization') continue;
    if (++k > MAX_SHORT_NAMES) break;
    let first = tokenStartingAt(tokens, span.start);
    if (first === undefined) continue;
    // "Groupe Altessa", "Banco Sabadell": after a head word that opens the name, the next word is the short name.
    if ((flagsOf(first) & F.headFirst) !== 0) first = tokenStartingAfter(tokens, first);
    else if (first.end >= span.end) continue;
    if (first === undefined) continue;
    if (first.kind !== Kind.Word || first.shape !== Shape.Title || first.end - first.start < 4) continue;
    if ((flagsOf(first) & NOT_DISTINCTIVE) !== 0) continue;
    names ??= new Set();
    names.add(first.lower);
  }
  return names;
}

function capitalizedNeighbour(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const before = tokens[i - 1];
  const after = tokens[i + 1];
  const joined = (u: Token | undefined, gap: number) =>
    u !== undefined && gap >= 0 && gap <= 1 && u.kind === Kind.Word && u.shape !== Shape.Lower;
  return (
    (before !== undefined && joined(before, t.start - before.end)) ||
    (after !== undefined && joined(after, after.start - t.end))
  );
}

function titleBefore(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  const title = before?.lower === '.' ? tokens[i - 2] : before;
  return title !== undefined && title.kind === Kind.Word && (flagsOf(title) & F.title) !== 0;
}

/** The token starting at `start`, if any. */
function tokenStartingAt(tokens: readonly Token[], start: number): Token | undefined {
  const i = tokenIndexAt(tokens, start);
  return i < 0 ? undefined : tokens[i];
}

/** The token right after `t` (one space between), or undefined. */
function tokenStartingAfter(tokens: readonly Token[], t: Token): Token | undefined {
  return tokenStartingAt(tokens, t.end + 1);
}

function spanAt(out: readonly EntitySpan[], t: Token): EntitySpan | undefined {
  for (const span of out) if (span.start < t.end && t.start < span.end) return span;
  return undefined;
}
