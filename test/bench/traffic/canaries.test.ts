import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../packages/redaction/src/index.ts';
import { canaryForms, canarySentence, createLeakScanner, makeCanaries } from './canaries.ts';

describe('canaries', () => {
  it('are the same for the same seed and differ between seeds', () => {
    expect(makeCanaries('seed-a', 10)).toEqual(makeCanaries('seed-a', 10));
    const a = makeCanaries('seed-a', 10).map((c) => c.value);
    const b = makeCanaries('seed-b', 10).map((c) => c.value);
    expect(a.filter((value) => b.includes(value))).toEqual([]);
  });

  it('cover every type with valid check digits', () => {
    const canaries = makeCanaries('checks', 50);
    expect(new Set(canaries.map((c) => c.type)).size).toBe(5);
    for (const card of canaries.filter((c) => c.type === 'credit_card')) {
      const digits = card.value.replace(/\s/g, '');
      const sum = [...digits]
        .reverse()
        .map(Number)
        .reduce((s, d, i) => s + (i % 2 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d), 0);
      expect(sum % 10).toBe(0);
    }
    for (const iban of canaries.filter((c) => c.type === 'iban')) {
      const compact = iban.value.replace(/\s/g, '');
      const rearranged = `${compact.slice(4)}1314${compact.slice(2, 4)}`;
      expect([...rearranged].reduce((r, ch) => (r * 10 + Number(ch)) % 97, 0)).toBe(1);
    }
  });

  it('are all masked by the default redactor, so a raw canary upstream means a leak', () => {
    const redactor = createRedactor({});
    for (const seed of ['soak-1', 'soak-2', 'soak-3']) {
      const canaries = makeCanaries(seed, 40);
      const scan = createLeakScanner(canaries);
      const text = canaries.map(canarySentence).join(' ');
      expect(scan(text)).toBe(40);
      const masked = redactor.maskText(text);
      expect(masked.decision.action).toBe('mask');
      expect(scan(masked.text)).toBe(0);
    }
  });

  it('are found again when reformatted without separators or in another case', () => {
    const [email, phone] = makeCanaries('forms', 2);
    const scan = createLeakScanner([email!, phone!]);
    expect(scan(`to ${email!.value.toUpperCase()}`)).toBe(1);
    expect(scan(`call ${canaryForms(phone!).at(-1)}`)).toBe(1);
    expect(scan('nothing here')).toBe(0);
  });
});
