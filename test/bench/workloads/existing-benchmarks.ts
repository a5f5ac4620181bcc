/**
 * The project's other benchmark commands (`pnpm bench:detect`, `bench:detectors`, `bench:proxy`,
 * `bench:ws`, `bench:audit`), run as users run them, their output placed in their sections of the page.
 */
import { spawn } from 'node:child_process';
import { REPO_ROOT } from '../harness/services.ts';
import {
  type BenchSettings,
  progress,
  type SummaryRow,
  startFacts,
  type WorkloadResult,
} from './workload.ts';

export interface ExistingBenchmark {
  section: string;
  script: string;
  /** Arguments for a quick run (the command's own `--quick`, where it has one). */
  quickArgs: string[];
  /** `markdown`: the command prints Markdown; `text`: shown as a code block. */
  output: 'markdown' | 'text';
}

export const EXISTING_BENCHMARKS: readonly ExistingBenchmark[] = [
  { section: 'detect', script: 'bench:detect', quickArgs: ['--quick'], output: 'markdown' },
  { section: 'detectors', script: 'bench:detectors', quickArgs: [], output: 'text' },
  { section: 'proxy', script: 'bench:proxy', quickArgs: ['--quick'], output: 'markdown' },
  { section: 'ws', script: 'bench:ws', quickArgs: ['--quick'], output: 'markdown' },
  { section: 'audit', script: 'bench:audit', quickArgs: ['--quick'], output: 'text' },
];

const TIMEOUT_MS = 30 * 60_000;

function runCommand(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; seconds: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn('pnpm', args, { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk).slice(-8192);
    });
    const timer = setTimeout(() => child.kill('SIGTERM'), TIMEOUT_MS);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, seconds: (performance.now() - started) / 1000 });
    });
  });
}

/** The command's own `## …` heading becomes a bold line: the page supplies the headings. */
function demoteHeadings(markdown: string): string {
  return markdown.replace(/^#{1,3} (.+)$/gm, '**$1**');
}

/** "2.3 MiB/s" and the ratio to the compromise-only baseline, from bench:detect's table. */
function detectionSummary(stdout: string): SummaryRow[] {
  const throughput = /\| full detector set throughput[^|]*\| ([\d.]+ MiB\/s)/.exec(stdout)?.[1];
  const baseline = /\| compromise-only pass[^|]*\| ([\d.]+ KiB\/s)/.exec(stdout)?.[1];
  const ratio = /\| ratio full set \/ compromise-only \| ([\d.]+×)/.exec(stdout)?.[1];
  if (!throughput) return [];
  return [
    {
      workload: 'Detection throughput (`bench:detect`)',
      measure: 'eval texts, 1 core, best pass',
      proxy: throughput,
      baseline: baseline ? `${baseline} (compromise only)` : '–',
      ratio: ratio ?? '–',
      python: '–',
    },
  ];
}

export async function runExistingBenchmark(
  benchmark: ExistingBenchmark,
  settings: BenchSettings,
): Promise<WorkloadResult> {
  const { line } = startFacts(settings);
  const args = ['--silent', 'run', benchmark.script, ...(settings.quick ? benchmark.quickArgs : [])];
  progress(`pnpm ${args.slice(1).join(' ')}`);
  const result = await runCommand(args);
  const command = `pnpm ${benchmark.script}${settings.quick && benchmark.quickArgs.length ? ` ${benchmark.quickArgs.join(' ')}` : ''}`;
  const header = `${line}\n\n\`${command}\` took ${result.seconds.toFixed(0)} s.`;
  if (result.code !== 0) {
    return {
      section: benchmark.section,
      markdown:
        `${header}\n\n**The command failed (exit ${result.code}).** End of its output:\n\n` +
        `\`\`\`\n${result.stdout.slice(-1000)}\n${result.stderr.slice(-2000)}\n\`\`\``,
      charts: [],
      summary: [],
      failures: [`${command} exited with ${result.code}`],
    };
  }
  const body =
    benchmark.output === 'markdown'
      ? demoteHeadings(result.stdout.trim())
      : `\`\`\`\n${result.stdout.trim()}\n\`\`\``;
  return {
    section: benchmark.section,
    markdown: `${header}\n\n${body}`,
    charts: [],
    summary: benchmark.section === 'detect' ? detectionSummary(result.stdout) : [],
    failures: [],
  };
}
