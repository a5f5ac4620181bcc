/** Writes a run's results into docs/benchmarks.md (between markers) and its charts into docs/benchmarks/. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SummaryRow, WorkloadResult } from '../workloads/workload.ts';
import { markdownTable } from './format.ts';
import { replaceSection } from './markdown-sections.ts';

export function summaryTable(rows: readonly SummaryRow[]): string {
  return markdownTable(
    [
      'workload',
      'measure',
      'stronk proxy',
      'bare passthrough (same run)',
      'proxy ÷ bare',
      'Python gateway (published)',
    ],
    rows.map((r) => [r.workload, r.measure, r.proxy, r.baseline, r.ratio, r.python]),
  );
}

export interface PageTarget {
  page: string;
  chartDir: string;
}

/** Replaces the sections of `results` (and `extra` sections such as the summary) and writes the charts. */
export function writePage(
  target: PageTarget,
  results: readonly WorkloadResult[],
  extra: ReadonlyArray<{ section: string; markdown: string }> = [],
): void {
  mkdirSync(target.chartDir, { recursive: true });
  for (const result of results)
    for (const chart of result.charts) writeFileSync(join(target.chartDir, chart.file), chart.svg);
  let page = readFileSync(target.page, 'utf8');
  for (const { section, markdown } of [...results, ...extra]) page = replaceSection(page, section, markdown);
  writeFileSync(target.page, page);
}
