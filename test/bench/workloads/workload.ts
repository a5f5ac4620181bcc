/** What every workload gets and gives back: settings in, a generated Markdown section and charts out. */
import { describeMachine, type MachineFacts, machineFacts } from '../report/machine-facts.ts';

export interface BenchSettings {
  quick: boolean;
  /** Multiplies every duration (STRONK_BENCH_TIME_SCALE), e.g. 0.5 for a faster full run. */
  timeScale: number;
}

export interface Chart {
  /** File name under docs/benchmarks/. */
  file: string;
  alt: string;
  svg: string;
}

/** One line of the summary table at the top of the page. */
export interface SummaryRow {
  workload: string;
  measure: string;
  proxy: string;
  baseline: string;
  ratio: string;
  python: string;
}

export interface WorkloadResult {
  /** Marker name of the section in docs/benchmarks.md. */
  section: string;
  markdown: string;
  charts: Chart[];
  summary: SummaryRow[];
  /** Checks that failed (wrong replies, leaks, limits not held); the run exits non-zero when any did. */
  failures: string[];
}

/** Knobs read from the environment, all in one place: STRONK_BENCH_<name>. */
export type BenchKnob = 'QUICK' | 'TIME_SCALE' | 'RSS_CEILING_MIB' | 'W7_RATE' | 'SOAK_MINUTES' | 'SOAK_RATE';

export function benchKnob(name: BenchKnob): string | undefined {
  return process.env[`STRONK_BENCH_${name}`];
}

export function modeName(settings: BenchSettings): string {
  return settings.quick ? 'quick run (pipeline check, not for comparison)' : 'full run';
}

/** Seconds for a phase: `full` in a full run, `quick` in a quick one, times the time scale. */
export function phaseMs(settings: BenchSettings, quick: number, full: number): number {
  return Math.max(500, (settings.quick ? quick : full) * 1000 * settings.timeScale);
}

/** Facts taken when a workload starts, and the line printed under its heading. */
export function startFacts(settings: BenchSettings): { facts: MachineFacts; line: string } {
  const facts = machineFacts();
  return { facts, line: describeMachine(facts, modeName(settings)) };
}

const runStarted = performance.now();

export function progress(message: string): void {
  const seconds = ((performance.now() - runStarted) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`bench ${seconds} s: ${message}\n`);
}

/** Markdown for a chart written next to the page. */
export function chartImage(chart: Chart): string {
  return `![${chart.alt}](benchmarks/${chart.file})`;
}
