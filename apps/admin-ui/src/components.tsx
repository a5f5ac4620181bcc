import { type JSX, Match, type Resource, Switch } from 'solid-js';
import { ApiError } from './api.ts';

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 403) return 'Your role does not allow this view.';
    return error.message;
  }
  return 'Something went wrong while loading this view.';
}

/** Loading, error and empty states around a resource; `children` renders the loaded value. */
export function Async<T>(props: {
  data: Resource<T>;
  label: string;
  isEmpty?: (value: T) => boolean;
  empty?: string;
  children: (value: T) => JSX.Element;
}) {
  return (
    <Switch>
      <Match when={props.data.state === 'errored'}>
        <div class="state state-error" role="alert">
          <strong>Could not load {props.label}.</strong> {errorText(props.data.error)}
        </div>
      </Match>
      <Match when={props.data.state === 'pending' || props.data.state === 'unresolved'}>
        <div class="state state-loading" aria-busy="true">
          Loading {props.label}…
        </div>
      </Match>
      <Match when={props.isEmpty?.(props.data() as T)}>
        <div class="state state-empty">{props.empty ?? `No ${props.label} yet.`}</div>
      </Match>
      <Match when={true}>{props.children(props.data() as T)}</Match>
    </Switch>
  );
}

export function Bars(props: { entries: { name: string; count: number }[]; label: string }) {
  const max = () => Math.max(1, ...props.entries.map((e) => e.count));
  return (
    <Switch>
      <Match when={props.entries.length === 0}>
        <p class="muted">Nothing in this window.</p>
      </Match>
      <Match when={true}>
        <ul class="bars" aria-label={props.label}>
          {props.entries.map((e) => (
            <li>
              <span class="bar-name">{e.name}</span>
              <progress max={max()} value={e.count} aria-label={`${e.name}: ${e.count}`} />
              <span class="bar-count">{e.count}</span>
            </li>
          ))}
        </ul>
      </Match>
    </Switch>
  );
}
