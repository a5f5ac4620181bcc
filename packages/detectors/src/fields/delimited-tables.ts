import { type ColumnKind, headerKinds, looksLikeHeader } from './column-kinds.ts';

/** Receives one cell, text[start, end), of a column of the given kind. */
export type CellVisitor = (start: number, end: number, kind: ColumnKind) => void;

/** Delimiters in the order they are tried: a tab or pipe line is rarely split by commas. */
const DELIMITERS = [9, 124, 59, 44];
const MAX_HEADER_LENGTH = 600;
const MAX_CELLS = 64;

interface Header {
  delimiter: number;
  kinds: (ColumnKind | undefined)[];
}

/**
 * CSV, TSV, semicolon and Markdown/pipe tables: a header line of short labels at least one of which names a
 * person, company or address column, then the lines below it that have as many cells. Quoted cells may hold
 * the delimiter ("Austin, TX"); a cell spanning lines ends the table (rare, and safe: the sentence-level
 * detectors still read it). One pass over the text, each line split at most twice.
 */
export function visitTableCells(text: string, visit: CellVisitor): void {
  const n = text.length;
  const cells: number[] = [];
  let header: Header | undefined;
  let lineStart = 0;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = n;
    const contentEnd = lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    if (header !== undefined && !separatorLine(text, lineStart, contentEnd)) {
      const count = splitCells(text, lineStart, contentEnd, header.delimiter, cells);
      if (count === header.kinds.length) {
        for (let c = 0; c < count; c++) {
          const kind = header.kinds[c];
          if (kind !== undefined) visit(cells[2 * c] as number, cells[2 * c + 1] as number, kind);
        }
      } else header = undefined;
    }
    if (header === undefined) header = headerAt(text, lineStart, contentEnd, cells);
    lineStart = lineEnd + 1;
  }
}

function headerAt(text: string, start: number, end: number, cells: number[]): Header | undefined {
  if (end - start < 3 || end - start > MAX_HEADER_LENGTH) return undefined;
  const present = delimitersIn(text, start, end);
  if (present === 0) return undefined;
  for (let d = 0; d < DELIMITERS.length; d++) {
    const delimiter = DELIMITERS[d] as number;
    // Most lines are prose: its first few characters rule it out before any split.
    if ((present & (1 << d)) === 0 || !labelPrefix(text, start, end, delimiter)) continue;
    const count = splitCells(text, start, end, delimiter, cells);
    if (count < 2) return undefined;
    const labels: string[] = [];
    for (let c = 0; c < count; c++) {
      // Trailing spaces pad aligned columns (psql, Markdown): "company_name      |" is one word.
      const label = text.slice(cells[2 * c] as number, cells[2 * c + 1] as number).trimEnd();
      // Labels are short: "Please send me the name" is a sentence fragment, not a column.
      if (!looksLikeHeader(label) || label.split(' ').length > 4) return undefined;
      labels.push(label);
    }
    const kinds = headerKinds(labels);
    return kinds ? { delimiter, kinds } : undefined;
  }
  return undefined;
}

/**
 * Whether the line up to its first delimiter could be a label: at most 48 characters of letters, digits,
 * spaces and `_ . # / ( ) -` (a pipe table's opening pipe and spaces skipped).
 */
function labelPrefix(text: string, start: number, end: number, delimiter: number): boolean {
  let i = start;
  if (delimiter === 124) while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 124)) i++;
  const limit = Math.min(end, i + 49);
  for (; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === delimiter) return true;
    const letterOrDigit = (c | 32) >= 97 && (c | 32) <= 122 ? true : (c >= 48 && c <= 57) || c >= 0xc0;
    if (
      !letterOrDigit &&
      c !== 32 &&
      c !== 95 &&
      c !== 46 &&
      c !== 35 &&
      c !== 47 &&
      c !== 40 &&
      c !== 41 &&
      c !== 45 &&
      c !== 34
    )
      return false;
  }
  return i < end && text.charCodeAt(i) === delimiter;
}

/** Bit d set when DELIMITERS[d] occurs in text[start, end): one bounded pass (indexOf would run past the line). */
function delimitersIn(text: string, start: number, end: number): number {
  let bits = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 44) bits |= 8;
    else if (c === 59) bits |= 4;
    else if (c === 124) bits |= 2;
    else if (c === 9) bits |= 1;
  }
  return bits;
}

/** `|---|:--:|` under a Markdown header. */
function separatorLine(text: string, start: number, end: number): boolean {
  let dashes = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 45) dashes++;
    else if (c !== 124 && c !== 58 && c !== 32 && c !== 43) return false;
  }
  return dashes >= 3;
}

/**
 * Splits text[start, end) at `delimiter` into `out` as [start, end) pairs of cell contents (quotes of a
 * quoted cell excluded; a pipe table's outer pipes dropped). Returns the cell count, or -1 past MAX_CELLS.
 */
export function splitCells(
  text: string,
  start: number,
  end: number,
  delimiter: number,
  out: number[],
): number {
  out.length = 0;
  if (delimiter === 124) {
    while (start < end && text.charCodeAt(start) === 32) start++;
    while (end > start && text.charCodeAt(end - 1) === 32) end--;
    if (text.charCodeAt(start) === 124) start++;
    if (end > start && text.charCodeAt(end - 1) === 124) end--;
  }
  let i = start;
  let count = 0;
  while (i <= end) {
    let cellStart = i;
    while (cellStart < end && text.charCodeAt(cellStart) === 32) cellStart++;
    let cellEnd: number;
    if (delimiter !== 124 && text.charCodeAt(cellStart) === 34) {
      // "quoted, with ""escaped"" quotes"
      let q = cellStart + 1;
      while (q < end) {
        if (text.charCodeAt(q) === 34) {
          if (text.charCodeAt(q + 1) === 34) q += 2;
          else break;
        } else q++;
      }
      if (q >= end) return -1;
      cellEnd = q;
      cellStart++;
      i = q + 1;
      while (i < end && text.charCodeAt(i) !== delimiter) i++;
    } else {
      i = cellStart;
      while (i < end && text.charCodeAt(i) !== delimiter) i++;
      cellEnd = i;
    }
    if (++count > MAX_CELLS) return -1;
    out.push(cellStart, cellEnd);
    i++;
  }
  return count;
}
