import { columnKind, mayBeColumnAt } from './column-kinds.ts';
import type { CellVisitor } from './delimited-tables.ts';

const MAX_KEY = 48;
const MAX_QUOTED = 300;
const MAX_BARE = 120;
const MAX_BARE_NAME = 60;

/**
 * Values under known keys, in the forms payloads and configs write them: JSON `"first_name": "Mei-Ling"`,
 * JS/Python `company: 'Acme'` / `company="Acme"`, YAML and .env lines `CONTACT_NAME: Ines Caldeira` /
 * `COMPANY_NAME=Harrowgate Mills Ltd` (an unquoted value only when the key starts its line). One pass over
 * the `:` and `=` of the text; keys and values are bounded and never cross a line.
 */
export function visitKeyValueCells(text: string, visit: CellVisitor): void {
  const n = text.length;
  // The next ':' and the next '=' (native searches; most of a text has neither).
  let colon = text.indexOf(':');
  let equals = text.indexOf('=');
  while (colon >= 0 || equals >= 0) {
    let p: number;
    if (equals < 0 || (colon >= 0 && colon < equals)) {
      p = colon;
      colon = text.indexOf(':', p + 1);
    } else {
      p = equals;
      equals = text.indexOf('=', p + 1);
    }
    const c = text.charCodeAt(p);
    // "==", "=>", ":=", "::" are code, not a key-value pair.
    const next = text.charCodeAt(p + 1);
    if (next === 61 || next === 62 || next === 58 || text.charCodeAt(p - 1) === 58) continue;
    const key = keyBefore(text, p);
    if (key === undefined) continue;
    if (!mayBeColumnAt(text, key.start, key.end)) continue;
    const kind = columnKind(text.slice(key.start, key.end));
    if (kind === undefined) continue;
    let v = p + 1;
    while (v < n && (text.charCodeAt(v) === 32 || text.charCodeAt(v) === 9)) v++;
    const q = text.charCodeAt(v);
    if (q === 34 || q === 39) {
      const close = closingQuote(text, v + 1, q);
      if (close > 0) visit(v + 1, close, kind);
    } else if (
      !key.quoted &&
      (c === 58 || upperKey(text, key.start, key.end)) &&
      lineStartBefore(text, key.start)
    ) {
      let e = v;
      while (e < n && e - v <= MAX_BARE && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
      if (e - v > MAX_BARE || e === v) continue;
      const end = nextLabelStart(text, v, commentStart(text, v, e));
      // "Shipper: Everbright Housewares Co., Ltd., No. 88 Jinhai Road, …": an unquoted form line often holds
      // a name and its address; the name alone is left to the sentence-level detectors.
      if (kind !== 'address' && kind !== 'quiet' && (end - v > MAX_BARE_NAME || hasDigit(text, v, end)))
        continue;
      // `company: companyName,` in an object literal: code, not a value.
      if (codeLike(text, v, end)) continue;
      visit(v, end, kind);
    }
  }
}

interface Key {
  start: number;
  end: number;
  quoted: boolean;
}

function keyBefore(text: string, p: number): Key | undefined {
  let e = p;
  while (e > 0 && (text.charCodeAt(e - 1) === 32 || text.charCodeAt(e - 1) === 9)) e--;
  const last = text.charCodeAt(e - 1);
  if (last === 34 || last === 39) {
    let s = e - 1;
    const low = Math.max(0, e - 2 - MAX_KEY);
    while (s > low && text.charCodeAt(s - 1) !== last && text.charCodeAt(s - 1) !== 10) s--;
    if (s <= low || text.charCodeAt(s - 1) !== last) return undefined;
    return { start: s, end: e - 1, quoted: true };
  }
  let s = e;
  while (s > 0 && e - s <= MAX_KEY && keyChar(text.charCodeAt(s - 1))) s--;
  if (s === e || e - s > MAX_KEY || !letter(text.charCodeAt(s))) return undefined;
  return { start: s, end: e, quoted: false };
}

/** Only indentation, a YAML list dash or `export` stands before `at` on its line. */
function lineStartBefore(text: string, at: number): boolean {
  let i = skipIndent(text, at);
  if (i >= 6 && text.startsWith('export', i - 6)) i = skipIndent(text, i - 6);
  return i === 0 || text.charCodeAt(i - 1) === 10;
}

/** Back over spaces, tabs and YAML list dashes. */
function skipIndent(text: string, at: number): number {
  let i = at;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    if (c !== 32 && c !== 9 && c !== 45) break;
    i--;
  }
  return i;
}

/**
 * Where another `label:` starts in text[from, end) after a space (`现居:上海市徐汇区 期望城市:上海`, `Name: Ann
 * Lee  Phone: …`), or `end`. Bounded by the value's length.
 */
function nextLabelStart(text: string, from: number, end: number): number {
  for (let i = from; i < end; i++) {
    if (text.charCodeAt(i) !== 32 && text.charCodeAt(i) !== 9) continue;
    let j = i + 1;
    while (j < end && j - i <= 13 && text.charCodeAt(j) !== 32 && text.charCodeAt(j) !== 58) j++;
    if (j < end && j > i + 1 && text.charCodeAt(j) === 58) {
      let k = i;
      while (k > from && (text.charCodeAt(k - 1) === 32 || text.charCodeAt(k - 1) === 9)) k--;
      return k;
    }
  }
  return end;
}

/** Where a ` #` comment starts in text[from, end), or `end` (a bounded search: indexOf would run on). */
function commentStart(text: string, from: number, end: number): number {
  for (let i = from; i + 1 < end; i++)
    if (text.charCodeAt(i) === 32 && text.charCodeAt(i + 1) === 35) return i;
  return end;
}

function closingQuote(text: string, from: number, quote: number): number {
  const limit = Math.min(text.length, from + MAX_QUOTED);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === quote) return i;
    if (c === 92) i++;
    else if (c === 10) return -1;
  }
  return -1;
}

/** `CONTACT_NAME=…`: an environment variable; a lower-case `customer=customer` is a code argument. */
function upperKey(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) return false;
  }
  return true;
}

/** A bare value that ends like code (`,` `;` `{` `(` `[`) or starts in lower case (an identifier). */
function codeLike(text: string, start: number, end: number): boolean {
  let e = end;
  while (e > start && text.charCodeAt(e - 1) === 32) e--;
  const last = text.charCodeAt(e - 1);
  if (last === 44 || last === 59 || last === 123 || last === 40 || last === 91) return true;
  const first = text.charCodeAt(start);
  return first >= 97 && first <= 122;
}

function hasDigit(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

function letter(c: number): boolean {
  return ((c | 32) >= 97 && (c | 32) <= 122) || c >= 0x3400;
}

/** Letters, digits, `_`, `-` and CJK: a key such as `first_name`, `Company-Name`, `收货地址`. */
function keyChar(c: number): boolean {
  return letter(c) || (c >= 48 && c <= 57) || c === 95 || c === 45;
}
