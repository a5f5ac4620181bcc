import { A, useParams, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { type EventFilters, OUTCOME_NAMES } from '../api.ts';
import { Async } from '../components.tsx';
import { api } from '../state.tsx';
import { formatMs, formatTime } from '../stats.ts';

const PAGE = 25;
const FILTER_KEYS = ['outcome', 'route', 'model', 'type', 'status', 'request_id'] as const;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export function Events() {
  const [params, setParams] = useSearchParams();
  const filters = (): EventFilters =>
    Object.fromEntries(FILTER_KEYS.map((k) => [k, one(params[k])]).filter(([, v]) => v !== ''));
  // Cursor stack for newest-first paging: [undefined, before of page 2, …].
  const [cursors, setCursors] = createSignal<(number | undefined)[]>([undefined]);
  const [page] = createResource(
    () => ({ ...filters(), before: cursors().at(-1) }),
    (q) => api.events({ ...q, limit: PAGE }),
  );
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const next: Record<string, string | undefined> = {};
    for (const k of FILTER_KEYS) next[k] = String(data.get(k) ?? '').trim() || undefined;
    setCursors([undefined]);
    setParams(next);
  };
  const clear = () => {
    setCursors([undefined]);
    setParams(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined])));
  };
  return (
    <section aria-labelledby="events-title">
      <header class="view-head">
        <h1 id="events-title">Events</h1>
      </header>
      <form class="filters" onSubmit={apply} aria-label="Filter events">
        <label>
          Outcome
          <select name="outcome" value={one(params.outcome)}>
            <option value="">any</option>
            <For each={OUTCOME_NAMES}>{(o) => <option value={o}>{o}</option>}</For>
          </select>
        </label>
        <label>
          Endpoint
          <input name="route" value={one(params.route)} placeholder="e.g. openai.chat" />
        </label>
        <label>
          Model
          <input name="model" value={one(params.model)} />
        </label>
        <label>
          Detector type
          <input name="type" value={one(params.type)} placeholder="e.g. email" />
        </label>
        <label>
          Status
          <input name="status" value={one(params.status)} inputmode="numeric" size="4" />
        </label>
        <div class="filter-actions">
          <button type="submit" class="primary">
            Apply
          </button>
          <button type="button" onClick={clear}>
            Clear
          </button>
        </div>
      </form>
      <Async
        data={page}
        label="events"
        isEmpty={(p) => p.events.length === 0}
        empty="No events match. Clear the filters or send traffic through the proxy."
      >
        {(p) => (
          <>
            <div class="table-wrap">
              <table class="events-table">
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Endpoint</th>
                    <th scope="col">Model</th>
                    <th scope="col">Status</th>
                    <th scope="col">Outcome</th>
                    <th scope="col">Types</th>
                    <th scope="col">Actions</th>
                    <th scope="col" class="num">
                      Latency
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={p.events}>
                    {(e) => (
                      <tr data-event-id={e.id}>
                        <td>
                          <A href={`/events/${e.id}`}>{formatTime(e.time)}</A>
                        </td>
                        <td>{e.route}</td>
                        <td>{e.model}</td>
                        <td>{e.status}</td>
                        <td>
                          <span class={`pill pill-${e.outcome}`}>{e.outcome}</span>
                        </td>
                        <td>{countsText(e.counts_by_type)}</td>
                        <td>{countsText(e.counts_by_action)}</td>
                        <td class="num">{formatMs(e.latency_ms)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <nav class="pager" aria-label="Pages">
              <button
                type="button"
                disabled={cursors().length === 1}
                onClick={() => setCursors((c) => c.slice(0, -1))}
              >
                ← Newer
              </button>
              <span class="muted">Page {cursors().length}</span>
              <button
                type="button"
                disabled={p.next_before === null}
                onClick={() => setCursors((c) => [...c, p.next_before ?? undefined])}
              >
                Older →
              </button>
            </nav>
          </>
        )}
      </Async>
    </section>
  );
}

export function countsText(counts: Record<string, number>): string {
  const parts = Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k} ×${n}`);
  return parts.length ? parts.join(', ') : '—';
}

export function EventDetail() {
  const params = useParams();
  const [event] = createResource(
    () => params.id,
    (id) => api.event(id),
  );
  return (
    <section aria-labelledby="event-title">
      <header class="view-head">
        <h1 id="event-title">Event {params.id}</h1>
        <A href="/events">← All events</A>
      </header>
      <Async data={event} label="the event">
        {(e) => (
          <div class="grid2">
            <div class="panel">
              <h2>Request</h2>
              <dl class="facts">
                <dt>Time</dt>
                <dd>{formatTime(e.time)}</dd>
                <dt>Request id</dt>
                <dd>
                  <code>{e.request_id}</code>
                </dd>
                <dt>Endpoint</dt>
                <dd>{e.route}</dd>
                <dt>Model</dt>
                <dd>{e.model}</dd>
                <dt>Streamed</dt>
                <dd>{e.stream ? 'yes' : 'no'}</dd>
                <dt>Status</dt>
                <dd>{e.status}</dd>
                <dt>Outcome</dt>
                <dd>
                  <span class={`pill pill-${e.outcome}`}>{e.outcome}</span>
                </dd>
                <Show when={e.error_class}>
                  <dt>Error class</dt>
                  <dd>{e.error_class}</dd>
                </Show>
              </dl>
            </div>
            <div class="panel">
              <h2>Timings</h2>
              <dl class="facts">
                <dt>Total latency</dt>
                <dd>{formatMs(e.latency_ms)}</dd>
                <dt>Detection</dt>
                <dd>{formatMs(e.detection_ms)}</dd>
                <dt>Values found</dt>
                <dd>{e.findings}</dd>
                <dt>Values put back</dt>
                <dd>{e.rehydrated}</dd>
              </dl>
            </div>
            <div class="panel">
              <h2>Counts per detector type</h2>
              <CountTable counts={e.counts_by_type} label="type" />
              <h2>Counts per action</h2>
              <CountTable counts={e.counts_by_action} label="action" />
            </div>
            <div class="panel">
              <h2>Touched JSON paths</h2>
              <Show when={e.touched_paths.length > 0} fallback={<p class="muted">No values were changed.</p>}>
                <ul class="paths">
                  <For each={e.touched_paths}>
                    {(p) => (
                      <li>
                        <code>{p}</code>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}

function CountTable(props: { counts: Record<string, number>; label: string }) {
  const rows = () => Object.entries(props.counts).sort((a, b) => b[1] - a[1]);
  return (
    <Show when={rows().length > 0} fallback={<p class="muted">None.</p>}>
      <div class="table-wrap table-wrap-plain">
        <table class="compact">
          <thead>
            <tr>
              <th scope="col">{props.label}</th>
              <th scope="col" class="num">
                count
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {([k, n]) => (
                <tr>
                  <td>{k}</td>
                  <td class="num">{n}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </Show>
  );
}
