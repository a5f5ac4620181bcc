import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { ibanMod97Valid } from './checksums.ts';
import { gluesToToken, hasDigit } from './text-context.ts';

/**
 * IBANs (ISO 13616): a known country code, two check digits and the country's fixed-length BBAN,
 * written compact or grouped with single spaces, dashes or dots, and mod-97 valid.
 */

/** Total IBAN length per country: the SWIFT registry plus countries that use IBANs nationally. */
const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24,
  AE: 23,
  AL: 28,
  AO: 25,
  AT: 20,
  AZ: 28,
  BA: 20,
  BE: 16,
  BF: 28,
  BG: 22,
  BH: 22,
  BI: 27,
  BJ: 28,
  BR: 29,
  BY: 28,
  CF: 27,
  CG: 27,
  CH: 21,
  CI: 28,
  CM: 27,
  CR: 22,
  CV: 25,
  CY: 28,
  CZ: 24,
  DE: 22,
  DJ: 27,
  DK: 18,
  DO: 28,
  DZ: 26,
  EE: 20,
  EG: 29,
  ES: 24,
  FI: 18,
  FK: 18,
  FO: 18,
  FR: 27,
  GA: 27,
  GB: 22,
  GE: 22,
  GI: 23,
  GL: 18,
  GQ: 27,
  GR: 27,
  GT: 28,
  GW: 25,
  HN: 28,
  HR: 21,
  HU: 28,
  IE: 22,
  IL: 23,
  IQ: 23,
  IR: 26,
  IS: 26,
  IT: 27,
  JO: 30,
  KM: 27,
  KW: 30,
  KZ: 20,
  LB: 28,
  LC: 32,
  LI: 21,
  LT: 20,
  LU: 20,
  LV: 21,
  LY: 25,
  MA: 28,
  MC: 27,
  MD: 24,
  ME: 22,
  MG: 27,
  MK: 19,
  ML: 28,
  MN: 20,
  MR: 27,
  MT: 31,
  MU: 30,
  MZ: 25,
  NE: 28,
  NI: 28,
  NL: 18,
  NO: 15,
  OM: 23,
  PK: 24,
  PL: 28,
  PS: 29,
  PT: 25,
  QA: 29,
  RO: 24,
  RS: 22,
  RU: 33,
  SA: 24,
  SC: 31,
  SD: 18,
  SE: 24,
  SI: 19,
  SK: 24,
  SM: 27,
  SN: 28,
  SO: 23,
  ST: 25,
  SV: 28,
  TD: 27,
  TG: 28,
  TL: 23,
  TN: 24,
  TR: 26,
  UA: 29,
  VA: 22,
  VG: 24,
  XK: 20,
  YE: 30,
};

// Country code and check digits, possibly with one separator between them; the rest is scanned by hand.
// What may stand before the country code is checked in code: Chinese text runs straight into an IBAN.
const START = /([A-Z]{2})[ -]?(\d{2})/g;

function isAlnum(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isSeparator(code: number): boolean {
  return code === 32 || code === 45 || code === 46;
}

/** End offset of a `length`-character IBAN body starting at `from`, or -1. */
function scanBody(text: string, from: number, needed: number, compact: string[]): number {
  let i = from;
  let collected = 0;
  while (collected < needed && i < text.length) {
    const code = text.charCodeAt(i);
    if (isAlnum(code)) {
      compact.push(text[i]!);
      collected++;
      i++;
    } else if (isSeparator(code) && i + 1 < text.length && isAlnum(text.charCodeAt(i + 1))) {
      // One separator between characters, as in `DE89 3704 0044` or `NO07.8380.08.06006`.
      i++;
    } else {
      return -1;
    }
  }
  if (collected < needed) return -1;
  // The IBAN must end here: no letter or digit glued on.
  if (i < text.length && isAlnum(text.charCodeAt(i))) return -1;
  return i;
}

export function findIbans(text: string): Finding[] {
  const findings: Finding[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m !== null; m = START.exec(text)) {
    const country = m[1]!;
    const length = IBAN_LENGTHS[country];
    if (length === undefined || gluesToToken(text, m.index - 1)) {
      START.lastIndex = m.index + 1;
      continue;
    }
    const compact: string[] = [country, m[2]!];
    const end = scanBody(text, m.index + m[0].length, length - 4, compact);
    if (end !== -1 && ibanMod97Valid(compact.join(''))) {
      findings.push({ start: m.index, end, type: 'iban', detector: 'iban', score: 0.97 });
      START.lastIndex = end;
    } else {
      START.lastIndex = m.index + 1;
    }
  }
  return findings;
}

const PREFILTER = /[A-Z]{2}[ -]?\d{2}/;

export const ibanDetector: Detector = {
  id: 'iban',
  types: ['iban'],
  detect: (text) => (hasDigit(text) && PREFILTER.test(text) ? findIbans(text) : []),
};
