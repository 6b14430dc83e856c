/**
 * The one CSV writer for exports a person opens in a spreadsheet: d3-dsv's quoting, plus what a
 * spreadsheet needs that RFC 4180 does not say. A spreadsheet may split a line on `;` or tab (its
 * locale's list separator) as well as `,`, so a cell holding any of them, or a line break, is quoted,
 * and a formula character (`=`, `+`, `-`, `@`) at the start of a cell or right after one of them gets
 * an apostrophe: a region name or quote from data never runs as a formula, however the file is split.
 */
import { dsvFormat } from 'd3-dsv';
import type { CsvSeparator } from './csv.js';

export interface CsvFormatOptions {
  /** Field separator. Default `','`. */
  separator?: CsvSeparator;
  /** Line end. Default `'\r\n'` (what spreadsheets write). */
  lineEnd?: '\r\n' | '\n';
  /** Start with a UTF-8 byte-order mark, so Excel reads Vietnamese letters correctly. Default `true`. */
  bom?: boolean;
  /**
   * Neutralize formulas (`neutralizeCell`). Default `true`; `false` only for text that goes straight back
   * into chiso's loader, never to a person's spreadsheet.
   */
  neutralize?: boolean;
}

// A character a spreadsheet may split a line on, then a formula character.
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(?=[=+\-@])/g;
const FORMULA_START = /^[=+\-@\t\r\n]/;
const SPLITS = /[,;\t]/;

/** Puts an apostrophe before a formula character at the start of the text or after `,` `;` tab or a line break. */
export function neutralizeCell(text: string): string {
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

/**
 * CSV text of rows of cells. Numbers are written as JavaScript writes them (a non-finite one as an
 * empty cell); null and undefined as empty cells; any other value as neutralized text.
 */
export function formatCsv(rows: readonly (readonly unknown[])[], { separator = ',', lineEnd = '\r\n', bom = true, neutralize = true }: CsvFormatOptions = {}): string {
  const { formatValue } = dsvFormat(separator);
  const cell = (value: unknown): string => {
    if (value === null || value === undefined) return '';
    if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
    const text = neutralize ? neutralizeCell(String(value)) : String(value);
    const quoted = formatValue(text);
    // d3-dsv quotes for `"`, the separator and line breaks; the other separators are quoted too.
    return quoted === text && SPLITS.test(text) ? `"${text}"` : quoted;
  };
  const body = rows.map((r) => r.map(cell).join(separator)).join(lineEnd);
  return (bom ? '\uFEFF' : '') + body + (rows.length ? lineEnd : '');
}
