import { describe, expect, it } from 'vitest';
import { keywordProximityDetector } from './keyword-proximity.ts';
import { CONTEXT, scalesLinearly, spans } from './test-helpers.ts';

// Invented values in common key shapes; none is a real credential.
const BASE62 = 'Zq8RmT2vLp4KxW9sYb3NcD1f';
const HEX40 = '7c4a8d09ca3762af61e59520943dc26494f8941b';
const UUID = '3f2b8c1e-9d4a-4e7b-a1c6-5d8e2f7b9a03';

describe('keywordProximityDetector', () => {
  it('finds tokens shortly after a secret word, in prose, logs, flags and configs', () => {
    for (const [text, token] of [
      [`acme token = '${BASE62}'`, BASE62],
      [`You can find the acme secret ${HEX40} within`, HEX40],
      [`[INFO] calling the acme API\n[DEBUG] Using Key=${BASE62}\n[INFO] 200 OK`, BASE62],
      [`deploy --acme-api-key ${HEX40} --verbose`, HEX40],
      [`acme key: ${UUID}`, UUID],
      [`acme:\n  secret:\n    ${BASE62}`, BASE62],
      [`GET /v1/items?api_key=${BASE62}&page=2`, BASE62],
    ] as const) {
      expect(spans(keywordProximityDetector, text), text).toEqual([token]);
    }
  });

  it('reports exact offsets', () => {
    const text = `my acme secret is ${BASE62}.`;
    const [finding] = keywordProximityDetector.detect(text, CONTEXT);
    expect(finding?.start).toBe(text.indexOf(BASE62));
    expect(finding?.end).toBe(text.indexOf(BASE62) + BASE62.length);
    expect(finding?.type).toBe('api_key');
  });

  it('reads a lone SK (secret key, as Chinese clouds write AK/SK) before key material', () => {
    expect(spans(keywordProximityDetector, `AK LTAI0000example / SK ${BASE62} 已发群里`)).toEqual([BASE62]);
    expect(spans(keywordProximityDetector, `user_sk ${BASE62}`)).toEqual([]);
  });

  it('needs a secret name right before the token', () => {
    for (const text of [
      `acme ${BASE62}`,
      `kms_key_id: "${BASE62}"`,
      `credentialsId: '${UUID}'`,
      `keySize = AESKeySize.Key256Bit${BASE62}`,
      `PublicKey: ${BASE62}`,
      `# the key\n${BASE62}`,
      `commit ${HEX40} fixes the key handling`,
      `the secret keeper wrote a long letter yesterday evening ${BASE62}`,
    ]) {
      expect(spans(keywordProximityDetector, text), text).toEqual([]);
    }
  });

  it('rejects fragments, placeholders and patterned strings', () => {
    for (const text of [
      `acme token = 'Zq8RmT2v?Lp4KxW9sYb3NcD1fQ7'`,
      `acme token = $${BASE62}`,
      'acme token = AbCd1234AbCd1234AbCd1234AbCd',
      'api key: my_fake_key_0123456789',
      'secret: DOC_Vector_5_32_release_2023',
      'token: GB82WEST12345698765432',
    ]) {
      expect(spans(keywordProximityDetector, text), text).toEqual([]);
    }
  });

  it('flags 64-hex wallet keys next to wallet words, without the 0x prefix', () => {
    const hex = '4f3e2d1c0b9a8f7e'.repeat(4);
    expect(spans(keywordProximityDetector, `Oops, 0x${hex}! Do not fund this wallet.`)).toEqual([hex]);
    expect(spans(keywordProximityDetector, `sha256 digest 0x${hex} of the release`)).toEqual([]);
    // A pinned image in a manifest full of secret words is a digest, not a wallet key.
    const manifest = `name: relay-secrets\n  image: registry.example.test/relay:1.9.3@sha256:${hex}\n  secretKeyRef:`;
    expect(spans(keywordProximityDetector, manifest)).toEqual([]);
    expect(spans(keywordProximityDetector, `wallet private key: ${hex}`)).toEqual([hex]);
  });

  it('recognises Discord bot tokens by shape alone', () => {
    const token = 'NDEyMzcwOTg1NTYxMjM5MDQw.Gh7kLm.Qx9vR2tY8wZ3pL5nB7cD1fH4jK6mN0s';
    expect(spans(keywordProximityDetector, `bot ${token}`)).toEqual([token]);
    expect(
      spans(keywordProximityDetector, 'PDEyMzcwOTg1NTYxMjM5MDQw.Gh7kL.Qx9vR2tY8wZ3pL5nB7cD1fH4jK6mN0'),
    ).toEqual([]);
  });

  it('trusts an Azure storage key shape only when Azure is named nearby', () => {
    const key = `${'q9Xv2LmR7tKpW3zN8bYc4dFg6hJ0kS1uE5aQ/+oTiVxM2nB7cD3eF9gH1jK4lP6rS8uW0yZ2aC5eG7iK9mO1qR'}==`;
    expect(spans(keywordProximityDetector, `storage on azure.com:\n  ${key}`)).toEqual([key]);
    expect(spans(keywordProximityDetector, key)).toEqual([]);
    expect(spans(keywordProximityDetector, `azure vm\nSshPublicKeys:\n  - ${key}`)).toEqual([]);
  });

  it('stays linear on adversarial input', () => {
    for (const unit of ['key ', 'a', 'token = Zq8RmT2vLp4KxW9sYb3NcD1f ', '=a', 'a/', '.', 'key: 0x', '-']) {
      expect(scalesLinearly(keywordProximityDetector, unit), unit).toBe(true);
    }
  });
});
