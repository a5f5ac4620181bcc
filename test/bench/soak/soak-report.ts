/** Pass/fail checks of a soak run and its section of docs/benchmarks.md. */
import { describeErrors, errorCount } from '../harness/load-loops.ts';
import { rssChart } from '../report/charts.ts';
import { formatCount, formatMiB, formatMs, formatNumber, markdownTable } from '../report/format.ts';
import { summarize } from '../report/stats.ts';
import type { Chart } from '../workloads/workload.ts';
import type { SoakResult } from './run-soak.ts';

export interface SoakLimits {
  /** Descriptors allowed above the warm-up maximum once the clients are gone. */
  maxFdGrowth: number;
  /** RSS slope after warm-up, MiB per minute (only meaningful for runs of minutes). */
  maxRssSlopeMiBPerMinute?: number;
  maxRssMiB?: number;
}

export function soakFailures(result: SoakResult, limits: SoakLimits): string[] {
  const failures: string[] = [];
  if (errorCount(result.run) > 0) failures.push(`unexpected errors: ${describeErrors(result.run)}`);
  if (result.run.shed > 0)
    failures.push(`${result.run.shed} requests shed: the proxy did not keep up with the rate`);
  if (result.leakedUpstream > 0)
    failures.push(`${result.leakedUpstream} upstream requests carried a canary raw`);
  if (result.leaksInProxyOutput > 0)
    failures.push(`${result.leaksInProxyOutput} canaries in the proxy's output`);
  if (result.fdAtEnd > result.fdBaseline + limits.maxFdGrowth)
    failures.push(`descriptors grew from ${result.fdBaseline} (warm-up) to ${result.fdAtEnd} at the end`);
  if (
    limits.maxRssSlopeMiBPerMinute !== undefined &&
    result.rssSlopeMiBPerMinute > limits.maxRssSlopeMiBPerMinute
  )
    failures.push(
      `RSS grew ${result.rssSlopeMiBPerMinute.toFixed(2)} MiB/min after warm-up (limit ${limits.maxRssSlopeMiBPerMinute})`,
    );
  if (limits.maxRssMiB !== undefined && result.rssPeak > limits.maxRssMiB * 1024 * 1024)
    failures.push(`RSS peaked at ${formatMiB(result.rssPeak)} (limit ${limits.maxRssMiB} MiB)`);
  return failures;
}

export function soakChart(result: SoakResult): Chart {
  return {
    file: 'soak-rss.svg',
    alt: `Soak: proxy RSS over ${(result.seconds / 60).toFixed(1)} minutes at ${result.ratePerSecond} requests/s`,
    svg: rssChart(
      `Soak: proxy RSS at ${result.ratePerSecond} requests/s`,
      [{ label: 'stronk proxy', samples: result.samples }],
      undefined,
      [{ seconds: result.warmupSeconds, label: 'end of warm-up' }],
    ),
  };
}

export function soakMarkdown(
  result: SoakResult,
  limits: SoakLimits,
  factsLine: string,
  chartMarkdown: string,
): string {
  const failures = soakFailures(result, limits);
  const latency = summarize(result.run.latencies);
  const perKind = markdownTable(
    ['surface', 'ok', 'errors'],
    [...result.perKind].map(([kind, t]) => [kind, formatCount(t.ok), formatCount(t.errors)]),
  );
  const checks = markdownTable(
    ['check', 'result'],
    [
      [
        'requests answered correctly (exact original text back)',
        `${formatCount(result.run.ok)} of ${formatCount(result.run.ok + errorCount(result.run))}`,
      ],
      ['unexpected errors', describeErrors(result.run)],
      ['requests shed (rate not kept)', formatCount(result.run.shed)],
      [
        'latency p50 / p95 / p99 ms (from the scheduled start)',
        `${formatMs(latency.p50)} / ${formatMs(latency.p95)} / ${formatMs(latency.p99)}`,
      ],
      ['websocket handshakes (reconnects with the turn key)', formatCount(result.websocketReconnects)],
      [
        'upstream requests carrying a canary raw',
        `${formatCount(result.leakedUpstream)} of ${formatCount(result.upstreamRequests)}`,
      ],
      ['canaries in the proxy’s own output', formatCount(result.leaksInProxyOutput)],
      [
        'open descriptors: warm-up max → max after warm-up → after the clients left',
        `${result.fdBaseline} → ${result.fdMaxAfterWarmup} → ${result.fdAtEnd} (allowed +${limits.maxFdGrowth})`,
      ],
      [
        'RSS after warm-up → peak → end',
        `${formatMiB(result.rssAfterWarmup)} → ${formatMiB(result.rssPeak)} → ${formatMiB(result.rssAtEnd)}`,
      ],
      [
        'RSS slope after warm-up',
        `${formatNumber(result.rssSlopeMiBPerMinute)} MiB/min${limits.maxRssSlopeMiBPerMinute === undefined ? '' : ` (limit ${limits.maxRssSlopeMiBPerMinute})`}`,
      ],
    ],
  );
  return [
    factsLine,
    '',
    `${(result.seconds / 60).toFixed(1)} minutes at ${result.ratePerSecond} requests/s (open loop), rotating over ` +
      `${[...result.perKind.keys()].join(', ')}; every request carries two canary values (email, phone, card, IBAN or ` +
      `SSN) besides names, organizations and addresses. Warm-up: the first ${result.warmupSeconds.toFixed(0)} s.`,
    '',
    `**${failures.length === 0 ? 'Passed' : `Failed: ${failures.join('; ')}`}.**`,
    '',
    checks,
    '',
    perKind,
    '',
    chartMarkdown,
  ].join('\n');
}
