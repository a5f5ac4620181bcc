import type { Detector, Inspection } from '../detector.ts';
import type { Finding } from '../types.ts';
import { cellFinding } from './cell-findings.ts';
import type { ColumnKind } from './column-kinds.ts';
import { visitTableCells } from './delimited-tables.ts';
import { visitJsonFieldCells } from './json-fields.ts';
import { visitSqlInsertCells } from './sql-inserts.ts';

/**
 * Names, companies and street addresses by the column or key they sit under: CSV/TSV/Markdown tables with
 * a header line, SQL INSERT rows and JSON fields. Exports are where a prompt carries the most personal data
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
      // A short value only: a long one is free text that may name someone whatever its column.
      if (end - start <= MAX_QUIET_LENGTH) quiet.push(start, end);
      return;
    }
    const finding = cellFinding(text, start, end, kind);
    if (finding) findings.push(finding);
  };
  try {
    visitTableCells(text, visit);
    visitSqlInsertCells(text, visit);
    visitJsonFieldCells(text, visit);
  } catch {
    // A detector never throws; the other detectors still read the text.
  }
  return { findings, quiet };
}

/** Detectors for: person_name, organization and address cells of tables, SQL rows and JSON fields. */
export const fieldDetectors: readonly Detector[] = [fieldColumnDetector];
