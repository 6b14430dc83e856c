/**
 * Spreadsheet workbooks (.xlsx) read into a grid of text cells and then into CSV text for the loader,
 * with read-excel-file: the one reader the page (notebook) and the CLI share, so a workbook reads the
 * same everywhere. Row numbers stay the sheet's, so diagnostics name the row a person sees.
 */
import { readSheet } from 'read-excel-file/universal';
import { formatCsv } from './csv-format.js';

/** A grid row: text cells and the 1-based row (sheet) or line (CSV) it starts on. */
export interface GridRow {
  cells: string[];
  line: number;
}

export { isZipBytes } from './zip.js';

/** A sheet cell as text: numbers as JavaScript writes them (decimal point), dates as ISO days, nothing for empty. */
export function sheetCellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}

/** The first sheet of an .xlsx workbook as text cells, one grid row per sheet row. */
export async function readWorkbookGrid(bytes: Uint8Array): Promise<GridRow[]> {
  const copy = new Uint8Array(bytes);
  const rows = (await readSheet(copy.buffer as ArrayBuffer)) as unknown[][];
  return rows.map((r, i) => ({ cells: r.map(sheetCellText), line: i + 1 }));
}

/** The grid as CSV text, one record per row, so the loader's row numbers are the sheet's. `header` replaces the first row. */
export function gridToCsv(grid: readonly GridRow[], header?: readonly string[]): string {
  const rows: (readonly string[])[] = [];
  let line = 1;
  for (const row of grid) {
    // Keep the numbering: a sheet's empty rows stay as empty lines.
    while (line < row.line) (rows.push(['']), line++);
    rows.push(header && line === grid[0].line ? header : row.cells);
    line++;
  }
  // Straight back into the loader: the cells stay as written, no formula apostrophes.
  return formatCsv(rows, { bom: false, lineEnd: '\n', neutralize: false });
}
