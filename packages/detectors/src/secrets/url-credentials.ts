import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { isPlaceholder, isSingleCharRun } from './entropy.ts';

/**
 * URLs and connection strings carrying `user:password@` (http, ftp, mongodb+srv, postgres, mysql, redis,
 * amqp, jdbc:…). The span is the whole URL, path included. Templates (`${PASS}`, `{{pass}}`, `$(PW)`),
 * docs stand-ins (`username:password`, `YOUR_PASSWORD`) and user==password defaults are skipped.
 */

const SCHEME_BEFORE = /(?:jdbc:)?[A-Za-z][A-Za-z0-9+.-]{1,24}$/;
/** Characters that end a URL in text, JSON, markdown or shell. */
const URL_STOP = /[\s"'`<>)\]}|\\]/;
const AUTHORITY_STOP = /[\s"'`<>/?#\\]/;

const PLACEHOLDER_PASSWORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'secret',
  'mypassword',
  'yourpassword',
  'your_password',
  'changeme',
  'pass123',
  'token',
  'apikey',
  'xxx',
]);

function isTemplate(part: string): boolean {
  return /[${}<>%[\]]/.test(part) || /^(?:your|my)_/i.test(part);
}

export function isRealUserinfo(user: string, password: string): boolean {
  if (password.length < 4) return false;
  if (isTemplate(user) || isTemplate(password)) return false;
  if (user === password) return false;
  const lower = password.toLowerCase();
  if (PLACEHOLDER_PASSWORDS.has(lower) || /^(?:your|replace|insert|enter)[_-]/.test(lower)) return false;
  if (isPlaceholder(password) || isSingleCharRun(password)) return false;
  return true;
}

/**
 * `postgres://app:Xk9#mTq2@db:5432/x`: people paste passwords with a `#` unescaped. When the authority
 * stopped at a `#` after `user:` and an `@` follows before any other stop, the `#` is in the password and
 * the authority runs on to the host's end; otherwise it stays where it stopped (a real fragment).
 */
function passwordHashEnd(text: string, from: number, hash: number, limit: number): number {
  const before = text.slice(from, hash);
  const colon = before.indexOf(':');
  // No `user:` before the `#`, or only a port (`host:8443#frag@x`): a real fragment.
  if (colon === -1 || /^\d*$/.test(before.slice(colon + 1))) return hash;
  let at = -1;
  let i = hash + 1;
  for (; i < limit; i++) {
    const c = text.charAt(i);
    if (c === '@') at = i;
    else if (c !== '#' && AUTHORITY_STOP.test(c)) break;
  }
  if (at === -1) return hash;
  let end = at + 1;
  while (end < i && text.charCodeAt(end) !== 35) end++;
  return end;
}

export const urlCredentialsDetector: Detector = {
  id: 'secret.url-credentials',
  types: ['url_credentials'],
  detect(text) {
    const findings: Finding[] = [];
    let from = 0;
    for (let sep = text.indexOf('://', from); sep !== -1; sep = text.indexOf('://', from)) {
      from = sep + 3;
      const scheme = SCHEME_BEFORE.exec(text.slice(Math.max(0, sep - 30), sep));
      if (!scheme) continue;
      const start = sep - scheme[0].length;
      // Authority: up to the first path/query/fragment char; the LAST `@` splits userinfo from host,
      // because passwords may contain `@`.
      let authorityEnd = sep + 3;
      const limit = Math.min(text.length, sep + 3 + 512);
      while (authorityEnd < limit && !AUTHORITY_STOP.test(text.charAt(authorityEnd))) authorityEnd++;
      if (text.charCodeAt(authorityEnd) === 35 /* # */)
        authorityEnd = passwordHashEnd(text, sep + 3, authorityEnd, limit);
      const authority = text.slice(sep + 3, authorityEnd);
      const at = authority.lastIndexOf('@');
      if (at <= 0) continue;
      const userinfo = authority.slice(0, at);
      const colon = userinfo.indexOf(':');
      if (colon === -1) continue;
      if (!isRealUserinfo(userinfo.slice(0, colon), userinfo.slice(colon + 1))) continue;
      if (authority.length - at - 1 === 0) continue;
      let end = authorityEnd;
      const urlLimit = Math.min(text.length, authorityEnd + 2048);
      while (end < urlLimit && !URL_STOP.test(text.charAt(end))) end++;
      // Trailing sentence punctuation is not part of the URL.
      while (end > authorityEnd && /[.,;:!?]/.test(text.charAt(end - 1))) end--;
      findings.push({ start, end, type: 'url_credentials', detector: this.id, score: 0.95 });
      from = end;
    }
    return findings;
  },
};
