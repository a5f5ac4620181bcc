import type { Detector } from '@stronk/detectors';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { createRedactor, PayloadTooDeepError } from './index.ts';

/** A deterministic stand-in detector so these tests do not depend on the built-in detectors' accuracy. */
const canaryDetector: Detector = {
  id: 'test.canary',
  types: ['email', 'api_key'],
  detect(text) {
    const out = [];
    for (const m of text.matchAll(/canary-[a-z]+@example\.test|sk-canary[0-9]+/g)) {
      out.push({
        start: m.index,
        end: m.index + m[0].length,
        type: m[0].startsWith('sk-') ? ('api_key' as const) : ('email' as const),
        detector: 'test.canary',
        score: 1,
      });
    }
    return out;
  },
};

const redactor = createRedactor({
  builtinDetectors: false,
  detectors: [canaryDetector],
  denyTerms: ['Project Nightjar'],
});

describe('maskText', () => {
  it('replaces found values with typed placeholders and reports no raw value', () => {
    const result = redactor.maskText('Mail canary-ann@example.test about project nightjar.');
    expect(result.text).toMatch(/^Mail \[\[EMAIL_[0-9A-Z]{10}\]\] about \[\[REDACTED_[0-9A-Z]{10}\]\]\.$/);
    expect(result.decision.action).toBe('mask');
    expect(JSON.stringify(result.findings)).not.toMatch(/canary-ann|nightjar/i);
    expect(result.findings.map((f) => [f.type, f.start, f.end])).toEqual([
      ['email', 5, 28],
      ['custom', 35, 51],
    ]);
  });

  it('blocks secrets by default while still masking them in the returned text', () => {
    const result = redactor.maskText('key sk-canary123');
    expect(result.decision.action).toBe('block');
    expect(result.decision.typesByAction.block).toEqual(['api_key']);
    expect(result.text).not.toContain('sk-canary123');
  });

  it('leaves allowed types untouched', () => {
    const allowEmail = createRedactor({
      builtinDetectors: false,
      detectors: [canaryDetector],
      policy: { email: 'allow' },
    });
    const result = allowEmail.maskText('canary-ann@example.test');
    expect(result.text).toBe('canary-ann@example.test');
    expect(result.findings[0]?.action).toBe('allow');
  });
});

describe('maskPayload', () => {
  const spec = {
    structural: ['model', 'messages.*.role', 'metadata.**'],
    rejectIfSensitive: ['tools.**'],
  };

  it('scans every non-structural string and keeps placeholders consistent across the payload', () => {
    const payload = {
      model: 'gpt-test',
      messages: [
        { role: 'user', content: 'I am canary-ann@example.test' },
        { role: 'assistant', content: [{ type: 'text', text: 'Hello canary-ann@example.test' }] },
      ],
      unexpected: { deeply: ['nested canary-bob@example.test'] },
    };
    const { payload: masked, findings, touchedPaths, vault } = redactor.maskPayload(payload, spec);
    const first = (masked.messages[0]!.content as string).slice(5);
    expect(JSON.stringify(masked)).not.toMatch(/canary-(ann|bob)/);
    expect((masked.messages[1]!.content as Array<{ text: string }>)[0]!.text).toBe(`Hello ${first}`);
    expect(touchedPaths).toEqual([
      'messages[0].content',
      'messages[1].content[0].text',
      'unexpected.deeply[0]',
    ]);
    expect(findings).toHaveLength(3);
    expect(vault.rehydrate(JSON.stringify(masked))).toBe(JSON.stringify(payload));
  });

  it('scans a structural field whose value is not a bounded token (fail closed)', () => {
    const { payload } = redactor.maskPayload({ model: 'canary-ann@example.test is my model' }, spec);
    expect(payload.model).not.toContain('canary-ann');
  });

  it('masks sensitive object keys', () => {
    const { payload } = redactor.maskPayload({ extra: { 'canary-ann@example.test': 1 } }, spec);
    expect(JSON.stringify(payload)).not.toContain('canary-ann');
  });

  it('reads bounded tokens (ids, enum values, plain keys) for definitive values only (found by the leak fuzzer)', () => {
    const builtin = createRedactor();
    const card = '4111111111111111';
    const { payload, decision } = builtin.maskPayload(
      {
        model: 'gpt-test',
        metadata: { user_id: card },
        messages: [{ role: 'Assistant', content: 'hi' }],
        extra: { [card]: 1, Maria: 2 },
      },
      spec,
    );
    expect(JSON.stringify(payload)).not.toContain(card);
    expect(payload.metadata.user_id).toMatch(/^\[\[CARD_[0-9A-Z]{10}\]\]$/);
    // Contextual readings of a role or a plain key are not acted on there.
    expect(payload.messages[0]!.role).toBe('Assistant');
    expect(Object.keys(payload.extra)).toContain('Maria');
    expect(decision.action).toBe('mask');
    const secret = ['ghp', 'R4nd0mT0k3nV4lu3F0rT3st1ngPurp0s3Zz12'].join('_');
    expect(builtin.maskPayload({ model: secret }, spec).decision.action).toBe('block');
  });

  it('never changes opaque keys, but refuses a definitive value written as one', () => {
    const builtin = createRedactor();
    const opaque = { ...spec, opaqueKeys: ['schema.**'] };
    const harmless = {
      schema: { properties: { Maria: { type: 'string' }, user_email: { type: 'string' } } },
    };
    const passing = builtin.maskPayload(harmless, opaque);
    expect(passing.payload).toEqual(harmless);
    expect(passing.rejectedPaths).toEqual([]);
    expect(passing.findings).toEqual([]);
    const leaking = builtin.maskPayload({ schema: { properties: { 'ann.lee@example.com': {} } } }, opaque);
    expect(leaking.rejectedPaths).toEqual(['schema.properties["ann.lee@example.com"]']);
  });

  it('reports sensitive content under reject-if-sensitive paths', () => {
    const result = redactor.maskPayload(
      { tools: [{ type: 'function', function: { description: 'Send to canary-ann@example.test' } }] },
      spec,
    );
    expect(result.rejectedPaths).toEqual(['tools[0].function.description']);
  });

  it("leaves the provider's own names unmasked, and every other name masked", () => {
    const builtin = createRedactor();
    const own = { ...spec, ownNames: ['Anthropic', 'Claude'] };
    const system = {
      system: "You are a Claude agent, built on Anthropic's Claude Agent SDK. Ask Maria Garcia.",
    };
    const masked = builtin.maskPayload(system, own).payload.system as string;
    expect(masked).toContain("You are a Claude agent, built on Anthropic's Claude Agent");
    expect(masked).not.toContain('Maria Garcia');
    // Without the declaration they are masked as the names they read as.
    const plain = builtin.maskPayload(system, spec).payload.system as string;
    expect(plain).not.toContain('a Claude agent');
    expect(plain).not.toContain("Anthropic's");
  });

  it("lets the provider's own addresses stand in tool text, and nothing else", () => {
    const builtin = createRedactor();
    const own = { ...spec, ownDomains: ['anthropic.com'] };
    const tool = (description: string) => ({ tools: [{ type: 'function', name: 'bash', description }] });
    // An agent vendor's commit trailer: forwarded as written, not reported.
    const trailer = tool('End commits with: Co-Authored-By: Assistant <noreply@anthropic.com>');
    const passing = builtin.maskPayload(trailer, own);
    expect(passing.rejectedPaths).toEqual([]);
    expect(passing.payload).toEqual(trailer);
    expect(passing.findings).toEqual([]);
    expect(builtin.maskPayload(tool('Ask ops@mail.anthropic.com first'), own).rejectedPaths).toEqual([]);
    // Without the declaration, and for look-alike or foreign domains, it still refuses.
    expect(builtin.maskPayload(trailer, spec).rejectedPaths).toEqual(['tools[0].description']);
    for (const foreign of ['noreply@evilanthropic.com', 'ann.lee@example.com', 'x@anthropic.com.example.net'])
      expect(builtin.maskPayload(tool(`Mail ${foreign}`), own).rejectedPaths, foreign).toEqual([
        'tools[0].description',
      ]);
  });

  it('leaves tool definitions untouched: contextual findings pass, definitive ones reject', () => {
    const builtin = createRedactor();
    const tool = {
      type: 'function',
      name: 'shell',
      description:
        'Runs a command in a PTY. Provide a timeout between 250-30000 ms. Ask Maria Garcia if unsure.',
    };
    const passing = builtin.maskPayload({ tools: [tool] }, spec);
    expect(passing.rejectedPaths).toEqual([]);
    expect(passing.payload).toEqual({ tools: [tool] });
    expect(passing.decision.action).toBe('allow');
    const leaking = builtin.maskPayload(
      { tools: [{ ...tool, description: 'Mail results to ann.lee@example.com' }] },
      spec,
    );
    expect(leaking.rejectedPaths).toEqual(['tools[0].description']);
  });

  it('refuses payloads nested deeper than the limit', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 100; i++) deep = [deep];
    expect(() => redactor.maskPayload(deep)).toThrow(PayloadTooDeepError);
  });
});

describe('mask → rehydrate', () => {
  const builtin = createRedactor({ denyTerms: ['Nightjar'] });
  const lookAlike = fc.constantFrom(
    '[[EMAIL_0123456789]]',
    '[[PERSON_ABCDEFGHJK]]',
    '[[',
    ']]',
    '[[REDACTED_',
  );
  const piece = fc.oneof(
    fc.string({ unit: 'grapheme' }),
    fc.string({ unit: 'binary' }),
    lookAlike,
    fc.constantFrom(
      'canary-ann@example.test',
      'sk-canary42',
      'Nightjar',
      'ann.lee@example.com',
      '+1 (202) 555-0143',
    ),
  );

  it('is the identity over arbitrary Unicode, including placeholder look-alikes', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join(' ');
        for (const r of [redactor, builtin]) {
          const { text: masked, vault } = r.maskText(text);
          expect(r.rehydrate(masked, vault)).toBe(text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves a detected canary in the masked text', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const { text } = redactor.maskText(pieces.join(' '));
        expect(text).not.toMatch(/canary-ann@example\.test|sk-canary42/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('warm-up', () => {
  it('runs the engine warm-up once, in ready(), only when asked', async () => {
    const warm = createRedactor({ builtinDetectors: false, detectors: [canaryDetector], warmUp: true });
    const spy = vi.spyOn(warm.engine, 'warmUp').mockReturnValue(0);
    await warm.ready();
    await warm.ready();
    expect(spy).toHaveBeenCalledTimes(1);
    const cold = createRedactor({ builtinDetectors: false, detectors: [canaryDetector] });
    const coldSpy = vi.spyOn(cold.engine, 'warmUp').mockReturnValue(0);
    await cold.ready();
    expect(coldSpy).not.toHaveBeenCalled();
  });
});
