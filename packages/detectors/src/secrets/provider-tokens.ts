import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { shannonEntropy } from './entropy.ts';
import { INFIX_RULES, type InfixRule, PREFIX_RULES, type PrefixRule } from './token-rules.ts';
import { tokenRuns } from './token-runs.ts';

/** Redaction marks inside a token: `xxxxx`, `XXXXX`, `***`, `###`, `...`. */
const MASKED = /[xX]{5}|[*#•]{3}|\.\.\./;

function escapeLiteral(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

interface TrieNode {
  children: Map<string, TrieNode>;
  terminal: boolean;
}

function trieSource(node: TrieNode): string {
  const branches = [...node.children].map(([ch, child]) => escapeLiteral(ch) + trieSource(child));
  if (branches.length === 0) return '';
  // Longest alternatives first so the scanner reports the longest literal at a position.
  const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
  return node.terminal ? `(?:${body})?` : body;
}

/**
 * One regex over every prefix and hint literal, shaped as a trie (`g(?:h[pousr]_|l…)`) so the engine
 * tests each position against a handful of first characters instead of hundreds of alternatives.
 */
function buildScanner(literals: readonly string[]): RegExp {
  const root: TrieNode = { children: new Map(), terminal: false };
  for (const literal of literals) {
    let node = root;
    for (const ch of literal) {
      let next = node.children.get(ch);
      if (!next) {
        next = { children: new Map(), terminal: false };
        node.children.set(ch, next);
      }
      node = next;
    }
    node.terminal = true;
  }
  return new RegExp(trieSource(root), 'g');
}

function indexBy<T>(rules: readonly T[], keys: (rule: T) => readonly string[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const rule of rules) {
    for (const key of keys(rule)) {
      const list = map.get(key) ?? [];
      list.push(rule);
      map.set(key, list);
    }
  }
  return map;
}

const PREFIX_INDEX = indexBy(PREFIX_RULES, (r) => r.prefixes);
const INFIX_INDEX = indexBy(INFIX_RULES, (r) => r.hints);
const ALL_LITERALS = [...new Set([...PREFIX_INDEX.keys(), ...INFIX_INDEX.keys()])];
const SCANNER = buildScanner(ALL_LITERALS);

/**
 * The scanner reports the longest literal at a position; every shorter literal that is a prefix of it
 * (`sk-` of `sk-ant-`) starts there too, so its rules apply as well. Precomputed per literal.
 */
const PREFIX_RULES_FOR = new Map<string, PrefixRule[]>();
const INFIX_RULES_FOR = new Map<string, InfixRule[]>();
for (const literal of ALL_LITERALS) {
  const prefixRules: PrefixRule[] = [];
  const infixRules: InfixRule[] = [];
  for (const other of ALL_LITERALS) {
    if (!literal.startsWith(other)) continue;
    prefixRules.push(...(PREFIX_INDEX.get(other) ?? []));
    infixRules.push(...(INFIX_INDEX.get(other) ?? []));
  }
  PREFIX_RULES_FOR.set(literal, prefixRules);
  INFIX_RULES_FOR.set(literal, infixRules);
}

function looksMasked(token: string): boolean {
  return MASKED.test(token);
}

/** `xoxp-…-####`: the token continues with a mask, so what matched is only its unmasked head. */
function maskFollows(text: string, end: number): boolean {
  const next = text.charCodeAt(end);
  const skip = next === 45 || next === 95 ? 1 : 0;
  const c = text.charCodeAt(end + skip);
  return c === 42 || c === 35 || (skip === 1 && isAlnum(c));
}

function tryPrefixRule(text: string, at: number, rule: PrefixRule): Finding | undefined {
  const before = at > 0 ? text.charCodeAt(at - 1) : 32;
  if (rule.digitBefore ? isLetter(before) : isAlnum(before) || before === 46) return undefined;
  rule.pattern.lastIndex = at;
  const match = rule.pattern.exec(text);
  if (!match) return undefined;
  const token = match[0];
  const end = at + token.length;
  const after = end < text.length ? text.charCodeAt(end) : 32;
  // A token that runs on into more word characters (or a mask) is a different, longer string.
  if (isAlnum(after) || after === 42 || after === 35) return undefined;
  if (looksMasked(token) || maskFollows(text, end)) return undefined;
  if (rule.reject?.test(token)) return undefined;
  if (rule.minEntropy !== undefined && shannonEntropy(token) < rule.minEntropy) return undefined;
  if (rule.validate && !rule.validate(token)) return undefined;
  return { start: at, end, type: rule.type ?? 'api_key', detector: `secret.${rule.id}`, score: 0.95 };
}

function tryInfixRule(text: string, hit: number, rule: InfixRule, out: Finding[]): void {
  const from = Math.max(0, hit - rule.back);
  const window = text.slice(from, Math.min(text.length, hit + rule.ahead + 1));
  rule.pattern.lastIndex = 0;
  for (let m = rule.pattern.exec(window); m; m = rule.pattern.exec(window)) {
    const start = from + m.index;
    const end = start + m[0].length;
    if (start <= hit && end > hit && !looksMasked(m[0])) {
      if (rule.minEntropy === undefined || shannonEntropy(m[0]) >= rule.minEntropy) {
        out.push({ start, end, type: rule.type ?? 'api_key', detector: `secret.${rule.id}`, score: 0.9 });
      }
      return;
    }
    if (m[0].length === 0) rule.pattern.lastIndex++;
  }
}

/** Every supported format is at least this long, so shorter runs of token characters are skipped. */
const MIN_RUN = 20;

function scanRun(text: string, runStart: number, runEnd: number, findings: Finding[]): void {
  const chunk = text.slice(runStart, runEnd);
  let skipUntil = 0;
  SCANNER.lastIndex = 0;
  for (let m = SCANNER.exec(chunk); m; m = SCANNER.exec(chunk)) {
    const at = runStart + m.index;
    if (at < skipUntil) continue;
    let best: Finding | undefined;
    for (const rule of PREFIX_RULES_FOR.get(m[0]) ?? []) {
      const found = tryPrefixRule(text, at, rule);
      if (found && (!best || found.end > best.end)) best = found;
    }
    if (best) {
      findings.push(best);
      skipUntil = best.end;
      SCANNER.lastIndex = best.end - runStart;
      continue;
    }
    for (const rule of INFIX_RULES_FOR.get(m[0]) ?? []) tryInfixRule(text, at, rule, findings);
    // The scanner consumed the literal; let overlapping literals starting inside it be seen too.
    SCANNER.lastIndex = m.index + 1;
  }
}

/**
 * Finds well-known provider token formats (OpenAI, GitHub, AWS, Slack, Stripe, …). Only runs of token
 * characters long enough to hold a token (shared with the proximity detector; prose has few) are
 * searched for the prefix literals.
 */
export const providerTokenDetector: Detector = {
  id: 'secret.provider-token',
  types: ['api_key', 'private_key'],
  detect(text) {
    const findings: Finding[] = [];
    const runs = tokenRuns(text);
    for (let r = 0; r < runs.length; r += 2) {
      const start = runs[r] ?? 0;
      const end = runs[r + 1] ?? 0;
      if (end - start >= MIN_RUN) scanRun(text, start, end, findings);
    }
    return findings;
  },
};
