/**
 * Places a trace's detections inside its request bodies. The proxy reports each detection as the JSON path of
 * a string plus UTF-16 offsets inside that (raw) string; the masked body holds a placeholder where the raw one
 * held the value. Bodies are re-printed like `JSON.stringify(value, null, 2)`, split into plain and marked
 * segments, so a highlight never depends on where escapes fall in the printed text.
 */
import type { RawTrace } from './api.ts';

export type Detection = NonNullable<RawTrace['detections']>[number];

export interface Mark {
  /** Index into the trace's detection list (shown to people as index + 1). */
  index: number;
  type: string;
  action: string;
}

export interface Segment {
  text: string;
  mark?: Mark;
}

export interface Highlighted {
  segments: Segment[];
  /** Indexes of the detections that were placed in this body. */
  located: Set<number>;
}

interface Range extends Mark {
  start: number;
  end: number;
}

/** `messages[2].content[0].text`: the same form as @stronk/redaction's formatJsonPath. */
export function formatJsonPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(segment)) out += out ? `.${segment}` : segment;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out || '$';
}

/** The placeholder shape every vault mints: `[[EMAIL_7QX2KD9MZA]]`. */
const PLACEHOLDER_AT = /\[\[[A-Z_]{1,20}_[0-9A-Z]{10}\]\]/y;

/** Detections grouped by JSON path, each group sorted by start. */
function byPath(detections: readonly Detection[]): Map<string, Range[]> {
  const groups = new Map<string, Range[]>();
  detections.forEach((d, index) => {
    const list = groups.get(d.path) ?? [];
    list.push({ index, type: d.type, action: d.action, start: d.start, end: d.end });
    groups.set(d.path, list);
  });
  for (const list of groups.values()) list.sort((a, b) => a.start - b.start || a.end - b.end);
  return groups;
}

/** Where each detection is in the raw string: its own offsets, when they fit the string. */
function rawRanges(ranges: readonly Range[], value: string): Range[] {
  const out: Range[] = [];
  let cursor = 0;
  for (const r of ranges) {
    if (r.start < cursor || r.end <= r.start || r.end > value.length) continue;
    out.push(r);
    cursor = r.end;
  }
  return out;
}

/**
 * Where each detection is in the masked string. Text between detections is unchanged, so the raw offsets give
 * the position; a masked or blocked value must be a placeholder there, an allowed one keeps its length. The
 * first mismatch stops the walk (the body was cut off or changed shape), leaving the rest unplaced.
 */
function maskedRanges(ranges: readonly Range[], value: string): Range[] {
  const out: Range[] = [];
  let raw = 0;
  let masked = 0;
  for (const r of ranges) {
    if (r.start < raw || r.end <= r.start) break;
    const start = masked + (r.start - raw);
    let end: number;
    if (r.action === 'allow') {
      end = start + (r.end - r.start);
    } else {
      PLACEHOLDER_AT.lastIndex = start;
      const match = PLACEHOLDER_AT.exec(value);
      if (!match) break;
      end = start + match[0].length;
    }
    if (end > value.length) break;
    out.push({ ...r, start, end });
    raw = r.end;
    masked = end;
  }
  return out;
}

const escapeJson = (text: string) => JSON.stringify(text).slice(1, -1);

/**
 * The body re-printed with two-space indentation, detections marked; null when the body is not JSON (for
 * example cut off at the capture limit), so the caller shows it as plain text.
 */
export function highlightBody(
  body: string,
  detections: readonly Detection[],
  side: 'raw' | 'masked',
): Highlighted | null {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return null;
  }
  const groups = byPath(detections);
  const segments: Segment[] = [];
  const located = new Set<number>();
  const text = (t: string) => {
    const last = segments.at(-1);
    if (last && !last.mark) last.text += t;
    else segments.push({ text: t });
  };

  const printString = (s: string, path: ReadonlyArray<string | number>) => {
    const group = groups.get(formatJsonPath(path));
    const ranges = group ? (side === 'raw' ? rawRanges(group, s) : maskedRanges(group, s)) : [];
    text('"');
    let cursor = 0;
    for (const r of ranges) {
      text(escapeJson(s.slice(cursor, r.start)));
      segments.push({
        text: escapeJson(s.slice(r.start, r.end)),
        mark: { index: r.index, type: r.type, action: r.action },
      });
      located.add(r.index);
      cursor = r.end;
    }
    text(`${escapeJson(s.slice(cursor))}"`);
  };

  const print = (v: unknown, path: Array<string | number>, indent: string) => {
    if (typeof v === 'string') return printString(v, path);
    if (Array.isArray(v)) {
      if (v.length === 0) return text('[]');
      text('[\n');
      v.forEach((item, i) => {
        text(`${indent}  `);
        print(item, [...path, i], `${indent}  `);
        text(i < v.length - 1 ? ',\n' : '\n');
      });
      return text(`${indent}]`);
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v);
      if (entries.length === 0) return text('{}');
      text('{\n');
      entries.forEach(([key, child], i) => {
        text(`${indent}  ${JSON.stringify(key)}: `);
        print(child, [...path, key], `${indent}  `);
        text(i < entries.length - 1 ? ',\n' : '\n');
      });
      return text(`${indent}}`);
    }
    text(JSON.stringify(v));
  };

  print(value, [], '');
  return { segments, located };
}

const ACTION_WORDS: Record<string, string> = {
  mask: 'masked',
  block: 'blocked',
  allow: 'allowed, sent as is',
  route_local: 'sent to the local model',
  redact: 'removed',
};

/** What a screen reader says at the start of a highlight, e.g. "detection 2, email, masked". */
export function describeMark(mark: Mark): string {
  return `detection ${mark.index + 1}, ${mark.type}, ${ACTION_WORDS[mark.action] ?? mark.action}`;
}
