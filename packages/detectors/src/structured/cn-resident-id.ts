import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { gb11643CheckChar, isCalendarDate } from './checksums.ts';
import { hasDigit } from './text-context.ts';

/**
 * Chinese resident identity card numbers. Second-generation (18 characters): a real province code,
 * a plausible birth date and the GB 11643 check character (digit or X). First-generation
 * (15 digits, no check digit, two-digit birth year 19xx): province code and a real birth date.
 */

/**
 * A free-standing run, or an 18-character id behind one capital letter: Chinese student registration numbers
 * are the pupil's id number after a G (学籍号 G350102…); the check character keeps that prefix safe.
 */
const CANDIDATE =
  /(?:(?<![\w.\-+])(?:\d{17}[\dXx]|\d{15})|(?<=(?<![\w.\-+])[A-Z])\d{17}[\dXx])(?![\w]|[.-]\d)/g;

/** First two digits: provinces, autonomous regions, municipalities, Taiwan, Hong Kong and Macau. */
const PROVINCES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);

function plausibleBirthDate(year: number, month: number, day: number): boolean {
  const now = new Date();
  if (year < 1900 || year > now.getFullYear()) return false;
  return isCalendarDate(year, month, day);
}

export function isValidCnResidentId(id: string): boolean {
  if (!PROVINCES.has(id.slice(0, 2))) return false;
  if (id.length === 18) {
    const date = id.slice(6, 14);
    if (!plausibleBirthDate(Number(date.slice(0, 4)), Number(date.slice(4, 6)), Number(date.slice(6, 8))))
      return false;
    return gb11643CheckChar(id.slice(0, 17)) === id[17]!.toUpperCase();
  }
  if (id.length === 15) {
    const date = id.slice(6, 12);
    return isCalendarDate(
      1900 + Number(date.slice(0, 2)),
      Number(date.slice(2, 4)),
      Number(date.slice(4, 6)),
    );
  }
  return false;
}

export function findCnResidentIds(text: string): Finding[] {
  const findings: Finding[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    if (!isValidCnResidentId(m[0])) continue;
    findings.push({
      start: m.index,
      end: m.index + m[0].length,
      type: 'cn_resident_id',
      detector: 'cn_resident_id',
      // 15-digit ids carry no checksum, so a Luhn-valid card of the same span should win.
      score: m[0].length === 18 ? 0.98 : 0.8,
    });
  }
  return findings;
}

const HAS_LONG_RUN = /\d{15}/;

export const cnResidentIdDetector: Detector = {
  id: 'cn_resident_id',
  types: ['cn_resident_id'],
  detect: (text) => (hasDigit(text) && HAS_LONG_RUN.test(text) ? findCnResidentIds(text) : []),
};
