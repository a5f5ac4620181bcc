import { createResource, For } from 'solid-js';
import { Async } from '../components.tsx';
import { api } from '../state.tsx';
import { formatMs, formatTime } from '../stats.ts';

export function AccessLog() {
  const [log] = createResource(() => api.accessLog(200));
  return (
    <section aria-labelledby="access-title">
      <header class="view-head">
        <h1 id="access-title">Access log</h1>
      </header>
      <p class="muted">Recent requests to this admin plane: who looked at what.</p>
      <Async data={log} label="the access log" isEmpty={(l) => l.entries.length === 0}>
        {(l) => (
          <div class="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Time</th>
                  <th scope="col">User</th>
                  <th scope="col">Method</th>
                  <th scope="col">Path</th>
                  <th scope="col">Status</th>
                  <th scope="col">Client</th>
                  <th scope="col" class="num">
                    Duration
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={l.entries}>
                  {(e) => (
                    <tr>
                      <td>{formatTime(e.time)}</td>
                      <td>{e.username ?? '—'}</td>
                      <td>{e.method}</td>
                      <td>
                        <code>{e.path}</code>
                      </td>
                      <td>{e.status}</td>
                      <td>{e.client}</td>
                      <td class="num">{formatMs(e.duration_ms)}</td>
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
