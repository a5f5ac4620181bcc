/**
 * Runs of token characters long enough to hold a key. Finding them is the only per-character pass of
 * the provider-token and keyword-proximity detectors, so it is done once per text and shared through a
 * one-entry cache (the engine runs every detector on the same text back to back). Ordinary prose has
 * almost no such runs, so both detectors then look at a handful of short slices.
 */

/** Indexed by any UTF-16 code unit, so the hot loop needs no range check. */
const RUN_CHAR = new Uint8Array(65536);
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
  return RUN_CHAR[code] === 1;
}

/**
 * Reads backwards from the last char a run starting at `lo` would need: the first non-run char found
 * there rules out every start up to it, so prose (short words between spaces) is mostly skipped and
 * only the chars between a probe and the space before it are read.
 */
export function tokenRuns(text: string): TokenRuns {
  if (text === cachedText) return cachedRuns;
  const runs: number[] = [];
  const length = text.length;
  // Every run starting before `lo` is known, and the char before `lo` (if any) is not a run char.
  let lo = 0;
  scan: while (lo + MIN_RUN_LENGTH <= length) {
    for (let i = lo + MIN_RUN_LENGTH - 1; i >= lo; i--) {
      if (RUN_CHAR[text.charCodeAt(i)] !== 1) {
        lo = i + 1;
        continue scan;
      }
    }
    let end = lo + MIN_RUN_LENGTH;
    while (end < length && RUN_CHAR[text.charCodeAt(end)] === 1) end++;
    runs.push(lo, end);
    lo = end + 1;
  }
  cachedText = text;
  cachedRuns = runs;
  return runs;
}
