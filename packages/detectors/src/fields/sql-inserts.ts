import { type ColumnKind, headerKinds } from './column-kinds.ts';
import type { CellVisitor } from './delimited-tables.ts';

/** `INSERT INTO customers (id, full_name, …) VALUES`: the column list, bounded so a stray paren cannot run on. */
const INSERT_HEAD = /\bINSERT\s+INTO\s+[\w."`[\]]{1,128}\s*\(([^()]{1,2000})\)\s*VALUES\s*/gi;
const MAX_ROWS = 100_000;

/**
 * The string literals of SQL INSERT rows, by the column each sits in. Values are parsed as SQL writes them:
 * 'quoted' (with '' or \' inside), numbers, NULL, function calls (NOW(), '…'::date). Linear: every
 * character after a header is read once, and a malformed row ends the statement.
 */
export function visitSqlInsertCells(text: string, visit: CellVisitor): void {
  if (!/insert/i.test(text)) return;
  INSERT_HEAD.lastIndex = 0;
  for (let m = INSERT_HEAD.exec(text); m !== null; m = INSERT_HEAD.exec(text)) {
    const labels = (m[1] as string).split(',').map((c) => c.trim().replace(/^[`"[]|[`"\]]$/g, ''));
    const kinds = headerKinds(labels);
    if (!kinds) continue;
    INSERT_HEAD.lastIndex = readRows(text, INSERT_HEAD.lastIndex, kinds, visit);
  }
}

/** Reads `(…), (…)` from `at`; returns where it stopped. */
function readRows(
  text: string,
  at: number,
  kinds: readonly (ColumnKind | undefined)[],
  visit: CellVisitor,
): number {
  const n = text.length;
  let i = at;
  for (let row = 0; row < MAX_ROWS; row++) {
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 40) return i;
    i++;
    let column = 0;
    let depth = 0;
    for (;;) {
      i = skipSpace(text, i);
      if (i >= n) return i;
      const c = text.charCodeAt(i);
      if (c === 39) {
        const start = i + 1;
        i = endOfQuoted(text, start);
        if (i < 0) return n;
        const kind = depth === 0 ? kinds[column] : undefined;
        if (kind !== undefined) visit(start, i, kind);
        i++;
      } else if (c === 40) {
        depth++;
        i++;
      } else if (c === 41) {
        if (depth === 0) {
          i++;
          break;
        }
        depth--;
        i++;
      } else if (c === 44) {
        if (depth === 0) column++;
        i++;
      } else i++;
    }
    i = skipSpace(text, i);
    if (text.charCodeAt(i) !== 44) return i;
    i++;
  }
  return i;
}

/** Index of the closing quote of a '…' literal whose content starts at `i`, or -1. */
function endOfQuoted(text: string, i: number): number {
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 92) i += 2;
    else if (c === 39) {
      if (text.charCodeAt(i + 1) === 39) i += 2;
      else return i;
    } else if (c === 10 && text.charCodeAt(i + 1) === 10) return -1;
    else i++;
  }
  return -1;
}

function skipSpace(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
    i++;
  }
  return i;
}
