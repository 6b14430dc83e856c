/** The tidy CSV layout: one observation a row, columns named after the observation's fields. */
import '../messages/data.js';
import type { LoadContext } from './context.js';
import { isBlankRow, type CsvRow } from './csv.js';
import { fieldColumns, isProvenanceColumn, type Field } from './fields.js';
import { inferDecimalStyle, type DecimalStyle } from './number.js';
import { readRecord } from './record.js';

export interface TidyOptions {
  indicator?: string;
  unit?: string;
  period?: string;
  decimal?: DecimalStyle;
}

/** Fields a tidy table must have; `indicator` may come from the options instead. */
export function requiredFields(options: { indicator?: string; period?: string }): Field[] {
  const req: Field[] = [];
  if (!options.indicator) req.push('indicator');
  req.push('region');
  if (!options.period) req.push('period');
  req.push('value');
  return req;
}

/**
 * Reports every column that is neither a field nor a known provenance column once, counting its
 * non-empty cells as skipped.
 */
export function reportIgnoredColumns(ctx: LoadContext, header: CsvRow, used: Set<number>, data: CsvRow[]): void {
  header.cells.forEach((name, i) => {
    if (used.has(i) || isProvenanceColumn(name)) return;
    const filled = data.filter((r) => (r.cells[i] ?? '').trim() !== '').length;
    ctx.counters.skipped += filled;
    ctx.warn('DATA_COLUMN_IGNORED', { column: name, count: filled }, { row: header.line, column: name });
  });
}

export function readTidy(rows: CsvRow[], ctx: LoadContext, options: TidyOptions): void {
  const nonBlank = rows.filter((r) => !isBlankRow(r));
  const header = nonBlank[0];
  if (!header) {
    ctx.error('DATA_EMPTY', {}, {});
    return;
  }
  const headers = header.cells.map((h) => h.trim());
  const columns = fieldColumns(headers);
  const missing = requiredFields(options).filter((f) => columns[f] === undefined);
  if (missing.length) {
    ctx.error('DATA_MISSING_COLUMNS', { missing: missing.join(', '), found: headers.map((h) => `"${h}"`).join(', ') }, { row: header.line });
    return;
  }
  const data = nonBlank.slice(1);
  const used = new Set(Object.values(columns));
  reportIgnoredColumns(ctx, header, used, data);
  const valueColumn = columns.value!;
  const decimal = options.decimal ?? inferDecimalStyle(data.map((r) => r.cells[valueColumn] ?? ''));
  for (const row of data) {
    ctx.counters.rowsRead++;
    const extra = row.cells.slice(headers.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      ctx.counters.skipped += extra.length;
      ctx.warn('DATA_EXTRA_CELLS', { count: extra.length, value: extra.join(' | ') }, { row: row.line });
    }
    readRecord(
      (f) => {
        const i = columns[f];
        return i === undefined ? undefined : { raw: row.cells[i] ?? '', column: headers[i] };
      },
      row.line,
      ctx,
      { indicator: options.indicator, unit: options.unit, period: options.period, decimal },
    );
  }
}
