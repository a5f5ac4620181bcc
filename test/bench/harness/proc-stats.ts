/** Per-process resource readings from /proc (Linux): resident memory, open descriptors, CPU time. */
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS_PER_SECOND = 100;

export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

export function fdCount(pid: number): number {
  try {
    return readdirSync(`/proc/${pid}/fd`).length;
  } catch {
    return Number.NaN;
  }
}

/** User + system CPU time of a process so far, in ms. */
export function cpuMs(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

export interface ResourceSample {
  /** Seconds since the sampler started. */
  seconds: number;
  rss: number;
  fds: number;
}

export interface ResourceSampler {
  samples: ResourceSample[];
  /** Takes a last sample, stops the timer and returns every sample. */
  stop(): ResourceSample[];
  peakRss(): number;
}

/** Samples RSS and open descriptors of `pid` every `intervalMs` until stopped. */
export function sampleResources(pid: number, intervalMs: number): ResourceSampler {
  const started = performance.now();
  const samples: ResourceSample[] = [];
  const take = () =>
    samples.push({ seconds: (performance.now() - started) / 1000, rss: rssBytes(pid), fds: fdCount(pid) });
  take();
  const timer = setInterval(take, intervalMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
    peakRss: () => Math.max(...samples.map((s) => s.rss).filter(Number.isFinite)),
  };
}
