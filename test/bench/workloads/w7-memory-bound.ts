/**
 * W7 memory bound: steady open-loop traffic with large bodies (long conversations of 256 KiB, every fifth
 * one 1 MiB, all texts distinct), RSS of a freshly started proxy sampled over time, a ceiling confirmed and
 * the slope after warm-up reported. The same schedule through a fresh bare passthrough is the baseline.
 */

import { createHttpClient } from '../harness/http-client.ts';
import { describeErrors, errorCount, type LoadRun, openLoop } from '../harness/load-loops.ts';
import { type ResourceSample, sampleResources } from '../harness/proc-stats.ts';
import { type Service, startBarePassthrough, startProxy } from '../harness/services.ts';
import { rssChart } from '../report/charts.ts';
import {
  formatCount,
  formatMiB,
  formatMs,
  formatNumber,
  formatRatio,
  markdownTable,
} from '../report/format.ts';
import { rate } from '../report/load-table.ts';
import { linearSlope, ratio, summarize } from '../report/stats.ts';
import { piiConversation } from '../traffic/conversations.ts';
import { type HttpTarget, prepareRequest, sendChecked } from './http-comparison.ts';
import {
  type BenchSettings,
  benchKnob,
  chartImage,
  phaseMs,
  progress,
  startFacts,
  type WorkloadResult,
} from './workload.ts';

const TITLE = 'W7 memory bound';
const MAX_IN_FLIGHT = 16;
/** Samples before this fraction of the run are warm-up and left out of the slope. */
const WARMUP_FRACTION = 0.3;

function largeRequest(index: number) {
  const turns = index % 5 === 4 ? 256 : 64;
  return prepareRequest(
    'chat',
    piiConversation(600_000 + index, { userChars: 4096, historyTurns: turns - 1, historyChars: 4096 }),
    false,
  );
}

interface MemoryRun {
  run: LoadRun;
  samples: ResourceSample[];
}

async function steadyTraffic(
  target: HttpTarget,
  pid: number,
  settings: BenchSettings,
  ratePerSecond: number,
): Promise<MemoryRun> {
  const client = createHttpClient({ maxSockets: MAX_IN_FLIGHT });
  const sampler = sampleResources(pid, settings.quick ? 250 : 500);
  try {
    const run = await openLoop({
      ratePerSecond,
      durationMs: phaseMs(settings, 10, 120),
      maxInFlight: MAX_IN_FLIGHT,
      task: (i) => sendChecked(client, target, largeRequest(i)),
    });
    // A few seconds after the last answer: does memory come back down?
    await new Promise((r) => setTimeout(r, 3000));
    return { run, samples: sampler.stop() };
  } finally {
    sampler.stop();
    client.destroy();
  }
}

/** Shorter steady windows give a slope that is mostly noise (GC cycles, JIT): not reported. */
const MIN_SLOPE_WINDOW_SECONDS = 45;

/** MiB per minute after warm-up (NaN when the steady window is too short to mean anything). */
function slopeAfterWarmup(samples: readonly ResourceSample[]): number {
  const end = samples.at(-1)?.seconds ?? 0;
  if (end * (1 - WARMUP_FRACTION) < MIN_SLOPE_WINDOW_SECONDS) return Number.NaN;
  const steady = samples.filter((s) => s.seconds >= end * WARMUP_FRACTION && Number.isFinite(s.rss));
  return linearSlope(steady.map((s) => [s.seconds / 60, s.rss / 1024 / 1024] as const));
}

const formatSlope = (slope: number) => (Number.isFinite(slope) ? `${formatNumber(slope)} MiB/min` : '–');

export async function runMemoryBound(settings: BenchSettings, provider: Service): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const ceilingMiB = Number(benchKnob('RSS_CEILING_MIB') ?? 512);
  const ratePerSecond = Number(benchKnob('W7_RATE') ?? 2);
  const results: Array<{ label: string; memory: MemoryRun }> = [];
  for (const which of ['proxy', 'bare'] as const) {
    const service =
      which === 'proxy'
        ? await startProxy(provider, { name: 'stronk proxy (W7, fresh)' })
        : await startBarePassthrough(provider);
    try {
      const label = which === 'proxy' ? 'stronk proxy' : 'bare passthrough';
      progress(`${TITLE}: ${label}, ${ratePerSecond} large requests/s`);
      const target: HttpTarget = { key: which, label, port: service.port };
      results.push({ label, memory: await steadyTraffic(target, service.pid, settings, ratePerSecond) });
    } finally {
      await service.stop();
    }
  }
  const [proxy, bare] = results as [(typeof results)[0], (typeof results)[0]];
  const peak = (m: MemoryRun) => Math.max(...m.samples.map((s) => s.rss).filter(Number.isFinite));
  const proxyPeakMiB = peak(proxy.memory) / 1024 / 1024;
  const failures: string[] = [];
  if (!(proxyPeakMiB <= ceilingMiB))
    failures.push(
      `${TITLE}: proxy RSS peaked at ${proxyPeakMiB.toFixed(0)} MiB, over the ${ceilingMiB} MiB ceiling`,
    );
  if (errorCount(proxy.memory.run) > 0)
    failures.push(`${TITLE}: proxy errors: ${describeErrors(proxy.memory.run)}`);

  const rows = results.map(({ label, memory }) => {
    const stats = summarize(memory.run.latencies);
    return [
      label,
      formatCount(memory.run.ok),
      describeErrors(memory.run),
      formatCount(memory.run.shed),
      formatNumber(rate(memory.run)),
      formatMs(stats.p50),
      formatMs(stats.p95),
      formatMs(stats.p99),
      formatMiB(memory.samples[0]!.rss),
      formatMiB(peak(memory)),
      formatMiB(memory.samples.at(-1)!.rss),
      formatNumber(slopeAfterWarmup(memory.samples)),
    ];
  });
  const chart = {
    file: 'w7-rss-over-time.svg',
    alt: `${TITLE}: RSS over time under steady large-body traffic, proxy vs bare passthrough, with the ceiling`,
    svg: rssChart(
      `${TITLE}: RSS under ${ratePerSecond} large requests/s`,
      results.map(({ label, memory }) => ({ label, samples: memory.samples })),
      ceilingMiB,
    ),
  };
  const markdown = [
    line,
    '',
    `Open loop at ${ratePerSecond} requests/s for ${(phaseMs(settings, 10, 120) / 1000).toFixed(0)} s against a ` +
      `freshly started process, at most ${MAX_IN_FLIGHT} in flight (beyond that a request is shed and counted). ` +
      'Each request is a chat conversation of 64 distinct 4 KiB turns with PII (≈ 260 KiB), every fifth one ' +
      '256 turns (≈ 1 MiB). RSS is read from /proc every ' +
      `${settings.quick ? 250 : 500} ms, until 3 s after the last answer. The slope is a least-squares fit ` +
      `over the samples after the first ${WARMUP_FRACTION * 100} % of the run (not given when that window is under ` +
      `${MIN_SLOPE_WINDOW_SECONDS} s, as in a quick run). Latency counts from the scheduled start.`,
    '',
    markdownTable(
      [
        'process',
        'ok',
        'errors',
        'shed',
        'req/s',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'RSS at start',
        'RSS peak',
        'RSS at end',
        'slope after warm-up, MiB/min',
      ],
      rows,
    ),
    '',
    `Ceiling: ${ceilingMiB} MiB (\`STRONK_BENCH_RSS_CEILING_MIB\`) — the proxy peaked at ${proxyPeakMiB.toFixed(0)} MiB: ` +
      `${proxyPeakMiB <= ceilingMiB ? '**held**' : '**exceeded**'}. Peak RSS proxy ÷ bare: ` +
      `${formatRatio(ratio(peak(proxy.memory), peak(bare.memory)))}.`,
    '',
    chartImage(chart),
  ].join('\n');
  return {
    section: 'w7',
    markdown,
    charts: [chart],
    failures,
    summary: [
      {
        workload: TITLE,
        measure: 'peak RSS · slope after warm-up',
        proxy: `${formatMiB(peak(proxy.memory))} · ${formatSlope(slopeAfterWarmup(proxy.memory.samples))}`,
        baseline: `${formatMiB(peak(bare.memory))} · ${formatSlope(slopeAfterWarmup(bare.memory.samples))}`,
        ratio: formatRatio(ratio(peak(proxy.memory), peak(bare.memory))),
        python: '–',
      },
    ],
  };
}
