import { createMemo, For, Show } from 'solid-js';
import { type Detection, describeMark, highlightBody, type Mark } from '../trace-highlight.ts';

const KNOWN_ACTIONS = new Set(['mask', 'block', 'allow', 'route_local', 'redact']);

/**
 * A highlight says what it is in words, not only in colour: a visible number and type after the value (the
 * same number as in the detections table), an outline style per action, and hidden text for screen readers.
 */
function Marked(props: { text: string; mark: Mark }) {
  const n = () => props.mark.index + 1;
  const action = () => (KNOWN_ACTIONS.has(props.mark.action) ? props.mark.action : 'other');
  return (
    <>
      <mark class={`det det-${action()}`} data-det={n()} data-type={props.mark.type}>
        <span class="sr-only">[{describeMark(props.mark)}: </span>
        {props.text}
        <span class="sr-only">]</span>
      </mark>
      <span class="det-tag" aria-hidden="true">
        {n()} {props.mark.type}
      </span>
    </>
  );
}

/** A request body with its detections marked; plain text when the body is not JSON (e.g. cut off). */
export function TraceBody(props: { body: string; detections: readonly Detection[]; side: 'raw' | 'masked' }) {
  const highlighted = createMemo(() => highlightBody(props.body, props.detections, props.side));
  const missing = () => {
    const h = highlighted();
    return h ? props.detections.length - h.located.size : props.detections.length;
  };
  return (
    <>
      <pre class="raw" tabindex="0" data-side={props.side}>
        <Show when={highlighted()} fallback={props.body}>
          {(h) => (
            <For each={h().segments}>{(s) => (s.mark ? <Marked text={s.text} mark={s.mark} /> : s.text)}</For>
          )}
        </Show>
      </pre>
      <Show when={props.detections.length > 0 && missing() > 0}>
        <p class="muted" data-unplaced={props.side}>
          {missing()} of {props.detections.length} detections could not be placed in this body
          {highlighted()
            ? ' (its shape differs from the reported paths)'
            : props.body === ''
              ? ' (no body was captured)'
              : ' (it is not complete JSON)'}
          .
        </p>
      </Show>
    </>
  );
}

/** The key to the highlight styles, in words. */
export function HighlightLegend() {
  return (
    <ul class="det-legend" aria-label="Highlight key">
      <li>
        <mark class="det det-mask">masked</mark> solid outline: replaced by a placeholder before forwarding
      </li>
      <li>
        <mark class="det det-block">blocked</mark> double outline: the request was refused
      </li>
      <li>
        <mark class="det det-allow">allowed</mark> dashed outline: sent as it is
      </li>
      <li>
        <span class="det-tag">n type</span> after each value: its row in the detections table
      </li>
    </ul>
  );
}
