import { OBSERVATION_COLUMNS, type Observation } from '../../types.js';
import type { Lang } from '../../format/locale.js';
import { formatCsv } from '../../data/csv-format.js';
import { regionName } from '../../registry/names.js';

export { neutralizeCell } from '../../data/csv-format.js';

export { OBSERVATION_COLUMNS };

/** The columns of an exported CSV: the observation's, with the region's name beside its code and the interval beside the value. */
export const EXPORT_COLUMNS = [
  'indicator', 'region', 'region_name', 'period', 'value', 'lower', 'upper', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote',
] as const;

/** Rows for an exported CSV: each with `region_name`, the region's name in the reader's language, so a reader needs no code list. */
export function withRegionNames(rows: readonly Observation[], locale: Lang): Record<string, unknown>[] {
  return rows.map((o) => ({ ...o, region_name: regionName(o.region, locale) }));
}

/** CSV with a UTF-8 byte-order mark (so Excel reads Vietnamese correctly) and CRLF line ends. */
export function observationsToCSV(rows: readonly (Observation | Record<string, unknown>)[], columns: readonly string[] = OBSERVATION_COLUMNS): string {
  const values = rows.map((r) => columns.map((c) => (r as unknown as Record<string, unknown>)[c]));
  return formatCsv([columns, ...values]);
}
