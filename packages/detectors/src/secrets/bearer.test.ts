import { describe, expect, it } from 'vitest';
import { bearerDetector } from './bearer.ts';
import { scalesLinearly, spans } from './test-helpers.ts';

const TOKEN = 'Zq8RmT2vLp4KxW9sYb3NcD1f';

describe('bearerDetector', () => {
  it('finds Authorization headers and curl credentials', () => {
    expect(spans(bearerDetector, `Authorization: Bearer ${TOKEN}`)).toEqual([TOKEN]);
    expect(spans(bearerDetector, `curl -H "X-Api-Key: ${TOKEN}" https://api.example.org`)).toEqual([TOKEN]);
    const basic = Buffer.from('svc:Pa55-w0rd-Q9').toString('base64');
    expect(spans(bearerDetector, `-H 'Authorization: Basic ${basic}'`)).toEqual([basic]);
    expect(spans(bearerDetector, 'curl -u deploy:Qx7-vLm2Tz9 https://example.org')).toEqual([
      'deploy:Qx7-vLm2Tz9',
    ]);
  });
  it('reads -u / --user as credentials only in an HTTP client command', () => {
    const continued =
      'curl https://example.org/api \\\n  -H "Accept: application/json" \\\n  --user "ci:Qx7-vLm2Tz9"';
    expect(spans(bearerDetector, continued)).toEqual(['"ci:Qx7-vLm2Tz9"']);
    // Claude Code's tool descriptions carry this line; it read as `-u user:password` and blocked the request.
    expect(spans(bearerDetector, 'last=$(date -u +%Y-%m-%dT%H:%M:%SZ)')).toEqual([]);
    expect(spans(bearerDetector, 'docker run -u app:Qx7-vLm2Tz9 image && sort -u a:b9Xq-2')).toEqual([]);
    // A continuation line with no backslash before it is a new command.
    expect(spans(bearerDetector, 'curl https://example.org\n  -u ci:Qx7-vLm2Tz9')).toEqual([]);
    expect(spans(bearerDetector, 'curl https://example.org\n-u ci:Qx7-vLm2Tz9')).toEqual([]);
  });

  it('ignores key-named headers that carry request ids', () => {
    const text = `curl -X POST https://api.example.org/v1/charges -H "Idempotency-Key: 5d0c2f9e-8a41-4b7c-9e23-7f1a6b3c0d58" -H 'X-Api-Key: Zr8kQ2vLm4Tx9WpY7sBn'`;
    expect(spans(bearerDetector, text)).toEqual(['Zr8kQ2vLm4Tx9WpY7sBn']);
  });

  it('ignores placeholders and variables', () => {
    for (const text of [
      'Authorization: Bearer $TOKEN',
      'Authorization: Bearer <your token>',
      'Authorization: Bearer XXXXXXXXXXXX',
      'curl -u "$USER:$PASS" https://example.org',
      'curl -u user:password https://example.org',
      'She was the bearer of bad news.',
    ]) {
      expect(spans(bearerDetector, text), text).toEqual([]);
    }
  });
  it('stays linear on adversarial input', () => {
    for (const unit of ['Bearer ', 'Authorization: ', '-u ', 'a']) {
      expect(scalesLinearly(bearerDetector, unit), unit).toBe(true);
    }
  });
});
