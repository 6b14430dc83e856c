import type { Lang, MessageCode } from '../../messages/index.js';
import { css, html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import { formatNumber, valueFormatter } from '../../format/index.js';
import { periodPosition } from '../../data/period.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import { aboutPanel, aboutStyles } from '../core/about-panel.js';
import { indicatorLabel, regionName } from '../../registry/names.js';
import { TableColumn as TableColumnNames, cellText, columnHeading, observationTable, statusLabel, type TableColumn } from '../core/observation-table.js';
import { profileColumn, type ColumnProfile } from './profile.js';
import { TaskStatus } from '@lit/task';

/** Columns the table shows. */
const COLUMNS = Object.keys(TableColumnNames) as TableColumn[];
export type { TableColumn };
export { statusLabel };

function sortKey(o: Observation, column: TableColumn, lang: Lang): number | string {
  switch (column) {
    case 'value':
      return o.value ?? -Infinity;
    case 'period':
      return periodPosition(o.period);
    case 'region':
      return regionName(o.region, lang);
    case 'indicator':
      return indicatorLabel(o.indicator, lang);
    default:
      return String(o[column] ?? '');
  }
}

/**
 * @tagname chiso-table
 * @summary The observations as a table: sortable, paged, with a summary of each column like a notebook's data profile.
 *
 * Header buttons sort (press again to reverse); the pager moves by page; every control is a button
 * a keyboard reaches with Tab.
 *
 * @attr indicator - Only this indicator (default: all).
 * @attr region - Only these regions. Fixed by the author: a selection made in another view replaces them only with `follow="region"`.
 * @attr follow - Which selections of other views the table follows: `region`, `period`, both (`all`) or `none`. Default: those it does not fix.
 * @attr period - Start years to show.
 * @attr page-size - Rows per page. Default 20.
 * @attr columns - Columns to show, comma separated, from `indicator, region, period, value, series, status, source`.
 *
 * @event chiso-sort - The sort changed; `detail` has `column` and `descending`.
 *
 * @csspart table - The table.
 * @csspart profile - The row of column summaries.
 * @csspart pager - Page buttons and position.
 * @csspart about - The "About this data" (Về số liệu) disclosure of the indicators shown.
 * @csspart status - Loading and empty messages.
 * @csspart error - The error message.
 */
export class ChisoTable extends ChisoViewElement {
  static override styles = [
    baseStyles,
    aboutStyles,
    css`
      .wrap {
        overflow: auto;
        max-height: var(--chiso-table-max-height, 480px);
      }
      th button {
        border: 0;
        background: transparent;
        padding: 0;
        font-weight: 600;
      }
      tr.profile td {
        font-size: 0.8em;
        color: var(--_muted);
        vertical-align: top;
        background: var(--_surface);
      }
      .bars {
        display: flex;
        align-items: flex-end;
        gap: 1px;
        height: 18px;
      }
      .bars span {
        flex: 1;
        background: var(--_accent);
        min-height: 1px;
      }
      .pager {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        justify-content: flex-end;
        margin-top: 0.5rem;
      }
      caption {
        text-align: left;
        font-weight: 600;
        padding-bottom: 0.25rem;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
    columns: {},
    caption: {},
    _sort: { state: true, attribute: false },
    _page: { state: true, attribute: false },
    _aboutOpen: { state: true, attribute: false },
  };

  declare pageSize: number;
  declare columns: string | undefined;
  declare caption: string | undefined;
  declare _sort: { column: TableColumn; descending: boolean } | null;
  declare _page: number;
  /** "About this data", built when a reader opens it. */
  declare _aboutOpen: boolean;

  /** Every observation the table holds now (all pages), sorted. */
  shown: Observation[] = [];
  profiles: Partial<Record<TableColumn, ColumnProfile>> = {};
  /** Figures with the decimals their chart shows, set with the rows. */
  #format: ((o: Observation) => string) | undefined;

  constructor() {
    super();
    this.pageSize = 20;
    this._sort = null;
    this._page = 0;
    this._aboutOpen = false;
  }

  get shownColumns(): TableColumn[] {
    const asked = (this.columns ?? '').split(/[,\s]+/).filter((c): c is TableColumn => (COLUMNS as readonly string[]).includes(c));
    return asked.length ? asked : [...COLUMNS];
  }

  protected override answer(rows: Observation[]): Observation[] {
    this._page = 0;
    this.profiles = {};
    const lang = this.locale;
    this.#format = valueFormatter(rows, lang, { interval: true });
    // Profiles count what the cells show: labels and translated statuses, never ids or English codes.
    for (const c of this.shownColumns) this.profiles[c] = profileColumn(rows.map((o) => (c === 'value' ? o.value : c === 'status' ? statusLabel(o.status, lang) : cellText(o, c, lang) || null)));
    return rows;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    let rows = this.rowsTask.status === TaskStatus.ERROR ? [] : (this.rowsTask.value ?? []);
    const sort = this._sort;
    const lang = this.locale;
    if (sort) {
      rows = rows
        .map((o) => ({ o, k: sortKey(o, sort.column, lang) }))
        .sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) * (sort.descending ? -1 : 1))
        .map((x) => x.o);
    }
    this.shown = rows;
  }

  #sortBy(column: TableColumn): void {
    const descending = this._sort?.column === column ? !this._sort.descending : column === 'value';
    this._sort = { column, descending };
    this.dispatchEvent(new CustomEvent('chiso-sort', { detail: { column, descending }, bubbles: true, composed: true }));
  }

  #profile(p: ColumnProfile | undefined, lang: Lang) {
    if (!p) return nothing;
    if (p.kind === 'number') {
      const f = (n: number) => formatNumber(n, lang, { maxDecimals: 2 });
      const peak = Math.max(...p.bins, 1);
      return html`<div class="bars" aria-hidden="true">${p.bins.map((b) => html`<span class="bar" data-h=${Math.round((b / peak) * 100)}></span>`)}</div>
        ${t('COMPONENTS_PROFILE_NUMERIC', lang, { count: p.count, missing: p.missing, min: f(p.min), median: f(p.median), max: f(p.max) })}`;
    }
    return html`${t('COMPONENTS_PROFILE_TEXT', lang, { distinct: p.distinct, top: p.top.map((x) => `${x.value} (${x.count})`).join(', ') })}`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Bar heights through CSSOM: a style attribute would need 'unsafe-inline' under a strict CSP.
    for (const bar of this.renderRoot.querySelectorAll<HTMLElement>('.bars span')) bar.style.setProperty('height', `${bar.dataset.h ?? 0}%`);
  }

  override render() {
    if (this.baked) return this.renderBaked();
    return this.renderRows(() => this.#table());
  }

  #table() {
    const lang = this.locale;
    const rows = this.shown;
    if (rows.length === 0) return this.renderEmpty();
    const cols = this.shownColumns;
    const pages = Math.max(1, Math.ceil(rows.length / this.pageSize));
    const page = Math.min(this._page, pages - 1);
    const slice = rows.slice(page * this.pageSize, (page + 1) * this.pageSize);
    const caption = this.caption ?? indicatorLabel(this.indicator, lang);
    const sorted = (c: TableColumn) => (this._sort?.column === c ? (this._sort.descending ? 'descending' : 'ascending') : 'none');
    return html`<div class="wrap" tabindex="0" role="region" aria-label=${t('COMPONENTS_TABLE_CAPTION', lang, { title: caption, rows: rows.length })}>
        ${observationTable({
          rows: slice,
          total: rows.length,
          columns: cols,
          lang,
          title: caption,
          sort: sorted,
          heading: (c) => {
            const name = columnHeading(c, lang);
            const s = sorted(c);
            return html`<button type="button" @click=${() => this.#sortBy(c)} aria-label=${t('COMPONENTS_TABLE_SORT', lang, { column: name })}>
              ${name}${s === 'ascending' ? ' ▲' : s === 'descending' ? ' ▼' : ''}
            </button>`;
          },
          headRow: html`<tr class="profile" part="profile">
            ${cols.map((c) => html`<td>${this.#profile(this.profiles[c], lang)}</td>`)}
          </tr>`,
        })}
      </div>
      ${pages > 1
        ? html`<div class="pager" part="pager">
            <button type="button" ?disabled=${page === 0} @click=${() => (this._page = page - 1)}>${t('COMPONENTS_TABLE_PREV', lang)}</button>
            <span aria-live="polite">${t('COMPONENTS_TABLE_PAGE', lang, { page: page + 1, pages })}</span>
            <button type="button" ?disabled=${page >= pages - 1} @click=${() => (this._page = page + 1)}>${t('COMPONENTS_TABLE_NEXT', lang)}</button>
          </div>`
        : nothing}
      ${aboutPanel({ rows, lang, open: this._aboutOpen, toggle: (open) => (this._aboutOpen = open), loaded: () => this.requestUpdate() })}`;
  }
}
