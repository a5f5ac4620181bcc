import type { Redactor } from '@stronk/redaction';

const MAX_REMEMBERED_KEYS = 4096;
/** Per redactor (its deny terms decide what is clean): keys the detectors found nothing in. */
const cleanKeys = new WeakMap<object, Set<string>>();

/**
 * JSON paths name object keys, and a key can be data itself: quoted keys (`properties["ann@example.com"]`)
 * become `[*]`, and a plain key the detectors find anything in (`x.ghp_…`) becomes `*`. Each key is read on
 * its own, so a value is never hidden by the path around it.
 */
export function valueFreePath(path: string, redactor: Pick<Redactor, 'detect'>): string {
  let clean = cleanKeys.get(redactor);
  if (clean === undefined) {
    clean = new Set();
    cleanKeys.set(redactor, clean);
  }
  return path
    .replace(/\["(?:[^"\\]|\\.)*"\]/g, '[*]')
    .split('.')
    .map((segment) => {
      const bracket = segment.indexOf('[');
      const key = bracket === -1 ? segment : segment.slice(0, bracket);
      if (key === '' || clean.has(key)) return segment;
      if (redactor.detect(key).length === 0) {
        // The same few field names come back on every request; only keys with no finding are remembered.
        if (clean.size >= MAX_REMEMBERED_KEYS) clean.clear();
        clean.add(key);
        return segment;
      }
      return `*${bracket === -1 ? '' : segment.slice(bracket)}`;
    })
    .join('.');
}

/** `tools[3].function.description` → `tools[3]`: which definition, never what is inside it. */
export function toolEntry(path: string): string {
  return /^[A-Za-z_]+(?:\[\d+\])?/.exec(path)?.[0] ?? 'tools';
}
