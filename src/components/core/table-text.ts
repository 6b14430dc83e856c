/**
 * What an observation table says, as text: its columns, their headings, each cell, its caption. Pure
 * (no DOM, no Lit): the element's table (observation-table.ts) and the table `chiso bake` writes into
 * the page's HTML (src/render/node/bake.ts) both say it from here, so a reader finds the same table
 * with JavaScript and without.
 */
import type { Observation } from '../../types.js';
import type { Lang, MessageCode } from '../../messages/index.js';
import { formatValue, formatPeriod, formatUnit, valueFormatter } from '../../format/index.js';
import { indicatorLabel, regionName, seriesLabel } from '../../registry/names.js';
import { t } from './i18n.js';

/** Columns an observation table can show. */
export const TableColumn = { indicator: 'indicator', region: 'region', period: 'period', value: 'value', series: 'series', status: 'status', source: 'source' } as const;
export type TableColumn = keyof typeof TableColumn;

/**
 * A figure in a data table; `format` (see `valueFormatter`) gives it the decimals its chart shows. An
 * estimate is written with its interval (`interval: true`): `11,0 % (9,8–12,2 %)`.
 */
export function cellValue(o: Observation, lang: Lang, format: (o: Observation) => string = (x) => formatValue(x, lang, { interval: true })): string {
  if (o.value === null) return '–';
  try {
    return format(o);
  } catch {
    return `${o.value} ${formatUnit(o.unit, lang)}`;
  }
}

const STATUS_WORDS: Record<Observation['status'], MessageCode> = {
  final: 'COMPONENTS_FINAL',
  preliminary: 'COMPONENTS_PRELIMINARY',
  missing: 'COMPONENTS_MISSING',
};

/** A status as the page's reader says it; in a cell, a final figure needs no word (`final: false`). */
export function statusLabel(status: Observation['status'], lang: Lang, { final = true } = {}): string {
  if (status === 'final' && !final) return '';
  return Object.hasOwn(STATUS_WORDS, status) ? t(STATUS_WORDS[status], lang) : String(status);
}

const HEADINGS: Record<TableColumn, MessageCode> = {
  indicator: 'COMPONENTS_COL_INDICATOR',
  region: 'COMPONENTS_COL_REGION',
  period: 'COMPONENTS_COL_PERIOD',
  value: 'COMPONENTS_COL_VALUE',
  series: 'COMPONENTS_COL_SERIES',
  status: 'COMPONENTS_COL_STATUS',
  source: 'COMPONENTS_COL_SOURCE',
};

/** The heading of a column in the page's language. */
export function columnHeading(column: TableColumn, lang: Lang): string {
  return t(HEADINGS[column], lang);
}

/** The text of one cell: labels and the reader's words, never ids or English codes. */
export function cellText(o: Observation, column: TableColumn, lang: Lang, format?: (o: Observation) => string): string {
  switch (column) {
    case 'indicator':
      return indicatorLabel(o.indicator, lang);
    case 'region':
      return regionName(o.region, lang);
    case 'period':
      return formatPeriod(o.period, lang);
    case 'value':
      return cellValue(o, lang, format);
    case 'series':
      return o.series ? (seriesLabel(o.indicator, o.series, lang) ?? o.series) : '';
    case 'status':
      return statusLabel(o.status, lang, { final: false });
    default:
      return String(o[column] ?? '');
  }
}

export interface TableCellOptions {
  /** How a figure is written (see `valueFormatter`). Default: `formatValue` with its interval. */
  format?: (o: Observation) => string;
  /** Mark a provisional figure in its period cell, for a table without a status column. Default `false`. */
  statusInPeriod?: boolean;
}

/** A cell as a table shows it: `cellText`, and with `statusInPeriod` a provisional figure's period marked `(sơ bộ)`. */
export function tableCell(o: Observation, column: TableColumn, lang: Lang, options: TableCellOptions = {}): string {
  const text = cellText(o, column, lang, options.format);
  return column === 'period' && options.statusInPeriod && o.status === 'preliminary' ? `${text} (${t('COMPONENTS_PRELIMINARY', lang)})` : text;
}

/** A table's caption: its title and how many rows it has. */
export function tableCaption(title: string, rows: number, lang: Lang): string {
  return t('COMPONENTS_TABLE_CAPTION', lang, { title, rows });
}

/** The columns of the data table under a chart: region, period, the series when a row has one, value. */
export function chartTableColumns(rows: readonly Observation[]): TableColumn[] {
  return rows.some((r) => r.series) ? ['region', 'period', 'series', 'value'] : ['region', 'period', 'value'];
}

/** The data table under a chart, as text. */
export interface ChartTableText {
  caption: string;
  columns: TableColumn[];
  headings: string[];
  /** Each row's cells, column by column; the first (the region) heads its row. */
  cells: string[][];
}

/**
 * The data table under a chart of `rows` titled `title`: the columns, headings and cell texts the
 * element's table shows (figures in the decimals the chart shows, with their interval; provisional
 * periods marked), which the baked table shows too.
 */
export function chartTableText(rows: readonly Observation[], title: string, lang: Lang): ChartTableText {
  const columns = chartTableColumns(rows);
  const format = valueFormatter(rows, lang, { interval: true });
  return {
    caption: tableCaption(title, rows.length, lang),
    columns,
    headings: columns.map((c) => columnHeading(c, lang)),
    cells: rows.map((o) => columns.map((c) => tableCell(o, c, lang, { format, statusInPeriod: true }))),
  };
}
