import type { Redactor } from '@stronk/redaction';

/**
 * JSON paths quote unusual object keys (`properties["ann@example.com"]`), and a key can be data itself:
 * quoted keys become `[*]`, and anything the detectors still find in the path becomes `*`.
 */
export function valueFreePath(path: string, redactor: Pick<Redactor, 'detect'>): string {
  const unquoted = path.replace(/\["(?:[^"\\]|\\.)*"\]/g, '[*]');
  let out = '';
  let cursor = 0;
  for (const finding of redactor.detect(unquoted)) {
    if (finding.start < cursor) continue;
    out += `${unquoted.slice(cursor, finding.start)}*`;
    cursor = finding.end;
  }
  return out + unquoted.slice(cursor);
}

/** `tools[3].function.description` → `tools[3]`: which definition, never what is inside it. */
export function toolEntry(path: string): string {
  return /^[A-Za-z_]+(?:\[\d+\])?/.exec(path)?.[0] ?? 'tools';
}
