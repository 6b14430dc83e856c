/**
 * The observations as an accessible HTML table: one template for the data table under every chart
 * and for `<chiso-table>`, so both name regions, periods, values and provisional figures alike.
 * Text from data is bound as text, never as markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { valueFormatter } from '../../format/index.js';
import { regionName } from '../../registry/names.js';
import { t } from './i18n.js';
import { columnHeading, tableCaption, tableCell, type TableColumn } from './table-text.js';

export { TableColumn, cellText, cellValue, columnHeading, statusLabel } from './table-text.js';

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
  const caption = tableCaption(o.title, o.total ?? rows.length, lang);
  const format = o.format ?? valueFormatter(rows, lang, { interval: true });
  const cell = (r: Observation, c: TableColumn, i: number) => {
    const text = tableCell(r, c, lang, { format, statusInPeriod: o.statusInPeriod });
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
