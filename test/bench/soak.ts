/**
 * `pnpm bench:soak` — the proxy (bundle) at a steady rate through every surface for a bounded time:
 * zero unexpected errors, zero leaks, descriptors stable, RSS flat after warm-up. Writes the `soak`
 * section of docs/benchmarks.md and docs/benchmarks/soak-rss.svg.
 *
 *   pnpm bench:soak                        10 minutes at 30 requests/s
 *   pnpm bench:soak --minutes 30 --rate 50
 *   pnpm bench:soak --no-write             print only
 *   STRONK_BENCH_SOAK_MINUTES / STRONK_BENCH_SOAK_RATE set the same defaults.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './harness/services.ts';
import { describeMachine, machineFacts } from './report/machine-facts.ts';
import { replaceSection } from './report/markdown-sections.ts';
import { runSoak } from './soak/run-soak.ts';
import { type SoakLimits, soakChart, soakFailures, soakMarkdown } from './soak/soak-report.ts';
import { benchKnob, chartImage, progress } from './workloads/workload.ts';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: benchKnob('SOAK_MINUTES') ?? '10' },
    rate: { type: 'string', default: benchKnob('SOAK_RATE') ?? '30' },
    page: { type: 'string', default: join(REPO_ROOT, 'docs/benchmarks.md') },
    'no-write': { type: 'boolean', default: false },
  },
});
const minutes = Number(values.minutes);
const ratePerSecond = Number(values.rate);
if (!(minutes > 0 && ratePerSecond > 0)) throw new Error('--minutes and --rate must be positive numbers');

const LIMITS: SoakLimits = { maxFdGrowth: 8, maxRssSlopeMiBPerMinute: 1 };
const facts = describeMachine(machineFacts(), `soak of ${minutes} min`);
const result = await runSoak({
  durationMs: minutes * 60_000,
  ratePerSecond,
  proxyFrom: 'bundle',
  sampleIntervalMs: minutes >= 5 ? 1000 : 250,
  onProgress: (message) => progress(`soak: ${message}`),
});
const chart = soakChart(result);
const markdown = soakMarkdown(result, LIMITS, facts, chartImage(chart));
console.log(markdown);
if (!values['no-write']) {
  const page = resolve(values.page);
  const chartDir = join(dirname(page), 'benchmarks');
  mkdirSync(chartDir, { recursive: true });
  writeFileSync(join(chartDir, chart.file), chart.svg);
  writeFileSync(page, replaceSection(readFileSync(page, 'utf8'), 'soak', markdown));
  progress(`soak: wrote the soak section of ${page}`);
}
if (soakFailures(result, LIMITS).length > 0) process.exitCode = 1;
