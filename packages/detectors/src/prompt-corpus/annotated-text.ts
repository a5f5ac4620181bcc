import { type EntityType, isEntityType } from '../types.ts';

/** A span the corpus says must be found: UTF-16 offsets into the plain text, end exclusive. */
export interface GoldSpan {
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
}

export interface AnnotatedText {
  /** The text with the markup removed: what a caller would send. */
  readonly text: string;
  readonly gold: readonly GoldSpan[];
}

const OPEN = '⟦';
const CLOSE = '⟧';

/**
 * Reads the prompt corpus markup: `⟦person_name:Priya Raman⟧` marks a value the detectors must find, with
 * its type. Everything outside the brackets must not be reported. The brackets (U+27E6, U+27E7) do not occur
 * in code or prose, so the markup never collides with the text it annotates. Throws on malformed markup so
 * that a typo in a corpus file fails loudly instead of silently dropping a gold span.
 */
export function parseAnnotatedText(source: string, where = 'corpus text'): AnnotatedText {
  let text = '';
  const gold: GoldSpan[] = [];
  let at = 0;
  while (at < source.length) {
    const open = source.indexOf(OPEN, at);
    if (open < 0) {
      text += source.slice(at);
      break;
    }
    text += source.slice(at, open);
    const close = source.indexOf(CLOSE, open + 1);
    const colon = source.indexOf(':', open + 1);
    if (close < 0 || colon < 0 || colon > close)
      throw new Error(`${where}: unclosed or untyped ⟦ at ${open}`);
    const type = source.slice(open + 1, colon);
    if (!isEntityType(type)) throw new Error(`${where}: unknown type "${type}" at ${open}`);
    const value = source.slice(colon + 1, close);
    if (value.length === 0 || value.includes(OPEN))
      throw new Error(`${where}: empty or nested value at ${open}`);
    gold.push({ start: text.length, end: text.length + value.length, type });
    text += value;
    at = close + 1;
  }
  if (text.includes(CLOSE)) throw new Error(`${where}: stray ⟧`);
  return { text, gold };
}
