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

export function parsePhoneShape(candidate: string): PhoneShape {
  let body = candidate;
  let extension: string | undefined;
  const ext = EXTENSION.exec(candidate);
  if (ext) {
    extension = ext[1];
    body = candidate.slice(0, ext.index);
  }
  const groups: string[] = [];
  const seps: string[] = [];
  const inParens: boolean[] = [];
  let sep = '';
  let group = '';
  let parenOpen = false;
  let groupInParens = false;
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (ch >= '0' && ch <= '9') {
      if (group === '') groupInParens = parenOpen;
      group += ch;
      continue;
    }
    if (group !== '') {
      if (groups.length > 0) seps.push(sep);
      groups.push(group);
      inParens.push(groupInParens);
      group = '';
      sep = '';
    }
    if (ch === '(') parenOpen = true;
    else if (ch === ')') parenOpen = false;
    if (ch !== '+') sep += ch;
  }
  if (group !== '') {
    if (groups.length > 0) seps.push(sep);
    groups.push(group);
    inParens.push(groupInParens);
  }
  return {
    plus: body.startsWith('+'),
    groups,
    seps,
    inParens,
    digits: groups.join(''),
    extension,
  };
}
