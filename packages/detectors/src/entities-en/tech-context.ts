import { F } from './lexicon.ts';

/**
 * 1 at the ASCII punctuation that code, configs, logs and shell lines are made of and prose hardly uses:
 * braces, brackets, `=`, `<`, underscores, backticks, `$`, backslash, pipe (not `>`, which quotes mail,
 * nor `;`, which long prose has too). The tokenizer counts these tokens (a run of one symbol counts once).
 */
export const CODE_PUNCT = new Uint8Array(128);
for (const c of '{}[]=<_`$\\|') CODE_PUNCT[c.charCodeAt(0)] = 1;

/**
 * A capitalized developer-tool word says the text is technical when it has none of these flags: tools that
 * are also names, places or companies ("Jenkins", "PayPal") prove nothing on their own.
 */
export const TECHNICAL_TOOL_EXCLUDED = F.first | F.surname | F.place | F.org;

/** Code punctuation tokens that make a text technical. */
const MIN_CODE_PUNCT = 6;
/** Capitalized developer-tool words that make a text technical without any code in it. */
const MIN_TOOL_WORDS = 2;

/**
 * Whether the text is technical (code, logs, configs, or prose about developer tools), from the counts the
 * tokenizer took: there a lone capitalized word nobody's name list knows is far more often a tool, class
 * or command than a person, and an unknown acronym is shorthand rather than an organization.
 */
export function isTechnical(codePunct: number, toolWords: number): boolean {
  return codePunct >= MIN_CODE_PUNCT || toolWords >= MIN_TOOL_WORDS;
}
