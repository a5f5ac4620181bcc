import { makeChatMessage } from '@stronk/detectors/testing';
import { createVault } from '@stronk/vault';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedactor } from './index.ts';
import type { PayloadSpec } from './payload-spec.ts';

const terms = { denyTerms: ['Project Nightjar'], allowTerms: ['Zed Quill'] };
const onThread = createRedactor(terms);
// Threshold 0: every batch big enough goes to a worker, whatever the load, so these tests exercise the workers.
const withWorkers = createRedactor({ ...terms, detectionWorkers: 2, workerLoadThreshold: 0 });
afterAll(() => withWorkers.close());

const spec: PayloadSpec = {
  structural: ['$.model', '$.messages[*].role', '$.tools[*].type'],
  rejectIfSensitive: ['$.tools[*].function.description'],
};

function chatPayload(i: number) {
  return {
    model: 'gpt-test',
    messages: [
      { role: 'system', content: `Project Nightjar rules. ${makeChatMessage(i, 900)}` },
      { role: 'user', content: makeChatMessage(i + 1, 2500) },
      { role: 'user', content: '请联系张伟先生，电话13812345678，地址：北京市朝阳区建国路88号。' },
    ],
    tools: [{ type: 'function', function: { description: 'Looks up a customer record by id for support.' } }],
    [`${makeChatMessage(i + 2, 40)} as a key`]: 'Zed Quill wrote this.',
  };
}

describe('detection workers', () => {
  it('masks a payload exactly as the calling thread does', async () => {
    await withWorkers.ready();
    for (const i of [1, 50, 900]) {
      const payload = chatPayload(i);
      const vault = createVault();
      const expected = onThread.maskPayload(payload, spec, { vault });
      const actual = await withWorkers.maskPayloadAsync(payload, spec, { vault });
      // The same vault mints the same placeholders, so the results must be identical.
      expect(actual.payload).toEqual(expected.payload);
      expect(actual.findings).toEqual(expected.findings);
      expect(actual.decision).toEqual(expected.decision);
      expect(actual.rejectedPaths).toEqual(expected.rejectedPaths);
    }
    expect(withWorkers.workerStats()).toMatchObject({ workers: 2, failures: 0 });
    expect(withWorkers.workerStats().batches).toBeGreaterThan(0);
  }, 60_000);

  it('maskTextAsync agrees with maskText', async () => {
    const text = makeChatMessage(77, 3000);
    const vault = createVault();
    expect((await withWorkers.maskTextAsync(text, { vault })).text).toBe(
      onThread.maskText(text, { vault }).text,
    );
  }, 60_000);

  it('agrees with the calling thread on arbitrary payloads (property)', async () => {
    const leaf = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.integer().map((n) => makeChatMessage(Math.abs(n) % 5000, 1100)),
      fc.constantFrom(
        'mail ann.lee@example.com now',
        'Project Nightjar',
        'call +1 415 555 0199 today please',
      ),
    );
    const payload = fc.dictionary(
      fc.string({ maxLength: 8 }),
      fc.oneof(leaf, fc.array(leaf, { maxLength: 3 })),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (value) => {
        const vault = createVault();
        const expected = onThread.maskPayload(value, {}, { vault });
        const actual = await withWorkers.maskPayloadAsync(value, {}, { vault });
        expect(actual.payload).toEqual(expected.payload);
        expect(actual.findings).toEqual(expected.findings);
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('still masks everything after its workers are gone', async () => {
    const closing = createRedactor({ detectionWorkers: 1, workerLoadThreshold: 0 });
    await closing.close();
    const text = `${makeChatMessage(5, 2000)} mail ann.lee@example.com`;
    const result = await closing.maskTextAsync(text);
    expect(result.text).not.toContain('ann.lee@example.com');
    expect(closing.workerStats().failures).toBe(1);
  }, 60_000);

  it('refuses workers together with custom detectors', () => {
    expect(() =>
      createRedactor({ detectionWorkers: 1, detectors: [{ id: 'x', types: ['custom'], detect: () => [] }] }),
    ).toThrow(/built-in detectors/);
    expect(() => createRedactor({ detectionWorkers: -1 })).toThrow(RangeError);
    expect(() => createRedactor({ workerLoadThreshold: 1.5 })).toThrow(RangeError);
  });
});
