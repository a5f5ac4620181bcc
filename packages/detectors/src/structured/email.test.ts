import { describe, expect, it } from 'vitest';
import { emailDetector, findEmails } from './email.ts';
import { scalingRatio, spans } from './test-helpers.ts';

describe('email', () => {
  it('finds plain addresses with exact offsets', () => {
    const text = 'Write to jane.doe+news@example.co.uk today.';
    const [finding] = findEmails(text);
    expect(finding).toMatchObject({ start: 9, end: 36, type: 'email' });
  });

  it('handles internationalized local parts, domains and punycode', () => {
    expect(spans(emailDetector, 'mail: josé.garcía@correo.es')).toEqual(['josé.garcía@correo.es']);
    expect(spans(emailDetector, 'mail: info@bücher.de')).toEqual(['info@bücher.de']);
    expect(spans(emailDetector, 'mail: admin@xn--bcher-kva.xn--p1ai')).toEqual([
      'admin@xn--bcher-kva.xn--p1ai',
    ]);
    expect(spans(emailDetector, 'почта: иван@пример.рф')).toEqual(['иван@пример.рф']);
  });

  it('accepts quoted local parts', () => {
    expect(spans(emailDetector, 'use "john smith"@example.org')).toEqual(['"john smith"@example.org']);
  });

  it('stops at Chinese prose and sentence punctuation', () => {
    expect(spans(emailDetector, '请发邮件到wang@example.cn谢谢')).toEqual(['wang@example.cn']);
    expect(spans(emailDetector, 'It is bob@example.com.')).toEqual(['bob@example.com']);
  });

  it('leaves the user part of a URL alone', () => {
    expect(spans(emailDetector, 'dsn="https://4f0c9e2a7b1d@o7741.ingest.example.io/12"')).toEqual([]);
    expect(spans(emailDetector, 'ssh://git@git.example.org/repo and ops@example.org')).toEqual([
      'ops@example.org',
    ]);
  });

  it('rejects incomplete addresses', () => {
    expect(spans(emailDetector, 'my email is bob@example.')).toEqual([]);
    expect(spans(emailDetector, 'a @ b and user@localhost and @handle')).toEqual([]);
    expect(spans(emailDetector, 'no at sign here')).toEqual([]);
  });

  it('never throws on lone surrogates', () => {
    expect(() => findEmails('\ud800@\udc00.com x\ud83d@a.bc')).not.toThrow();
  });

  it('stays linear on adversarial input', () => {
    const unit = 'a@a.a';
    const ratio = scalingRatio(findEmails, unit.repeat(20_000), unit.repeat(200_000));
    expect(ratio).toBeLessThan(40);
    const dots = `${'a'.repeat(50)}@${'b.'.repeat(200)}`;
    expect(scalingRatio(findEmails, dots.repeat(200), dots.repeat(2000))).toBeLessThan(40);
  });
});
