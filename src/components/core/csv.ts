import { OBSERVATION_COLUMNS, type Observation } from '../../types.js';

export { OBSERVATION_COLUMNS };

/**
 * A text cell a spreadsheet would read as a formula (`=`, `+`, `-`, `@`, tab, CR) gets a leading
 * apostrophe, so a region name or quote from data never runs as one.
 */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutralizeCell(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese correctly) and CRLF line ends. */
export function observationsToCSV(rows: readonly Observation[], columns: readonly string[] = OBSERVATION_COLUMNS): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell((r as unknown as Record<string, unknown>)[c])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
