import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';

/**
 * Email addresses, including internationalized ones (RFC 6531): Unicode letters in the local part
 * and domain, punycode labels, and quoted local parts. Found by scanning outwards from each '@'
 * with hard length caps, so the cost is linear however the text is built.
 */

const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const MAX_LABEL = 63;

const UNICODE_ALNUM = /[\p{L}\p{M}\p{N}]/u;

function isLocalChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Chinese prose runs straight into an address (`请发到abc@qq.com`): ideographs end the local part.
  if (c >= 0x3000 && c <= 0x9fff) return false;
  if (c < 128) {
    return (
      (c >= 48 && c <= 57) ||
      (c >= 65 && c <= 90) ||
      (c >= 97 && c <= 122) ||
      c === 46 || // .
      c === 95 || // _
      c === 43 || // +
      c === 45 || // -
      c === 37 // %
    );
  }
  return isUnicodeAlnum(text, i);
}

function isDomainChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 45 || c === 46;
  return isUnicodeAlnum(text, i);
}

function isUnicodeAlnum(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  // Surrogate halves: classify the whole code point (lone halves are not letters).
  if (c >= 0xd800 && c <= 0xdbff) return UNICODE_ALNUM.test(text.slice(i, i + 2));
  if (c >= 0xdc00 && c <= 0xdfff) return i > 0 && UNICODE_ALNUM.test(text.slice(i - 1, i + 1));
  return UNICODE_ALNUM.test(text[i]!);
}

/** `.`, `-`, `+`, `%`: allowed inside a local part, but not at its start. */
function isLeadingPunctuation(code: number): boolean {
  return code === 46 || code === 45 || code === 43 || code === 37;
}

/** Start of the local part that ends just before `at`, or -1. */
function localPartStart(text: string, at: number): number {
  if (text.charCodeAt(at - 1) === 34 /* " */) {
    // Quoted local part: scan back to the opening quote, honouring backslash escapes.
    for (let i = at - 2; i >= 0 && at - i <= MAX_LOCAL + 2; i--) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) return -1;
      if (c === 34 && text.charCodeAt(i - 1) !== 92) return at - i > 2 ? i : -1;
    }
    return -1;
  }
  let start = at;
  while (start > 0 && at - start < MAX_LOCAL && isLocalChar(text, start - 1)) start--;
  if (start > 0 && isLocalChar(text, start - 1)) return -1; // longer than any real local part
  // Leading punctuation belongs to the surrounding text, not to the address.
  while (start < at && isLeadingPunctuation(text.charCodeAt(start))) start++;
  if (start === at || text.charCodeAt(at - 1) === 46 /* . */) return -1;
  return start;
}

/** End of a valid domain starting at `from`, or -1. */
function domainEnd(text: string, from: number): number {
  let end = from;
  while (end < text.length && end - from < MAX_DOMAIN && isDomainChar(text, end)) end++;
  // Trailing dots and hyphens are sentence punctuation.
  while (end > from && (text.charCodeAt(end - 1) === 46 || text.charCodeAt(end - 1) === 45)) end--;
  // `abc@qq.com谢谢`: Chinese prose glued to the top-level domain is not part of it.
  // Searched only within the domain: an unbounded lastIndexOf made text without dots quadratic.
  let lastDot = -1;
  for (let i = end - 1; i > from; i--) {
    if (text.charCodeAt(i) === 46) {
      lastDot = i;
      break;
    }
  }
  // Cut at the first CJK char, unless that is the top-level domain's first char.
  if (lastDot > from && !isCjkCode(text.charCodeAt(lastDot + 1))) {
    for (let i = lastDot + 2; i < end; i++) {
      if (isCjkCode(text.charCodeAt(i))) {
        end = i;
        break;
      }
    }
  }
  // Labels are checked in place; only the top-level one is ever sliced, and only when not plain ASCII.
  let labelStart = from;
  let sawDot = false;
  for (let i = from; i <= end; i++) {
    if (i < end && text.charCodeAt(i) !== 46) continue;
    const length = i - labelStart;
    if (length === 0 || length > MAX_LABEL) return -1;
    if (text.charCodeAt(labelStart) === 45 || text.charCodeAt(i - 1) === 45) return -1;
    if (i < end) {
      sawDot = true;
      labelStart = i + 1;
    }
  }
  if (!sawDot) return -1;
  return isTopLevelDomainAt(text, labelStart, end) ? end : -1;
}

function isCjkCode(code: number): boolean {
  return (code >= 0x3000 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff);
}

const LETTERS_ONLY = /^[\p{L}\p{M}]{2,63}$/u;
const PUNYCODE = /^xn--[a-z0-9-]{1,59}$/i;

function isTopLevelDomainAt(text: string, start: number, end: number): boolean {
  // Plain ASCII letters (`com`, `de`) pass LETTERS_ONLY without a slice or a Unicode regex.
  const length = end - start;
  let asciiLetters = length >= 2 && length <= 63;
  for (let i = start; asciiLetters && i < end; i++) {
    const c = text.charCodeAt(i) | 32;
    asciiLetters = c >= 97 && c <= 122;
  }
  if (asciiLetters) return true;
  const label = text.slice(start, end);
  return LETTERS_ONLY.test(label) || PUNYCODE.test(label);
}

/**
 * `https://3b7e…@o451234.ingest.sentry.io/…`, `ssh://git@host`: the part before `@` right after `://` is a
 * URL's user name or key, not a mailbox.
 */
function isUrlUserinfo(text: string, start: number): boolean {
  return (
    start >= 3 &&
    text.charCodeAt(start - 1) === 47 &&
    text.charCodeAt(start - 2) === 47 &&
    text.charCodeAt(start - 3) === 58
  );
}

export function findEmails(text: string): Finding[] {
  const findings: Finding[] = [];
  let at = text.indexOf('@');
  let lastEnd = 0;
  while (at !== -1) {
    const start = at > lastEnd ? localPartStart(text, at) : -1;
    if (start >= lastEnd && start !== -1 && !isUrlUserinfo(text, start)) {
      const end = domainEnd(text, at + 1);
      if (end !== -1) {
        findings.push({ start, end, type: 'email', detector: 'email', score: 0.95 });
        lastEnd = end;
      }
    }
    at = text.indexOf('@', at + 1);
  }
  return findings;
}

export const emailDetector: Detector = {
  id: 'email',
  types: ['email'],
  detect: (text) => (text.includes('@') ? findEmails(text) : []),
};
