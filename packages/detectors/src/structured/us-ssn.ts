import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { hasDigit, isCjkAt, lineBefore } from './text-context.ts';

/**
 * US Social Security numbers in valid ranges (area not 000, 666 or 9xx; group not 00; serial not
 * 0000). `123-45-6789`, `123 45 6789` and `123.45.6789` stand on their own; the ambiguous layouts
 * (`123456789`, `123-456789`, `12345-6789`, which is also a ZIP+4) need an SSN word nearby, or must
 * be the whole text, as when a form field holds just the number.
 */

const CANDIDATE =
  /(?<![\w.\-+/])(?:(\d{3})([- .])(\d{2})\2(\d{4})|(\d{3})-(\d{6})|(\d{5})-(\d{4})|(\d{9}))(?![\w]|[.\-/]\d)/g;
const SSN_CONTEXT =
  /\b(?:ssn|ssns|social security|social sec|soc\.? ?sec|taxpayer id|itin)\b|\bss ?#|社会安全|社保号/;
/** Numbers published as examples or voided by the SSA; never issued to a person. */
const VOID = new Set(['078051120', '219099999', '457555462']);

export function isValidSsn(digits: string): boolean {
  if (digits.length !== 9 || VOID.has(digits)) return false;
  const area = digits.slice(0, 3);
  if (area === '000' || area === '666' || area[0] === '9') return false;
  return digits.slice(3, 5) !== '00' && digits.slice(5) !== '0000';
}

/** True when only other SSN-shaped numbers and whitespace surround the candidate. */
const ONLY_NUMBERS = /^[\d\s.-]*$/;

export function findUsSsns(text: string): Finding[] {
  const findings: Finding[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    const digits =
      (m[1] ? m[1] + m[3]! + m[4]! : '') +
      (m[5] ?? '') +
      (m[6] ?? '') +
      (m[7] ?? '') +
      (m[8] ?? '') +
      (m[9] ?? '');
    if (!isValidSsn(digits)) continue;
    const context = SSN_CONTEXT.test(lineBefore(text, m.index, 64));
    const standard = m[1] !== undefined;
    if (!context) {
      const standalone = ONLY_NUMBERS.test(text);
      // Chinese addresses write building-unit-room as 166-10-1914 straight after the street name.
      if (standard && isCjkAt(text, m.index - 1)) continue;
      if (!standard && !standalone) continue;
    }
    findings.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'us_ssn',
      detector: 'us_ssn',
      score: context ? 0.96 : standard ? 0.9 : 0.7,
    });
  }
  return findings;
}

export const usSsnDetector: Detector = {
  id: 'us_ssn',
  types: ['us_ssn'],
  detect: (text) => (hasDigit(text) && HAS_THREE_DIGITS.test(text) ? findUsSsns(text) : []),
};

const HAS_THREE_DIGITS = /\d{3}[ .-]?\d{2}/;
