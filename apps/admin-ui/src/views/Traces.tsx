import { A, useParams } from '@solidjs/router';
import { createResource, For, Show } from 'solid-js';
import { Async } from '../components.tsx';
import { api, session } from '../state.tsx';
import { formatTime } from '../stats.ts';
import { countsText } from './Events.tsx';
import { HighlightLegend, TraceBody } from './TraceBody.tsx';

function Sensitive() {
  return (
    <p class="sensitive" role="note">
      Sensitive: raw, unmasked traffic. Kept in the proxy's memory only and never cached by this browser. Do
      not copy it anywhere.
    </p>
  );
}

function NotAllowed() {
  return (
    <section aria-labelledby="traces-title">
      <h1 id="traces-title">Traces</h1>
      <div class="state state-empty">Raw traces are not available for your role.</div>
    </section>
  );
}

export function Traces() {
  return (
    <Show when={session()?.can_view_traces} fallback={<NotAllowed />}>
      <TraceList />
    </Show>
  );
}

function TraceList() {
  const [traces] = createResource(() => api.traces());
  return (
    <section aria-labelledby="traces-title">
      <header class="view-head">
        <h1 id="traces-title">Traces</h1>
      </header>
      <Sensitive />
      <Async
        data={traces}
        label="traces"
        isEmpty={(t) => t.traces.length === 0}
        empty="No raw traces are held right now."
      >
        {(t) => (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                <For each={t.traces}>
                  {(tr) => (
                    <tr>
                      <td>
                        <A href={`/traces/${tr.id}`}>{formatTime(tr.time)}</A>
                      </td>
                      <td>{tr.method}</td>
                      <td>
                        <code>{tr.path}</code>
                      </td>
                      <td>{tr.status}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}

export function TraceDetail() {
  return (
    <Show when={session()?.can_view_traces} fallback={<NotAllowed />}>
      <TraceView />
    </Show>
  );
}

function pretty(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

function TraceView() {
  const params = useParams();
  const [trace] = createResource(
    () => params.id,
    (id) => api.trace(id),
  );
  // The sanitized event of the same request says what was masked (types, actions, JSON paths).
  const [event] = createResource(
    () => (trace.state === 'ready' ? trace()?.requestId : undefined),
    async (requestId) => (await api.events({ request_id: requestId, limit: 1 })).events[0] ?? null,
  );
  return (
    <section aria-labelledby="trace-title">
      <header class="view-head">
        <h1 id="trace-title">Trace</h1>
        <A href="/traces">← All traces</A>
      </header>
      <Sensitive />
      <Async data={trace} label="the trace">
        {(t) => {
          const detections = t.detections ?? [];
          return (
            <>
              <Show when={event.state === 'ready' && event()}>
                {(e) => (
                  <p>
                    Masked in this request: <strong>{countsText(e().counts_by_type)}</strong> at{' '}
                    <For each={e().touched_paths}>{(p) => <code class="hl">{p} </code>}</For>
                  </p>
                )}
              </Show>
              <Show when={detections.length > 0}>
                <HighlightLegend />
              </Show>
              <div class="grid2">
                <div class="panel">
                  <h2 id="raw-request-title">Request as sent by the client</h2>
                  <TraceBody body={t.requestBody} detections={detections} side="raw" />
                </div>
                <Show
                  when={t.maskedRequestBody}
                  fallback={
                    <div class="panel">
                      <h2>Request as forwarded upstream</h2>
                      <p class="muted">
                        Nothing was forwarded to the provider for this request (blocked, answered locally or
                        failed before forwarding), so there is no masked body and no detection positions.
                      </p>
                    </div>
                  }
                >
                  {(masked) => (
                    <div class="panel">
                      <h2>Request as forwarded upstream (masked)</h2>
                      <TraceBody body={masked()} detections={detections} side="masked" />
                    </div>
                  )}
                </Show>
              </div>
              <div class="grid2">
                <Show when={detections.length > 0}>
                  <div class="panel">
                    <h2 id="detections-title">Detections</h2>
                    <div class="table-wrap">
                      <table aria-labelledby="detections-title">
                        <thead>
                          <tr>
                            <th scope="col">#</th>
                            <th scope="col">type</th>
                            <th scope="col">action</th>
                            <th scope="col">JSON path</th>
                            <th scope="col">offsets</th>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={detections}>
                            {(d, i) => (
                              <tr data-detection={i() + 1}>
                                <td class="num">{i() + 1}</td>
                                <td>
                                  <span class="hl">{d.type}</span>
                                </td>
                                <td>{d.action}</td>
                                <td>
                                  <code>{d.path}</code>
                                </td>
                                <td>
                                  {d.start}–{d.end}
                                </td>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                  </div>
                </Show>
                <div class="panel">
                  <h2>Answer returned ({t.status})</h2>
                  <pre class="raw" tabindex="0">
                    {pretty(t.responseBody)}
                  </pre>
                </div>
              </div>
              <Show when={t.truncated}>
                <p class="muted">Bodies were cut off at the capture limit.</p>
              </Show>
            </>
          );
        }}
      </Async>
    </section>
  );
}
