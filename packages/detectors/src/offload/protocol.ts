import type { EntityType, Finding, Language } from '../types.ts';

/** What a detection worker builds its engine from: only plain data crosses the thread boundary. */
export interface DetectionWorkerData {
  denyTerms: readonly string[];
  allowTerms: readonly string[];
  enabledTypes?: readonly EntityType[];
}

export interface DetectionRequest {
  id: number;
  texts: readonly string[];
  langs: readonly (Language | undefined)[];
}

/**
 * `error` is a class name only: a message could quote the text being detected. Findings travel packed (see
 * packFindings): cloning them as objects made the event loop deserialize every finding's properties.
 */
export type DetectionReply =
  | { id: number; packed: Float64Array<ArrayBuffer>; names: string[] }
  | { id: number; error: string }
  | { ready: true };

/** Numbers per packed finding: start, end, type index, detector index, score. */
const FIELDS = 5;

/** Per text: its finding count, then FIELDS numbers per finding; types and detector ids go in `names`. */
export function packFindings(perText: readonly (readonly Finding[])[]): {
  packed: Float64Array<ArrayBuffer>;
  names: string[];
} {
  const names: string[] = [];
  const nameIndex = new Map<string, number>();
  const indexOf = (name: string) => {
    let index = nameIndex.get(name);
    if (index === undefined) {
      index = names.push(name) - 1;
      nameIndex.set(name, index);
    }
    return index;
  };
  let size = perText.length;
  for (const findings of perText) size += findings.length * FIELDS;
  const packed = new Float64Array(size);
  let at = 0;
  for (const findings of perText) {
    packed[at++] = findings.length;
    for (const finding of findings) {
      packed[at++] = finding.start;
      packed[at++] = finding.end;
      packed[at++] = indexOf(finding.type);
      packed[at++] = indexOf(finding.detector);
      packed[at++] = finding.score;
    }
  }
  return { packed, names };
}

export function unpackFindings(packed: Float64Array, names: readonly string[]): Finding[][] {
  const perText: Finding[][] = [];
  let at = 0;
  while (at < packed.length) {
    const count = packed[at++]!;
    const findings: Finding[] = [];
    for (let i = 0; i < count; i++, at += FIELDS) {
      findings.push({
        start: packed[at]!,
        end: packed[at + 1]!,
        type: names[packed[at + 2]!] as EntityType,
        detector: names[packed[at + 3]!]!,
        score: packed[at + 4]!,
      });
    }
    perText.push(findings);
  }
  return perText;
}
