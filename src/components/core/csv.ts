import { OBSERVATION_COLUMNS, type Observation } from '../../types.js';
import { formatCsv } from '../../data/csv-format.js';

export { neutralizeCell } from '../../data/csv-format.js';

export { OBSERVATION_COLUMNS };

/** CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese correctly) and CRLF line ends. */
export function observationsToCSV(rows: readonly Observation[], columns: readonly string[] = OBSERVATION_COLUMNS): string {
  const values = rows.map((r) => columns.map((c) => (r as unknown as Record<string, unknown>)[c]));
  return formatCsv([columns, ...values]);
}
