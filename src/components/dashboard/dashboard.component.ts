import { LitElement, html, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { ContextProvider } from '@lit/context';
import type { Observation } from '../../types.js';
import { ChisoError, diagnostic, isChisoError } from '../../errors.js';
import { addIndicators, parseCatalogue, type IndicatorDefinition } from '../../registry/index.js';
import type { Lang, MessageCode } from '../../messages/index.js';
import { Coordinator, isPreaggregate, preloadExecutor, type Preaggregate } from '../core/coordinator.js';
import type { Connector } from '../../connectors/connector.js';
import { coordinatorContext } from '../core/context.js';
import { baseStyles } from '../core/styles.js';
import { t, errorText, pageLang } from '../core/i18n.js';
import { jsonSyntaxError } from '../../data/json.js';
import { dashboardStyles } from './dashboard.styles.js';
import { observationsOf, type ObservationData } from '../core/data.js';
import { printedSelection } from './print.js';
import { contrastToggle, redrawViews, rememberContrast, rememberedContrast, watchForcedColors } from '../core/contrast.js';
import { urlKey, writeAddress, writeLater } from '../core/url-state.js';

/** What `.data` accepts: observations, or an Arquero table. */
export type DashboardData = ObservationData;

/** A dashboard described in JSON (`config="dashboard.json"`). */
export interface DashboardConfig {
  /** Address(es) of the observations file(s), relative to the config file. */
  src?: string | string[];
  /** Observations inline. */
  observations?: Observation[];
  /** `vi` (default) or `en`. */
  lang?: Lang;
}

export interface ChisoLoadDetail {
  rows: number;
}
export interface ChisoSelectDetail {
  regions: string[];
  /** The periods the views show (a player's one period, inside any range chosen). */
  periods: [string, string] | null;
  /** The range of periods chosen (a brush, the filter) beside a player's period, or `null`. */
  range: [string, string] | null;
}
export interface ChisoErrorDetail {
  error: ChisoError;
}

function asError(e: unknown, code: MessageCode, params: Record<string, string>): ChisoError {
  return isChisoError(e) ? e : new ChisoError(diagnostic(code, { ...params, detail: e instanceof Error ? e.message : String(e) }));
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  let res: Response;
  try {
    res = await fetch(url, { signal });
  } catch (e) {
    throw asError(e, 'COMPONENTS_FETCH_FAILED', { url });
  }
  if (!res.ok) throw asError(new Error(`HTTP ${res.status}`), 'COMPONENTS_FETCH_FAILED', { url });
  return res.text();
}

/**
 * @tagname chiso-dashboard
 * @summary Holds one dataset and the selection its views share; every `<chiso-*>` inside it is linked.
 *
 * @attr src - Address of a CSV or JSON file of observations, loaded once; several addresses separated by spaces are joined.
 * @attr config - Address of a dashboard JSON config (`{ src, lang }`), instead of `src`.
 * @attr format - `csv` or `json`. Default: read from the content.
 * @attr indicators - Address of a `chiso.indicators.json`: the page's own indicators (id, unit, name, kind, direction), known to every view before the data loads.
 * @attr lang - `vi` (default) or `en`: the language of every view inside.
 * @attr url-state - Mirror the selection in the page address (`?region=42&period=2010-2016`, or `?period=2014` for a `<chiso-player>`'s step, with `&range=2010-2016` when a range is chosen beside it) so a link shares it; going back or forward restores it.
 * @attr query-url - A chiso query endpoint (`handleQueryRequest`, e.g. examples/server): every view sends its query spec there and receives only the rows it shows, instead of the page loading `src`. Same-origin, or allowed by the page's `connect-src`.
 * @attr contrast - `high`: every view draws in the high-contrast theme. The reader's switch sets it, and the page remembers it (localStorage).
 * @attr preaggregate - `auto` (default): past 50,000 observations, maps, bars and KPIs answer selections from a cube each; `always`; `never`.
 *
 * @event chiso-load - The observations are loaded; `detail.rows` is their count (0 when a `connector` holds them).
 * @event chiso-error - Loading failed; `detail.error` is a ChisoError in both languages.
 * @event chiso-select - The shared selection changed; `detail` has `regions` and `periods`.
 *
 * @csspart grid - The grid the views are laid out in.
 * @csspart status - The loading line and the error message.
 * @csspart contrast - The high-contrast switch (a button with `aria-pressed`).
 * @csspart printed - The selection and page address, shown on paper only.
 *
 * @cssproperty --chiso-gap - Space between views. Default `1rem`.
 * @cssproperty --chiso-column-min - Narrowest column before the grid wraps. Default `320px`.
 * @cssproperty --chiso-color-text - Text colour.
 * @cssproperty --chiso-color-muted - Secondary text colour.
 * @cssproperty --chiso-color-background - Background colour.
 * @cssproperty --chiso-color-surface - Background of KPIs and table summaries.
 * @cssproperty --chiso-color-border - Borders.
 * @cssproperty --chiso-color-accent - Colour of selections, links and controls.
 * @cssproperty --chiso-color-error - Colour of error messages.
 * @cssproperty --chiso-focus-ring - Colour of the keyboard focus ring.
 * @cssproperty --chiso-font-family - Font of every view.
 *
 * @slot - The views: `<chiso-chart>`, `<chiso-map>`, `<chiso-kpi>`, `<chiso-table>`, `<chiso-filter>`, `<chiso-player>`, `<chiso-source>`.
 */
export class ChisoDashboard extends LitElement {
  static override styles = [baseStyles, dashboardStyles];
  static override properties: PropertyDeclarations = {
    src: { reflect: true },
    config: { reflect: true },
    format: {},
    lang: { reflect: true },
    urlState: { type: Boolean, attribute: 'url-state', reflect: true },
    preaggregate: { reflect: true },
    queryUrl: { attribute: 'query-url', reflect: true },
    data: { attribute: false },
    indicators: { reflect: true },
    indicatorDefinitions: { attribute: false },
    contrast: { reflect: true },
  };

  declare src: string | undefined;
  declare config: string | undefined;
  declare format: 'csv' | 'json' | undefined;
  declare urlState: boolean;
  /** `high` while the views draw in the high-contrast theme. Default: the reader's remembered choice. */
  declare contrast: 'high' | undefined;
  /** Observations or an Arquero table, instead of `src`. */
  declare data: DashboardData | undefined;
  /**
   * Whether the aggregating views (maps, bars, KPIs) answer selections from a cube each, built when
   * the view first comes into view: `auto` (default) past 50,000 observations, `always` or `never`.
   * Applies to observations in the page, not to a `connector`.
   */
  declare preaggregate: Preaggregate | undefined;
  /**
   * A chiso query endpoint: views send their query specs there (through `HttpQueryConnector`) instead
   * of the page loading `src`. Relative to the page. Default: none.
   */
  declare queryUrl: string | undefined;
  /** Address of a catalogue file (`chiso.indicators.json`) of the page's own indicators. Default: none. */
  declare indicators: string | undefined;
  /** The page's own indicators as definitions (`[{ id, unit, name, kind, direction }]`), instead of `indicators`. */
  declare indicatorDefinitions: readonly IndicatorDefinition[] | undefined;

  readonly coordinator = new Coordinator();
  #connector: Connector | undefined;

  /**
   * Where the views' queries run instead of the page (DuckDB-Wasm, a query server through
   * `HttpQueryConnector`, any `Connector`): used instead of `src` and `data`. Default: none, the
   * eval-free executor over the loaded observations. Takes effect at once (also from a `chiso-load`
   * handler).
   */
  get connector(): Connector | undefined {
    return this.#connector;
  }
  set connector(connector: Connector | undefined) {
    if (connector === this.#connector) return;
    this.#connector = connector;
    if (!connector) return;
    this.#abort?.abort();
    this.coordinator.setConnector(connector);
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<ChisoLoadDetail>('chiso-load', { detail: { rows: 0 }, bubbles: true, composed: true }));
  }
  /**
   * Every view asks its question again. Views remember their last answer while their filter is
   * unchanged; call this when the data behind a `connector` changed (rows loaded into its table).
   */
  refresh(): void {
    this.coordinator.refresh();
  }

  readonly #provider = new ContextProvider(this, { context: coordinatorContext, initialValue: this.coordinator });
  #loadedFrom: string | undefined;
  #abort: AbortController | null = null;
  #onSelect = () => this.#selectionChanged();
  /** Data is wanted: a view left its baked form, or a selection was made. */
  #wanted = false;
  #onWant = () => {
    if (this.#wanted) return;
    this.#wanted = true;
    this.requestUpdate();
  };

  /**
   * A baked dashboard (`chiso bake`) whose views all show baked content loads its data only when it
   * is wanted: a reader who only reads downloads no CSV. A player is never baked: it needs the
   * periods to step through, so a dashboard with one loads its data.
   */
  #waits(): boolean {
    if (this.#wanted || !this.hasAttribute('baked')) return false;
    return [...this.querySelectorAll('chiso-chart, chiso-map, chiso-kpi, chiso-table, chiso-filter, chiso-source, chiso-player')].every((v) => v.hasAttribute('baked'));
  }
  #onPopState = () => this.#readUrl(true);

  constructor() {
    super();
    this.urlState = false;
    void this.#provider;
  }

  /** The page language of this dashboard: its own `lang`, else the nearest enclosing one, as every element reads it. */
  get locale(): Lang {
    return pageLang(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.coordinator.selection.addEventListener('change', this.#onSelect);
    this.addEventListener('chiso-want-data', this.#onWant);
    this.#bindUrl();
    if (!this.hasAttribute('contrast') && rememberedContrast()) this.contrast = 'high';
    this.#unwatchColors = watchForcedColors(() => redrawViews(this));
  }

  #unwatchColors = () => {};
  #toggleContrast = () => {
    this.contrast = this.contrast === 'high' ? undefined : 'high';
    rememberContrast(this.contrast === 'high');
  };

  #urlBound = false;
  /** Follows the page address while `url-state` is set and the dashboard is connected. */
  #bindUrl(): void {
    if (!this.urlState || this.#urlBound || !this.isConnected) return;
    this.#urlBound = true;
    window.addEventListener('popstate', this.#onPopState);
    this.#readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.coordinator.selection.removeEventListener('change', this.#onSelect);
    this.removeEventListener('chiso-want-data', this.#onWant);
    window.removeEventListener('popstate', this.#onPopState);
    this.#unwatchColors();
    this.#urlBound = false;
    this.#abort?.abort();
    this.#abort = null;
    // Loading was cut short: load again when re-attached.
    if (this.coordinator.state === 'loading') this.#loadedFrom = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.coordinator.lang = this.locale;
    if (changed.has('urlState')) this.#bindUrl();
    if (changed.has('preaggregate')) this.coordinator.preaggregate = isPreaggregate(this.preaggregate) ? this.preaggregate : 'auto';
    if (changed.has('queryUrl') && this.queryUrl && this.#fromQueryUrl !== this.queryUrl && (this.#connector === undefined || this.#fromQueryUrl !== undefined)) {
      void this.#useQueryUrl(this.queryUrl);
      return;
    }
    if (this.#connector !== undefined || this.queryUrl) return;
    if (changed.has('data') && this.data !== undefined) {
      this.#useData(this.data);
      return;
    }
    const from = this.config ? `config:${this.config}` : this.src ? `src:${this.src}` : undefined;
    if (from && from !== this.#loadedFrom && this.data === undefined && !this.#waits()) {
      this.#loadedFrom = from;
      void this.#load();
    }
  }

  override render() {
    const c = this.coordinator;
    // Baked views keep their content while the data loads: no loading line pushes them down.
    const status =
      c.state === 'loading' && (this.src || this.config || this.queryUrl) && !this.hasAttribute('baked')
        ? html`<p class="status" role="status" part="status">${t('COMPONENTS_LOADING', this.locale)}</p>`
        : c.state === 'error'
          ? html`<p class="status error" role="alert" part="status">${errorText(c.error, this.locale)}</p>`
          : null;
    const toggle = contrastToggle(this.contrast === 'high', this.locale, this.#toggleContrast);
    const sel = c.selection;
    const printed = printedSelection(sel.selectedRegions(), sel.periodRange(), this.locale, location.href);
    return html`<div class="tools">${toggle}</div><p class="printed" part="printed">${printed}</p>${status}<div class="grid" part="grid"><slot></slot></div>`;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The attribute is reflected by now: each view reads it and draws in its theme.
    if (changed.has('contrast')) redrawViews(this);
  }

  /** The endpoint whose connector the views query now, when it came from `query-url`. */
  #fromQueryUrl: string | undefined;

  async #useQueryUrl(url: string): Promise<void> {
    this.#fromQueryUrl = url;
    this.coordinator.loading();
    this.requestUpdate();
    try {
      // The connector's code comes with the first dashboard that asks for it.
      const { HttpQueryConnector } = await import('../../connectors/http.js');
      if (this.queryUrl !== url) return;
      this.connector = new HttpQueryConnector({ url: new URL(url, document.baseURI).href });
    } catch (e) {
      if (this.queryUrl === url) this.#failed(asError(e, 'COMPONENTS_FETCH_FAILED', { url }));
    }
  }

  #useData(data: DashboardData): void {
    try {
      this.#ready(observationsOf(data));
    } catch (e) {
      this.#failed(asError(e, 'COMPONENTS_BAD_DATA', {}));
    }
  }

  async #load(): Promise<void> {
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    this.coordinator.loading();
    this.requestUpdate();
    const first = this.config ?? this.src ?? '';
    try {
      await this.#defineIndicators(abort.signal);
      let urls = first.split(/\s+/).filter(Boolean);
      if (this.config) {
        const text = await fetchText(first, abort.signal);
        let config: DashboardConfig;
        try {
          config = JSON.parse(text) as DashboardConfig;
        } catch (e) {
          const where = jsonSyntaxError(e, text);
          throw new ChisoError(diagnostic('COMPONENTS_BAD_CONFIG', { detail: where.en, detailVi: where.vi }, { file: first }));
        }
        if (config.lang && !this.hasAttribute('lang')) this.setAttribute('lang', config.lang);
        if (config.observations) return this.#ready(config.observations);
        const srcs = typeof config.src === 'string' ? [config.src] : Array.isArray(config.src) ? config.src : [];
        if (srcs.length === 0) throw new ChisoError(diagnostic('COMPONENTS_BAD_CONFIG', { detail: 'no "src" or "observations"', detailVi: 'thiếu "src" hoặc "observations"' }, { file: first }));
        const base = new URL(first, document.baseURI);
        urls = srcs.map((s) => new URL(s, base).href);
      }
      // Several files load in parallel and join into one table; the data layer and the executor that
      // answers the views load with them, not with the page's first script.
      void preloadExecutor().catch(() => undefined);
      const [texts, { loadObservations }] = await Promise.all([
        Promise.all(urls.map((u) => fetchText(u, abort.signal))),
        import('../../data/index.js'),
      ]);
      if (abort.signal.aborted) return;
      const rows: Observation[] = [];
      texts.forEach((text, i) => {
        const file = urls[i].split('/').pop()?.split('?')[0] ?? urls[i];
        for (const o of loadObservations(text, { file, format: this.format === 'json' ? 'json' : 'auto' }).observations) rows.push(o);
      });
      this.#ready(rows);
    } catch (e) {
      if (abort.signal.aborted) return;
      this.#failed(asError(e, 'COMPONENTS_FETCH_FAILED', { url: first }));
    }
  }

  /** The page's own indicators join the catalogue before any data is read (open catalogue). */
  async #defineIndicators(signal: AbortSignal): Promise<void> {
    if (this.indicatorDefinitions) addIndicators(parseCatalogue([...this.indicatorDefinitions], 'indicatorDefinitions'));
    if (!this.indicators) return;
    const text = await fetchText(this.indicators, signal);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      const where = jsonSyntaxError(e, text);
      throw new ChisoError(diagnostic('DATA_BAD_CATALOGUE', { detail: where.en, detailVi: where.vi }, { file: this.indicators }));
    }
    addIndicators(parseCatalogue(json, this.indicators), this.indicators);
  }

  #ready(rows: readonly Observation[]): void {
    this.coordinator.setObservations(rows);
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<ChisoLoadDetail>('chiso-load', { detail: { rows: rows.length }, bubbles: true, composed: true }));
  }

  #failed(error: ChisoError): void {
    this.coordinator.setError(error);
    this.requestUpdate();
    this.dispatchEvent(new CustomEvent<ChisoErrorDetail>('chiso-error', { detail: { error }, bubbles: true, composed: true }));
  }

  #param(name: string): string {
    return urlKey(this.id, name);
  }

  #selectionChanged(): void {
    this.#onWant();
    const sel = this.coordinator.selection;
    const detail: ChisoSelectDetail = { regions: sel.selectedRegions(), periods: sel.periodRange(), range: sel.chosenRange() };
    this.dispatchEvent(new CustomEvent<ChisoSelectDetail>('chiso-select', { detail, bubbles: true, composed: true }));
    this.requestUpdate();
    this.#urlLater();
  }

  readonly #urlLater = writeLater(
    () => this.#writeUrl(),
    () => this.urlState && this.isConnected,
  );

  /** The selection into the page address (`url-state`). */
  #writeUrl(): void {
    const sel = this.coordinator.selection;
    const years = (r: readonly [string, string] | null) => (r === null ? null : r[0] === r[1] ? r[0] : `${r[0]}-${r[1]}`);
    // What the views show: one period (a player's step) is written as itself, `?period=2014`; a range
    // chosen beside a player's period goes with it, `&range=2010-2016`, so a link opens on both.
    const shown = sel.periodRange();
    const chosen = sel.steppedPeriod() === null ? null : sel.chosenRange();
    writeAddress({
      [this.#param('region')]: sel.selectedRegions().join(',') || null,
      [this.#param('period')]: years(shown),
      [this.#param('range')]: shown && chosen && years(chosen) !== years(shown) ? years(chosen) : null,
    });
  }

  /**
   * A link's selection belongs to the dashboard itself, so every view follows it. On going back or
   * forward (`popstate`) the address is the whole selection: what it does not name is cleared.
   */
  #readUrl(all = false): void {
    const params = new URL(location.href).searchParams;
    const region = params.get(this.#param('region'));
    const years = (v: string | null): [string, string] | null => {
      const m = v ? /^(\d{4})(?:-(\d{4}))?$/.exec(v) : null;
      return m ? [m[1], m[2] ?? m[1]] : null;
    };
    const period = years(params.get(this.#param('period')));
    const range = years(params.get(this.#param('range')));
    const sel = this.coordinator.selection;
    if (region || all) sel.selectRegions(this, (region ?? '').split(',').filter(Boolean));
    // One period is a player's step (inside the range beside it, if any); a range is a chosen range.
    if (period && period[0] === period[1]) sel.selectPeriods(this, range, period[0]);
    else if (period || all) sel.selectPeriods(this, period, null);
  }
}
