import { foldAccents, lexicon } from '../entities-en/lexicon.ts';
import type { Finding } from '../types.ts';
import type { ColumnKind } from './column-kinds.ts';

/** Cells that hold no value: nothing to mask. */
const EMPTY_VALUES = new Set([
  '',
  'null',
  'none',
  'n/a',
  'na',
  '-',
  '—',
  'unknown',
  'tbd',
  'nil',
  'undefined',
  '无',
  '空',
]);
const CJK_ORG_END =
  /(?:公司|集团|银行|大学|学院|医院|研究院|研究所|中心|协会|委员会|事务所|工作室|商行|商店|超市|门店|店|厂|局|所|部|院|校|行|社|会)$/;
const HAN_NAME = /^[\u3400-\u9fff·]{2,6}$/;
const PERSON_CHARS = /^[\p{L}\p{M} .'’"-]+$/u;
const SCORE = 0.75;
/** A street line: a house number (after a unit, if any) and a capitalised street name. */
const STREET_LINE =
  /^(?:(?:unit|suite|flat|apt|apartment|level|floor)\.?\s*#?\w{1,5},?\s+)?\d{1,6}\s+\p{Lu}\p{L}+\s+\p{L}/iu;

/** A finding for the cell text[start, end) of a column of the given kind, or undefined when the cell is no value. */
export function cellFinding(text: string, start: number, end: number, kind: ColumnKind): Finding | undefined {
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  if (end - start < 2 || end - start > 200) return undefined;
  const value = text.slice(start, end);
  if (EMPTY_VALUES.has(value.toLowerCase()) || value.includes('@') || value.includes('://')) return undefined;
  if (!/\p{L}/u.test(value)) return undefined;
  const type = typeOf(value, kind);
  return type ? { start, end, type, detector: 'fields.columns', score: SCORE, bounded: true } : undefined;
}

function typeOf(value: string, kind: ColumnKind): Finding['type'] | undefined {
  switch (kind) {
    case 'person':
      return personLike(value) ? 'person_name' : undefined;
    case 'organization':
      return organizationLike(value) ? 'organization' : undefined;
    case 'address':
      return addressLike(value) ? 'address' : undefined;
    case 'party':
      // "ship_to": "Unit 5, 38 Grey Street, …": a party column may hold the party's street address.
      if (STREET_LINE.test(value)) return addressLike(value) ? 'address' : undefined;
      // "Nikhil Bhatt (Stores), Shreeji Polymers": a person and a company in one cell; the sentence-level
      // detectors split it better than one span of either type would.
      if (value.includes('(') || (value.includes(',') && !companyWords(value))) return undefined;
      if (companyWords(value)) return 'organization';
      if (personLike(value) && personCue(value)) return 'person_name';
      // "Gurpreet Sandhu", "Blue Harbor": two or more capitalized words with neither a known first name nor a
      // company word may be either; the sentence-level detectors decide rather than a guess here.
      if (personLike(value) && /\s/.test(value)) return undefined;
      return organizationLike(value) ? 'organization' : undefined;
    case 'quiet':
      return undefined;
  }
}

function personLike(value: string): boolean {
  if (HAN_NAME.test(value)) return true;
  if (value.length > 60 || !PERSON_CHARS.test(value)) return false;
  const words = value.split(/\s+/);
  return words.length <= 6 && /^\p{Lu}/u.test(value);
}

/** Not an identifier or a code ("ACME-001", "C10233"): a name has a space or no digit. */
function organizationLike(value: string): boolean {
  if (value.length > 100) return false;
  return !/\d/.test(value) || /\s/.test(value);
}

/**
 * A street line has a number and words (or, in Chinese, is long enough to hold road and number). Without a
 * space it is a host, an IP or a wallet `address`, not a postal one.
 */
function addressLike(value: string): boolean {
  if (/[\u3400-\u9fff]/.test(value)) return value.length >= 5;
  return /\d/.test(value) && /\p{L}{2}/u.test(value) && value.includes(' ');
}

/** A legal form or an organization head word ("ApS", "s.r.o.", "Bank", "公司"): a company, not a person. */
function companyWords(value: string): boolean {
  if (CJK_ORG_END.test(value)) return true;
  const lex = lexicon();
  for (const raw of value.split(/[\s,]+/)) {
    const word = raw.toLowerCase().replace(/\.$/, '');
    if (lex.legalSuffixes.has(word) || lex.legalSuffixes.has(raw.toLowerCase()) || lex.orgHeads.has(word))
      return true;
  }
  return false;
}

/** A party column holds people and companies: a person needs a known first name, an initial or a Han name. */
function personCue(value: string): boolean {
  if (HAN_NAME.test(value)) return true;
  const words = value.split(/\s+/);
  const first = words[0] ?? '';
  if (/^\p{Lu}\.$/u.test(first)) return true;
  const { firstNames, surnames } = lexicon();
  const known = (names: ReadonlySet<string>, word: string) => {
    const lower = word.toLowerCase();
    return names.has(lower) || names.has(foldAccents(lower));
  };
  // "Pieter-Jan Claes": either half of a double first name; "Callum Reid": a known surname ends a short name.
  if (first.split('-').some((part) => known(firstNames, part))) return true;
  return words.length >= 2 && words.length <= 3 && known(surnames, words[words.length - 1] as string);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x3000;
}
