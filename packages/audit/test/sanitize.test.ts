import { describe, expect, it } from 'vitest';
import { isJsonPath, sanitizeEvent } from '../src/sanitize.ts';

describe('sanitizeEvent', () => {
  it('keeps only the allowed fields and rejects strings that are not tokens or paths', () => {
    const input = {
      requestId: 'ann.lee@example.com',
      route: 'openai.chat',
      model: 'Call Ann at +1 415 555 0100',
      stream: true,
      status: 200,
      outcome: 'forwarded' as const,
      latencyMs: 5,
      detectionMs: 1,
      countsByType: { email: 2, 'ann@example.com': 1, phone: -3 },
      countsByAction: { mask: 2 },
      rehydrated: 2,
      touchedPaths: ['messages[0].content', 'messages[0].content', 'ann lee at home', 'tools[*].x'],
      errorClass: 'weird value with spaces',
      body: 'raw secret that must never be stored',
    };
    const event = sanitizeEvent(input, 1);
    expect(event).toEqual({
      ts: 1,
      requestId: 'invalid',
      route: 'openai.chat',
      model: 'unknown',
      stream: true,
      status: 200,
      outcome: 'forwarded',
      latencyMs: 5,
      detectionMs: 1,
      countsByType: { email: 2 },
      countsByAction: { mask: 2 },
      findings: 2,
      rehydrated: 2,
      touchedPaths: ['messages[0].content', 'tools[*].x'],
      errorClass: 'invalid',
    });
    expect(JSON.stringify(event)).not.toContain('raw secret');
  });

  it('recognizes JSON paths', () => {
    for (const ok of ['messages[0].content', 'input[2].content[0].text', 'tools[*]', 'system', 'a.*.b'])
      expect(isJsonPath(ok)).toBe(true);
    for (const bad of ['', 'a b', 'x="secret"', 'a..b', 'a[b]', '["k"]', 'a.b\n'])
      expect(isJsonPath(bad)).toBe(false);
  });
});
