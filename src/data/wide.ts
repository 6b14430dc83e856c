/**
 * The wide layout: a region column and one column per period (or per period and sub-series, as GSO
 * writes `2010 Total`). Indicator and unit come from the options (or from a column of that name).
 */
import '../messages/data.js';
import type { Indicator } from '../registry/index.js';
import type { Observation } from '../types.js';
import { sourceOf, type LoadContext } from './context.js';
import { isBlankRow, type CsvRow } from './csv.js';
import { fieldOf } from './fields.js';
import { inferDecimalStyle, type DecimalStyle } from './number.js';
import { parsePeriodHeader, type ParsedPeriodHeader } from './period.js';
import { reportIgnoredColumns } from './tidy.js';

export interface WideOptions {
  indicator?: string;
  unit?: string;
  decimal?: DecimalStyle;
  /** Turns a header's series text (`Salary & wage`) into a series id. Default: the text as written. */
  seriesId?: (text: string, indicator: Indicator | null) => string;
}

/** True when a header row looks wide: some column after the first is a period. */
export function looksWide(headers: string[]): boolean {
  return headers.slice(1).some((h) => parsePeriodHeader(h) !== null);
}

/**
 * The title line above a wide table, as GSO's exports write it: the first non-blank row, one cell,
 * followed by a blank row, then a wide header. Here, not in gso.ts, because a wide table skips it too.
 */
export function gsoTitle(rows: CsvRow[]): { title: string; headerIndex: number } | null {
  const first = rows.findIndex((r) => !isBlankRow(r));
  if (first === -1) return null;
  const t = rows[first];
  if (t.cells.length !== 1 || !rows[first + 1] || !isBlankRow(rows[first + 1])) return null;
  const headerIndex = rows.findIndex((r, i) => i > first && !isBlankRow(r));
  if (headerIndex === -1 || !looksWide(rows[headerIndex].cells)) return null;
  return { title: t.cells[0].trim(), headerIndex };
}

export function readWide(rows: CsvRow[], ctx: LoadContext, options: WideOptions, headerIndex = -1): void {
  // A GSO title line above the header is skipped, so `--format wide` works on a GSO export too.
  const start = headerIndex >= 0 ? headerIndex : (gsoTitle(rows)?.headerIndex ?? rows.findIndex((r) => !isBlankRow(r)));
  const header = rows[start];
  if (!header) {
    ctx.error('DATA_EMPTY', {}, {});
    return;
  }
  const headers = header.cells.map((h) => h.trim());
  const data = rows.slice(start + 1).filter((r) => !isBlankRow(r));

  let regionColumn = headers.findIndex((h) => fieldOf(h) === 'region');
  if (regionColumn === -1) regionColumn = 0;
  const indicatorColumn = headers.findIndex((h) => fieldOf(h) === 'indicator');
  const unitColumn = headers.findIndex((h) => fieldOf(h) === 'unit');
  const periods = new Map<number, ParsedPeriodHeader>();
  headers.forEach((h, i) => {
    if (i === regionColumn) return;
    const p = parsePeriodHeader(h);
    if (p) periods.set(i, p);
  });
  if (periods.size === 0) {
    ctx.error('DATA_MISSING_COLUMNS', { missing: 'period (2010, 2012, ...)', found: headers.map((h) => `"${h}"`).join(', ') }, { row: header.line });
    return;
  }
  if (indicatorColumn === -1 && !options.indicator) {
    ctx.error('DATA_MISSING_INDICATOR', {}, { row: header.line });
    return;
  }
  const used = new Set<number>([regionColumn, ...periods.keys()]);
  if (indicatorColumn !== -1) used.add(indicatorColumn);
  if (unitColumn !== -1) used.add(unitColumn);
  reportIgnoredColumns(ctx, header, used, data);

  const decimal = options.decimal ?? inferDecimalStyle(data.flatMap((r) => [...periods.keys()].map((i) => r.cells[i] ?? '')));
  const toSeries = options.seriesId ?? ((t: string) => t);
  // Once per indicator and header, not once per cell.
  const seriesIds = new Map<string, string>();
  const seriesId = (text: string, indicator: Indicator) => {
    const key = `${indicator.id}\u0000${text}`;
    let id = seriesIds.get(key);
    if (id === undefined) seriesIds.set(key, (id = toSeries(text, indicator)));
    return id;
  };

  for (const row of data) {
    ctx.counters.rowsRead++;
    const cell = (i: number) => (row.cells[i] ?? '').trim();
    const indicatorId = (indicatorColumn !== -1 ? cell(indicatorColumn) : '') || options.indicator!;
    const indicator = ctx.indicator(indicatorId, { row: row.line, column: indicatorColumn !== -1 ? headers[indicatorColumn] : undefined });
    const regionText = cell(regionColumn);
    const region = regionText === '' ? null : ctx.region(regionText, { row: row.line, column: headers[regionColumn] });
    if (regionText === '') ctx.error('DATA_EMPTY_REGION', {}, { row: row.line, column: headers[regionColumn] });
    const unitText = (unitColumn !== -1 ? cell(unitColumn) : '') || options.unit || '';
    const writtenUnit = unitText ? ctx.unit(unitText, { row: row.line, column: unitColumn !== -1 ? headers[unitColumn] : undefined }) : null;
    if (!indicator || !region) {
      // Every figure of the row is lost with it: count each one.
      ctx.counters.skipped += periods.size;
      continue;
    }
    const extra = row.cells.slice(headers.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      ctx.counters.skipped += extra.length;
      ctx.warn('DATA_EXTRA_CELLS', { count: extra.length, value: extra.join(' | ') }, { row: row.line });
    }
    for (const [i, p] of periods) {
      const loc = { row: row.line, column: headers[i] };
      const unit = writtenUnit ?? indicator.unit;
      const v = ctx.value(row.cells[i] ?? '', decimal, unit, loc);
      if (!v) {
        ctx.counters.skipped++;
        continue;
      }
      const obs: Observation = {
        indicator: indicator.id,
        region,
        period: p.period,
        value: v.value,
        qualifier: v.qualifier,
        denominator: v.denominator,
        unit: writtenUnit ?? v.unit ?? indicator.unit,
        series: p.series === null ? null : seriesId(p.series, indicator),
        status: p.status,
        source: sourceOf(ctx.file, loc),
        quote: null,
      };
      ctx.emit(obs, loc, indicator);
    }
  }
}
