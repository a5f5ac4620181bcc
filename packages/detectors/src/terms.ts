import type { Detector } from './detector.ts';
import type { Finding } from './types.ts';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const WORD_EDGE = /^[\p{L}\p{N}_]$/u;
const CJK = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]$/u;

/** Latin-like edges need a word boundary ("Ann" must not hit "Annual"); CJK text has no spaces to need one. */
function termPattern(term: string): string {
  const first = term[0]!;
  const last = term[term.length - 1]!;
  const before = WORD_EDGE.test(first) && !CJK.test(first) ? '(?<![\\p{L}\\p{N}_])' : '';
  const after = WORD_EDGE.test(last) && !CJK.test(last) ? '(?![\\p{L}\\p{N}_])' : '';
  return `${before}${escapeRegExp(term)}${after}`;
}

/** Deny terms are always masked as type `custom`, matched case-insensitively on word-ish boundaries. */
export function createDenyTermDetector(terms: readonly string[]): Detector | undefined {
  const cleaned = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length > 0))];
  if (cleaned.length === 0) return undefined;
  // Longest first so a term that contains another wins the alternation.
  cleaned.sort((a, b) => b.length - a.length);
  const pattern = new RegExp(cleaned.map(termPattern).join('|'), 'giu');
  return {
    id: 'custom.deny-terms',
    types: ['custom'],
    detect(text) {
      const findings: Finding[] = [];
      for (const match of text.matchAll(pattern)) {
        findings.push({
          start: match.index,
          end: match.index + match[0].length,
          type: 'custom',
          detector: this.id,
          score: 1,
        });
      }
      return findings;
    },
  };
}

/** Allow terms are never masked: a finding whose exact text (case-insensitive) is allowed is dropped. */
export function createAllowFilter(
  terms: readonly string[],
): ((text: string, finding: Finding) => boolean) | undefined {
  const allowed = new Set(terms.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0));
  if (allowed.size === 0) return undefined;
  return (text, finding) => !allowed.has(text.slice(finding.start, finding.end).trim().toLowerCase());
}
