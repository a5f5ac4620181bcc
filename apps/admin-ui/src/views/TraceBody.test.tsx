// @vitest-environment happy-dom
import { render } from 'solid-js/web';
import { afterEach, describe, expect, it } from 'vitest';
import type { Detection } from '../trace-highlight.ts';
import { HighlightLegend, TraceBody } from './TraceBody.tsx';

let dispose: (() => void) | undefined;
afterEach(() => {
  dispose?.();
  document.body.innerHTML = '';
});

function mount(ui: () => ReturnType<typeof TraceBody>) {
  const root = document.createElement('div');
  document.body.append(root);
  dispose = render(ui, root);
  return root;
}

const content = 'Write to ann@example.com, Ann.';
const email = content.indexOf('ann@');
const detections: Detection[] = [
  { type: 'email', action: 'mask', path: 'messages[0].content', start: email, end: email + 15 },
  { type: 'person_name', action: 'allow', path: 'messages[0].content', start: 26, end: 29 },
];
const raw = JSON.stringify({ model: 'm', messages: [{ role: 'user', content }] });
const masked = JSON.stringify({
  model: 'm',
  messages: [{ role: 'user', content: 'Write to [[EMAIL_7QX2KD9MZA]], Ann.' }],
});

describe('TraceBody', () => {
  it('marks each detection with its number and type in text, not only in colour', () => {
    const root = mount(() => <TraceBody body={raw} detections={detections} side="raw" />);
    const marks = [...root.querySelectorAll('mark.det')];
    expect(marks.map((m) => m.getAttribute('data-det'))).toEqual(['1', '2']);
    expect(marks.map((m) => m.className)).toEqual(['det det-mask', 'det det-allow']);
    // The value, wrapped in words a screen reader announces.
    expect(marks[0]!.textContent).toBe('[detection 1, email, masked: ann@example.com]');
    expect(marks[0]!.querySelector('.sr-only')).not.toBeNull();
    // A visible tag after each value, hidden from screen readers (they hear the words above instead).
    const tags = [...root.querySelectorAll('.det-tag')];
    expect(tags.map((t) => t.textContent)).toEqual(['1 email', '2 person_name']);
    expect(tags.every((t) => t.getAttribute('aria-hidden') === 'true')).toBe(true);
    // Without the screen-reader words and tags the body reads exactly as pretty-printed JSON.
    const pre = root.querySelector('pre')!.cloneNode(true) as HTMLElement;
    for (const hidden of pre.querySelectorAll('.sr-only, .det-tag')) hidden.remove();
    expect(pre.textContent).toBe(JSON.stringify(JSON.parse(raw), null, 2));
    expect(root.querySelector('[data-unplaced]')).toBeNull();
  });

  it('marks the placeholder in the masked body under the same number', () => {
    const root = mount(() => <TraceBody body={masked} detections={detections} side="masked" />);
    const first = root.querySelector('mark[data-det="1"]')!;
    expect(first.textContent).toContain('[[EMAIL_7QX2KD9MZA]]');
    expect(root.querySelector('mark[data-det="2"]')!.textContent).toContain('Ann');
  });

  it('says how many detections could not be placed, and shows a cut-off body as plain text', () => {
    const cut = raw.slice(0, 40);
    const root = mount(() => <TraceBody body={cut} detections={detections} side="raw" />);
    expect(root.querySelector('pre')!.textContent).toBe(cut);
    expect(root.querySelector('mark')).toBeNull();
    expect(root.querySelector('[data-unplaced="raw"]')!.textContent).toContain('2 of 2 detections');
    expect(root.querySelector('[data-unplaced="raw"]')!.textContent).toContain('not complete JSON');
  });

  it('says so when no body was captured at all', () => {
    const root = mount(() => <TraceBody body="" detections={detections} side="raw" />);
    expect(root.querySelector('[data-unplaced="raw"]')!.textContent).toContain('no body was captured');
  });

  it('explains every highlight style in words', () => {
    const root = mount(() => <HighlightLegend />);
    const text = root.textContent ?? '';
    for (const word of ['solid outline', 'double outline', 'dashed outline', 'detections table'])
      expect(text).toContain(word);
  });
});
