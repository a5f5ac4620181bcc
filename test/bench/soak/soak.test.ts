import { describe, expect, it } from 'vitest';
import { describeErrors, errorCount } from '../harness/load-loops.ts';
import { runSoak, type SoakResult } from './run-soak.ts';

/**
 * The short soak CI runs: the proxy (TypeScript source, so no build step) for ~25 s at a gentle steady rate
 * through every surface. Bounds are generous on purpose — the machine is shared and the run is short; the
 * 10-minute `pnpm bench:soak` is where the RSS slope is judged.
 */
describe('short soak through every surface', () => {
  let result: SoakResult;

  it('answers every request with exactly the original text and no errors', async () => {
    result = await runSoak({
      durationMs: 25_000,
      ratePerSecond: 20,
      proxyFrom: 'source',
      sampleIntervalMs: 250,
    });
    expect(errorCount(result.run), describeErrors(result.run)).toBe(0);
    // 500 scheduled; a stalled CI machine may shed some (not an error), but most must have run.
    expect(result.run.ok).toBeGreaterThan(250);
    for (const [kind, tally] of result.perKind) expect(tally.ok, kind).toBeGreaterThan(0);
    expect(result.websocketReconnects).toBeGreaterThan(4);
  }, 120_000);

  it('never lets a canary reach upstream or the proxy logs', () => {
    // The provider saw every HTTP request and websocket turn, so the leak count covers all of them.
    expect(result.upstreamRequests).toBeGreaterThanOrEqual(result.run.ok);
    expect(result.leakedUpstream).toBe(0);
    expect(result.leaksInProxyOutput).toBe(0);
  });

  it('leaves no descriptors behind and stays within a generous memory bound', () => {
    expect(result.fdAtEnd).toBeLessThanOrEqual(result.fdBaseline + 8);
    expect(result.rssPeak).toBeLessThan(768 * 1024 * 1024);
  });
});
