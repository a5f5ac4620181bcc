import { describe, expect, it } from 'vitest';
import { jwtDetector } from './jwt.ts';
import { scalesLinearly, spans } from './test-helpers.ts';

const header = Buffer.from('{"alg":"HS256","typ":"JWT"}').toString('base64url');
const payload = Buffer.from('{"sub":"demo-user","iat":1700000000}').toString('base64url');
const TOKEN = `${header}.${payload}.c2lnbmF0dXJlLW5vdC1yZWFs`;

describe('jwtDetector', () => {
  it('finds signed and unsigned tokens', () => {
    expect(spans(jwtDetector, `token ${TOKEN} thanks.`)).toEqual([TOKEN]);
    expect(spans(jwtDetector, `t=${header}.${payload}.`)).toEqual([`${header}.${payload}.`]);
  });
  it('rejects two-part strings and tokens glued inside base64 blobs', () => {
    expect(spans(jwtDetector, `${header}.notjson`)).toEqual([]);
    expect(spans(jwtDetector, `QQQ${TOKEN}`)).toEqual([]);
  });
  it('stays linear on adversarial input', () => {
    for (const unit of ['eyJ', 'eyJhbGciOiJ.', 'a'])
      expect(scalesLinearly(jwtDetector, unit), unit).toBe(true);
  });
});
