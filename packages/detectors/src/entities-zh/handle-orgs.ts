import { ORG_HEADS } from './organization-words.ts';
import type { Span } from './person-names.ts';

/** Characters that end a Weibo-style handle: separators, punctuation, an emoticon's [ or the next mention. */
const HANDLE_END: ReadonlySet<string> = new Set([
  ':',
  '：',
  ' ',
  '@',
  '\n',
  ',',
  '，',
  ')',
  '）',
  '[',
  '#',
  '/',
  '！',
  '!',
  '。',
  '、',
  '?',
  '？',
  '【',
]);
/** Longest handle read after @; Weibo handles have at most 30 bytes. */
const MAX_HANDLE = 20;
/** Shortest name part before the suffix: 某某 + 婚纱. */
const MIN_NAME = 2;

/**
 * Words that end the handle of an organization's account (general knowledge of how shops, studios, charities and
 * media name their accounts), besides the organization heads: 某某婚纱, 某某公益, 某某旗舰店. Topic words that
 * also end hobby accounts (频道, 吧, 语录) are left out: @美食频道 names no organization.
 */
const ACCOUNT_SUFFIXES: readonly string[] = [
  '店',
  '铺',
  '旗舰店',
  '专卖店',
  '婚纱',
  '婚纱摄影',
  '影楼',
  '公益',
  '官微',
  '官方微博',
  '后援会',
  '粉丝团',
  '卫视',
  '日报',
  '晚报',
  '晨报',
  '周刊',
];

/** All suffixes; a handle is checked with one lookup per candidate suffix length. */
const SUFFIXES: ReadonlySet<string> = new Set([...ORG_HEADS, ...ACCOUNT_SUFFIXES]);
const MAX_SUFFIX = Math.max(...[...SUFFIXES].map((s) => s.length));

function isCjkCode(c: number): boolean {
  return (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff);
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Does the handle [start, end) end in an organization suffix with a name of its own before it? */
function endsInOrgSuffix(text: string, start: number, end: number): boolean {
  for (let len = Math.min(MAX_SUFFIX, end - start - MIN_NAME); len >= 1; len--) {
    if (SUFFIXES.has(text.slice(end - len, end))) return true;
  }
  return false;
}

/** Is the handle made of Chinese characters, Latin letters and digits only (no nickname decoration: _ - 丶)? */
function isPlainHandle(text: string, start: number, end: number): boolean {
  let cjk = false;
  for (let k = start; k < end; k++) {
    const c = text.charCodeAt(k);
    if (isCjkCode(c)) cjk = true;
    else if (!isAsciiAlnum(c)) return false;
  }
  return cjk && isCjkCode(text.charCodeAt(end - 1));
}

/**
 * Weibo-style mentions of an organization's account: //@某某公益:, @某某婚纱[偷笑]. The handle must end cleanly
 * (a separator, not running on into the sentence) so its end is known, and its last word must be an
 * organization head or an account suffix; the whole handle is then the organization's name.
 */
export function handleOrganizations(text: string): Span[] {
  const spans: Span[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    // name@example.com: an e-mail address, not a mention.
    if (at > 0 && isAsciiAlnum(text.charCodeAt(at - 1))) continue;
    const start = at + 1;
    let end = start;
    while (end < text.length && end - start <= MAX_HANDLE && !HANDLE_END.has(text.charAt(end))) end += 1;
    if (end - start > MAX_HANDLE || end - start <= MIN_NAME) continue;
    if (isPlainHandle(text, start, end) && endsInOrgSuffix(text, start, end))
      spans.push({ start, end, score: 0.6, type: 'organization' });
  }
  return spans;
}
