import type { Span } from './person-names.ts';
import { surnameLength } from './surnames.ts';

/**
 * Names in forms and exports: the value of a labelled field (收件人：高峰) and the cells of a 姓名 column in
 * a CSV or Markdown table. The label says it is a name, so names that are also words (高峰, 向前, 白雪) count
 * here, which the free-text rules must leave alone.
 */

/** Labels whose value is a person's name. */
const LABEL =
  /(?:姓名|收件人|收货人|寄件人|联系人|发件人|申请人|报销人|经办人|审批人|负责人|签收人|持卡人|户名|法定代表人|法人代表|开户名)[：:] ?([\u4e00-\u9fff]{2,4})(?=$|[\s,，;；/|（(、。])/g;
const LABEL_GATE = /[人名表][：:]/;
/** Column headers of a name column. */
const NAME_HEADERS: ReadonlySet<string> = new Set([
  '姓名',
  '名字',
  '客户姓名',
  '员工姓名',
  '学生姓名',
  '联系人',
  '收件人',
  '收货人',
  '报销人',
  '申请人',
  '负责人',
  '紧急联系人',
]);
const HEADER_WORDS = /姓名|名字|联系人|收件人|收货人|报销人|申请人|负责人/g;
/** A relation or note in parentheses after a name in a cell: 王芳（母）, 李强(备用). */
const CELL_NOTE = /[（(][^（()）]{1,4}[）)]$/;
const DELIMITERS = [',', '\t', '|', '，'] as const;
const CJK_NAME = /^[\u4e00-\u9fff]{2,4}$/;
const MAX_COLUMNS = 64;

/** A surname followed by a one- or two-character given name (compound surnames included). */
function isNameValue(value: string): boolean {
  if (!CJK_NAME.test(value)) return false;
  const given = value.length - surnameLength(value);
  return given >= 1 && given <= 2 && given < value.length;
}

function labelledNames(text: string, spans: Span[]): void {
  // Every label ends in 人, 名 or 表 right before its colon.
  if (!LABEL_GATE.test(text)) return;
  for (const m of text.matchAll(LABEL)) {
    const value = m[1] as string;
    if (!isNameValue(value)) continue;
    const start = m.index + m[0].length - value.length;
    spans.push({ start, end: start + value.length, score: 0.6, type: 'person_name' });
  }
}

/** Cells of one line split at `delimiter`, with their offsets; at most MAX_COLUMNS. */
function cells(text: string, from: number, to: number, delimiter: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = from;
  while (out.length < MAX_COLUMNS) {
    const at = text.indexOf(delimiter, start);
    const end = at < 0 || at > to ? to : at;
    let s = start;
    let e = end;
    while (s < e && text.charCodeAt(s) <= 32) s += 1;
    while (e > s && text.charCodeAt(e - 1) <= 32) e -= 1;
    out.push([s, e]);
    if (end === to) break;
    start = end + 1;
  }
  return out;
}

/** End of the line holding `pos`. */
function lineEndAt(text: string, pos: number): number {
  const nl = text.indexOf('\n', pos);
  return nl < 0 ? text.length : nl;
}

/**
 * Finds each header naming a name column (only lines holding a header word are split), then reads that
 * column in the following lines while they keep the header's delimiter.
 */
function tableNames(text: string, spans: Span[]): void {
  let done = 0; // text before this offset is already read
  for (const header of text.matchAll(HEADER_WORDS)) {
    if (header.index < done) continue;
    const lineStart = text.lastIndexOf('\n', header.index) + 1;
    const lineEnd = lineEndAt(text, header.index);
    done = lineEnd;
    const line = text.slice(lineStart, lineEnd);
    let columns: number[] = [];
    let delimiter = '';
    for (const d of DELIMITERS) {
      if (!line.includes(d)) continue;
      columns = cells(text, lineStart, lineEnd, d).flatMap(([s, e], k) =>
        NAME_HEADERS.has(text.slice(s, e)) ? [k] : [],
      );
      if (columns.length > 0) {
        delimiter = d;
        break;
      }
    }
    if (columns.length === 0) continue;
    for (let from = lineEnd + 1; from < text.length; ) {
      const to = lineEndAt(text, from);
      if (!text.slice(from, to).includes(delimiter)) break;
      const row = cells(text, from, to, delimiter);
      for (const column of columns) {
        const cell = row[column];
        if (cell) nameInCell(text, cell[0], cell[1], spans);
      }
      done = to;
      from = to + 1;
    }
  }
}

/** The name in a cell, without a relation note after it (王芳（母）). */
function nameInCell(text: string, start: number, end: number, spans: Span[]): void {
  const value = text.slice(start, end);
  const note = CELL_NOTE.exec(value);
  const name = note ? value.slice(0, note.index) : value;
  if (isNameValue(name) && !NAME_HEADERS.has(name))
    spans.push({ start, end: start + name.length, score: 0.6, type: 'person_name' });
}

export function findNameFields(text: string): Span[] {
  const spans: Span[] = [];
  labelledNames(text, spans);
  tableNames(text, spans);
  return spans;
}
