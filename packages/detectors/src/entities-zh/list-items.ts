/** A span with offsets into the text (a name or an organization). */
interface Item {
  start: number;
  end: number;
}

/** Is `before` followed, across exactly one separator character, by `after`? (王刚、李同) */
export function listedBefore(
  text: string,
  before: Item,
  after: Item,
  separators: ReadonlySet<string>,
): boolean {
  return before.end + 1 === after.start && separators.has(text.charAt(before.end));
}

/**
 * Joins `pending` candidates to a list one at a time, until none can join: each joined item becomes a neighbour
 * the others can join next to, so acceptance chains along the list (财政部、水利部、审计署). Joined candidates
 * are taken out of `pending`.
 */
export function joinListItems<T extends Item>(
  pending: T[],
  canJoin: (candidate: T) => boolean,
  join: (candidate: T) => void,
): void {
  let added = true;
  while (added && pending.length > 0) {
    added = false;
    for (let k = 0; k < pending.length; k++) {
      const candidate = pending[k] as T;
      if (!canJoin(candidate)) continue;
      join(candidate);
      pending.splice(k, 1);
      k -= 1;
      added = true;
    }
  }
}
