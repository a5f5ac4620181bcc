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
function mayHoldExtension(candidate: string): boolean {
  for (let i = 0; i < candidate.length; i++) {
    const code = candidate.charCodeAt(i);
    if (code === 120 || code === 88 || code === 35) return true;
  }
  return false;
}

/** `raw` without its `+` signs (a `+` is never part of a separator). */
function withoutPlus(raw: string): string {
  return raw.includes('+') ? raw.replaceAll('+', '') : raw;
}

export function parsePhoneShape(candidate: string): PhoneShape {
  let bodyEnd = candidate.length;
  let extension: string | undefined;
  const ext = mayHoldExtension(candidate) ? EXTENSION.exec(candidate) : null;
  if (ext) {
    extension = ext[1];
    bodyEnd = ext.index;
  }
  const groups: string[] = [];
  const seps: string[] = [];
  const inParens: boolean[] = [];
  let parenOpen = false;
  // Groups and separators are sliced out by offsets rather than built a char at a time.
  let groupStart = -1;
  let previousEnd = -1;
  for (let i = 0; i <= bodyEnd; i++) {
    const code = i < bodyEnd ? candidate.charCodeAt(i) : -1;
    if (code >= 48 && code <= 57) {
      if (groupStart === -1) {
        groupStart = i;
        inParens.push(parenOpen);
      }
      continue;
    }
    if (groupStart !== -1) {
      if (previousEnd !== -1) seps.push(withoutPlus(candidate.slice(previousEnd, groupStart)));
      groups.push(candidate.slice(groupStart, i));
      previousEnd = i;
      groupStart = -1;
    }
    if (code === 40) parenOpen = true;
    else if (code === 41) parenOpen = false;
  }
  return {
    plus: bodyEnd > 0 && candidate.charCodeAt(0) === 43,
    groups,
    seps,
    inParens,
    digits: groups.length === 1 ? groups[0]! : groups.join(''),
    extension,
  };
}
