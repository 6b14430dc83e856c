/**
 * The observations as an accessible HTML table: one template for the data table under every chart
 * and for `<chiso-table>`, so both name regions, periods, values and provisional figures alike.
 * Text from data is bound as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
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

export interface ObservationTableOptions {
  rows: readonly Observation[];
  columns: readonly TableColumn[];
  lang: Lang;
  /** The table's caption (named in `COMPONENTS_TABLE_CAPTION` with the number of rows). */
  title: string;
  /** Rows counted in the caption when `rows` is one page of more. Default: `rows.length`. */
  total?: number;
  /** Show the caption to screen readers only. Default `false`. */
  captionHidden?: boolean;
  /** Mark provisional figures in the period cell, for a table without a status column. Default `false`. */
  statusInPeriod?: boolean;
  /** The first column heads each row (`<th scope="row">`). Default `false`. */
  rowHeaders?: boolean;
  /** What a column's heading holds (the table's sort buttons). Default: its name. */
  heading?: (column: TableColumn) => TemplateResult | string;
  /** Attributes of a column's `<th>` (the table's `aria-sort`). */
  sort?: (column: TableColumn) => 'ascending' | 'descending' | 'none' | undefined;
  /** A row under the headings (the table's column profiles). */
  headRow?: TemplateResult;
  /** How a figure is written. Default: with the decimals the chart of these rows shows, interval included (`valueFormatter`). */
  format?: (o: Observation) => string;
  /**
   * One select button per region, on its first row: the keyboard's way to do what a click on a
   * mark does (`toggle(region, add)`; `add` with shift, ctrl or meta).
   */
  select?: { selected: ReadonlySet<string>; toggle: (region: string, add: boolean) => void };
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

export function observationTable(o: ObservationTableOptions): TemplateResult {
  const { rows, columns, lang, select } = o;
  const first = new Set<number>();
  if (select) {
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!seen.has(r.region)) first.add(i);
      seen.add(r.region);
    });
  }
  const caption = t('COMPONENTS_TABLE_CAPTION', lang, { title: o.title, rows: o.total ?? rows.length });
  const format = o.format ?? valueFormatter(rows, lang, { interval: true });
  const cell = (r: Observation, c: TableColumn, i: number) => {
    let text = cellText(r, c, lang, format);
    if (c === 'period' && o.statusInPeriod && r.status === 'preliminary') text += ` (${t('COMPONENTS_PRELIMINARY', lang)})`;
    return o.rowHeaders && i === 0 ? html`<th scope="row">${text}</th>` : html`<td class=${c === 'value' ? 'num' : ''}>${text}</td>`;
  };
  return html`<table part="table">
    <caption class=${o.captionHidden ? 'visually-hidden' : ''}>${caption}</caption>
    <thead>
      <tr>
        ${columns.map((c) => html`<th scope="col" class=${c === 'value' ? 'num' : ''} aria-sort=${o.sort?.(c) ?? nothing}>${o.heading ? o.heading(c) : columnHeading(c, lang)}</th>`)}
        ${select ? html`<th scope="col"><span class="visually-hidden">${t('COMPONENTS_SELECT', lang)}</span></th>` : nothing}
      </tr>
      ${o.headRow ?? nothing}
    </thead>
    <tbody>
      ${rows.map(
        (r, i) => html`<tr>
          ${columns.map((c, j) => cell(r, c, j))}
          ${select
            ? html`<td>
                ${first.has(i)
                  ? html`<button
                      type="button"
                      class="select"
                      aria-pressed=${select.selected.has(r.region) ? 'true' : 'false'}
                      aria-label=${t('COMPONENTS_SELECT_REGION', lang, { region: regionName(r.region, lang) })}
                      @click=${(e: MouseEvent) => select.toggle(r.region, e.shiftKey || e.ctrlKey || e.metaKey)}
                    >${t('COMPONENTS_SELECT', lang)}</button>`
                  : nothing}
              </td>`
            : nothing}
        </tr>`,
      )}
    </tbody>
  </table>`;
}
