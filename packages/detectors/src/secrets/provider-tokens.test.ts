import { describe, expect, it } from 'vitest';
import { providerTokenDetector } from './provider-tokens.ts';
import { PUBLISHED_GOOGLE_SAMPLE_KEYS } from './published-sample-keys.ts';
import { CONTEXT, scalesLinearly, spans } from './test-helpers.ts';

// Invented tokens in the providers' documented shapes; none is a real credential.
const GH = 'ghp_R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3Zz12';
const OPENAI = 'sk-proj-Ab12Cd34Ef56Gh78Ij90KlMnT3BlbkFJQr12St34Uv56Wx78Yz90';
const AWS = 'AKIAQ3EGUZ7BWXKQ4N2M';
const SLACK = 'xoxb-1234567890123-9876543210987-Zq8RmT2vLp4KxW9sYb3NcD1f';
const STRIPE = 'sk_live_4eC39HqLyjWDarjtT1zdp7dc';
const HF = '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';

describe('providerTokenDetector', () => {
  it('finds documented token shapes with exact offsets', () => {
    const text = `export GITHUB_TOKEN=${GH}\nkey: ${OPENAI}`;
    const findings = providerTokenDetector.detect(text, CONTEXT);
    expect(findings.map((f) => text.slice(f.start, f.end))).toEqual([GH, OPENAI]);
    expect(findings[0]?.start).toBe(text.indexOf(GH));
    expect(findings.every((f) => f.type === 'api_key')).toBe(true);
  });

  it('covers several providers', () => {
    for (const token of [
      AWS,
      SLACK,
      STRIPE,
      HF,
      'glpat-Zx8Kq2LmN4vB7rT1yW3p',
      'npm_Zx8Kq2LmN4vB7rT1yW3pQa9Sd5Fg6Hj0Kl2M',
    ]) {
      expect(spans(providerTokenDetector, `value ${token} here`), token).toEqual([token]);
    }
  });

  it('leaves the Google keys published in SDK samples alone, but not other keys of that shape', () => {
    const published = [...PUBLISHED_GOOGLE_SAMPLE_KEYS][0] ?? '';
    expect(spans(providerTokenDetector, `apiKey: ${published}`)).toEqual([]);
    const unpublished = `AIzaSyQ${published.slice(7).split('').reverse().join('')}`;
    expect(spans(providerTokenDetector, `apiKey: ${unpublished}`)).toEqual([unpublished]);
  });

  it('rejects masked, glued and wrong-length look-alikes', () => {
    expect(spans(providerTokenDetector, 'ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx')).toEqual([]);
    expect(spans(providerTokenDetector, `x${GH}`)).toEqual([]);
    expect(spans(providerTokenDetector, `${HF}Q`)).toEqual([]);
    expect(spans(providerTokenDetector, 'AKIAIOSFODNN7EXAMPLE')).toEqual([]);
    expect(spans(providerTokenDetector, 'sk_live_short')).toEqual([]);
    expect(spans(providerTokenDetector, 'xoxp-1234567890')).toEqual([]);
  });

  it('handles infix formats (Telegram bot token)', () => {
    const token = '123456789:AAHq8ZkT2vLp4KxW9sYb3NcD1fRmT2vLp4K';
    expect(spans(providerTokenDetector, `bot ${token}.`)).toEqual([token]);
  });

  it('stays linear on adversarial input', () => {
    for (const unit of ['sk-', 'EAAM', 'xoxb-123456-', 'a', 'ghp_', '|1234567890123456', '-']) {
      expect(scalesLinearly(providerTokenDetector, unit), unit).toBe(true);
    }
  });
});
