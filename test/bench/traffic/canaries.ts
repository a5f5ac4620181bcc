/**
 * Canary values for leak checks: validated identifier types the proxy masks by default (email, phone,
 * payment card, IBAN, US SSN), derived from a seed so the load generator and the fake provider agree on
 * them without passing values around. They are generated per run and never written anywhere: only counts
 * of leaks are reported.
 */
import { createHash } from 'node:crypto';

export type CanaryType = 'email' | 'phone' | 'credit_card' | 'iban' | 'us_ssn';
const TYPES: readonly CanaryType[] = ['email', 'phone', 'credit_card', 'iban', 'us_ssn'];

export interface Canary {
  type: CanaryType;
  value: string;
}

/** Deterministic digits from the seed and an index (SHA-256 bytes reduced mod 10). */
function digitsFrom(seed: string, index: number, count: number): number[] {
  const out: number[] = [];
  for (let round = 0; out.length < count; round++) {
    const bytes = createHash('sha256').update(`${seed}:${index}:${round}`).digest();
    for (const byte of bytes) if (byte < 250 && out.length < count) out.push(byte % 10);
  }
  return out;
}

function luhnCheckDigit(payload: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    let digit = payload[payload.length - 1 - i]!;
    if (i % 2 === 0) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

/** ISO 13616 check digits for a German IBAN with an 18-digit BBAN. */
function germanIban(bban: string): string {
  const numeric = `${bban}131400`; // "DE" = 13 14, then "00"
  let remainder = 0;
  for (const ch of numeric) remainder = (remainder * 10 + Number(ch)) % 97;
  const check = String(98 - remainder).padStart(2, '0');
  return `DE${check}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}

function makeCanary(type: CanaryType, seed: string, index: number): Canary {
  const d = digitsFrom(seed, index, 24);
  const run = (from: number, length: number) => d.slice(from, from + length).join('');
  switch (type) {
    case 'email':
      return { type, value: `qa.${run(0, 8)}.canary@example-${run(8, 3)}.org` };
    case 'phone': {
      // North American numbers with a real area code and an exchange that is neither 555 nor N11.
      const area = ['212', '312', '415', '617', '206', '303', '512', '702'][d[0]! % 8]!;
      const exchange = `${2 + (d[1]! % 7)}${run(2, 1)}${1 + (d[3]! % 9)}`;
      return { type, value: `+1 (${area}) ${exchange === '555' ? '556' : exchange}-${run(4, 4)}` };
    }
    case 'credit_card': {
      const payload = [4, ...d.slice(0, 14)];
      const digits = [...payload, luhnCheckDigit(payload)].join('');
      return { type, value: digits.replace(/(.{4})/g, '$1 ').trim() };
    }
    case 'iban':
      return { type, value: germanIban(`${1 + (d[0]! % 9)}${run(1, 17)}`) };
    case 'us_ssn': {
      // Area 001–665 (not 666, not 9xx), group 01–99, serial 0001–9999.
      const area = String(1 + ((d[0]! * 100 + d[1]! * 10 + d[2]!) % 665)).padStart(3, '0');
      const group = String(1 + ((d[3]! * 10 + d[4]!) % 99)).padStart(2, '0');
      const serial = String(1 + ((d[5]! * 1000 + d[6]! * 100 + d[7]! * 10 + d[8]!) % 9999)).padStart(4, '0');
      return { type, value: `${area}-${group}-${serial}` };
    }
  }
}

/** `count` canaries cycling through the types. */
export function makeCanaries(seed: string, count: number): Canary[] {
  return Array.from({ length: count }, (_, i) => makeCanary(TYPES[i % TYPES.length]!, seed, i));
}

/** A sentence a caller would plausibly write around the value (context some detectors rely on). */
export function canarySentence(canary: Canary): string {
  switch (canary.type) {
    case 'email':
      return `Please reply to ${canary.value} with the signed copy.`;
    case 'phone':
      return `You can reach me on ${canary.value} after six.`;
    case 'credit_card':
      return `Charge the deposit to my card ${canary.value}, expiry 09/29.`;
    case 'iban':
      return `The refund should go to IBAN ${canary.value}.`;
    case 'us_ssn':
      return `My SSN is ${canary.value} for the tax form.`;
  }
}

/**
 * The forms a leaked value would take in upstream bytes: as written, lower-cased, and without separators
 * (a proxy that reformatted a value before forwarding it would still be caught).
 */
export function canaryForms(canary: Canary): string[] {
  const forms = new Set([canary.value.toLowerCase()]);
  if (canary.type !== 'email') forms.add(canary.value.replace(/[\s()+-]/g, '').toLowerCase());
  return [...forms];
}

/** Counts how many of the canaries appear in a text, in any of their forms (case-insensitive). */
export function createLeakScanner(canaries: readonly Canary[]): (text: string) => number {
  const forms = canaries.map(canaryForms);
  return (text) => {
    const haystack = text.toLowerCase();
    return forms.filter((variants) => variants.some((form) => haystack.includes(form))).length;
  };
}
