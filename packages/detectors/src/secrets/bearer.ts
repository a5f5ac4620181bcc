import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { charClassCount, isPlaceholder, shannonEntropy } from './entropy.ts';

/**
 * Credentials carried by HTTP auth: `Authorization: <scheme> <credential>` (headers, JSON, curl `-H`),
 * other auth-named headers (`X-Api-Key: …`, `Token: …`), free-standing `Bearer <token>`, and curl's
 * `-u user:password`. The span is the credential, without the scheme word.
 */

const PREFILTER = /authorization|bearer|-H\s|--header|-u\s|--user|token:|key:/i;

const CREDENTIAL_CHARS = '[A-Za-z0-9._~+/=:@!$%^&*#?-]';
/** `Authorization: Bearer x`, `"authorization": "Basic x"`, `'Authorization' = 'x'`. */
const AUTHORIZATION = new RegExp(
  String.raw`(?:proxy-)?authorization["']?\s{0,3}[:=]\s{0,3}["']?\s{0,3}(?:(bearer|basic|token|api-token|apikey|digest|bot|oauth|jwt|ssws|key|splunk|genieKey|negotiate)\s{1,3})?(${CREDENTIAL_CHARS}{4,2000})`,
  'gi',
);
/** `Bearer x` outside a header (logs, prose, code). */
const BEARER = new RegExp(String.raw`\b[Bb]earer\s{1,3}(${CREDENTIAL_CHARS}{12,2000})`, 'g');
/** curl `-H "X-Api-Key: x"` / `--header 'Token: x'`. */
const CURL_HEADER =
  /(?:-H|--header)\s{1,3}(["'])([A-Za-z][A-Za-z0-9_-]{0,40})\s{0,3}:\s{0,3}([^"'\r\n]{1,2000})\1/g;
const AUTH_HEADER_NAME = /auth|token|key|secret|session|passw|credential/i;
/** Key-named headers that carry request ids, not credentials (`Idempotency-Key: <uuid>`, `X-Dedup-Key`). */
const ID_HEADER_NAME = /idempoten|dedup|cache-key|request-key|correlation/i;
/** curl `-u user:pass` / `--user "user:pass"` / `--user "{u}":"{p}"`. */
const CURL_USER =
  /(?:^|\s)(?:-u|--user)(?:\s{1,4}|=)((?:"[^"\r\n]{0,300}"|'[^'\r\n]{0,300}'|[^\s"']{1,300}){1,4})/g;

const PLACEHOLDER_SECRET = new Set([
  'password',
  'passwd',
  'pass',
  'pwd',
  'secret',
  'token',
  'apikey',
  'api_key',
  'test',
  'user',
  'username',
  'changeme',
  'mypassword',
  'yourpassword',
  'admin',
  'root',
  'guest',
  'example',
  'foo',
  'bar',
  'foobar',
]);

function isReference(value: string): boolean {
  return /^[$%{<[(]|\$\{|\$\(|\{\{/.test(value);
}

function decodeBase64(value: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return undefined;
  return Buffer.from(value, 'base64').toString('latin1');
}

/** Whether the credential after an auth scheme looks like a real one. */
const SCHEME_WORD =
  /^(?:bearer|basic|token|api-token|apikey|digest|bot|oauth|jwt|ssws|key|splunk|geniekey|negotiate)$/i;

function isCredential(value: string, scheme: string | undefined, minLength: number): boolean {
  if (SCHEME_WORD.test(value)) return false;
  if (value.length < minLength || isPlaceholder(value) || isReference(value)) return false;
  if (PLACEHOLDER_SECRET.has(value.toLowerCase())) return false;
  if (scheme?.toLowerCase() === 'basic') {
    const decoded = decodeBase64(value);
    return decoded?.includes(':') ?? false;
  }
  return charClassCount(value) >= 2 || shannonEntropy(value) >= 3;
}

function trimCredential(value: string): string {
  return value.replace(/[.,;:!?)\]}>*#]+$/, '');
}

function addFinding(
  findings: Finding[],
  seen: Set<number>,
  start: number,
  value: string,
  score: number,
): void {
  if (seen.has(start)) return;
  seen.add(start);
  findings.push({ start, end: start + value.length, type: 'bearer_token', detector: 'secret.bearer', score });
}

/** Splits a shell word like `"u":"p"` or `'u:p'` into its unquoted text. */
function unquoteShellWord(word: string): string {
  return word.replace(
    /"([^"]*)"|'([^']*)'/g,
    (_m, a: string | undefined, b: string | undefined) => a ?? b ?? '',
  );
}

function isBasicCredential(raw: string): boolean {
  const colon = raw.indexOf(':');
  if (colon === -1) return false;
  // Shell/template references (`$USER`, `${PASS}`, `{{ .Values.x }}`, `<user:password>`, `[PASSWORD]`).
  if (/\{\{|[<[]|\$\{|\$\(/.test(raw)) return false;
  const user = raw.slice(0, colon).replace(/^\{|\}$/g, '');
  const password = raw.slice(colon + 1).replace(/^\{|\}$/g, '');
  if (user.startsWith('$') || password.startsWith('$')) return false;
  if (user === password) return false;
  const secret = password.length > 0 ? password : user;
  if (secret.length < 6 || PLACEHOLDER_SECRET.has(secret.toLowerCase()) || isPlaceholder(secret))
    return false;
  return charClassCount(secret) >= 2 && shannonEntropy(secret) >= 2.5;
}

/** An HTTP client whose `-u` / `--user` takes `user:password` (elsewhere `-u` means UTC, unique, uid …). */
const HTTP_CLIENT = /(?:^|[\s;|&(`])(?:curl|wget|http|https|xh|curlie)(?:\.exe)?(?=\s|$)/;

/**
 * Answers, for option positions given in increasing order, whether the option belongs to a curl-like
 * command: the command's text before it — its line, with backslash-continued lines before that — names an
 * HTTP client. `date -u +%Y-%m-%dT%H:%M:%SZ` in Claude Code's own tool descriptions read as
 * `-u user:password` and blocked every one of its requests. Each line is searched once, so a text of many
 * options on one line stays linear.
 */
function httpClientCommands(text: string): (at: number) => boolean {
  let lineStart = 0;
  let lineEnd = -1;
  let clientAt = -1;
  return (at) => {
    if (at > lineEnd && lineEnd !== -2) {
      while (lineEnd !== -2 && at > lineEnd) {
        lineStart = lineEnd + 1;
        const next = text.indexOf('\n', lineStart);
        lineEnd = next === -1 ? -2 : next;
      }
      clientAt = firstClientIn(text, commandStart(text, lineStart), lineEnd === -2 ? text.length : lineEnd);
    }
    return clientAt !== -1 && clientAt < at;
  };
}

/** Start of the command that the line at `lineStart` continues (at most 20 lines or 2,000 chars back). */
function commandStart(text: string, lineStart: number): number {
  let start = lineStart;
  for (let lines = 0; lines < 20 && lineStart - start < 2000 && start > 0; lines++) {
    const previousEnd = start - 1;
    if (!/\\\r?$/.test(text.slice(Math.max(0, previousEnd - 2), previousEnd))) break;
    start = text.lastIndexOf('\n', previousEnd - 1) + 1;
  }
  return start;
}

function firstClientIn(text: string, from: number, to: number): number {
  const m = HTTP_CLIENT.exec(text.slice(from, to));
  return m === null ? -1 : from + m.index;
}

export const bearerDetector: Detector = {
  id: 'secret.bearer',
  types: ['bearer_token'],
  detect(text) {
    if (!PREFILTER.test(text)) return [];
    const findings: Finding[] = [];
    const seen = new Set<number>();
    AUTHORIZATION.lastIndex = 0;
    for (let m = AUTHORIZATION.exec(text); m; m = AUTHORIZATION.exec(text)) {
      const value = trimCredential(m[2] ?? '');
      if (isCredential(value, m[1], 6))
        addFinding(findings, seen, m.index + m[0].length - (m[2] ?? '').length, value, 0.9);
    }
    BEARER.lastIndex = 0;
    for (let m = BEARER.exec(text); m; m = BEARER.exec(text)) {
      const value = trimCredential(m[1] ?? '');
      if (isCredential(value, 'bearer', 12) && /[0-9]/.test(value)) {
        addFinding(findings, seen, m.index + m[0].length - (m[1] ?? '').length, value, 0.85);
      }
    }
    CURL_HEADER.lastIndex = 0;
    for (let m = CURL_HEADER.exec(text); m; m = CURL_HEADER.exec(text)) {
      const name = m[2] ?? '';
      if (!AUTH_HEADER_NAME.test(name) || ID_HEADER_NAME.test(name) || /^authorization$/i.test(name))
        continue;
      const raw = m[3] ?? '';
      const value = trimCredential(raw.trim());
      const offset = m.index + m[0].length - 1 - raw.length + (raw.length - raw.trimStart().length);
      if (isCredential(value, undefined, 6)) addFinding(findings, seen, offset, value, 0.8);
    }
    CURL_USER.lastIndex = 0;
    const inHttpClientCommand = httpClientCommands(text);
    for (let m = CURL_USER.exec(text); m; m = CURL_USER.exec(text)) {
      const word = m[1] ?? '';
      if (!inHttpClientCommand(m.index + m[0].indexOf('-')) || !isBasicCredential(unquoteShellWord(word)))
        continue;
      addFinding(findings, seen, m.index + m[0].length - word.length, word, 0.8);
    }
    return findings;
  },
};
