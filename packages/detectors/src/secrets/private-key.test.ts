import { describe, expect, it } from 'vitest';
import { privateKeyDetector } from './private-key.ts';
import { scalesLinearly, spans } from './test-helpers.ts';

// Random bytes in base64, not a real key.
const BODY = Buffer.from(Array.from({ length: 120 }, (_, i) => (i * 73 + 41) % 256)).toString('base64');
const PEM = `-----BEGIN RSA PRIVATE KEY-----\n${BODY.slice(0, 64)}\n${BODY.slice(64)}\n-----END RSA PRIVATE KEY-----`;

describe('privateKeyDetector', () => {
  it('reports the whole block', () => {
    expect(spans(privateKeyDetector, `key:\n${PEM}\nend`)).toEqual([PEM]);
  });
  it('tolerates JSON-escaped newlines', () => {
    const escaped = PEM.replace(/\n/g, '\\n');
    expect(spans(privateKeyDetector, `{"private_key": "${escaped}"}`)).toEqual([escaped]);
  });
  it('skips placeholder bodies and public keys', () => {
    for (const body of ['xxx', '***', '...', 'c2hvcnQ=']) {
      expect(
        spans(privateKeyDetector, `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----`),
      ).toEqual([]);
    }
    expect(
      spans(privateKeyDetector, `-----BEGIN PUBLIC KEY-----\n${BODY}\n-----END PUBLIC KEY-----`),
    ).toEqual([]);
  });
  it('stays linear on adversarial input', () => {
    expect(scalesLinearly(privateKeyDetector, '-----BEGIN PRIVATE KEY-----\n')).toBe(true);
  });
});
