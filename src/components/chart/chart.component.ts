import type { Lang, MessageCode } from '../../messages/index.js';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { TopLevelSpec } from 'vega-lite';
import type { Observation } from '../../types.js';
import { ChisoError, diagnostic, isChisoError } from '../../errors.js';
import { chartSpec, chartDescription, chartRoom, preloadRecipes } from '../core/recipe.js';
import { themedSpec } from '../core/chart-theme.js';
import { wantsHighContrast } from '../core/contrast.js';
import { isChartType, type ChartType, type SpecFragment } from '../../charts/types.js';
import { loadChartRuntime, type EmbeddedChart } from '../../render/browser.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import { indicatorLabel, regionName } from '../../registry/names.js';
import { pageMeasure } from '../core/measure-text.js';
import { observationTable } from '../core/observation-table.js';
import { chartTableColumns } from '../core/table-text.js';
import { aboutPanel, aboutStyles } from '../core/about-panel.js';
import { chartStyles } from './chart.styles.js';
import { VegaViewController } from './vega-view.js';
import { BrushController, rangeControls } from './brush.js';
import type { WalkPoint, WalkPosition } from './walk.js';
import { forEar } from '../../format/spoken.js';
import { parseList } from '../core/view-query.js';
import { periodYear, timePositions, sortPeriods } from '../../data/period.js';
import { HydrateController } from './hydrate.js';
import { exportMenu, type ExportKind } from './export.js';

export type { ExportKind } from './export.js';

/** The keys the keyboard walk answers (walk.ts's `walkStep`). */
const WALK_KEYS = new Set(['ArrowRight', 'ArrowLeft', 'ArrowUp', 'ArrowDown', 'Home', 'End']);
let walkModule: Promise<typeof import('./walk.js')> | undefined;
/** The walk's code, loaded once, when a reader first focuses a walkable chart. */
const walkCode = () => (walkModule ??= import('./walk.js'));

export { cellValue, statusLabel } from '../core/observation-table.js';

/** Chart types `<chiso-chart>` draws (KPIs have their own element). */
export const ChartElementType = { line: 'line', bar: 'bar', map: 'map', scatter: 'scatter', slope: 'slope', progress: 'progress' } as const;
export type ChartElementType = keyof typeof ChartElementType;

/** What a chart is doing, for the page and for tests. */
export type ChartState = 'idle' | 'drawing' | 'ready' | 'empty' | 'error';


export interface ChisoRenderDetail {
  /** Observations drawn. */
  rows: number;
  /** Whether the view was redrawn from scratch (`false`: only its data changed). */
  embedded: boolean;
}

/** Narrower than this, a box is collapsed or not laid out yet: a chart drawn for it would be a sliver. */
export const MIN_CHART_WIDTH = 120;

/** Region of a clicked mark, from the fields chiso's recipes put on each datum. */
function datumRegion(datum: unknown): string | undefined {
  if (!datum || typeof datum !== 'object') return undefined;
  const d = datum as Record<string, unknown>;
  const props = d.properties as Record<string, unknown> | undefined;
  const r = d.region ?? props?.region ?? props?.id;
  return typeof r === 'string' ? r : undefined;
}

/** A chart ready to draw: the rows, and the spec the recipe laid out for the element's width. */
interface Drawing {
  rows: Observation[];
  spec: TopLevelSpec | null;
  description: string;
}

/**
 * @tagname chiso-chart
 * @summary A chart of one indicator from its dashboard's observations: line, bar, map, scatter, slope or progress.
 *
 * @attr type - `line` (default), `bar`, `map`, `scatter`, `slope` or `progress`.
 * @attr indicator - Indicator id from the catalogue, e.g. `poverty_rate`.
 * @attr region - Region ids to show, comma separated. Fixed by the author: a selection made in another view replaces them only with `follow="region"`.
 * @attr period - Start years to show: `2010-2016`, `2016`. Fixed by the author: a period range chosen elsewhere narrows them only with `follow="period"`.
 * @attr series - A sub-series id (`total`).
 * @attr follow - Which selections of other views this chart follows: `region`, `period`, `region, period` (or `all`), `none`. Default: those whose field it does not fix with `region` or `period`. Line, slope and progress charts show the selected regions instead of theirs; bars and maps highlight them.
 * @attr filter-by - The older name of `follow`.
 * @attr chart-title - Title instead of the indicator's label. When a followed selection replaces the chart's regions, the title names the indicator and the regions shown instead.
 * @attr height - Height of the plot area in pixels.
 * @attr spec - Raw Vega-Lite (JSON) deep-merged into the chart's spec last: the escape hatch.
 * @attr annotations - The author's notes on a line chart (JSON): `[{"type":"event","at":"2016-05-15","label":"Chỉ thị 05 ban hành"}]`; also `range` (from, to) and `point` (region, at).
 * @attr renderer - `svg` (default) or `canvas`.
 * @attr walk - Makes the chart one keyboard stop whose arrow keys walk through its figures: Left and Right along a region's figures in time, Up and Down to the next region or series, Home and End to the first and last; each figure is announced with its period, value, unit and status.
 * @attr bake-width - For `chiso bake`: the width in pixels the chart is baked at (default 640); the baked picture shrinks to its box.
 * @attr hydrate - For a chart baked by `chiso bake`: when Vega loads and the baked picture becomes interactive. `interaction` (default: when the reader points at, touches, focuses or types in it), `visible`, `idle` or `never`.
 *
 * @event chiso-render - The chart was drawn; `detail.rows` is the number of observations shown.
 * @event chiso-error - The chart could not be drawn; `detail.error` is a ChisoError. Other views carry on.
 *
 * @csspart figure - The figure around chart, description and table.
 * @csspart chart - The box Vega draws in.
 * @csspart description - The generated text description.
 * @csspart export - The download menu.
 * @csspart data - The data table disclosure.
 * @csspart about - The "About this data" (Về số liệu) disclosure: definition, unit, formula, source agency, periodicity, latest period, standards, notes.
 * @csspart table - The data table.
 * @csspart tooltip - The tooltip.
 * @csspart status - Loading and empty messages.
 * @csspart range - The year range chooser of a line chart: the drag's keyboard and button alternative.
 * @csspart walk - The walk's mark on the figure it stands on.
 * @csspart error - The error message.
 *
 * @cssproperty --chiso-card-border - Border around the chart. Default `1px solid` the border colour.
 * @cssproperty --chiso-card-padding - Padding inside it. Default `0.75rem`.
 * @cssproperty --chiso-chart-min-height - Space kept for the chart before it is drawn. Default `120px`.
 * @cssproperty --chiso-tooltip-background - Tooltip background.
 * @cssproperty --chiso-tooltip-color - Tooltip text colour.
 */
export class ChisoChart extends ChisoViewElement {
  static override styles = [baseStyles, chartStyles, aboutStyles];
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
    annotations: {
      converter: {
        // A bad JSON text reaches the recipe as is, and the recipe refuses it with its bilingual message.
        fromAttribute: (value: string | null): unknown => {
          if (!value) return undefined;
          try {
            return JSON.parse(value);
          } catch {
            return value;
          }
        },
      },
    },
    height: { type: Number },
    renderer: {},
    walk: { type: Boolean, reflect: true },
    _said: { state: true, attribute: false },
    hydrate: { reflect: true },
    _state: { state: true, attribute: false },
    _tableOpen: { state: true, attribute: false },
    _aboutOpen: { state: true, attribute: false },
  };

  declare type: ChartElementType;
  /** Options of the chart recipe beyond the attributes (see src/charts). */
  declare options: Record<string, unknown> | undefined;
  declare spec: SpecFragment | ChisoError | undefined;
  declare chartTitle: string | undefined;
  /** The author's notes (line charts): events, ranges and points, drawn and described. */
  declare annotations: unknown;
  declare height: number | undefined;
  declare renderer: 'svg' | 'canvas' | undefined;
  /** Whether the arrow keys walk through the figures (see `walk`). */
  declare walk: boolean;
  /** The last thing announced to screen readers (a walked figure, a chosen range). */
  declare _said: string;
  /** When a baked chart becomes interactive: `interaction` (default), `visible`, `idle` or `never`. */
  declare hydrate: string | undefined;
  declare _state: ChartState;
  /** The data table is built when a reader opens it, not with every drawing. */
  declare _tableOpen: boolean;
  /** "About this data" is built when a reader opens it too. */
  declare _aboutOpen: boolean;

  /** The observations drawn now: what the data table shows and what CSV export writes. */
  shown: Observation[] = [];
  /** The Vega-Lite spec drawn now (laid out for the element's width). */
  shownSpec: TopLevelSpec | null = null;
  /** The generated text description of what is drawn. */
  description = '';
  error: unknown = null;

  readonly #vega = new VegaViewController(this, (event, item) => this.#onClick(event, item));
  readonly #brush = new BrushController(this, {
    enabled: () => this.chartType() === 'line' && this.#vega.view !== null,
    view: () => this.#vega.view,
    brushed: (from, to) => this.brushPeriods(from, to),
    cleared: () => this.client.coordinator?.selection.clearRange(),
  });
  /** The walk's sequences (built when it starts) and where it stands. */
  #walk: { rows: Observation[]; series: WalkPoint[][]; at: WalkPosition } | null = null;
  readonly #hydrate = new HydrateController(this, {
    content: () => this.bakedContent(),
    click: (event, item) => this.#onClick(event, item),
    region: (region, add) => {
      if (!this.filtersRegions()) this.#toggleRegion(region, add);
    },
    boundaries: () => this.bakedBoundaries(),
    hydrated: (rows) => {
      this._state = 'ready';
      this.dispatchEvent(new CustomEvent<ChisoRenderDetail>('chiso-render', { detail: { rows, embedded: true }, bubbles: true, composed: true }));
    },
  });
  /** The width the chart was last laid out for (kept while the box is briefly collapsed). */
  #width = 0;
  /** The element's width when its padding and border were last read. */
  #measuredFor = 0;

  /**
   * The rows laid out as a chart: the recipe runs when the rows (the same array while the question
   * is unchanged) or the drawing options (width, title, highlight, language) change, not on every
   * selection made elsewhere.
   */
  readonly #drawing = new Task<[Observation[] | null | undefined, string], Drawing>(this, {
    task: async ([rows]) => {
      if (!rows) return initialState;
      if (rows.length === 0) return { rows, spec: null, description: '' };
      const t0 = performance.now();
      const built = await this.buildSpec(rows);
      performance.measure('chiso:spec', { start: t0, end: performance.now() });
      return { rows, ...built };
    },
    args: () => {
      const rows = this.rowsTask.status === TaskStatus.ERROR ? null : this.rowsTask.value;
      return [rows, rows && rows.length ? this.#optionsKey(rows) : ''];
    },
  });
  #drawn: Drawing | null = null;
  /** The drawing on its way into the Vega view. */
  #drawingNow: Promise<void> | null = null;
  #failed: unknown = null;
  #preloaded = false;

  constructor() {
    super();
    this.type = 'line';
    this._state = 'idle';
    this._tableOpen = false;
    this._aboutOpen = false;
    this.walk = false;
    this._said = '';
  }

  get state(): ChartState {
    return this._state;
  }

  /** The live Vega view, for tests and advanced pages. */
  get view(): EmbeddedChart['view'] | null {
    return this.#vega.view ?? this.#hydrate.view;
  }

  /** Whether a baked chart's live view replaced its baked picture. */
  get hydrated(): boolean {
    return this.#hydrate.hydrated;
  }

  /** Makes a baked chart interactive now, whatever its `hydrate` says. */
  hydrateNow(): void {
    this.#hydrate.start();
  }

  protected override unbake(): void {
    this.#hydrate.teardown();
    super.unbake();
  }

  /** The spec handed to vega-embed: `shownSpec` in the page's theme, its rows and domains split out. */
  get embeddedSpec(): TopLevelSpec | null {
    return this.#vega.embeddedSpec;
  }

  /** The chart type drawn; `<chiso-map>` fixes it to `map`, `<chiso-multiples>` to `multiples`. */
  protected chartType(): ChartElementType | 'multiples' {
    return this.type;
  }

  protected override preaggregates(): boolean {
    const type = this.chartType();
    return type === 'bar' || type === 'map';
  }

  protected override filtersRegions(): boolean {
    // Bars, maps and scatters show every region and highlight the selection; the others show it.
    const type = this.chartType();
    return !(type === 'bar' || type === 'map' || type === 'scatter');
  }

  protected override changeKey(): string {
    return `${super.changeKey()}|${this.chartType()}`;
  }

  /**
   * The width the recipe lays the whole chart out for: the element's measured width less its
   * padding and border (a style read, not a layout). A box narrower than `MIN_CHART_WIDTH` is one
   * collapsed for a moment or not laid out yet: the chart keeps the width it was drawn for.
   */
  protected drawWidth(): number {
    const width = this.client.width;
    // Padding and border are read when the box's width changes, not on every update: a style read
    // in the middle of a selection forces the page's styles to be recalculated.
    if (width > 0 && width !== this.#measuredFor) {
      this.#measuredFor = width;
      const style = getComputedStyle(this);
      const px = (v: string) => Number.parseFloat(v) || 0;
      const inner = Math.floor(width - px(style.paddingLeft) - px(style.paddingRight) - px(style.borderLeftWidth) - px(style.borderRightWidth));
      if (inner >= MIN_CHART_WIDTH || this.#width === 0) this.#width = Math.max(inner, MIN_CHART_WIDTH);
    }
    return this.#width;
  }

  /**
   * The title: the author's, unless a selection this chart follows replaced its regions, when it
   * names the indicator and the regions shown (an author's title would name others).
   */
  protected chartTitleFor(rows: readonly Observation[]): string | undefined {
    if (!this.chartTitle) return undefined;
    const f = this.client.filter();
    let follows = false;
    try {
      follows = this.filtersRegions() && this.following().region;
    } catch {
      // a bad `follow`: the question fails with that error, the title stays the author's
    }
    if (!(follows && f.regions)) return this.chartTitle;
    const lang = this.locale;
    const names = [...new Set(rows.map((o) => o.region))].map((r) => regionName(r, lang));
    return `${indicatorLabel(this.indicator ?? rows[0]?.indicator, lang)}: ${names.join(', ')}`;
  }

  /** Recipe options from attributes, `.options`, the selection to highlight and the element's width. */
  protected chartOptions(rows: readonly Observation[]): Record<string, unknown> {
    const highlight = this.client.coordinator?.selection.selectedRegions() ?? [];
    const width = this.drawWidth();
    const title = this.chartTitleFor(rows);
    const opts: Record<string, unknown> = {
      ...(this.indicator ? { indicator: this.indicator } : {}),
      ...(title ? { title } : {}),
      ...(this.height ? { height: this.height } : {}),
      ...(this.annotations !== undefined ? { annotations: this.annotations } : {}),
      ...(width > 0 ? { fitWidth: width } : {}),
      ...(highlight.length && !this.filtersRegions() ? { highlight } : {}),
      ...(this.options ?? {}),
      ...(wantsHighContrast(this) ? { contrast: 'high' } : {}),
    };
    if (this.spec && !(this.spec instanceof ChisoError)) opts.spec = this.spec;
    return opts;
  }

  /** The boundaries a baked map hydrates with (see `<chiso-map>`). */
  protected bakedBoundaries(): Promise<unknown> {
    return Promise.reject(new Error('no boundaries'));
  }

  /** Options a recipe needs beyond the element's (the map's boundaries), loaded when first drawn. */
  protected async recipeExtras(): Promise<Record<string, unknown>> {
    return {};
  }

  /** What the drawing depends on besides the rows: options, language, type, renderer. */
  #optionsKey(rows: readonly Observation[]): string {
    return JSON.stringify([this.chartOptions(rows), this.locale, this.chartType(), this.renderer ?? 'svg', this.spec instanceof ChisoError ? String(this.spec) : null]);
  }

  protected async buildSpec(rows: Observation[]): Promise<{ spec: TopLevelSpec; description: string }> {
    const type = this.chartType();
    if (!isChartType(type) || (type as string) === 'kpi') {
      throw new ChisoError(diagnostic('COMPONENTS_UNKNOWN_TYPE', { value: String(type), allowed: Object.keys(ChartElementType).join(', ') }));
    }
    if (this.spec instanceof ChisoError) throw this.spec;
    const opts: Record<string, unknown> = { ...this.chartOptions(rows), ...(await this.recipeExtras()), measure: pageMeasure() };
    const room = await this.#labelRoom(type as ChartType, opts);
    if (room) opts.room = room;
    const spec = await chartSpec(type as ChartType, rows, opts, this.locale);
    const text = typeof (spec as { description?: unknown }).description === 'string' ? (spec as { description: string }).description : await chartDescription(type as ChartType, rows, opts, this.locale);
    return { spec, description: text };
  }

  /** Asks the coordinator for the rows the room is measured over, apart from the view's own question. */
  readonly #roomAsker = {};
  #room: { rows: readonly Observation[]; key: string; room: { left: number; right: number } | null } | null = null;

  /**
   * While a line or slope chart shows the regions selected elsewhere, the room beside its plot is the
   * one any region of its indicator needs (measured once per data): a click then changes the chart's
   * rows, not its layout, and Vega runs once. Without such a selection the chart takes its own room.
   */
  async #labelRoom(type: ChartType, opts: Record<string, unknown>): Promise<{ left: number; right: number } | null> {
    const c = this.client.coordinator;
    // Rows held in the page only: from a server, the room would cost a question over every region and
    // a round trip before the first selected region is drawn; there each view takes its own room.
    if ((type !== 'line' && type !== 'slope') || !c?.local || opts.room !== undefined) return null;
    const follow = this.following();
    if (!(this.filtersRegions() && follow.region && this.client.filter().regions?.length)) return null;
    const all = await c.rows(this.#roomAsker, { ...this.viewQuery(), regions: undefined, followRegions: false }, { follow: { region: false, period: follow.period } });
    const { fitWidth: _w, measure: _m, highlight: _h, title: _t, ...rest } = opts;
    const key = JSON.stringify([type, this.locale, rest]);
    if (this.#room?.rows !== all || this.#room.key !== key) this.#room = { rows: all, key, room: all.length ? await chartRoom(type, all, { ...rest, measure: opts.measure }, this.locale) : null };
    return this.#room.room;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // The Vega view went with the element (its controller finalized it): draw again when re-attached.
    this.#drawn = null;
    this.#waiting = null;
    this.#width = 0;
    this.#measuredFor = 0;
    if (this.#printing) window.removeEventListener('beforeprint', this.#printing);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Baked: the picture is there already; Vega loads when the reader wants it (`hydrate`).
    if (this.baked || !this.client.visible) return;
    // In view: Vega and the recipes start loading now, while the data is still on its way.
    this.#preload();
    const c = this.client.coordinator;
    if (!c || c.state !== 'ready') {
      if (this.#drawn) this.#vega.teardown();
      this.#drawn = null;
      return;
    }
    const failed = this.rowsTask.status === TaskStatus.ERROR ? this.rowsTask.error : this.#drawing.status === TaskStatus.ERROR ? this.#drawing.error : null;
    if (failed !== null) {
      if (failed !== this.#failed) this.#fail(failed);
      return;
    }
    const next = this.#drawing.value;
    if (this.#drawing.status !== TaskStatus.COMPLETE || !next || next === this.#drawn) return;
    if (!this.client.inView && next.spec && this.#vega.view) {
      // Off screen: the rows, description and table follow the selection now; the picture waits
      // until the chart comes into view (or the page is printed), not redrawn on every click.
      if (this.#waiting !== next) {
        this.#showText(next);
        this.#waiting = next;
        this.#watchPrint();
        // Description and table show the new text.
        this.requestUpdate();
      }
      return;
    }
    this.#waiting = null;
    this.#drawn = next;
    const now = this.#draw(next);
    this.#drawingNow = now;
    void now.finally(() => {
      if (this.#drawingNow === now) this.#drawingNow = null;
    });
  }

  /** `updateComplete` waits for the chart's layout and its drawing too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#drawing.status === TaskStatus.PENDING || this.#drawingNow) {
      if (this.#drawing.status === TaskStatus.PENDING) await this.#drawing.taskComplete.catch(() => undefined);
      else await this.#drawingNow;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** What the chart says of a drawing: its rows (table, CSV), its spec and its description. */
  #showText(d: Drawing): void {
    this.shown = d.rows;
    this.shownSpec = d.spec;
    this.description = d.description;
  }

  /** A drawing held back while the chart is off screen. */
  #waiting: Drawing | null = null;
  #printing: (() => void) | null = null;

  /** Before printing, a chart off screen takes in what it held back, so paper shows the selection. */
  #watchPrint(): void {
    if (this.#printing || typeof window === 'undefined') return;
    this.#printing = () => {
      const d = this.#waiting;
      const container = this.renderRoot.querySelector<HTMLElement>('.chart');
      if (!d?.spec || !container) return;
      // Synchronously: the page is laid out for paper right after this event.
      if (this.#vega.drawNow(themedSpec(d.spec, this), { renderer: this.renderer ?? 'svg' })) {
        this.#waiting = null;
        this.#drawn = d;
      }
    };
    window.addEventListener('beforeprint', this.#printing);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#printing) window.addEventListener('beforeprint', this.#printing);
    // On screen and not baked: Vega and the recipes start loading now, beside the dashboard's data,
    // not a render later.
    if (!this.baked && this.client.visible) this.#preload();
  }

  /** Starts loading Vega and the recipes, once. */
  #preload(): void {
    if (this.#preloaded) return;
    this.#preloaded = true;
    void loadChartRuntime().catch(() => undefined);
    void preloadRecipes().catch(() => undefined);
  }

  async #draw(d: Drawing): Promise<void> {
    this.#failed = null;
    if (!d.spec) {
      this.shown = [];
      this.shownSpec = null;
      this.#vega.teardown();
      this._state = 'empty';
      return;
    }
    this.#showText(d);
    let container = this.renderRoot.querySelector<HTMLElement>('.chart');
    // The box is hidden while the element shows an empty or error state: show it first.
    if (!container || container.hidden) {
      this._state = 'drawing';
      // Lit's own update only: `updateComplete` would wait for this very drawing.
      await super.getUpdateComplete();
      if (d !== this.#drawn || !this.isConnected) return;
      container = this.renderRoot.querySelector<HTMLElement>('.chart');
      if (!container) return;
    }
    try {
      // Vega makes the description the drawing's ARIA label: the spoken form there (exports keep the written one).
      const spoken = { ...d.spec, description: forEar(d.description, this.locale) } as TopLevelSpec;
      const embedded = await this.#vega.draw(container, themedSpec(spoken, this), { locale: this.locale, renderer: this.renderer ?? 'svg' });
      if (embedded === null || d !== this.#drawn) return;
      this.#done(d.rows.length, embedded);
    } catch (e) {
      if (d === this.#drawn) this.#fail(e);
    }
  }

  #done(rows: number, embedded: boolean): void {
    this._state = 'ready';
    this.drawn();
    // Description and table follow the new data even when the state did not change.
    this.requestUpdate();
    this.error = null;
    this.dispatchEvent(new CustomEvent<ChisoRenderDetail>('chiso-render', { detail: { rows, embedded }, bubbles: true, composed: true }));
  }

  /** Called after each drawing, in place or anew (the multiples lay their panel grid over it). */
  protected drawn(): void {
    this.#walkMark();
  }

  /** What a subclass lays over the drawing (the multiples' panel grid). */
  protected renderOverChart(): TemplateResult | typeof nothing {
    return nothing;
  }

  /** Says `text` to screen readers through the element's polite live region. */
  protected announce(text: string): void {
    // The same text twice is announced twice: the region is emptied first.
    if (this._said === text) this._said = '';
    void this.updateComplete.then(() => (this._said = text));
  }

  /** The start years a line chart draws, for the range chooser (worked out once per rows shown, not per render). */
  #years(): string[] {
    if (this.#yearsOf?.rows !== this.shown) {
      this.#yearsOf = { rows: this.shown, years: [...new Set(sortPeriods(this.shown.map((o) => o.period)).map((p) => String(periodYear(p))))].filter((y) => y !== 'NaN') };
    }
    return this.#yearsOf.years;
  }
  #yearsOf: { rows: Observation[]; years: string[] } | null = null;

  #rangeControls(): TemplateResult | typeof nothing {
    const years = this.#years();
    if (this.chartType() !== 'line' || years.length < 2 || !this.client.coordinator) return nothing;
    const lang = this.locale;
    return rangeControls({
      lang,
      years,
      // The range chosen, not a player's period inside it.
      range: this.client.coordinator.selection.chosenRange(),
      set: (from, to) => {
        this.brushPeriods(from, to);
        this.announce(t('COMPONENTS_RANGE_SET', lang, { from, to }));
      },
      clear: () => {
        this.client.coordinator?.selection.clearRange();
        this.announce(t('COMPONENTS_RANGE_CLEARED', lang));
      },
    });
  }

  /** The regions in the order Up and Down walk them: the author's `region` list (the multiples: their panels). */
  protected walkOrder(): string[] {
    return parseList(this.region) ?? [];
  }

  #walkKey = (e: KeyboardEvent): void => {
    if (!this.walk || e.altKey || e.ctrlKey || e.metaKey || !WALK_KEYS.has(e.key) || !this.shown.length) return;
    // Taken now, so the page does not scroll; the walk's code loads with the first key (it was
    // asked for when the chart got focus), and keys are answered in the order they came.
    e.preventDefault();
    void walkCode().then((walk) => this.#walkTo(walk, e.key));
  };

  #walkTo(walk: typeof import('./walk.js'), key: string): void {
    if (!this.#walk || this.#walk.rows !== this.shown) {
      const series = walk.walkSeries(this.shown, this.locale, this.walkOrder());
      if (!series.length) return;
      this.#walk = { rows: this.shown, series, at: { series: 0, index: -1 } };
    }
    const w = this.#walk;
    // The first arrow lands on the first figure; Home and End go where they say.
    const start = { series: 0, index: 0 };
    const first = walk.walkStep(w.series, start, key);
    const next = w.at.index >= 0 ? walk.walkStep(w.series, w.at, key) : first === null ? null : key === 'Home' || key === 'End' ? first : start;
    if (next === null) return;
    w.at = next;
    this.announce(walk.walkText(w.series, next, this.locale));
    this.#walkMark();
  }

  #walkBlur = (): void => {
    this.renderRoot.querySelector('.walk-mark')?.remove();
  };

  /** A ring on the walked figure of a line chart (its x and y scales place it), so sighted keyboard users follow too. */
  #walkMark(): void {
    const w = this.#walk;
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    const view = this.#vega.view;
    const drawn = box?.querySelector('svg, canvas');
    let mark = box?.querySelector<HTMLElement>('.walk-mark') ?? null;
    if (!w || w.at.index < 0 || w.rows !== this.shown || this.chartType() !== 'line' || !box || !view || !drawn || !box.parentElement?.matches(':focus')) {
      mark?.remove();
      return;
    }
    const o = w.series[w.at.series][w.at.index].o;
    if (o.value === null) return void mark?.remove();
    try {
      const pos = timePositions(sortPeriods(this.shown.map((r) => r.period)));
      const sx = view.scale('x') as (v: number) => number;
      const sy = view.scale('y') as (v: number) => number;
      const [ox, oy] = view.origin();
      // The origin leaves out the view's padding; the drawing's pixels start before it.
      const pad = (view as unknown as { padding(): { left?: number; top?: number } }).padding();
      const r = drawn.getBoundingClientRect();
      const b = box.getBoundingClientRect();
      if (!mark) {
        mark = document.createElement('div');
        mark.className = 'walk-mark';
        mark.setAttribute('part', 'walk');
        box.appendChild(mark);
      }
      // Through CSSOM: a style attribute would need 'unsafe-inline' under a strict CSP.
      mark.style.setProperty('left', `${r.left - b.left + box.scrollLeft + (pad.left ?? 0) + ox + sx(pos(o.period))}px`);
      mark.style.setProperty('top', `${r.top - b.top + (pad.top ?? 0) + oy + sy(o.value)}px`);
    } catch {
      mark?.remove();
    }
  }

  #fail(e: unknown): void {
    this.#failed = e;
    this.#drawn = null;
    const error = isChisoError(e) ? e : new ChisoError(diagnostic('COMPONENTS_RENDER_FAILED', { detail: e instanceof Error ? e.message : String(e) }));
    this.#vega.teardown();
    this.error = error;
    this._state = 'error';
    this.dispatchEvent(new CustomEvent('chiso-error', { detail: { error }, bubbles: true, composed: true }));
  }

  #onClick(event: MouseEvent, item: unknown): void {
    if (this.filtersRegions()) return;
    const datum = (item as { datum?: Record<string, unknown> } | null)?.datum;
    this.#toggleRegion(datumRegion(datum) ?? this.#regionNamed(datum?.name), event.shiftKey || event.ctrlKey || event.metaKey);
  }

  /** A click on a mark, or its select button in the data table; no region (the sea) clears this view's pick. */
  #toggleRegion(region: string | undefined, add: boolean): void {
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    if (region) sel.toggleRegion(this.client, region, add);
    else sel.remove(this.client, 'region');
  }

  /** Recipes that label marks by name only: the shown region with that name in the page's language. */
  #regionNamed(name: unknown): string | undefined {
    if (typeof name !== 'string') return undefined;
    return this.shown.find((o) => regionName(o.region, this.locale) === name)?.region;
  }

  /** Narrows every other view to periods starting in [from, to], as a drag across a line chart does. */
  brushPeriods(from: string, to: string): void {
    this.client.coordinator?.selection.update({ source: this.client, field: 'period', range: [from, to] });
  }

  /** Selects regions everywhere, as a click on a bar or a map does. */
  selectRegions(regions: string[]): void {
    this.client.coordinator?.selection.selectRegions(this.client, regions);
  }

  /** Saves the chart as it is shown: SVG, PNG, CSV of the observations drawn, the Vega-Lite spec, or everything as a ZIP. */
  async export(kind: ExportKind): Promise<void> {
    // The savers load with the first download, not with every chart.
    const { saveChart } = await import('./save.js');
    return saveChart(kind, {
      name: this.description.split(/[.:]/)[0] || this.indicator || '',
      rows: this.shown,
      spec: this.shownSpec,
      description: this.description,
      lang: this.locale,
      vega: this.#vega,
      query: this.#query(),
    });
  }

  /** The question the chart answers, as the author and the reader's selections set it. */
  #query(): Record<string, unknown> {
    const attrs = { type: this.chartType(), indicator: this.indicator, region: this.region, period: this.period, series: this.series, follow: this.follow ?? this.filterBy };
    return { ...Object.fromEntries(Object.entries(attrs).filter(([, v]) => v !== undefined)), filter: this.client.filter() };
  }

  #exportFrom = (kind: ExportKind): void => {
    this.renderRoot.querySelector('details.export')?.removeAttribute('open');
    void this.export(kind);
  };

  #table(): TemplateResult {
    const lang = this.locale;
    const rows = this.shown;
    return html`<details class="data" part="data" @toggle=${(e: Event) => (this._tableOpen = (e.target as HTMLDetailsElement).open)}>
      <summary>${t('COMPONENTS_SHOW_TABLE', lang)}</summary>
      ${this._tableOpen
        ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${t('COMPONENTS_SHOW_TABLE', lang)}>
            ${observationTable({
              rows,
              columns: chartTableColumns(rows),
              lang,
              title: this.description.split('.')[0] ?? '',
              captionHidden: true,
              rowHeaders: true,
              statusInPeriod: true,
              select: { selected: new Set(this.client.coordinator?.selection.selectedRegions() ?? []), toggle: (r, add) => this.#toggleRegion(r, add) },
            })}
          </div>`
        : nothing}
    </details>`;
  }

  /** Controls a subclass adds above the chart (the map's 63/34 switch). */
  protected renderExtra(): TemplateResult | typeof nothing {
    return nothing;
  }

  override render() {
    if (this.baked) return this.renderBaked();
    const lang = this.locale;
    const state = this.renderState();
    const s = this._state;
    const label = this.description ? t('COMPONENTS_CHART_LABEL', lang, { title: forEar(this.description.split('.')[0], lang) }) : undefined;
    return html`<figure part="figure" aria-label=${label ?? nothing} aria-describedby=${this.description && (s === 'ready' || s === 'drawing') ? 'spoken-description' : nothing}>
      <div class="toolbar">${state ? nothing : this.renderExtra()}${s === 'ready' ? this.#rangeControls() : nothing}${s === 'ready' || s === 'drawing' ? exportMenu(lang, this.#exportFrom) : nothing}</div>
      <div
        class="walk"
        tabindex=${this.walk && s === 'ready' ? '0' : nothing}
        role=${this.walk && s === 'ready' ? 'application' : nothing}
        aria-label=${this.walk && s === 'ready' && label ? t('COMPONENTS_WALK_LABEL', lang, { title: label }) : nothing}
        @keydown=${this.#walkKey}
        @focus=${() => {
          if (this.walk) void walkCode();
          this.#walkMark();
        }}
        @blur=${this.#walkBlur}
      >
        <div
          class="chart"
          part="chart"
          ?hidden=${s === 'error' || s === 'empty' || state !== null}
          @pointerdown=${this.#brush.down}
          @pointermove=${this.#brush.move}
          @pointerup=${this.#brush.up}
        ></div>
      </div>
      ${this.renderOverChart()}
      <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this._said}</p>
      ${state ??
      (s === 'error'
        ? this.renderError(this.error)
        : s === 'empty'
          ? this.renderEmpty()
          : s === 'idle' || (s === 'drawing' && !this.#vega.view)
            ? html`<p class="status" role="status" part="status">${t('COMPONENTS_RENDERING', lang)}</p>`
            : nothing)}
      ${(s === 'ready' || s === 'drawing') && this.description
        ? html`<figcaption class="description" part="description" aria-hidden="true">${this.description}</figcaption>
            <p class="visually-hidden" id="spoken-description">${forEar(this.description, lang)}</p>${this.#table()}
            ${aboutPanel({ rows: this.shown, lang, open: this._aboutOpen, toggle: (open) => (this._aboutOpen = open), loaded: () => this.requestUpdate() })}`
        : nothing}
    </figure>`;
  }
}
