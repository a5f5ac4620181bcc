import { Kind as KindEnum, type Token } from './tokenize.ts';

// Module-local alias: under the tsx loader imported bindings compile to getter calls.
const Kind = KindEnum;

/** 1 at the ASCII codes of `.!?:;"'()[]-*>|#`: punctuation that ends a sentence or opens a line. */
const SENTENCE_PUNCT = new Uint8Array(128);
for (const c of '.!?:;"\'()[]-*>|#') SENTENCE_PUNCT[c.charCodeAt(0)] = 1;

/** Whether a punctuation token's symbol (one code unit) is one of `.!?:;"“”'‘’()[]-*•>|#`. */
function sentencePunct(symbol: string): boolean {
  const c = symbol.charCodeAt(0);
  if (c < 128) return SENTENCE_PUNCT[c] === 1;
  return c === 0x201c || c === 0x201d || c === 0x2018 || c === 0x2019 || c === 0x2022;
}

/** Whether only punctuation that ends a sentence or opens a line (or nothing) comes before token `index`. */
export function isSentenceStart(tokens: readonly Token[], index: number): boolean {
  for (let k = index - 1; k >= 0; k--) {
    const t = tokens[k] as Token;
    if (t.kind === Kind.Newline) return true;
    if (t.kind === Kind.Punct) {
      if (sentencePunct(t.lower)) return true;
      continue;
    }
    return false;
  }
  return true;
}
