import type { SegmentedToken } from './segmentation/chinese-segmenter.ts';
import type { EntityType, Finding, Language } from './types.ts';

/**
 * What a detector is given besides the text. Expensive shared analyses are exposed as memoized
 * accessors so several detectors can use them while each text pays for them at most once.
 */
export interface DetectContext {
  /** Caller's language hint, if any. Detectors must still work without it. */
  readonly lang: Language | undefined;
  /** True when the text contains at least one CJK ideograph. */
  readonly hasCjk: boolean;
  /** jieba part-of-speech tokens for the text (computed on first call, then memoized). */
  chineseTokens(): readonly SegmentedToken[];
}

/**
 * A detector finds spans of one or more types in already-normalized text. It must run in time
 * near-linear in the text length for every input (no catastrophic backtracking) and never throw for
 * any string, lone surrogates included. A local NER model can implement this same interface.
 */
export interface Detector {
  readonly id: string;
  readonly types: readonly EntityType[];
  detect(text: string, context: DetectContext): Finding[];
  /**
   * Optional: findings plus the regions the text's own structure says hold no person, organization or
   * address (a CSV "city" column, a JSON "carrier" value). The engine calls this instead of `detect` when
   * present, and drops those types' findings of every detector that lie inside a quiet region.
   */
  inspect?(text: string, context: DetectContext): Inspection;
}

/** What {@link Detector.inspect} returns: quiet regions as [start, end) pairs, flat, in any order. */
export interface Inspection {
  findings: Finding[];
  quiet: number[];
}
