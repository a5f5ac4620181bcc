import { createResource, For, Show } from 'solid-js';
import { Async } from '../components.tsx';
import { api } from '../state.tsx';
import { explainAction, formatNumber, SAFETY_TEXT } from '../stats.ts';
import { groupByAction } from './posture-groups.ts';

const LIMIT_TEXT: Record<string, string> = {
  max_request_bytes: 'Largest request body accepted (bytes).',
  max_json_depth: 'Deepest JSON nesting accepted.',
  max_json_values: 'Most JSON values scanned in one request.',
  upstream_timeout_ms: 'How long the proxy waits for the provider to start answering (ms).',
  upstream_idle_timeout_ms: 'How long a streaming answer may stay silent (ms).',
  upstream_max_response_ms: 'The longest any answer may take from start to end, streams included (ms).',
};

export function Posture() {
  const [posture] = createResource(() => api.posture());
  return (
    <section aria-labelledby="posture-title">
      <header class="view-head">
        <h1 id="posture-title">Posture</h1>
      </header>
      <p class="muted">
        What this gateway is configured to do with private data. Secrets and terms are never shown.
      </p>
      <Async data={posture} label="the posture">
        {(p) => (
          <div class="grid2">
            <div class="panel">
              <h2>Upstreams</h2>
              <p class="muted">Where masked traffic is sent. Only these hosts receive requests.</p>
              <dl class="facts">
                <For each={Object.entries(p.upstreams ?? {})}>
                  {([k, v]) => (
                    <>
                      <dt>{k}</dt>
                      <dd>
                        <code>{v}</code>
                      </dd>
                    </>
                  )}
                </For>
                <For each={Object.entries(p.local_upstreams ?? {})}>
                  {([k, v]) => (
                    <>
                      <dt>{k} (local)</dt>
                      <dd>{v ? <code>{v}</code> : <span class="muted">not configured</span>}</dd>
                    </>
                  )}
                </For>
              </dl>
            </div>
            <div class="panel">
              <h2>Safety switches</h2>
              <ul class="switches">
                <For each={Object.entries(p.safety ?? {})}>
                  {([k, on]) => {
                    const text = SAFETY_TEXT[k];
                    const warn = on && text?.risky;
                    return (
                      <li class={warn ? 'switch warn' : 'switch'} data-switch={k}>
                        <span class={warn ? 'pill pill-on' : on ? 'pill' : 'pill pill-off'}>
                          {on ? 'on' : 'off'}
                        </span>{' '}
                        <strong>{k.replaceAll('_', ' ')}</strong>
                        <p>{text ? (on ? text.on : text.off) : ''}</p>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </div>
            <div class="panel">
              <h2>Policy per detector type</h2>
              <p class="muted">
                What happens when a value of each type is found. {p.deny_terms_count ?? 0} deny terms and{' '}
                {p.allow_terms_count ?? 0} allow terms are configured.
              </p>
              <ul class="policy">
                <For each={groupByAction(p.policy ?? {})}>
                  {([action, types]) => (
                    <li data-action={action}>
                      <span class={`pill pill-${action}`}>{action}</span>{' '}
                      <span class="muted">{explainAction(action)}</span>
                      <div class="types">{types.join(', ')}</div>
                    </li>
                  )}
                </For>
              </ul>
            </div>
            <div class="panel">
              <h2>Limits</h2>
              <dl class="facts">
                <For each={Object.entries(p.limits ?? {})}>
                  {([k, v]) => (
                    <>
                      <dt title={LIMIT_TEXT[k]}>{LIMIT_TEXT[k] ?? k}</dt>
                      <dd>{formatNumber(v)}</dd>
                    </>
                  )}
                </For>
              </dl>
              <Show when={p.audit}>
                {(a) => (
                  <>
                    <h2>Audit store</h2>
                    <p>
                      {a().enabled
                        ? `Sanitized events (counts and paths, never values) are kept in ${a().backend}: the newest ${formatNumber(a().max_events)}${a().max_age_seconds ? `, at most ${Math.round(a().max_age_seconds! / 3600)} h old` : ''}.`
                        : 'No events are recorded.'}
                    </p>
                  </>
                )}
              </Show>
            </div>
          </div>
        )}
      </Async>
    </section>
  );
}
