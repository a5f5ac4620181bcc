import type { SegmentedToken } from '../segmentation/chinese-segmenter.ts';
import type { Span } from './person-names.ts';

/** Longest side of a fixture read as one team name (莫斯科中央陆军 is seven characters). */
const MAX_TEAM_CHARS = 8;
/** Tags a token of a team name may carry: nouns, names, abbreviations, idioms, unknown words. Verbs end it. */
const TEAM_TAGS: ReadonlySet<string> = new Set([
  'n',
  'nr',
  'nrt',
  'nrfg',
  'ns',
  'nt',
  'nz',
  'j',
  'l',
  'x',
  'zg',
]);
/** Outside sports text both sides need one of these (a name or an unknown word): 猫vs狗 compares common nouns. */
const NAME_TAGS: ReadonlySet<string> = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'l', 'x', 'zg']);

function isCjk(word: string): boolean {
  for (let k = 0; k < word.length; k++) {
    const c = word.charCodeAt(k);
    if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) return false;
  }
  return word.length > 0;
}

function isTeamToken(token: SegmentedToken | undefined): token is SegmentedToken {
  return token !== undefined && TEAM_TAGS.has(token.tag) && isCjk(token.word);
}

/** Index of the first token of a side, skipping one space token next to "vs" (曼联 vs 利物浦), or -1. */
function sideStart(tokens: readonly SegmentedToken[], vs: number, dir: 1 | -1): number {
  const near = tokens[vs + dir];
  if (near?.word.trim() === '' && near.word.length === 1) return vs + 2 * dir;
  return vs + dir;
}

interface Side {
  span: Span;
  named: boolean;
}

/** The span of the team name on one side of the "vs" token, or undefined. */
function teamSide(tokens: readonly SegmentedToken[], vs: number, dir: 1 | -1): Side | undefined {
  const first = sideStart(tokens, vs, dir);
  let last = -1;
  let chars = 0;
  let named = false;
  for (let k = first; isTeamToken(tokens[k]); k += dir) {
    const token = tokens[k] as SegmentedToken;
    if (k !== first && !adjacent(tokens[k - dir], token, dir)) break;
    if (chars + token.word.length > MAX_TEAM_CHARS) break;
    chars += token.word.length;
    named ||= NAME_TAGS.has(token.tag);
    last = k;
  }
  if (last < 0 || chars < 2) return undefined;
  const [a, b] = dir === 1 ? [first, last] : [last, first];
  const start = (tokens[a] as SegmentedToken).start;
  const end = (tokens[b] as SegmentedToken).end;
  return { span: { start, end, score: 0.5, type: 'organization' }, named };
}

function adjacent(prev: SegmentedToken | undefined, token: SegmentedToken, dir: 1 | -1): boolean {
  if (!prev) return false;
  return dir === 1 ? prev.end === token.start : token.end === prev.start;
}

/**
 * The two teams of a sports fixture written "主队vs客队" (切尔西vs阿森纳): the Chinese words right before and
 * after "vs" are club or national-team names. Outside sports text both sides must hold a name-like word.
 * Spans overlapping `taken` are skipped.
 */
export function fixtureTeams(
  tokens: readonly SegmentedToken[],
  taken: readonly Span[],
  sports: boolean,
): Span[] {
  const teams: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const word = (tokens[i] as SegmentedToken).word;
    if (word.length !== 2 || word.toLowerCase() !== 'vs') continue;
    const home = teamSide(tokens, i, -1);
    const away = teamSide(tokens, i, 1);
    if (!sports && !(home?.named && away?.named)) continue;
    for (const side of [home, away]) {
      if (!side) continue;
      const team = side.span;
      const overlaps = (s: Span): boolean => s.start < team.end && team.start < s.end;
      if (!taken.some(overlaps) && !teams.some(overlaps)) teams.push(team);
    }
  }
  return teams;
}
