import type { Detector, Inspection } from '../detector.ts';
import type { Finding } from '../types.ts';
import { cellFinding } from './cell-findings.ts';
import type { ColumnKind } from './column-kinds.ts';
import { visitTableCells } from './delimited-tables.ts';
import { visitKeyValueCells } from './key-values.ts';
import { visitSqlInsertCells } from './sql-inserts.ts';

/**
 * Names, companies and street addresses by the column or key they sit under: CSV/TSV/Markdown tables with
 * a header line, SQL INSERT rows and key-value pairs (JSON, object literals, YAML, .env). Exports are where a prompt carries the most personal data
 * at once, and where sentence-level reading is weakest ("10233,Mei-Ling,Chow" has no sentence around it).
 */
export const fieldColumnDetector: Detector = {
  id: 'fields.columns',
  types: ['person_name', 'organization', 'address'],
  detect(text): Finding[] {
    return inspectFields(text).findings;
  },
  inspect: inspectFields,
};

/** Longest cell a quiet column vouches for. */
const MAX_QUIET_LENGTH = 40;

function inspectFields(text: string): Inspection {
  const findings: Finding[] = [];
  const quiet: number[] = [];
  const visit = (start: number, end: number, kind: ColumnKind) => {
    if (kind === 'quiet') {
      // A short value only: a longer one is free text that may name someone whatever its column.
      if (end - start <= MAX_QUIET_LENGTH && wordCount(text, start, end) <= 3) quiet.push(start, end);
      return;
    }
    const finding = cellFinding(text, start, end, kind);
    if (finding) findings.push(finding);
  };
  try {
    visitTableCells(text, visit);
    visitSqlInsertCells(text, visit);
    visitKeyValueCells(text, visit);
  } catch {
    // A detector never throws; the other detectors still read the text.
  }
  return { findings, quiet };
}

function wordCount(text: string, start: number, end: number): number {
  let words = 0;
  for (let i = start; i < end; i++)
    if (text.charCodeAt(i) !== 32 && (i === start || text.charCodeAt(i - 1) === 32)) words++;
  return words;
}

/** Detectors for: person_name, organization and address cells of tables, SQL rows and key-value pairs. */
export const fieldDetectors: readonly Detector[] = [fieldColumnDetector];
