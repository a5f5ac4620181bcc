import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { type Timeseries, WINDOW_NAMES, type WindowName } from '../api.ts';
import { Chart } from '../Chart.tsx';
import { Async, Bars } from '../components.tsx';
import { api } from '../state.tsx';
import {
  chartColumns,
  formatLatency,
  formatMs,
  formatNumber,
  formatRate,
  formatStep,
  formatTime,
} from '../stats.ts';

export function Overview() {
  const [window, setWindow] = createSignal<WindowName>('24h');
  const [summary] = createResource(window, (w) => api.summary(w));
  const [mix] = createResource(window, (w) => api.mix(w));
  // Exact per-bucket counts and percentiles, computed by the admin API over every stored event of the window.
  const [series] = createResource(window, (w) => api.timeseries(w));
  const columns = createMemo(() => (series.state === 'ready' ? chartColumns(series()) : undefined));
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
        data={series}
        label="traffic over time"
        isEmpty={(t) => t.totals.requests === 0}
        empty="No traffic in this window yet. Send a request through the proxy and it shows up here."
      >
        {(t) => (
          <>
            <div class="cards">
              <Stat
                id="p50"
                label="Latency p50"
                value={formatLatency(t.totals.latency_ms.p50)}
                hint={`over ${formatNumber(t.totals.latency_ms.samples)} events`}
              />
              <Stat id="p95" label="Latency p95" value={formatLatency(t.totals.latency_ms.p95)} />
              <Stat id="p99" label="Latency p99" value={formatLatency(t.totals.latency_ms.p99)} />
            </div>
            <Show when={t.totals.latency_ms.samples < t.totals.requests}>
              <p class="muted" data-retention-note>
                Counts cover all {formatNumber(t.totals.requests)} requests; percentiles cover the{' '}
                {formatNumber(t.totals.latency_ms.samples)} events still kept in the audit store (retention
                removes older events, never the counters).
              </p>
            </Show>
            <div class="grid2">
              <div class="panel">
                <h2>Request volume (per {formatStep(t.step_seconds)})</h2>
                <Show when={columns()} keyed>
                  {(c) => (
                    <Chart
                      title="Requests over time"
                      x={c.x}
                      xRange={c.range}
                      ys={[c.requests, c.blocked, c.errors]}
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
                <h2>Latency (per {formatStep(t.step_seconds)})</h2>
                <Show when={columns()} keyed>
                  {(c) => (
                    <Chart
                      title="Latency percentiles over time"
                      x={c.x}
                      xRange={c.range}
                      ys={[c.p50, c.p95, c.p99]}
                      unit=" ms"
                      series={[
                        { label: 'p50', color: '#10b981', points: true },
                        { label: 'p95', color: '#8b5cf6', points: true },
                        { label: 'p99', color: '#db2777', points: true },
                      ]}
                    />
                  )}
                </Show>
              </div>
            </div>
            <SeriesTable series={t} />
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

/** The charts' numbers as a table (buckets with traffic only), for screen readers and exact reading. */
function SeriesTable(props: { series: Timeseries }) {
  const rows = () => props.series.buckets.filter((b) => b.requests > 0 || b.latency_ms.samples > 0);
  return (
    <details class="series-table">
      <summary>Chart data as a table</summary>
      <div class="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">From</th>
              <th scope="col" class="num">
                Requests
              </th>
              <th scope="col" class="num">
                Masked
              </th>
              <th scope="col" class="num">
                Blocked
              </th>
              <th scope="col" class="num">
                Put back
              </th>
              <th scope="col" class="num">
                Errors
              </th>
              <th scope="col" class="num">
                p50
              </th>
              <th scope="col" class="num">
                p95
              </th>
              <th scope="col" class="num">
                p99
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(b) => (
                <tr data-bucket={b.start}>
                  <th scope="row">{formatTime(b.start)}</th>
                  <td class="num" data-col="requests">
                    {b.requests}
                  </td>
                  <td class="num" data-col="masked">
                    {b.masked}
                  </td>
                  <td class="num" data-col="blocked">
                    {b.blocked}
                  </td>
                  <td class="num" data-col="rehydrated">
                    {b.rehydrated}
                  </td>
                  <td class="num" data-col="errors">
                    {b.errors}
                  </td>
                  <td class="num">{formatLatency(b.latency_ms.p50)}</td>
                  <td class="num">{formatLatency(b.latency_ms.p95)}</td>
                  <td class="num">{formatLatency(b.latency_ms.p99)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </details>
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
