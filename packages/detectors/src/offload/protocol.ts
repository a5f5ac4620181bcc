import { FINDING_FIELDS, NameTable, readFinding, writeFinding } from '../packed-findings.ts';
import type { EntityType, Finding, Language } from '../types.ts';

/** What a detection worker builds its engine from: only plain data crosses the thread boundary. */
export interface DetectionWorkerData {
  denyTerms: readonly string[];
  allowTerms: readonly string[];
  enabledTypes?: readonly EntityType[];
  /** Detect the built-in warm-up texts before reporting ready (otherwise one short text). */
  warmUp?: boolean;
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

/** Per text: its finding count, then FINDING_FIELDS numbers per finding; types and detector ids go in `names`. */
export function packFindings(perText: readonly (readonly Finding[])[]): {
  packed: Float64Array<ArrayBuffer>;
  names: string[];
} {
  const names = new NameTable();
  let size = perText.length;
  for (const findings of perText) size += findings.length * FINDING_FIELDS;
  const packed = new Float64Array(size);
  let at = 0;
  for (const findings of perText) {
    packed[at++] = findings.length;
    for (const finding of findings) {
      writeFinding(packed, at, finding, names);
      at += FINDING_FIELDS;
    }
  }
  return { packed, names: names.names };
}

export function unpackFindings(packed: Float64Array, names: readonly string[]): Finding[][] {
  const perText: Finding[][] = [];
  let at = 0;
  while (at < packed.length) {
    const count = packed[at++]!;
    const findings: Finding[] = [];
    for (let i = 0; i < count; i++, at += FINDING_FIELDS) findings.push(readFinding(packed, at, names));
    perText.push(findings);
  }
  return perText;
}
