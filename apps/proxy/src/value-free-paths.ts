import type { Redactor } from '@stronk/redaction';

/**
 * JSON paths name object keys, and a key can be data itself: quoted keys (`properties["ann@example.com"]`)
 * become `[*]`, and a plain key the detectors find anything in (`x.ghp_…`) becomes `*`. Each key is read on
 * its own, so a value is never hidden by the path around it.
 */
export function valueFreePath(path: string, redactor: Pick<Redactor, 'detect'>): string {
  return path
    .replace(/\["(?:[^"\\]|\\.)*"\]/g, '[*]')
    .split('.')
    .map((segment) => {
      const bracket = segment.indexOf('[');
      const key = bracket === -1 ? segment : segment.slice(0, bracket);
      if (key === '' || redactor.detect(key).length === 0) return segment;
      return `*${bracket === -1 ? '' : segment.slice(bracket)}`;
    })
    .join('.');
}

/** `tools[3].function.description` → `tools[3]`: which definition, never what is inside it. */
export function toolEntry(path: string): string {
  return /^[A-Za-z_]+(?:\[\d+\])?/.exec(path)?.[0] ?? 'tools';
}
