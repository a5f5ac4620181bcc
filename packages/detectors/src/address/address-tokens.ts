/** A lexical token of Latin-script address text. Offsets are UTF-16 indices into the scanned text. */
export interface AddressToken {
  /** `w` word, `n` number (may carry letters: "10A", "21st", "W206N"), `nl` line break(s), `p` punctuation. */
  kind: 'w' | 'n' | 'nl' | 'p';
  start: number;
  end: number;
  /** Token text without a trailing dot, lower-cased (for `p`, the character itself). */
  low: string;
  /** The token ended with a dot that was folded into it ("St.", "12."). */
  dot: boolean;
  /** First letter is upper case. */
  cap: boolean;
  /** Number of line breaks, for `nl` tokens. */
  lines: number;
  /** Dotted initials folded into `low` ("P.O." → "po", "N.W." → "nw"): an abbreviation, not a sentence end. */
  abbr: boolean;
}

// One alternative per kind; every quantified class is disjoint from what follows it, so matching is linear.
// Mixed letter-digit forms ("W206N", "A1A") come before words so they stay a single number-like token.
const TOKEN =
  /(\n[\t \r\n]*)|([\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]+)|([A-Za-z]{1,3}\d[\dA-Za-z]*)|([\p{L}\p{M}]+(?:['’.-][\p{L}\p{M}]+){0,6}\.?)|(\d[\dA-Za-z]*(?:[/-][\dA-Za-z]+){0,4}\.?)|([^\s\p{L}\p{M}\d])/gu;
const UPPER_START = /^\p{Lu}/u;
const DOTTED_INITIALS = /^(?:\p{L}{1,2}\.){1,3}\p{L}{1,3}$/u;

/** Tokenizes `text[from, to)`; whitespace other than line breaks is skipped. */
export function tokenizeAddressWindow(text: string, from: number, to: number): AddressToken[] {
  const tokens: AddressToken[] = [];
  const slice = from === 0 && to === text.length ? text : text.slice(from, to);
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m !== null; m = TOKEN.exec(slice)) {
    const raw = m[0];
    const start = from + m.index;
    const end = start + raw.length;
    if (m[1] !== undefined) {
      let lines = 0;
      for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 10) lines++;
      tokens.push({
        kind: 'nl',
        start,
        end: start + 1,
        low: '\n',
        dot: false,
        cap: false,
        lines,
        abbr: false,
      });
      continue;
    }
    if (m[6] !== undefined || m[2] !== undefined) {
      // CJK text is never part of a Latin-script address: a punctuation-like token that stops the parser.
      tokens.push({ kind: 'p', start, end, low: raw, dot: false, cap: false, lines: 0, abbr: false });
      continue;
    }
    const dot = raw.endsWith('.');
    const body = dot ? raw.slice(0, -1) : raw;
    const isWord = m[4] !== undefined;
    const abbr = isWord && DOTTED_INITIALS.test(body);
    const lower = body.toLowerCase();
    tokens.push({
      kind: isWord ? 'w' : 'n',
      start,
      end,
      low: abbr ? lower.replaceAll('.', '') : lower,
      dot,
      cap: UPPER_START.test(body),
      lines: 0,
      abbr,
    });
  }
  return tokens;
}
