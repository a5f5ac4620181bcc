import { classifyRun, type RunContext } from './classify-run.ts';
import { F, lexicon } from './lexicon.ts';
import { Kind, Shape, type Token, tokenize } from './tokenize.ts';

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
const SPORTS_WORDS =
  /\b(?:soccer|football|cricket|rugby|baseball|basketball|hockey|tennis|golf|league|cup|championship|division|innings|wickets?|goals?|striker|midfielder|coach|beat|drew|defeated|standings|played|scorers?|halftime|half-time|fixtures?|season|match|NBA|NFL|NHL|SOCCER|CRICKET|RUGBY|BASEBALL|BASKETBALL|HOCKEY|TENNIS)\b/;
const SCORE = /\b\d{1,3}-\d{1,3}\b|^[A-Z][A-Z .]{1,30} AT [A-Z][A-Z .]{1,30}$/m;

function isCapWord(t: Token): boolean {
  return t.kind === Kind.Word && t.shape !== Shape.Lower && t.shape !== Shape.Other;
}

/** Marks each line that is mostly upper-case (headlines): there, capitalization carries no signal. */
function capsLines(tokens: readonly Token[]): Uint8Array {
  const flags = new Uint8Array(tokens.length);
  let lineStart = 0;
  let upper = 0;
  let words = 0;
  const close = (end: number) => {
    const caps = words >= 2 && upper / words > 0.6 ? 1 : 0;
    for (let k = lineStart; k < end; k++) flags[k] = caps;
  };
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.kind === Kind.Newline) {
      close(k);
      lineStart = k + 1;
      upper = 0;
      words = 0;
    } else if (t.kind === Kind.Word && t.end - t.start > 1) {
      words++;
      if (t.shape === Shape.Upper) upper++;
    }
  }
  close(tokens.length);
  return flags;
}

/**
 * Finds person and organization spans. Shared by the two detectors through a one-entry cache so the text
 * is tokenized and classified once.
 */
export function analyzeEnglishEntities(text: string): EntitySpan[] {
  const lex = lexicon();
  const tokens = tokenize(text);
  const caps = capsLines(tokens);
  const sports = SPORTS_WORDS.test(text) || SCORE.test(text);
  const out: EntitySpan[] = [];
  const n = tokens.length;
  // Texts that capitalize names properly ("... met Anna") do not need the risky lower-case name rule.
  let casual = true;
  for (let k = 1; k < n && casual; k++) {
    const t = tokens[k] as Token;
    const p = tokens[k - 1] as Token;
    if (t.kind === Kind.Word && t.shape === Shape.Title && p.kind === Kind.Word && p.shape === Shape.Lower)
      casual = false;
  }
  let i = 0;
  while (i < n) {
    const t = tokens[i] as Token;
    if (!isCapWord(t)) {
      if (casual && t.kind === Kind.Word && t.shape === Shape.Lower) {
        const span = classifyLowerName(tokens, i);
        if (span) out.push(span);
      }
      i++;
      continue;
    }
    // Grow a run of capitalized words, with connectors and abbreviation dots inside.
    let last = i;
    let j = i + 1;
    while (j < n) {
      const u = tokens[j] as Token;
      if (u.start - (tokens[j - 1] as Token).end > 3) break;
      if (isCapWord(u) && caps[j] === caps[i]) {
        last = j;
        j++;
        continue;
      }
      const next = tokens[j + 1];
      if (next && isCapWord(next)) {
        const prev = tokens[j - 1] as Token;
        if (u.kind === Kind.Word && u.shape === Shape.Lower && CONNECTORS.has(u.lower)) {
          j++;
          continue;
        }
        if (u.kind === Kind.Punct && u.lower === '&') {
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
    // Parts of e-mail addresses, URLs and handles are not names here.
    const before = t.start > 0 ? text.charCodeAt(t.start - 1) : 32;
    const afterRun = (tokens[last] as Token).end;
    const after = afterRun < text.length ? text.charCodeAt(afterRun) : 32;
    if (
      before === 64 ||
      before === 47 ||
      after === 64 ||
      (before === 46 && t.start > 1 && text.charCodeAt(t.start - 2) !== 32)
    ) {
      i = last + 1;
      continue;
    }
    if (firmOfThree(tokens, i, out)) {
      i += 5;
      continue;
    }
    const ctx: RunContext = { text, tokens, first: i, last, caps: caps[i] === 1, sports, lex };
    classifyRun(ctx, out);
    i = last + 1;
  }
  return out;
}

function surnameLike(t: Token): boolean {
  const f = lexicon().flags.get(t.lower) ?? 0;
  return (f & (F.first | F.place | F.stop)) === 0;
}

/** "Lopez, Santos and Coleman": three single capitalized words as "A, B and C" name a partnership. */
function firmOfThree(tokens: readonly Token[], i: number, out: EntitySpan[]): boolean {
  const a = tokens[i];
  const comma = tokens[i + 1];
  const b = tokens[i + 2];
  const and = tokens[i + 3];
  const c = tokens[i + 4];
  const after = tokens[i + 5];
  const before = tokens[i - 1];
  if (!a || !b || !c || !comma || !and) return false;
  if (comma.lower !== ',' || (and.lower !== 'and' && and.lower !== '&')) return false;
  if (a.shape !== Shape.Title || b.shape !== Shape.Title || c.shape !== Shape.Title) return false;
  if (a.kind !== Kind.Word || b.kind !== Kind.Word || c.kind !== Kind.Word) return false;
  if (after && after.kind === Kind.Word && after.shape !== Shape.Lower) return false;
  if (before && before.lower === ',') return false;
  if (!surnameLike(a) || !surnameLike(b) || !surnameLike(c)) return false;
  out.push({ start: a.start, end: c.end, type: 'organization', score: 0.6 });
  return true;
}

/** Lower-case given names ("thanks emma") are common in chat; only unambiguous ones count. */
function classifyLowerName(tokens: readonly Token[], i: number): EntitySpan | undefined {
  const lex = lexicon();
  const t = tokens[i] as Token;
  if (t.end - t.start < 4) return undefined;
  const f = lex.flags.get(t.lower) ?? 0;
  if ((f & F.first) === 0 || (f & (F.common | F.stop | F.place)) !== 0) return undefined;
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
