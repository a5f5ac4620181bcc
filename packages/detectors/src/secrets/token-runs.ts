/**
 * Runs of token characters long enough to hold a key. Finding them is the only per-character pass of
 * the provider-token and keyword-proximity detectors, so it is done once per text and shared through a
 * one-entry cache (the engine runs every detector on the same text back to back). Ordinary prose has
 * almost no such runs, so both detectors then look at a handful of short slices.
 */

const RUN_CHAR = new Uint8Array(128);
for (const ch of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-+/=.~|:') {
  RUN_CHAR[ch.charCodeAt(0)] = 1;
}

/** The shortest run either detector looks at. */
export const MIN_RUN_LENGTH = 16;

/** Flat `[start0, end0, start1, end1, …]` offsets of maximal runs of at least `MIN_RUN_LENGTH` chars. */
export type TokenRuns = readonly number[];

let cachedText: string | undefined;
let cachedRuns: TokenRuns = [];

export function isRunChar(code: number): boolean {
  return code < 128 && RUN_CHAR[code] === 1;
}

export function tokenRuns(text: string): TokenRuns {
  if (text === cachedText) return cachedRuns;
  const runs: number[] = [];
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && !isRunChar(text.charCodeAt(i))) i++;
    const start = i;
    while (i < length && isRunChar(text.charCodeAt(i))) i++;
    if (i - start >= MIN_RUN_LENGTH) runs.push(start, i);
  }
  cachedText = text;
  cachedRuns = runs;
  return runs;
}
