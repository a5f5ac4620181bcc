import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createVault, PLACEHOLDER_SHAPE, StreamRehydrator } from './index.ts';

describe('Vault', () => {
  it('gives the same value the same placeholder within a scope and different values different ones', () => {
    const vault = createVault();
    const a = vault.placeholderFor('email', 'ann@example.test');
    expect(vault.placeholderFor('email', 'ann@example.test')).toBe(a);
    expect(vault.placeholderFor('email', 'bob@example.test')).not.toBe(a);
    expect(a).toMatch(/^\[\[EMAIL_[0-9A-Z]{10}\]\]$/);
  });

  it('mints placeholders that carry nothing of the value and differ between scopes', () => {
    const one = createVault().placeholderFor('person_name', 'Ann Lee');
    const two = createVault().placeholderFor('person_name', 'Ann Lee');
    expect(one).not.toBe(two);
    expect(one).not.toMatch(/ann|lee/i);
  });

  it('never rehydrates a look-alike it did not mint', () => {
    const vault = createVault();
    const minted = vault.placeholderFor('phone', '+1 202 555 0100');
    const forged = '[[PHONE_0000000000]]';
    expect(vault.rehydrate(`${forged} ${minted}`)).toBe(`${forged} +1 202 555 0100`);
  });

  it('never rehydrates a minted nonce under another label, or a near miss of a minted placeholder', () => {
    const vault = createVault();
    const minted = vault.placeholderFor('email', 'x@y.test');
    const nonce = minted.slice('[[EMAIL_'.length, -2);
    const lastDigit = nonce.at(-1) === '0' ? '1' : '0';
    for (const lookAlike of [
      `[[PERSON_${nonce}]]`,
      `[[EMAILS_${nonce}]]`,
      `[[MAIL_${nonce}]]`,
      `[[EMAIL_${nonce.slice(0, -1)}${lastDigit}]]`,
      `[[EMAIL__${nonce}]]`,
      `[EMAIL_${nonce}]]`,
    ]) {
      expect(vault.rehydrate(lookAlike)).toBe(lookAlike);
      expect(vault.has(lookAlike)).toBe(false);
    }
    expect(vault.has(minted)).toBe(true);
    expect(vault.has(minted.toLowerCase())).toBe(true);
  });

  it('restores a placeholder whose case the model changed', () => {
    const vault = createVault();
    const minted = vault.placeholderFor('email', 'x@y.test');
    expect(vault.rehydrate(minted.toLowerCase())).toBe('x@y.test');
  });

  it('escapes restored values for JSON string contexts when asked', () => {
    const vault = createVault();
    const minted = vault.placeholderFor('person_name', 'Ann "The" Lee\\');
    const json = `{"name":"${minted}"}`;
    expect(JSON.parse(vault.rehydrate(json, { jsonEscape: true }))).toEqual({ name: 'Ann "The" Lee\\' });
  });

  it('exports and imports a scope in memory', () => {
    const vault = createVault();
    const minted = vault.placeholderFor('email', 'a@b.test');
    const copy = createVault(vault.export());
    expect(copy.placeholderFor('email', 'a@b.test')).toBe(minted);
    expect(copy.rehydrate(minted)).toBe('a@b.test');
  });

  it('rehydrate(replace(value → placeholder)) is the identity for arbitrary text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'grapheme' }), fc.boolean())), (parts) => {
        const vault = createVault();
        const original = parts.map(([text]) => text).join('');
        const masked = parts
          .map(([text, secret]) => (secret && text ? vault.placeholderFor('custom', text) : text))
          .join('');
        expect(vault.rehydrate(masked)).toBe(original);
      }),
    );
  });
  it('finds exactly the placeholders the regex shape finds, in bracket-heavy text', () => {
    const vault = createVault();
    const minted = ['person_name', 'email', 'custom'].map((type, i) => vault.placeholderFor(type, `v${i}`));
    const reference = (text: string) =>
      text.replace(PLACEHOLDER_SHAPE, (token) =>
        vault.has(token) ? `<${minted.indexOf(token.toUpperCase())}>` : token,
      );
    const piece = fc.oneof(
      fc.constantFrom(
        ...minted,
        ...minted.map((m) => m.toLowerCase()),
        '[[',
        ']]',
        '[',
        ']',
        '_',
        '[[EMAIL_0000000000]]',
      ),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        const values = new Map(minted.map((m, i) => [m, `<${i}>`]));
        const restored = createVault({ entries: minted.map((m) => [m, values.get(m)!, 'custom']) }).rehydrate(
          text,
        );
        expect(restored).toBe(reference(text));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('StreamRehydrator', () => {
  const vault = createVault();
  const email = vault.placeholderFor('email', 'ann@example.test');
  const person = vault.placeholderFor('person_name', 'Ann Lee');
  const reply = `Dear ${person}, we wrote to ${email} and [[EMAIL_NOTMINTED0]] [[ and ${person}.`;
  const expected = reply.replaceAll(person, 'Ann Lee').replaceAll(email, 'ann@example.test');

  it('restores placeholders split at every possible point', () => {
    for (let i = 0; i <= reply.length; i++) {
      for (const j of [i, Math.min(reply.length, i + 1), Math.min(reply.length, i + 7)]) {
        const stream = new StreamRehydrator(vault);
        const out =
          stream.push(reply.slice(0, i)) + stream.push(reply.slice(i, j)) + stream.push(reply.slice(j));
        expect(out + stream.flush()).toBe(expected);
      }
    }
  });

  it('restores a placeholder that arrives one character at a time', () => {
    const stream = new StreamRehydrator(vault);
    let out = '';
    for (const ch of reply) out += stream.push(ch);
    expect(out + stream.flush()).toBe(expected);
    expect(stream.restored).toBe(3);
  });

  it('holds back nothing when the tail cannot become a placeholder', () => {
    const stream = new StreamRehydrator(vault);
    expect(stream.push('plain text [not one] ')).toBe('plain text [not one] ');
    expect(stream.push('and [[EM')).toBe('and ');
    expect(stream.pendingLength).toBe(4);
  });

  it('never holds back more than the longest placeholder minus one', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const stream = new StreamRehydrator(vault);
        stream.push(text);
        expect(stream.pendingLength).toBeLessThan(Math.max(email.length, person.length));
      }),
    );
  });

  it('flushes an unfinished placeholder as plain text', () => {
    const stream = new StreamRehydrator(vault);
    expect(stream.push(email.slice(0, 9))).toBe('');
    expect(stream.flush()).toBe(email.slice(0, 9));
    expect([...email.matchAll(PLACEHOLDER_SHAPE)]).toHaveLength(1);
  });
});
