import { describe, expect, it } from 'vitest';
import { scalesLinearly, spans } from './test-helpers.ts';
import { urlCredentialsDetector } from './url-credentials.ts';

describe('urlCredentialsDetector', () => {
  it('reports the whole URL including path', () => {
    const url = 'postgres://app:Tq9-vLm2Zx7@db.internal.example:5432/orders';
    expect(spans(urlCredentialsDetector, `DATABASE_URL="${url}"`)).toEqual([url]);
    expect(spans(urlCredentialsDetector, 'see mongodb+srv://svc:P4ss@w0rd@cluster0.example.net/db.')).toEqual(
      ['mongodb+srv://svc:P4ss@w0rd@cluster0.example.net/db'],
    );
    expect(spans(urlCredentialsDetector, 'jdbc:mysql://ops:Zr8kQ2@host:3306/x')).toEqual([
      'jdbc:mysql://ops:Zr8kQ2@host:3306/x',
    ]);
  });
  it('skips templates, placeholders and credential-less URLs', () => {
    for (const text of [
      'https://${USER}:${PASS}@example.org',
      'mysql://user:password@localhost/db',
      'postgres://postgres:postgres@localhost/db',
      'https://user:YOUR_PASSWORD@example.org',
      'https://example.org/path',
      'ssh://git@example.org/repo',
    ]) {
      expect(spans(urlCredentialsDetector, text), text).toEqual([]);
    }
  });
  it('stays linear on adversarial input', () => {
    for (const unit of ['://', 'a://b:c', '@', 'a@a.a']) {
      expect(scalesLinearly(urlCredentialsDetector, unit), unit).toBe(true);
    }
  });
});
