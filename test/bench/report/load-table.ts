/** The standard table of a load comparison: one row per target, ratios against the same-run baselines. */
import type { LoadRun } from '../harness/load-loops.ts';
import { errorCount } from '../harness/load-loops.ts';
import {
  formatCount,
  formatMs,
  formatNumber,
  formatPublished,
  formatRatio,
  markdownTable,
} from './format.ts';
import { ratio, summarize } from './stats.ts';

export interface LoadRow {
  label: string;
  run: LoadRun;
}

export interface ReferenceRow {
  label: string;
  rate: number;
  p95Ms?: number;
}

export interface LoadTableOptions {
  /** "req/s", "streams/s", "turns/s". */
  unit: string;
  /** Which latency the percentile columns show. */
  latency: 'total' | 'ttfb';
  rows: readonly LoadRow[];
  /** Ratios are computed against these rows (same run, same machine). */
  baselines: readonly LoadRow[];
  reference?: ReferenceRow;
}

/** Rows and baselines of the usual comparison: direct to the provider, bare passthrough, the proxy. */
export function againstBaselines(
  direct: LoadRun,
  bare: LoadRun,
  proxy: LoadRun,
): Pick<LoadTableOptions, 'rows' | 'baselines'> {
  return {
    rows: [
      { label: 'direct', run: direct },
      { label: 'bare passthrough', run: bare },
      { label: 'stronk proxy', run: proxy },
    ],
    baselines: [
      { label: 'direct', run: direct },
      { label: 'bare', run: bare },
    ],
  };
}

export function rate(run: LoadRun): number {
  return run.elapsedSeconds > 0 ? run.ok / run.elapsedSeconds : Number.NaN;
}

export function latencies(run: LoadRun, which: 'total' | 'ttfb'): number[] {
  return which === 'ttfb' ? run.ttfbs : run.latencies;
}

export function loadTable(options: LoadTableOptions): string {
  const prefix = options.latency === 'ttfb' ? 'first byte ' : '';
  const header = [
    'target',
    'ok',
    'errors',
    options.unit,
    `${prefix}p50 ms`,
    `${prefix}p95 ms`,
    `${prefix}p99 ms`,
    ...options.baselines.flatMap((b) => [`${options.unit} ÷ ${b.label}`, `p95 ÷ ${b.label}`]),
  ];
  const body = options.rows.map((row) => {
    const stats = summarize(latencies(row.run, options.latency));
    return [
      row.label,
      formatCount(row.run.ok),
      formatCount(errorCount(row.run)),
      formatNumber(rate(row.run)),
      formatMs(stats.p50),
      formatMs(stats.p95),
      formatMs(stats.p99),
      ...options.baselines.flatMap((b) => [
        formatRatio(ratio(rate(row.run), rate(b.run))),
        formatRatio(ratio(stats.p95, summarize(latencies(b.run, options.latency)).p95)),
      ]),
    ];
  });
  if (options.reference) {
    const ref = options.reference;
    body.push([
      ref.label,
      '–',
      '–',
      formatPublished(ref.rate),
      '–',
      ref.p95Ms === undefined ? '–' : formatPublished(ref.p95Ms),
      '–',
      ...options.baselines.flatMap(() => ['–', '–']),
    ]);
  }
  return markdownTable(header, body);
}
