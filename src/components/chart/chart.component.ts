import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import { ChisoError, diagnostic, isChisoError } from '../../errors.js';
import { chartSpec, chartDescription, preloadRecipes } from '../core/recipe.js';
import { themedSpec } from '../core/chart-theme.js';
import { isChartType, type ChartType, type SpecFragment } from '../../charts/types.js';
import { formatValue, formatPeriod, formatUnit } from '../../format/index.js';
import { getRegion } from '../../registry/index.js';
import { embedChart, loadVega, shadowTooltip, type EmbeddedChart } from '../../render/browser.js';
import { liveSpec, liveChanges } from '../core/live-spec.js';
import { canvasMeasure, wrapTitle } from '../core/title-wrap.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import { observationsToCSV } from '../core/csv.js';
import { download, fileStem } from '../core/download.js';
import { chartStyles } from './chart.styles.js';

/** Chart types `<chiso-chart>` draws (KPIs have their own element). */
export const ChartElementType = { line: 'line', bar: 'bar', map: 'map', scatter: 'scatter', slope: 'slope', progress: 'progress' } as const;
export type ChartElementType = keyof typeof ChartElementType;

/** What a chart is doing, for the page and for tests. */
export type ChartState = 'idle' | 'drawing' | 'ready' | 'empty' | 'error';

export type ExportKind = 'svg' | 'png' | 'csv' | 'spec';

export interface ChisoRenderDetail {
  /** Observations drawn. */
  rows: number;
  /** Whether the view was redrawn from scratch (`false`: only its data changed). */
  embedded: boolean;
}

/** Region of a clicked mark, from the fields chiso's recipes put on each datum. */
function datumRegion(datum: unknown): string | undefined {
  if (!datum || typeof datum !== 'object') return undefined;
  const d = datum as Record<string, unknown>;
  const props = d.properties as Record<string, unknown> | undefined;
  const r = d.region ?? props?.region ?? props?.id;
  return typeof r === 'string' ? r : undefined;
}

/**
 * Recipes size the plot area; axes and labels come on top. A single or layered view gets Vega's
 * `fit-x` autosize with the element's width, so the whole chart fits in one layout pass.
 */
function fitWidth(spec: TopLevelSpec, available: number): TopLevelSpec {
  const s = spec as unknown as Record<string, unknown>;
  if (available <= 0 || typeof s.width !== 'number' || s.autosize !== undefined) return spec;
  if ('hconcat' in s || 'vconcat' in s || 'concat' in s || 'facet' in s || 'repeat' in s) return spec;
  return { ...s, width: available, autosize: { type: 'fit-x', contains: 'padding' } } as unknown as TopLevelSpec;
}

/**
 * @tagname chiso-chart
 * @summary A chart of one indicator from its dashboard's observations: line, bar, map, scatter, slope or progress.
 *
 * @attr type - `line` (default), `bar`, `map`, `scatter`, `slope` or `progress`.
 * @attr indicator - Indicator id from the catalogue, e.g. `poverty_rate`.
 * @attr region - Region ids to show, comma separated; a selection made in another view replaces them (line, slope, progress).
 * @attr period - Start years to show: `2010-2016`, `2016`.
 * @attr series - A sub-series id (`total`).
 * @attr chart-title - Title instead of the indicator's label.
 * @attr height - Height of the plot area in pixels.
 * @attr spec - Raw Vega-Lite (JSON) deep-merged into the chart's spec last: the escape hatch.
 * @attr renderer - `svg` (default) or `canvas`.
 *
 * @event chiso-render - The chart was drawn; `detail.rows` is the number of observations shown.
 * @event chiso-error - The chart could not be drawn; `detail.error` is a ChisoError. Other views carry on.
 *
 * @csspart figure - The figure around chart, description and table.
 * @csspart chart - The box Vega draws in.
 * @csspart description - The generated text description.
 * @csspart export - The download menu.
 * @csspart data - The data table disclosure.
 * @csspart table - The data table.
 * @csspart tooltip - The tooltip.
 * @csspart status - Loading and empty messages.
 * @csspart error - The error message.
 *
 * @cssproperty --chiso-card-border - Border around the chart. Default `1px solid` the border colour.
 * @cssproperty --chiso-card-padding - Padding inside it. Default `0.75rem`.
 * @cssproperty --chiso-chart-min-height - Space kept for the chart before it is drawn. Default `120px`.
 * @cssproperty --chiso-tooltip-background - Tooltip background.
 * @cssproperty --chiso-tooltip-color - Tooltip text colour.
 */
export class ChisoChart extends ChisoViewElement {
  static override styles = [baseStyles, chartStyles];
  static override properties: PropertyDeclarations = {
    type: { reflect: true },
    options: { attribute: false },
    spec: {
      converter: {
        fromAttribute: (value: string | null): SpecFragment | undefined | ChisoError => {
          if (!value) return undefined;
          try {
            return JSON.parse(value) as SpecFragment;
          } catch (e) {
            return new ChisoError(diagnostic('COMPONENTS_BAD_SPEC', { detail: (e as Error).message }));
          }
        },
      },
    },
    chartTitle: { attribute: 'chart-title' },
    height: { type: Number },
    renderer: {},
    _state: { state: true, attribute: false },
    _tableOpen: { state: true, attribute: false },
  };

  declare type: ChartElementType;
  /** Options of the chart recipe beyond the attributes (see src/charts). */
  declare options: Record<string, unknown> | undefined;
  declare spec: SpecFragment | ChisoError | undefined;
  declare chartTitle: string | undefined;
  declare height: number | undefined;
  declare renderer: 'svg' | 'canvas' | undefined;
  declare _state: ChartState;
  /** The data table is built when a reader opens it, not with every drawing. */
  declare _tableOpen: boolean;

  /** The observations drawn now: what the data table shows and what CSV export writes. */
  shown: Observation[] = [];
  /** The Vega-Lite spec drawn now. */
  shownSpec: TopLevelSpec | null = null;
  /** The spec handed to vega-embed: `shownSpec` fitted to the element's width and theme. */
  embeddedSpec: TopLevelSpec | null = null;
  /** The generated text description of what is drawn. */
  description = '';
  error: unknown = null;

  #embedded: EmbeddedChart | null = null;
  /** Rows and options of the drawing on screen. */
  #input = '';
  #shape = '';
  /** JSON text of each dataset and parameter in the drawn view. */
  #live: Record<string, string> = {};
  #drawnKey = '';
  #token = 0;
  #tooltip: { handler: (...a: never[]) => void; remove(): void } | null = null;
  #brushStart: number | null = null;
  #preloaded = false;
  #brushBox: HTMLDivElement | null = null;

  constructor() {
    super();
    this.type = 'line';
    this._state = 'idle';
    this._tableOpen = false;
  }

  get state(): ChartState {
    return this._state;
  }

  /** The live Vega view, for tests and advanced pages. */
  get view(): EmbeddedChart['view'] | null {
    return this.#embedded?.view ?? null;
  }

  /** The chart type drawn; `<chiso-map>` fixes it to `map`. */
  protected chartType(): ChartElementType {
    return this.type;
  }

  protected override preaggregates(): boolean {
    const type = this.chartType();
    return type === 'bar' || type === 'map';
  }

  protected override followRegions(): boolean {
    // Bars and maps show every region and highlight the selection; the others follow it.
    const type = this.chartType();
    return !(type === 'bar' || type === 'map' || type === 'scatter');
  }

  /** Recipe options from attributes, `.options` and the selection to highlight. */
  protected chartOptions(rows: Observation[]): Record<string, unknown> {
    const highlight = this.client.coordinator?.selection.selectedRegions() ?? [];
    const opts: Record<string, unknown> = {
      ...(this.indicator ? { indicator: this.indicator } : {}),
      ...(this.chartTitle ? { title: this.chartTitle } : {}),
      ...(this.height ? { height: this.height } : {}),
      ...(this.client.width > 0 ? { width: Math.max(160, this.client.width - 110) } : {}),
      ...(highlight.length && !this.followRegions() ? { highlight } : {}),
      ...(this.options ?? {}),
    };
    if (this.spec && !(this.spec instanceof ChisoError)) opts.spec = this.spec;
    void rows;
    return opts;
  }

  protected async buildSpec(rows: Observation[], extra: Record<string, unknown> = {}): Promise<{ spec: TopLevelSpec; description: string }> {
    const type = this.chartType();
    if (!isChartType(type) || (type as string) === 'kpi') {
      throw new ChisoError(diagnostic('COMPONENTS_UNKNOWN_TYPE', { value: String(type), allowed: Object.keys(ChartElementType).join(', ') }));
    }
    if (this.spec instanceof ChisoError) throw this.spec;
    const opts = { ...this.chartOptions(rows), ...extra };
    const spec = await chartSpec(type as ChartType, rows, opts, this.locale);
    const text = typeof (spec as { description?: unknown }).description === 'string' ? (spec as { description: string }).description : await chartDescription(type as ChartType, rows, opts, this.locale);
    return { spec, description: text };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#teardown();
    this.#drawnKey = '';
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (!this.client.visible) return;
    // In view: Vega and the recipes start loading now, while the data is still on its way.
    if (!this.#preloaded) {
      this.#preloaded = true;
      void loadVega().catch(() => undefined);
      void preloadRecipes().catch(() => undefined);
    }
    if (!this.client.measured) return;
    const c = this.client.coordinator;
    if (!c || c.state !== 'ready') {
      if (this.#embedded) this.#teardown();
      this.#drawnKey = '';
      return;
    }
    const key = this.viewKey();
    if (key === this.#drawnKey) return;
    this.#drawnKey = key;
    void this.#draw();
  }

  /** Everything the drawing depends on; the chart redraws when it changes. */
  protected viewKey(): string {
    return [
      this.client.revision, this.client.width, this.locale, this.chartType(), this.indicator, this.region, this.period,
      this.series, this.chartTitle, this.height, this.renderer, JSON.stringify(this.options ?? null), JSON.stringify(this.spec ?? null),
    ].join('|');
  }

  /** Controls a subclass adds above the chart (the map's 63/34 switch). */
  protected renderExtra(): TemplateResult | typeof nothing {
    return nothing;
  }

  async #draw(): Promise<void> {
    const token = ++this.#token;
    let rows: Observation[];
    let built: { spec: TopLevelSpec; description: string };
    let inputKey = '';
    const t0 = performance.now();
    try {
      const answer = await this.rows();
      // A newer draw asked since: its answer will be drawn, not this one.
      if (answer === null || token !== this.#token) return;
      rows = answer;
      if (rows.length === 0) {
        this.shown = [];
        this.shownSpec = null;
        this.#teardown();
        this._state = 'empty';
        this.#input = '';
        return;
      }
      // A selection elsewhere may leave this view's rows and options as they were: nothing to redraw.
      const input = JSON.stringify([rows, this.chartOptions(rows), this.locale, this.chartType()]);
      if (input === this.#input && this.#embedded) return;
      inputKey = input;
      const t1 = performance.now();
      built = await this.buildSpec(rows);
      if (token !== this.#token) return;
      // Stages in the page's performance timeline, for profiling a dashboard.
      performance.measure('chiso:query', { start: t0, end: t1 });
      performance.measure('chiso:spec', { start: t1, end: performance.now() });
    } catch (e) {
      if (token === this.#token) this.#fail(e);
      return;
    }
    this.shown = rows;
    this.shownSpec = built.spec;
    this.description = built.description;
    let container = this.renderRoot.querySelector<HTMLElement>('.chart');
    // The box is hidden while the element shows an empty or error state: show it before measuring.
    if (!container || container.hidden) {
      this._state = 'drawing';
      await this.updateComplete;
      if (token !== this.#token || !this.isConnected) return;
      container = this.renderRoot.querySelector<HTMLElement>('.chart');
      if (!container) return;
    }
    const t2 = performance.now();
    const available = this.#available(container);
    const measure = canvasMeasure();
    const fitted = fitWidth(themedSpec(built.spec, this), available);
    const live = liveSpec(measure ? wrapTitle(fitted, available, measure) : fitted);
    performance.measure('chiso:split', { start: t2, end: performance.now() });
    try {
      if (this.#embedded && live.shape === this.#shape) {
        // Same shape: new rows and domains flow into the drawn view, only what changed.
        const view = this.#embedded.view;
        const changes = liveChanges(this.#live, live);
        for (const [name, value] of changes.params) view.signal(name, value);
        for (const [name, values] of changes.datasets) view.data(name, values);
        if (live.description !== null) view.description(live.description);
        const t3 = performance.now();
        if (changes.params.length || changes.datasets.length) await view.runAsync();
        if (token !== this.#token) return;
        performance.measure('chiso:update', { start: t3, end: performance.now() });
        this.#live = live.texts;
        this.embeddedSpec = live.spec;
        this.#input = inputKey;
        this.#done(rows.length, false);
        return;
      }
      this.#teardown(false);
      this.#tooltip ??= shadowTooltip(this.renderRoot as ShadowRoot, this);
      const t3 = performance.now();
      const next = await embedChart(container, live.spec, {
        locale: this.locale,
        renderer: this.renderer ?? 'svg',
        tooltip: this.#tooltip.handler as never,
      });
      if (token !== this.#token || !this.isConnected) {
        next.finalize();
        return;
      }
      this.#embedded = next;
      this.#shape = live.shape;
      this.#live = live.texts;
      this.embeddedSpec = live.spec;
      performance.measure('chiso:embed', { start: t3, end: performance.now() });
      await this.#fit(container);
      next.view.addEventListener('click', (event, item) => this.#onClick(event as MouseEvent, item));
      this.#input = inputKey;
      this.#done(rows.length, true);
    } catch (e) {
      if (token === this.#token) this.#fail(e);
    }
  }

  /**
   * Width the chart may take: the element's measured width less its padding and border (a style
   * read, not a layout), so drawing does not force the page to lay out again.
   */
  #available(container: HTMLElement): number {
    const width = this.client.width;
    if (width <= 0) return container.clientWidth;
    const style = getComputedStyle(this);
    const px = (v: string) => Number.parseFloat(v) || 0;
    return Math.floor(width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth));
  }

  /**
   * Recipes size the plot area; axes and labels come on top. When the whole is wider than the
   * element, narrow the plot by the excess (a signal change, not a new view) instead of scaling it down.
   */
  async #fit(container: HTMLElement): Promise<void> {
    const view = this.#embedded?.view;
    const available = this.#available(container);
    if (!view || available <= 0) return;
    // Labels do not shrink with the plot, so a second pass may be needed; past that CSS scales it.
    for (let pass = 0; pass < 3; pass++) {
      const drawn = container.querySelector('svg, canvas');
      const total = drawn ? Number(drawn.getAttribute('width')) || drawn.getBoundingClientRect().width : 0;
      if (total <= available + 1) return;
      try {
        const plot = view.width();
        const next = Math.max(80, Math.floor(plot - (total - available) - 2));
        if (!plot || next >= plot) return;
        view.width(next);
        await view.runAsync();
      } catch {
        return; // a spec without a width signal (concatenated views): CSS scales it down
      }
    }
  }

  #done(rows: number, embedded: boolean): void {
    this._state = 'ready';
    // Description and table follow the new data even when the state did not change.
    this.requestUpdate();
    this.error = null;
    this.dispatchEvent(new CustomEvent<ChisoRenderDetail>('chiso-render', { detail: { rows, embedded }, bubbles: true, composed: true }));
  }

  #fail(e: unknown): void {
    this.#input = '';
    const error = isChisoError(e) ? e : new ChisoError(diagnostic('COMPONENTS_RENDER_FAILED', { detail: e instanceof Error ? e.message : String(e) }));
    this.#teardown();
    this.error = error;
    this._state = 'error';
    this.dispatchEvent(new CustomEvent('chiso-error', { detail: { error }, bubbles: true, composed: true }));
  }

  /** Finalizes the Vega view and empties its box; the element draws again when re-attached. */
  #teardown(cancel = true): void {
    // Cancelling makes any draw in flight drop its result.
    if (cancel) this.#token++;
    this.#embedded?.finalize();
    this.#embedded = null;
    this.#shape = '';
    this.#live = {};
    this.#input = '';
    this.#tooltip?.remove();
    this.#tooltip = null;
    this.renderRoot?.querySelector('.chart')?.replaceChildren();
  }

  #onClick(event: MouseEvent, item: unknown): void {
    if (this.followRegions()) return;
    const datum = (item as { datum?: Record<string, unknown> } | null)?.datum;
    this.#toggleRegion(datumRegion(datum) ?? this.#regionNamed(datum?.name), event.shiftKey || event.ctrlKey || event.metaKey);
  }

  /**
   * What a click on a mark does: selects its region everywhere, or clears this view's selection when
   * it was the only one selected (or `region` is none); `add` toggles it in a selection of several.
   */
  #toggleRegion(region: string | undefined, add: boolean): void {
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    const own = sel.clauses.find((c) => c.source === this.client && c.field === 'region');
    const current = own && own.field === 'region' ? own.values : [];
    if (!region) {
      sel.remove(this.client, 'region');
      return;
    }
    let values: string[];
    if (add) values = current.includes(region) ? current.filter((r) => r !== region) : [...current, region];
    else values = current.length === 1 && current[0] === region ? [] : [region];
    sel.update({ source: this.client, field: 'region', values });
  }

  /** Recipes that label marks by name only: the shown region with that name in the page's language. */
  #regionNamed(name: unknown): string | undefined {
    if (typeof name !== 'string') return undefined;
    return this.shown.find((o) => regionLabel(o.region, this.locale) === name)?.region;
  }

  /** The year under a pointer position, from the view's x scale (line charts place periods on it). */
  #yearAt(clientX: number): number | null {
    const view = this.#embedded?.view;
    const box = this.renderRoot.querySelector('.chart svg, .chart canvas');
    if (!view || !box) return null;
    try {
      const scale = view.scale('x') as { invert?: (x: number) => number } | undefined;
      if (!scale?.invert) return null;
      const x = clientX - box.getBoundingClientRect().left - view.origin()[0];
      const v = scale.invert(x);
      return Number.isFinite(v) ? v : null;
    } catch {
      return null;
    }
  }

  #onPointerDown = (e: PointerEvent): void => {
    if (this.chartType() !== 'line' || e.button !== 0 || !this.#embedded) return;
    this.#brushStart = e.clientX;
  };

  #onPointerMove = (e: PointerEvent): void => {
    if (this.#brushStart === null) return;
    const chartBox = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!chartBox || Math.abs(e.clientX - this.#brushStart) < 4) return;
    if (!this.#brushBox) {
      this.#brushBox = document.createElement('div');
      this.#brushBox.className = 'brush';
      chartBox.appendChild(this.#brushBox);
    }
    const left = chartBox.getBoundingClientRect().left;
    const a = Math.min(e.clientX, this.#brushStart) - left;
    const b = Math.max(e.clientX, this.#brushStart) - left;
    this.#brushBox.style.setProperty('left', `${a}px`);
    this.#brushBox.style.setProperty('width', `${b - a}px`);
  };

  #onPointerUp = (e: PointerEvent): void => {
    if (this.#brushStart === null) return;
    const start = this.#brushStart;
    this.#brushStart = null;
    this.#brushBox?.remove();
    this.#brushBox = null;
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    if (Math.abs(e.clientX - start) < 4) {
      sel.remove(this.client, 'period');
      return;
    }
    const a = this.#yearAt(Math.min(start, e.clientX));
    const b = this.#yearAt(Math.max(start, e.clientX));
    if (a === null || b === null) return;
    this.brushPeriods(String(Math.ceil(a - 0.5)), String(Math.floor(b + 0.5)));
  };

  /** Narrows every other view to periods starting in [from, to], as a drag across a line chart does. */
  brushPeriods(from: string, to: string): void {
    this.client.coordinator?.selection.update({ source: this.client, field: 'period', range: [from, to] });
  }

  /** Selects regions everywhere, as a click on a bar or a map does. */
  selectRegions(regions: string[]): void {
    this.client.coordinator?.selection.update({ source: this.client, field: 'region', values: regions });
  }

  /** Saves the chart as it is shown: SVG, PNG, CSV of the observations drawn, or the Vega-Lite spec. */
  async export(kind: ExportKind): Promise<void> {
    const stem = fileStem(this.description.split(/[.:]/)[0] || this.indicator || 'chiso');
    if (kind === 'csv') return download(`${stem}.csv`, new Blob([observationsToCSV(this.shown)], { type: 'text/csv;charset=utf-8' }));
    if (kind === 'spec') return download(`${stem}.vl.json`, new Blob([JSON.stringify(this.shownSpec, null, 2) + '\n'], { type: 'application/json' }));
    const view = this.#embedded;
    if (!view) return;
    if (kind === 'svg') return download(`${stem}.svg`, new Blob([await view.toSVG()], { type: 'image/svg+xml' }));
    return download(`${stem}.png`, await view.toPNG(2));
  }

  #exportMenu(): TemplateResult {
    const lang = this.locale;
    const item = (kind: ExportKind, code: string) => html`<li><button type="button" @click=${() => this.#exportFrom(kind)}>${t(code, lang)}</button></li>`;
    return html`<details class="export" part="export">
      <summary>${t('COMPONENTS_EXPORT', lang)}</summary>
      <ul>
        ${item('svg', 'COMPONENTS_EXPORT_SVG')} ${item('png', 'COMPONENTS_EXPORT_PNG')} ${item('csv', 'COMPONENTS_EXPORT_CSV')}
        ${item('spec', 'COMPONENTS_EXPORT_SPEC')}
      </ul>
    </details>`;
  }

  #exportFrom(kind: ExportKind): void {
    this.renderRoot.querySelector('details.export')?.removeAttribute('open');
    void this.export(kind);
  }

  #table(): TemplateResult {
    const lang = this.locale;
    const rows = this.shown;
    const title = this.description.split('.')[0] ?? '';
    return html`<details class="data" part="data" @toggle=${(e: Event) => (this._tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${t('COMPONENTS_SHOW_TABLE', lang)}</summary>
      ${this._tableOpen ? this.#tableBody(rows, title, lang) : nothing}
    </details>`;
  }

  #tableBody(rows: Observation[], title: string, lang: 'vi' | 'en'): TemplateResult {
    const series = rows.some((r) => r.series);
    const selected = new Set(this.client.coordinator?.selection.selectedRegions() ?? []);
    // The keyboard's way to do what a click on a mark does: one button per region, on its first row.
    const first = new Set<number>();
    const seen = new Set<string>();
    rows.forEach((r, i) => {
      if (!seen.has(r.region)) first.add(i);
      seen.add(r.region);
    });
    return html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('COMPONENTS_SHOW_TABLE', lang)}>
        <table part="table">
          <caption class="visually-hidden">${t('COMPONENTS_TABLE_CAPTION', lang, { title, rows: rows.length })}</caption>
          <thead>
            <tr>
              <th scope="col">${t('COMPONENTS_COL_REGION', lang)}</th>
              <th scope="col">${t('COMPONENTS_COL_PERIOD', lang)}</th>
              ${series ? html`<th scope="col">Series</th>` : nothing}
              <th scope="col" class="num">${t('COMPONENTS_COL_VALUE', lang)}</th>
              <th scope="col"><span class="visually-hidden">${t('COMPONENTS_SELECT', lang)}</span></th>
            </tr>
          </thead>
          <tbody>
            ${rows.map((r, i) => {
              const name = regionLabel(r.region, lang);
              return html`<tr>
                <th scope="row">${name}</th>
                <td>${formatPeriod(r.period, lang)}${r.status === 'preliminary' ? ` (${t('COMPONENTS_PRELIMINARY', lang)})` : ''}</td>
                ${series ? html`<td>${r.series ?? ''}</td>` : nothing}
                <td class="num">${cellValue(r, lang)}</td>
                <td>
                  ${first.has(i)
                    ? html`<button
                        type="button"
                        class="select"
                        aria-pressed=${selected.has(r.region) ? 'true' : 'false'}
                        aria-label=${t('COMPONENTS_SELECT_REGION', lang, { region: name })}
                        @click=${(e: MouseEvent) => this.#toggleRegion(r.region, e.shiftKey || e.ctrlKey || e.metaKey)}
                      >${t('COMPONENTS_SELECT', lang)}</button>`
                    : nothing}
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </div>`;
  }

  override render() {
    const lang = this.locale;
    const state = this.renderState();
    const s = this._state;
    const label = this.description ? t('COMPONENTS_CHART_LABEL', lang, { title: this.description.split('.')[0] }) : undefined;
    return html`<figure part="figure" aria-label=${label ?? nothing}>
      <div class="toolbar">${state ? nothing : this.renderExtra()}${s === 'ready' || s === 'drawing' ? this.#exportMenu() : nothing}</div>
      <div
        class="chart"
        part="chart"
        ?hidden=${s === 'error' || s === 'empty' || state !== null}
        @pointerdown=${this.#onPointerDown}
        @pointermove=${this.#onPointerMove}
        @pointerup=${this.#onPointerUp}
      ></div>
      ${state ??
      (s === 'error'
        ? this.renderError(this.error)
        : s === 'empty'
          ? this.renderEmpty()
          : s === 'idle' || (s === 'drawing' && !this.#embedded)
            ? html`<p class="status" role="status" part="status">${t('COMPONENTS_RENDERING', lang)}</p>`
            : nothing)}
      ${(s === 'ready' || s === 'drawing') && this.description
        ? html`<figcaption class="description" part="description">${this.description}</figcaption>${this.#table()}`
        : nothing}
    </figure>`;
  }
}

export function regionLabel(id: string, lang: 'vi' | 'en'): string {
  const r = getRegion(id);
  if (!r) return id;
  return lang === 'en' ? r.nameEn : r.name;
}

export function cellValue(o: Observation, lang: 'vi' | 'en'): string {
  if (o.value === null) return '–';
  try {
    return formatValue(o, lang);
  } catch {
    return `${o.value} ${formatUnit(o.unit, lang)}`;
  }
}
