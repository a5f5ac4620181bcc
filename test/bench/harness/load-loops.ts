/**
 * Load shapes. Closed loop: `concurrency` workers each send the next request as soon as the previous one
 * ends (throughput at saturation). Open loop: requests start on a fixed schedule whatever the answers do,
 * and latency counts from the scheduled start, so queueing in the server is not hidden.
 */

export interface Sample {
  ok: boolean;
  totalMs: number;
  ttfbMs?: number;
  /** A short error class (HTTP status, error code, `wrong_reply`): never a body or a value. */
  error?: string;
}

export interface LoadRun {
  /** Latencies of the successful samples, ms. */
  latencies: number[];
  /** Time to first byte of the successful samples that reported one, ms. */
  ttfbs: number[];
  ok: number;
  errors: Map<string, number>;
  elapsedSeconds: number;
  /** Open loop only: scheduled requests not sent because `maxInFlight` were still running. */
  shed: number;
}

export type Task = (index: number) => Promise<Sample>;

function emptyRun(): LoadRun {
  return { latencies: [], ttfbs: [], ok: 0, errors: new Map(), elapsedSeconds: 0, shed: 0 };
}

function record(run: LoadRun, sample: Sample, extraMs = 0): void {
  if (sample.ok) {
    run.ok++;
    run.latencies.push(sample.totalMs + extraMs);
    if (sample.ttfbMs !== undefined) run.ttfbs.push(sample.ttfbMs + extraMs);
  } else {
    const kind = sample.error ?? 'error';
    run.errors.set(kind, (run.errors.get(kind) ?? 0) + 1);
  }
}

/** Runs a task, turning a throw into an error sample (network errors, timeouts). */
async function attempt(task: Task, index: number): Promise<Sample> {
  const started = performance.now();
  try {
    return await task(index);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const kind = typeof code === 'string' ? code : (error as Error).message.slice(0, 60);
    return { ok: false, totalMs: performance.now() - started, error: kind };
  }
}

export async function closedLoop(options: {
  concurrency: number;
  durationMs: number;
  task: Task;
  /** Index of the first request (so consecutive runs use fresh bodies). */
  firstIndex?: number;
}): Promise<LoadRun> {
  const run = emptyRun();
  const started = performance.now();
  const deadline = started + options.durationMs;
  let next = options.firstIndex ?? 0;
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      while (performance.now() < deadline) record(run, await attempt(options.task, next++));
    }),
  );
  run.elapsedSeconds = (performance.now() - started) / 1000;
  return run;
}

export async function openLoop(options: {
  ratePerSecond: number;
  durationMs: number;
  maxInFlight: number;
  task: Task;
  firstIndex?: number;
  /** Called about every 100 ms while the loop runs (the memory workload samples RSS with it). */
  onTick?: () => void;
}): Promise<LoadRun> {
  const run = emptyRun();
  const started = performance.now();
  const total = Math.floor((options.ratePerSecond * options.durationMs) / 1000);
  const pending = new Set<Promise<void>>();
  let lastTick = started;
  for (let i = 0; i < total; i++) {
    const scheduled = started + (i * 1000) / options.ratePerSecond;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    if (performance.now() - lastTick >= 100) {
      lastTick = performance.now();
      options.onTick?.();
    }
    if (pending.size >= options.maxInFlight) {
      run.shed++;
      continue;
    }
    // Latency counts from the scheduled start: a request that could not start on time waited in a queue.
    const lag = Math.max(0, performance.now() - scheduled);
    const done: Promise<void> = attempt(options.task, (options.firstIndex ?? 0) + i).then((sample) => {
      record(run, sample, lag);
      pending.delete(done);
    });
    pending.add(done);
  }
  await Promise.all(pending);
  run.elapsedSeconds = (performance.now() - started) / 1000;
  return run;
}

/** One run from several (interleaved rounds of the same target). */
export function mergeRuns(runs: readonly LoadRun[]): LoadRun {
  const merged = emptyRun();
  for (const run of runs) {
    merged.latencies.push(...run.latencies);
    merged.ttfbs.push(...run.ttfbs);
    merged.ok += run.ok;
    merged.shed += run.shed;
    merged.elapsedSeconds += run.elapsedSeconds;
    for (const [kind, count] of run.errors) merged.errors.set(kind, (merged.errors.get(kind) ?? 0) + count);
  }
  return merged;
}

export function errorCount(run: LoadRun): number {
  let total = 0;
  for (const count of run.errors.values()) total += count;
  return total;
}

/** "3 × HTTP 502, 1 × wrong_reply", or "none". */
export function describeErrors(run: LoadRun): string {
  if (run.errors.size === 0) return 'none';
  return [...run.errors].map(([kind, count]) => `${count} × ${kind}`).join(', ');
}
