/** The two chart kinds of the page: latency distributions (CDF, log time axis) and memory over time. */
import type { ResourceSample } from '../harness/proc-stats.ts';
import { cdfPoints } from './stats.ts';
import { renderLineChart } from './svg-chart.ts';

export interface LabelledSamples {
  label: string;
  samples: readonly number[];
}

/** Fraction of requests finished within x ms, one curve per target: further left is faster. */
export function latencyCdfChart(
  title: string,
  axisLabel: string,
  series: readonly LabelledSamples[],
): string {
  return renderLineChart({
    title,
    x: { label: axisLabel, unit: 'ms, log scale', scale: 'log' },
    y: { label: 'fraction of requests ≤ x', unit: '', min: 0, max: 1 },
    series: series.map((s) => ({
      name: `${s.label} (n = ${s.samples.length.toLocaleString('en-US')})`,
      points: cdfPoints(s.samples),
    })),
  });
}

export interface LabelledResources {
  label: string;
  samples: readonly ResourceSample[];
}

export interface TimeMarker {
  seconds: number;
  label: string;
}

/** Resident memory over time, with an optional ceiling line and moments marked on the time axis. */
export function rssChart(
  title: string,
  series: readonly LabelledResources[],
  ceilingMiB?: number,
  markers: readonly TimeMarker[] = [],
): string {
  return renderLineChart({
    title,
    x: { label: 'time since start', unit: 's' },
    y: { label: 'resident memory (RSS)', unit: 'MiB', min: 0 },
    series: series.map((s) => ({
      name: s.label,
      points: s.samples
        .filter((p) => Number.isFinite(p.rss))
        .map((p) => [p.seconds, p.rss / 1024 / 1024] as const),
    })),
    ...(ceilingMiB === undefined
      ? {}
      : { references: [{ value: ceilingMiB, label: `ceiling ${ceilingMiB} MiB` }] }),
    markers: markers.map((m) => ({ value: m.seconds, label: m.label })),
  });
}
