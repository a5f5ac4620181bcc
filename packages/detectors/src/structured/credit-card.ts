import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { luhnValid } from './checksums.ts';
import { hasDigit, lineBefore } from './text-context.ts';

/**
 * Payment card numbers: 12-19 digits, bare or grouped with single spaces or dashes (4-4-4-4,
 * 4-6-5, 4-6-4, 4-4-4-4-3, ...), Luhn-valid only. Numbers whose issuer prefix is implausible,
 * and 12-digit (Maestro) numbers, additionally need a card word nearby.
 */

// Bare, or a 4-digit group then groups joined by one consistent separator; every quantifier is
// bounded, so a long digit run costs O(length). A comma may stand on either side (CSV rows, `card,card`
// lists): no thousands or decimal grouping puts 12 or more digits next to a comma.
const CANDIDATE = /(?<![\w.+\-/])(?:\d{12,19}|\d{4}([ -])\d{4,6}(?:\1\d{1,7}){1,4})(?![\w]|[.\-/]\d)/g;
const CARD_CONTEXT =
  /\b(?:card|cards|cc|ccn|credit|debit|visa|mastercard|master card|amex|american express|maestro|discover|diners|jcb|unionpay|pan)\b|卡|信用/;

/** Issuer prefixes in use (ISO/IEC 7812 major industry identifiers 1-6 plus UnionPay 81/82). */
function plausibleIssuer(digits: string): boolean {
  const first = digits.charCodeAt(0) - 48;
  if (first >= 1 && first <= 6) return true;
  return digits.startsWith('81') || digits.startsWith('82');
}

function groupingIsCardLike(groups: readonly string[]): boolean {
  if (groups.length === 1) return true;
  // Every group but the last has 4-6 digits; typical layouts are 4-4-4-4(-3), 4-6-5 and 4-6-4.
  const first = groups[0]!.length;
  if (first !== 4) return false;
  for (let i = 1; i < groups.length; i++) {
    const len = groups[i]!.length;
    if (len < 1 || len > 7) return false;
    if (i < groups.length - 1 && len !== 4 && len !== 6) return false;
  }
  return true;
}

export function findCreditCards(text: string): Finding[] {
  const findings: Finding[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const raw = m[0];
    const groups = m[1] ? raw.split(m[1]) : [raw];
    const digits = groups.join('');
    if (digits.length < 12 || digits.length > 19) continue;
    if (!groupingIsCardLike(groups) || !luhnValid(digits)) continue;
    if (/^(\d)\1+$/.test(digits)) continue; // 0000 0000 0000 0000 and the like
    const needsContext = digits.length === 12 || !plausibleIssuer(digits);
    const hasContext = CARD_CONTEXT.test(lineBefore(text, m.index, 48));
    if (needsContext && !hasContext) continue;
    findings.push({
      start: m.index,
      end: m.index + raw.length,
      type: 'credit_card',
      detector: 'credit_card',
      score: hasContext ? 0.97 : 0.93,
    });
  }
  return findings;
}

export const creditCardDetector: Detector = {
  id: 'credit_card',
  types: ['credit_card'],
  detect: (text) => (hasDigit(text) && HAS_DIGIT_RUN.test(text) ? findCreditCards(text) : []),
};

const HAS_DIGIT_RUN = /\d{4}[ -]?\d{4}/;
