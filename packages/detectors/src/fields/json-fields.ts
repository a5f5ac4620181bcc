import { columnKind } from './column-kinds.ts';
import type { CellVisitor } from './delimited-tables.ts';

/**
 * `"first_name": "Mei-Ling"`, `"company": {"name": …}` is left to the sentence-level detectors: only a
 * string value directly under a known key counts. Keys and values are bounded and neither may cross a line,
 * so the pattern cannot backtrack far.
 */
const FIELD = /"([^"\\\n]{1,48})"[ \t]*:[ \t]*"((?:[^"\\\n]|\\[^\n]){1,300})"/g;

export function visitJsonFieldCells(text: string, visit: CellVisitor): void {
  if (text.indexOf('":') < 0 && text.indexOf('" :') < 0) return;
  FIELD.lastIndex = 0;
  for (let m = FIELD.exec(text); m !== null; m = FIELD.exec(text)) {
    const kind = columnKind(m[1] as string);
    if (kind === undefined) continue;
    const value = m[2] as string;
    const end = m.index + m[0].length - 1;
    visit(end - value.length, end, kind);
  }
}
