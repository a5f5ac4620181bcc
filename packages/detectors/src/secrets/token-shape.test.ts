import { describe, expect, it } from 'vitest';
import { isSecretName, splitWords } from './secret-names.ts';
import {
  isHexKey,
  isIbanLike,
  isPeriodic,
  looksLikeIdentifier,
  looksLikeKeyMaterial,
} from './token-shape.ts';

describe('token shape', () => {
  it('spots repeated units', () => {
    expect(isPeriodic('abcd1234abcd1234abcd1234')).toBe(true);
    expect(isPeriodic('FakeFakeFakeFakeFake')).toBe(true);
    expect(isPeriodic('Zq8RmT2vLp4KxW9sYb3NcD1f')).toBe(false);
  });

  it('knows hex key sizes and IBANs', () => {
    expect(isHexKey('0f1e2d3c'.repeat(8))).toBe(true);
    expect(isHexKey('0f1e2d3c'.repeat(8).slice(1))).toBe(false);
    expect(isHexKey('acdeFf05b1a6d4c890237bf08c5e6e8d')).toBe(false);
    expect(isIbanLike('GB82WEST12345698765432')).toBe(true);
    expect(isIbanLike('GB82WEST12345698765431')).toBe(false);
  });

  it('accepts generated-looking tokens only', () => {
    expect(looksLikeKeyMaterial('Zq8RmT2vLp4KxW9sYb3NcD1f')).toBe(true);
    expect(looksLikeKeyMaterial('3f2b8c1e-9d4a-4e7b-a1c6-5d8e2f7b9a03')).toBe(true);
    // Hex of a key size counts even when typed as a pattern.
    expect(looksLikeKeyMaterial('0f1e2d3c'.repeat(8))).toBe(true);
    for (const v of [
      'abcdefghijklmnopqrstuv',
      '12345678901234567890',
      'my-service-name-v2-prod',
      'xxxxxxxx1234xxxxxxxx',
    ]) {
      expect(looksLikeKeyMaterial(v), v).toBe(false);
    }
  });
});

describe('identifiers', () => {
  it('reads word pieces as an identifier, but not two words before a long generated tail', () => {
    expect(looksLikeIdentifier('rc0.15.0_2023-SNAPSHOT')).toBe(true);
    expect(looksLikeIdentifier('cus_Qp8vRz2Lm5TxW9kD3sYb7N')).toBe(true);
    expect(looksLikeIdentifier('django-insecure-Qp8vRz2Lm5TxW9kD3sYb7NcF')).toBe(false);
    expect(looksLikeKeyMaterial('app-prod-Zq8RmT2vLp4KxW9sYb3NcD1f')).toBe(true);
  });
});

describe('secret names', () => {
  it('decides by the last word', () => {
    expect(isSecretName(splitWords('AWS_SECRET_ACCESS_KEY'))).toBe(true);
    expect(isSecretName(splitWords('oktaApiToken'))).toBe(true);
    expect(isSecretName(splitWords('clou_pw'))).toBe(true);
    expect(isSecretName(splitWords('kms_key_id'))).toBe(false);
    expect(isSecretName(splitWords('doc.Security.KeySize'))).toBe(false);
    expect(isSecretName(splitWords('public_key'))).toBe(false);
    expect(isSecretName(splitWords('authenticity_token'))).toBe(false);
  });
});
