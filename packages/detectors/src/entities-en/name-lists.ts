import type { EntitySpan } from './analyze.ts';
import { F as FlagBits } from './lexicon.ts';
import {
  Kind as KindEnum,
  listStarts,
  listStartsCount,
  Shape as ShapeEnum,
  type Token,
  flagsOf as tokenFlags,
} from './tokenize.ts';

// Module-local aliases: under the tsx loader imported bindings compile to getter calls.
const F = FlagBits;
const Kind = KindEnum;
const Shape = ShapeEnum;
const flagsOf = tokenFlags;

const NOT_NAME = F.dict | F.common | F.place | F.stop | F.org | F.title;

/**
 * "They had three kids: Gaetane, Hannah and Derek": in a list of single capitalized words where most
 * items were already found as persons, the unknown items are persons too. `tokens` must be those of the
 * text last tokenized (its list starts are read from the tokenizer).
 */
export function completeNameLists(tokens: readonly Token[], out: EntitySpan[]): void {
  if (out.length < 2) return;
  // Built at the first list of three or more (out has not changed by then): most texts have none.
  let personAt: Map<number, EntitySpan> | undefined;
  let coverage: Coverage | undefined;
  // The tokenizer noted where a Title-case word is followed by a separator. Any other token, taken as the
  // head of a list, is not a word of one or ends its list at once: one step on, nothing found. So the walk
  // jumps from one noted start to the next.
  const starts = listStarts();
  const startCount = listStartsCount();
  let next = 0;
  let i = 0;
  while (i < tokens.length) {
    while (next < startCount && (starts[next] as number) < i) next++;
    if (next === startCount) break;
    i = starts[next] as number;
    const head = tokens[i] as Token;
    if (head.kind !== Kind.Word || head.shape !== Shape.Title) {
      i++;
      continue;
    }
    // Walk the list once to count its items; only a list of three or more is collected.
    let j = i;
    let count = 0;
    while (j < tokens.length && count < MAX_ITEMS) {
      const t = tokens[j] as Token;
      if (t.kind !== Kind.Word || t.shape !== Shape.Title) break;
      count++;
      const sep = tokens[j + 1];
      if (!sep || (sep.lower !== ',' && sep.lower !== 'and')) break;
      j += sep.lower === ',' && tokens[j + 2]?.lower === 'and' ? 3 : 2;
    }
    if (count >= 3) {
      const items: Token[] = [];
      for (let k = i; ; ) {
        items.push(tokens[k] as Token);
        if (items.length === count) break;
        k += tokens[k + 1]?.lower === ',' && tokens[k + 2]?.lower === 'and' ? 3 : 2;
      }
      if (!personAt) {
        personAt = new Map<number, EntitySpan>();
        for (const s of out) if (s.type === 'person_name') personAt.set(s.start, s);
      }
      if (listOfPersons(items, personAt)) {
        coverage ??= new Coverage(out);
        for (const t of items) {
          if (flagsOf(t) & NOT_NAME || coverage.covers(t.start, t.end)) continue;
          out.push({ start: t.start, end: t.end, type: 'person_name', score: 0.4 });
        }
      }
    }
    i = Math.max(j, i) + 1;
  }
}

/** Real lists of names are short; the cap also bounds the work per list. */
const MAX_ITEMS = 40;

function listOfPersons(items: readonly Token[], personAt: Map<number, EntitySpan>): boolean {
  let persons = 0;
  for (const t of items) {
    const s = personAt.get(t.start);
    if (s && s.end === t.end) persons++;
  }
  return persons >= 2 && persons * 2 >= items.length;
}

/** Overlap queries against a fixed set of spans in O(log n): starts sorted, with a running max of ends. */
export class Coverage {
  private readonly starts: number[];
  private readonly maxEnd: number[];

  constructor(spans: readonly EntitySpan[]) {
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    this.starts = sorted.map((s) => s.start);
    this.maxEnd = [];
    let max = -1;
    for (const s of sorted) {
      max = Math.max(max, s.end);
      this.maxEnd.push(max);
    }
  }

  /** True when some span overlaps [start, end). */
  covers(start: number, end: number): boolean {
    // Last span starting before `end`; any span up to it that ends after `start` overlaps.
    let lo = 0;
    let hi = this.starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.starts[mid] as number) < end) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && (this.maxEnd[lo - 1] as number) > start;
  }
}
