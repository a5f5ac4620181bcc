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
  it('reads an unescaped # as part of the password, not as a fragment', () => {
    const url = 'postgresql+psycopg2://ledger_ro:Wm4#tQ8zLp@10.20.0.7:5432/ledger';
    expect(spans(urlCredentialsDetector, `URL = "${url}"`)).toEqual([url]);
    expect(spans(urlCredentialsDetector, 'http://ops:Kv7#xR2@host.example/a#top')).toEqual([
      'http://ops:Kv7#xR2@host.example/a#top',
    ]);
    expect(
      spans(urlCredentialsDetector, 'https://example.org:8443#frag@x and https://example.org/a#b@c'),
    ).toEqual([]);
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
    for (const unit of ['://', 'a://b:c', '@', 'a@a.a', 'a://b:c#', 'x://u:p#q#']) {
      expect(scalesLinearly(urlCredentialsDetector, unit), unit).toBe(true);
    }
  });
});
