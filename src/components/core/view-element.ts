import { LitElement, html, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Lang } from '../../messages/index.js';
import type { Observation } from '../../types.js';
import { ClientController } from './client-controller.js';
import { pageLang, t, errorText } from './i18n.js';
import { parseList, parseYears, viewQuerySpec, type ViewQuery } from './view-query.js';
import type { ViewCube } from './view-cube.js';
import type { ClientFilter } from './selection.js';
import { Coordinator } from './coordinator.js';
import { observationsOf, type ObservationData } from './data.js';
import { ChisoError, diagnostic } from '../../errors.js';

/**
 * What every view of a dashboard shares: the coordinator connection, the page language, the common
 * attributes (`indicator`, `region`, `period`, `series`) and the loading, empty and error states.
 */
export abstract class ChisoViewElement extends LitElement {
  static override properties: PropertyDeclarations = {
    indicator: { reflect: true },
    region: { reflect: true },
    period: { reflect: true },
    series: { reflect: true },
    filterBy: { attribute: 'filter-by', reflect: true },
  };
  /** Indicator id from the catalogue, e.g. `poverty_rate`. */
  declare indicator: string | undefined;
  /** Region ids, comma separated (`42`, `42, 34:42`). Default: every region in the data. */
  declare region: string | undefined;
  /** Start years: `2010-2016`, `2016`, `2010-`. Default: every period. */
  declare period: string | undefined;
  /** Sub-series id (`total`, `advanced`). Default: every series. */
  declare series: string | undefined;
  /** Which selections narrow this view: `all` (default), `period`, `region` or `none`. */
  declare filterBy: 'all' | 'period' | 'region' | 'none' | undefined;

  protected readonly client: ClientController;

  #data: ObservationData | undefined;
  /**
   * Observations or an Arquero table for this element alone, outside a dashboard (or instead of its
   * dashboard's data): `chart.data = table`. Set as a property, never an attribute.
   */
  get data(): ObservationData | undefined {
    return this.#data;
  }
  set data(data: ObservationData | undefined) {
    this.#data = data;
    if (data === undefined) {
      this.client.useOwn(undefined);
      return;
    }
    const own = new Coordinator();
    own.lang = pageLang(this);
    try {
      own.setObservations(observationsOf(data));
    } catch (e) {
      own.setError(new ChisoError(diagnostic('COMPONENTS_BAD_DATA', { detail: e instanceof Error ? e.message : String(e) })));
    }
    this.client.useOwn(own);
  }

  constructor(lazy = true) {
    super();
    this.client = new ClientController(this, { lazy });
  }

  /** The language the element speaks: its dashboard's, else the nearest `lang` attribute. */
  get locale(): Lang {
    return this.client.coordinator?.lang ?? pageLang(this);
  }

  /** Whether other views' region selections filter this view (`true`) or only highlight in it. */
  protected followRegions(): boolean {
    return true;
  }

  protected viewQuery(): ViewQuery {
    return {
      indicator: this.indicator,
      regions: parseList(this.region),
      ...parseYears(this.period),
      ...(this.series !== undefined ? { series: this.series } : {}),
      followRegions: this.followRegions(),
    };
  }

  /**
   * Whether this view aggregates what it shows (map colours, bars, a KPI), so that on a large table
   * it answers selections from a cube of its own (see `Coordinator.cubes`). Default `false`.
   */
  protected preaggregates(): boolean {
    return false;
  }

  #request = 0;
  #cube: ViewCube | null = null;
  /**
   * The last question asked (data revision, filter, view query), its answer (shared while pending) and
   * what cancels it.
   */
  #answer: { key: string; rows: Promise<Observation[]>; controller: AbortController } | null = null;

  /**
   * Observations this view shows now, asked of the dashboard's connector (or of the view's cube on a
   * large table). Only a change of the view's own question queries again: a selection that leaves its
   * filter as it was (a period brush, for a view that follows regions only) reuses the last answer.
   * Resolves to `null` when a newer request was made meanwhile: a late answer for an old selection is
   * dropped. Rejects with a ChisoError on a bad query.
   */
  protected async rows(): Promise<Observation[] | null> {
    const c = this.client.coordinator;
    if (!c || c.state !== 'ready') return [];
    const f = this.client.filter();
    const by = this.filterBy ?? 'all';
    const filter = {
      regions: by === 'all' || by === 'region' ? f.regions : null,
      periods: by === 'all' || by === 'period' ? f.periods : null,
    };
    const q = this.viewQuery();
    const cubes = c.cubes && this.preaggregates();
    const request = ++this.#request;
    const key = JSON.stringify([c.dataRevision, cubes, filter, q]);
    let answer = this.#answer;
    if (answer === null || answer.key !== key) {
      // The question before is no longer wanted: a query still on its way over the network stops.
      answer?.controller.abort();
      const controller = new AbortController();
      const asked = { key, rows: this.#ask(cubes, q, filter, controller.signal), controller };
      // A failed question is asked again next time, not answered from memory.
      asked.rows.catch(() => {
        if (this.#answer === asked) this.#answer = null;
      });
      this.#answer = answer = asked;
    }
    let rows: Observation[];
    try {
      rows = await answer.rows;
    } catch (e) {
      // Cancelled because a newer question replaced it, or the view left the page: not an error to show.
      if (answer.controller.signal.aborted) return null;
      throw e;
    }
    return request === this.#request ? rows : null;
  }

  #queries = 0;
  /** Questions this view has sent to the connector or its cube; a selection that leaves its filter as it was sends none. */
  get queryCount(): number {
    return this.#queries;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A view taken off the page stops waiting for its answer, and asks again when put back.
    this.#answer?.controller.abort();
    this.#answer = null;
    this.#refreshKey = null;
  }

  async #ask(cubes: boolean, q: ViewQuery, filter: ClientFilter, signal: AbortSignal): Promise<Observation[]> {
    const c = this.client.coordinator!;
    this.#queries++;
    if (cubes) {
      // Loaded with the first large table only: a portal page with a small one never downloads it.
      const { ViewCube } = await import('./view-cube.js');
      this.#cube ??= new ViewCube();
      return this.#cube.rows(c.observations, q, filter);
    }
    this.#cube = null;
    return (await c.connector.query(viewQuerySpec(q, filter), { signal })) as unknown as Observation[];
  }

  #refreshKey: string | null = null;
  #refreshes = 0;
  #pending: Promise<void> | null = null;

  /** What the rows depend on: data, selection and language (the revision) and the view's attributes. */
  protected rowsKey(): string {
    return JSON.stringify([this.client.revision, this.indicator, this.region, this.period, this.series, this.filterBy]);
  }

  /**
   * For views that draw from rows synchronously (KPI, table, sources): asks for the rows when
   * `rowsKey()` changed, hands the answer (or the error) to `apply`, then updates the element. Only
   * the latest request is applied. `updateComplete` waits for it.
   */
  protected refreshRows(apply: (rows: Observation[], error: unknown) => void): void {
    const key = this.rowsKey();
    if (key === this.#refreshKey) return;
    this.#refreshKey = key;
    const n = ++this.#refreshes;
    const run = (async () => {
      let rows: Observation[] | null = [];
      let error: unknown = null;
      try {
        rows = await this.rows();
      } catch (e) {
        error = e;
      }
      if (n !== this.#refreshes || rows === null) return;
      apply(rows, error);
      this.requestUpdate();
    })();
    this.#pending = run;
    void run.finally(() => {
      if (this.#pending === run) this.#pending = null;
    });
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#pending) {
      await this.#pending;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Whether this view answers from a cube now (built when it first came into view), for tests and pages. */
  get cubeBuilt(): boolean {
    return this.#cube?.stats != null;
  }

  /** The state line for anything but a ready dashboard, or `null` when the view can draw. */
  protected renderState(): TemplateResult | null {
    const lang = this.locale;
    const c = this.client.coordinator;
    if (!c) return html`<p class="status" role="status" part="status">${t('COMPONENTS_NO_DASHBOARD', lang, { tag: this.localName })}</p>`;
    if (c.state === 'loading') return html`<p class="status" role="status" part="status">${t('COMPONENTS_LOADING', lang)}</p>`;
    if (c.state === 'error') return this.renderError(c.error);
    return null;
  }

  protected renderError(error: unknown): TemplateResult {
    return html`<p class="status error" role="alert" part="error">${errorText(error, this.locale)}</p>`;
  }

  protected renderEmpty(): TemplateResult {
    return html`<p class="status" role="status" part="status">${t('COMPONENTS_EMPTY', this.locale, { indicator: this.indicator })}</p>`;
  }
}
