import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { WINDOW_NAMES, type WindowName } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { Async, Bars } from '../components.tsx';
import { api } from '../state.tsx';
import { bucketEvents, formatMs, formatNumber, formatRate, percentile, WINDOW_MS } from '../stats.ts';

const SAMPLE = 500;

export function Overview() {
  const [window, setWindow] = createSignal<WindowName>('24h');
  const [summary] = createResource(window, (w) => api.summary(w));
  const [mix] = createResource(window, (w) => api.mix(w));
  const [sample] = createResource(window, async (w) => {
    const until = Date.now();
    const length = WINDOW_MS[w];
    const page = await api.events({ limit: SAMPLE, ...(length === null ? {} : { since: until - length }) });
    const oldest = page.events.at(-1);
    const since = length === null ? (oldest ? Date.parse(oldest.time) : until - 3_600_000) : until - length;
    return { events: page.events, since, until, partial: page.next_before !== null };
  });
  const series = createMemo(() => {
    const s = sample.state === 'ready' ? sample() : undefined;
    return s ? bucketEvents(s.events, s) : undefined;
  });
  const latencies = createMemo(() =>
    sample.state === 'ready' ? (sample()?.events.map((e) => e.latency_ms) ?? []) : [],
  );
  return (
    <section aria-labelledby="overview-title">
      <header class="view-head">
        <h1 id="overview-title">Overview</h1>
        <fieldset class="segmented" aria-label="Time window">
          <legend class="sr-only">Time window</legend>
          <For each={WINDOW_NAMES}>
            {(w) => (
              <button type="button" aria-pressed={window() === w} onClick={() => setWindow(w)}>
                {w === 'all' ? 'All' : w}
              </button>
            )}
          </For>
        </fieldset>
      </header>
      <Async data={summary} label="the summary">
        {(s) => (
          <div class="cards">
            <Stat id="requests_total" label="Requests" value={formatNumber(s.requests_total)} />
            <Stat id="masked_total" label="Values masked" value={formatNumber(s.masked_total)} />
            <Stat id="blocked_total" label="Requests blocked" value={formatNumber(s.blocked_total)} />
            <Stat id="rehydrated_total" label="Values put back" value={formatNumber(s.rehydrated_total)} />
            <Stat
              id="error_rate"
              label="Error rate"
              value={formatRate(s.errors_total, s.requests_total)}
              hint={`${s.errors_total} errors`}
            />
            <Stat
              id="latency_avg"
              label="Avg latency"
              value={formatMs(s.latency_ms_avg)}
              hint={`detection ${formatMs(s.detection_ms_avg)}`}
            />
          </div>
        )}
      </Async>
      <Async
        data={sample}
        label="recent traffic"
        isEmpty={(s) => s.events.length === 0}
        empty="No traffic in this window yet. Send a request through the proxy and it shows up here."
      >
        {(s) => (
          <>
            <div class="cards">
              <Stat id="p50" label="Latency p50" value={formatMs(percentile(latencies(), 50))} />
              <Stat id="p95" label="Latency p95" value={formatMs(percentile(latencies(), 95))} />
              <Stat id="p99" label="Latency p99" value={formatMs(percentile(latencies(), 99))} />
            </div>
            <Show when={s.partial}>
              <p class="muted">Charts and percentiles use the latest {SAMPLE} events of this window.</p>
            </Show>
            <div class="grid2">
              <div class="panel">
                <h2>Request volume</h2>
                <Show when={series()} keyed>
                  {(x) => (
                    <Chart
                      title="Requests over time"
                      x={x.x}
                      ys={[x.total, x.blocked, x.errors]}
                      series={[
                        { label: 'requests', color: '#3b82f6', bars: true },
                        { label: 'blocked', color: '#f59e0b' },
                        { label: 'errors', color: '#ef4444' },
                      ]}
                    />
                  )}
                </Show>
              </div>
              <div class="panel">
                <h2>Latency</h2>
                <Show when={series()} keyed>
                  {(x) => (
                    <Chart
                      title="Latency percentiles over time"
                      x={x.x}
                      ys={[x.p50, x.p95]}
                      unit=" ms"
                      series={[
                        { label: 'p50', color: '#10b981' },
                        { label: 'p95', color: '#8b5cf6' },
                      ]}
                    />
                  )}
                </Show>
              </div>
            </div>
          </>
        )}
      </Async>
      <Async data={mix} label="the mix">
        {(m) => (
          <div class="grid3">
            <div class="panel">
              <h2>Detector types</h2>
              <Bars entries={m.detectors} label="Detector types" />
            </div>
            <div class="panel">
              <h2>Actions</h2>
              <Bars entries={m.actions} label="Actions" />
            </div>
            <div class="panel">
              <h2>Outcomes</h2>
              <Bars entries={m.outcomes} label="Outcomes" />
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}

function Stat(props: { id: string; label: string; value: string; hint?: string }) {
  return (
    <div class="card" data-stat={props.id}>
      <div class="card-label">{props.label}</div>
      <div class="card-value">{props.value}</div>
      <Show when={props.hint}>
        <div class="card-hint">{props.hint}</div>
      </Show>
    </div>
  );
}
