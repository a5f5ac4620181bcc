import type { EntityType, Finding } from './types.ts';

/**
 * Findings as numbers, for the repeat-text cache (fewer objects for the garbage collector to mark) and for
 * worker replies (one transferred buffer instead of cloned objects). Types and detector ids are interned in
 * a NameTable.
 */

/** Numbers per packed finding: start, end, type index, detector index, score. */
export const FINDING_FIELDS = 5;

/** Type names and detector ids are a small, fixed vocabulary: each gets a number once. */
export class NameTable {
  readonly names: string[] = [];
  readonly #index = new Map<string, number>();

  indexOf(name: string): number {
    let index = this.#index.get(name);
    if (index === undefined) {
      index = this.names.push(name) - 1;
      this.#index.set(name, index);
    }
    return index;
  }
}

export function writeFinding(packed: Float64Array, at: number, finding: Finding, names: NameTable): void {
  packed[at] = finding.start;
  packed[at + 1] = finding.end;
  packed[at + 2] = names.indexOf(finding.type);
  packed[at + 3] = names.indexOf(finding.detector);
  packed[at + 4] = finding.score;
}

export function readFinding(packed: Float64Array, at: number, names: readonly string[]): Finding {
  return {
    start: packed[at]!,
    end: packed[at + 1]!,
    type: names[packed[at + 2]!] as EntityType,
    detector: names[packed[at + 3]!]!,
    score: packed[at + 4]!,
  };
}
