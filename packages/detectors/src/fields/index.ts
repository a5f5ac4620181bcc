import type { Detector } from '../detector.ts';
import type { Finding } from '../types.ts';
import { cellFinding } from './cell-findings.ts';
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
    const found: Finding[] = [];
    const visit = (start: number, end: number, kind: Parameters<typeof cellFinding>[3]) => {
      const finding = cellFinding(text, start, end, kind);
      if (finding) found.push(finding);
    };
    try {
      visitTableCells(text, visit);
      visitSqlInsertCells(text, visit);
      visitJsonFieldCells(text, visit);
    } catch {
      // A detector never throws; the other detectors still read the text.
      return found;
    }
    return found;
  },
};

/** Detectors for: person_name, organization and address cells of tables, SQL rows and JSON fields. */
export const fieldDetectors: readonly Detector[] = [fieldColumnDetector];
