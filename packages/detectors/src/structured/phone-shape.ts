/**
 * Splits a phone-number candidate such as `+41 (0)85 806 98 67 x12` into digit groups and the
 * separators between them, so shape rules can reason about grouping without more regexes.
 */
export interface PhoneShape {
  /** Starts with `+`. */
  readonly plus: boolean;
  /** Digit groups in order (extension excluded). */
  readonly groups: readonly string[];
  /** `seps[i]` is the raw text between `groups[i]` and `groups[i + 1]` (may hold parentheses). */
  readonly seps: readonly string[];
  /** `inParens[i]` is true when `groups[i]` was written inside parentheses. */
  readonly inParens: readonly boolean[];
  /** All digits of the number proper. */
  readonly digits: string;
  /** Extension digits, when a `x123` / `ext. 123` suffix was present. */
  readonly extension: string | undefined;
}

const EXTENSION = /(?:\s?(?:x|ext\.?|extension|#)\s?)(\d{1,6})$/i;

/** Every extension marker holds an `x` or is `#`; most candidates have neither, so the regex is skipped. */
function mayHoldExtension(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code === 120 || code === 88 || code === 35) return true;
  }
  return false;
}

/** `raw` without its `+` signs (a `+` is never part of a separator). */
function withoutPlus(raw: string): string {
  return raw.includes('+') ? raw.replaceAll('+', '') : raw;
}

export function parsePhoneShape(candidate: string): PhoneShape {
  return parsePhoneShapeIn(candidate, 0, candidate.length);
}

/** `parsePhoneShape(text.slice(from, to))` without slicing the candidate out first. */
export function parsePhoneShapeIn(text: string, from: number, to: number): PhoneShape {
  let bodyEnd = to;
  let extension: string | undefined;
  const ext = mayHoldExtension(text, from, to) ? EXTENSION.exec(text.slice(from, to)) : null;
  if (ext) {
    extension = ext[1];
    bodyEnd = from + ext.index;
  }
  const groups: string[] = [];
  const seps: string[] = [];
  const inParens: boolean[] = [];
  let parenOpen = false;
  // Groups and separators are sliced out by offsets rather than built a char at a time.
  let groupStart = -1;
  let previousEnd = -1;
  for (let i = from; i <= bodyEnd; i++) {
    const code = i < bodyEnd ? text.charCodeAt(i) : -1;
    if (code >= 48 && code <= 57) {
      if (groupStart === -1) {
        groupStart = i;
        inParens.push(parenOpen);
      }
      continue;
    }
    if (groupStart !== -1) {
      if (previousEnd !== -1) seps.push(withoutPlus(text.slice(previousEnd, groupStart)));
      groups.push(text.slice(groupStart, i));
      previousEnd = i;
      groupStart = -1;
    }
    if (code === 40) parenOpen = true;
    else if (code === 41) parenOpen = false;
  }
  return {
    plus: bodyEnd > from && text.charCodeAt(from) === 43,
    groups,
    seps,
    inParens,
    digits: groups.length === 1 ? groups[0]! : groups.join(''),
    extension,
  };
}
