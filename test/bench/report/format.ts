/** Number formatting for the generated tables: thousands separators, sensible precision, `–` for no value. */

const NO_VALUE = '–';

/** 12,345 / 123 / 12.3 / 1.23 / 0.123: about three significant digits, grouped thousands. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return NO_VALUE;
  const magnitude = Math.abs(value);
  const digits = magnitude >= 100 ? 0 : magnitude >= 10 ? 1 : magnitude >= 1 ? 2 : 3;
  return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export const formatMs = formatNumber;

/** A count: 12,345. */
export function formatCount(value: number): string {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : NO_VALUE;
}

/** A published figure as published: 15.27, 10,649. */
export function formatPublished(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** A ratio such as 0.42×. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : NO_VALUE;
}

export function formatMiB(bytes: number): string {
  return Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MiB` : NO_VALUE;
}

/** A Markdown table from a header row and body rows (cells are already formatted). */
export function markdownTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const escapeCell = (cell: string) => cell.replaceAll('|', '\\|');
  const line = (cells: readonly string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (i === 0 ? '---' : '---:'))), ...rows.map(line)].join('\n');
}
