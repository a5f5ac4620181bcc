/**
 * `pnpm bench` — every benchmark of the project in one run, written into docs/benchmarks.md (between the
 * `<!-- bench:begin … -->` markers; the hand-written text around them is kept) with SVG charts in
 * docs/benchmarks/.
 *
 *   pnpm bench                  full run (about 15–20 minutes on 2 cores)
 *   pnpm bench --quick          about 2 minutes, to check the pipeline (STRONK_BENCH_QUICK=1 does the same)
 *   pnpm bench --only w1,w7     only these sections (w1…w7, detect, detectors, proxy, ws, audit)
 *   pnpm bench --page f.md      write another page (its charts go to benchmarks/ beside it)
 *   STRONK_BENCH_TIME_SCALE=0.5 scales every phase duration
 *
 * Exits 1 when a check failed (wrong replies, errors, leaks, a limit not held, a benchmark command failing).
 */
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import {
  buildProxyBundle,
  REPO_ROOT,
  type Service,
  startBarePassthrough,
  startFakeProvider,
  startProxy,
  stopAll,
} from './harness/services.ts';
import { describeMachine, machineFacts } from './report/machine-facts.ts';
import { summaryTable, writePage } from './report/write-page.ts';
import { EXISTING_BENCHMARKS, runExistingBenchmark } from './workloads/existing-benchmarks.ts';
import { runHttpJson } from './workloads/w1-w2-http-json.ts';
import { runSseStreams } from './workloads/w3-sse-streams.ts';
import { runWebsocketTurns } from './workloads/w4-websocket-turns.ts';
import { runWebsocketAbuse } from './workloads/w5-websocket-abuse.ts';
import { runAuditContention } from './workloads/w6-audit-contention.ts';
import { runMemoryBound } from './workloads/w7-memory-bound.ts';
import {
  type BenchSettings,
  benchKnob,
  modeName,
  progress,
  type WorkloadResult,
} from './workloads/workload.ts';

const WORKLOADS = ['w1', 'w2', 'w3', 'w4', 'w5', 'w6', 'w7'] as const;
const ALL_SECTIONS = [...WORKLOADS, ...EXISTING_BENCHMARKS.map((b) => b.section)];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    page: { type: 'string', default: join(REPO_ROOT, 'docs/benchmarks.md') },
  },
});
const settings: BenchSettings = {
  quick: values.quick || benchKnob('QUICK') === '1',
  timeScale: Number(benchKnob('TIME_SCALE') ?? 1) || 1,
};
const wanted = new Set(values.only ? values.only.split(',').map((s) => s.trim()) : ALL_SECTIONS);
for (const name of wanted)
  if (!ALL_SECTIONS.includes(name))
    throw new Error(`unknown section ${name}; known: ${ALL_SECTIONS.join(', ')}`);
const page = resolve(values.page);

const started = performance.now();
const startFactsLine = describeMachine(machineFacts(), modeName(settings));
const results: WorkloadResult[] = [];

/** Runs one workload; a crash becomes a failed section instead of ending the whole run. */
async function attempt(section: string, run: () => Promise<WorkloadResult>): Promise<void> {
  if (!wanted.has(section)) return;
  try {
    results.push(await run());
  } catch (error) {
    const message = (error as Error).stack ?? String(error);
    progress(`${section} failed: ${message}`);
    results.push({
      section,
      markdown: `**This workload failed in the last run:**\n\n\`\`\`\n${message.slice(0, 2000)}\n\`\`\``,
      charts: [],
      summary: [],
      failures: [`${section}: ${(error as Error).message}`],
    });
  }
}

if (WORKLOADS.some((w) => wanted.has(w))) {
  progress('building the proxy bundle');
  buildProxyBundle();
}
const shared: Array<Service | undefined> = [];
try {
  if (WORKLOADS.some((w) => wanted.has(w))) {
    const provider = await startFakeProvider();
    shared.push(provider);
    if (['w1', 'w2', 'w3', 'w4'].some((w) => wanted.has(w))) {
      const bare = await startBarePassthrough(provider);
      shared.push(bare);
      const proxy = await startProxy(provider);
      shared.push(proxy);
      const services = { provider, bare, proxy };
      await attempt('w1', () => runHttpJson('w1', settings, services));
      await attempt('w2', () => runHttpJson('w2', settings, services));
      await attempt('w3', () => runSseStreams(settings, services));
      await attempt('w4', () => runWebsocketTurns(settings, services));
      await stopAll([bare, proxy]);
    }
    await attempt('w5', () => runWebsocketAbuse(settings, provider));
    await attempt('w6', () => runAuditContention(settings, provider));
    await attempt('w7', () => runMemoryBound(settings, provider));
  }
} finally {
  await stopAll(shared);
}
for (const benchmark of EXISTING_BENCHMARKS)
  await attempt(benchmark.section, () => runExistingBenchmark(benchmark, settings));

// The summary is rewritten only by a run of all workloads, so it never mixes runs.
const extra = WORKLOADS.every((w) => wanted.has(w))
  ? [
      {
        section: 'summary',
        markdown: `${startFactsLine}\n\n${summaryTable(results.flatMap((r) => r.summary))}`,
      },
    ]
  : [];
writePage({ page, chartDir: join(dirname(page), 'benchmarks') }, results, extra);

const failures = results.flatMap((r) => r.failures);
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
progress(`wrote ${results.length} sections to ${page} in ${minutes} min`);
if (extra.length) console.log(summaryTable(results.flatMap((r) => r.summary)));
if (failures.length) {
  console.error(`\n${failures.length} check(s) failed:\n${failures.map((f) => `- ${f}`).join('\n')}`);
  process.exitCode = 1;
}
