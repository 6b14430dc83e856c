import type { Observation } from '../../types.js';
import type { Locale } from '../../format/locale.js';
import { regionName } from '../../charts/lookup.js';

/** The columns of an observation, in the order chiso writes them everywhere. */
export const OBSERVATION_COLUMNS = [
  'indicator', 'region', 'period', 'value', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote',
] as const satisfies readonly (keyof Observation)[];

/** The columns of an exported CSV: the observation's, with the region's name beside its code and the interval beside the value. */
export const EXPORT_COLUMNS = [
  'indicator', 'region', 'region_name', 'period', 'value', 'lower', 'upper', 'qualifier', 'denominator', 'unit', 'series', 'status', 'source', 'quote',
] as const;

/** Rows for an exported CSV: each with `region_name`, the region's name in the reader's language, so a reader needs no code list. */
export function withRegionNames(rows: readonly Observation[], locale: Locale): Record<string, unknown>[] {
  return rows.map((o) => ({ ...o, region_name: regionName(o.region, locale) }));
}

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
export function observationsToCSV(rows: readonly (Observation | Record<string, unknown>)[], columns: readonly string[] = OBSERVATION_COLUMNS): string {
  const lines = [columns.join(',')];
  for (const r of rows) lines.push(columns.map((c) => cell((r as unknown as Record<string, unknown>)[c])).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
