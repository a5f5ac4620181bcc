/** Shannon entropy in bits per character. Secrets drawn from a random alphabet score high (≥ 3.5 for 20+ chars). */
export function shannonEntropy(value: string): number {
  const length = value.length;
  if (length === 0) return 0;
  const counts = new Map<number, number>();
  for (let i = 0; i < length; i++) {
    const code = value.charCodeAt(i);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** Number of character classes present among: lowercase, uppercase, digits, other. */
export function charClassCount(value: string): number {
  let lower = 0;
  let upper = 0;
  let digit = 0;
  let other = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 97 && c <= 122) lower = 1;
    else if (c >= 65 && c <= 90) upper = 1;
    else if (c >= 48 && c <= 57) digit = 1;
    else other = 1;
  }
  return lower + upper + digit + other;
}

export function hasDigit(value: string): boolean {
  return /[0-9]/.test(value);
}

export function hasLetter(value: string): boolean {
  return /[A-Za-z]/.test(value);
}

/** Redaction marks: runs of x/X, stars, hashes or bullets that docs use instead of a real value. */
const MASK_RUN = /[xX]{5}|[*•#]{3}|\.\.\.|…/;
/**
 * Words that mark a documentation value rather than a real one. Template syntax only counts at the
 * start (`${VAR}`, `{{ x }}`, `<key>`): a generated password may well contain `${` or `{{` inside.
 */
const PLACEHOLDER_WORD =
  /example|sample|placeholder|dummy|changeme|change_me|your[_-]?(?:api|key|token|secret|pass|own)|insert|replace|redacted|^<[^>]*>|^\{\{|^\$\{|^%\(|^\$[A-Za-z_(]|todo|fixme|not_?a?_?real|fake|_here\b|here$/i;

/**
 * True when a candidate secret value is clearly a stand-in: masked (`xxxxx`, `***`, `...`), a template
 * reference (`${VAR}`, `{{x}}`, `<your-key>`), a docs word (example, placeholder, changeme), or a single
 * repeated character.
 */
export function isPlaceholder(value: string): boolean {
  if (MASK_RUN.test(value)) return true;
  if (PLACEHOLDER_WORD.test(value)) return true;
  return isSingleCharRun(value);
}

/** True when every alphanumeric character of the value is the same one (`aaaa`, `0000-0000`). */
export function isSingleCharRun(value: string): boolean {
  let first = -1;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    if (!alnum) continue;
    if (first === -1) first = c;
    else if (c !== first) return false;
  }
  return true;
}
