import { LitElement, html, type TemplateResult } from 'lit';
import type { PropertyDeclarations, PropertyValues } from 'lit';
import { Task, TaskStatus, initialState } from '@lit/task';
import type { Lang } from '../../messages/index.js';
import type { Observation } from '../../types.js';
import { ClientController } from './client-controller.js';
import { pageLang, t, errorText } from './i18n.js';
import { emptyText } from './empty.js';
import { indicatorLabel } from '../../registry/names.js';
import { Coordinator } from './coordinator.js';
import { observationsOf, type ObservationData } from './data.js';
import { ChisoError, diagnostic } from '../../errors.js';
import { followed, parseFollow, parseList, parseYears, type Follow, type ViewQuery } from './view-query.js';

/**
 * What every view of a dashboard shares: the coordinator connection, the page language, the common
 * attributes (`indicator`, `region`, `period`, `series`, `follow`), the question the view asks its
 * coordinator (a `@lit/task` Task over `coordinator.rows`) and the loading, empty and error states.
 */
export abstract class ChisoViewElement extends LitElement {
  static override properties: PropertyDeclarations = {
    indicator: { reflect: true },
    region: { reflect: true },
    period: { reflect: true },
    series: { reflect: true },
    follow: { reflect: true },
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
  /**
   * Which selections made in other views this view follows: `region`, `period`, both (`region,
   * period` or `all`) or `none`. Default: those whose field the author did not fix with `region` or
   * `period`.
   */
  declare follow: string | undefined;
  /** The older name of `follow` (`all`, `period`, `region` or `none`); `follow` wins when both are set. */
  declare filterBy: string | undefined;

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

  /**
   * The view's question and its answer: the rows it shows, asked of the coordinator whenever the
   * view's change key changes; a newer question aborts the one before. Its value is `null` before
   * the view is in view or while its dashboard is not ready.
   */
  protected readonly rowsTask: Task<[string], Observation[] | null>;

  constructor(lazy = true) {
    super();
    this.client = new ClientController(this, { lazy });
    this.rowsTask = new Task(this, {
      task: async (_, { signal }) => {
        const c = this.client.coordinator;
        if (this.baked || !this.asksRows() || !this.client.visible || !c || c.state !== 'ready') return initialState;
        return this.answer(await c.rows(this.client, this.viewQuery(), { follow: this.following(), preaggregate: this.preaggregates(), signal }));
      },
      args: () => [this.changeKey()],
    });
  }

  #baked = false;
  /**
   * Whether the element shows the content `chiso bake` wrote into it (its light DOM, through a slot):
   * true from the moment it connects with a `baked` attribute and baked content, until a selection it
   * follows changes what it must show. It then asks its dashboard for the data and draws as usual.
   */
  get baked(): boolean {
    return this.#baked;
  }

  /** The baked content (`chiso bake`), or null. */
  protected bakedContent(): HTMLElement | null {
    return this.querySelector<HTMLElement>(':scope > [data-chiso-baked]');
  }

  override connectedCallback(): void {
    // Decided once, before the first render: an element that was baked adopts its content as it is.
    if (!this.hasUpdated && this.hasAttribute('baked') && this.bakedContent()) this.#baked = true;
    super.connectedCallback();
  }

  /** Leaves the baked content for the live element: the dashboard loads its data (if it waited), the view asks its question. */
  protected unbake(): void {
    if (!this.#baked) return;
    this.#baked = false;
    this.removeAttribute('baked');
    this.dispatchEvent(new Event('chiso-want-data', { bubbles: true, composed: true }));
    this.client.invalidate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.#baked || !this.client.coordinator) return;
    // A selection this view follows changes what it shows: the baked picture would be stale.
    let filter;
    try {
      filter = followed(this.client.filter(), this.following());
    } catch {
      return this.unbake();
    }
    if (filter.regions || filter.periods) this.unbake();
  }

  /** What a baked element renders: its light DOM, as baked. */
  protected renderBaked(): TemplateResult {
    return html`<slot></slot>`;
  }

  /** The language the element speaks: its dashboard's, else the nearest `lang` attribute. */
  get locale(): Lang {
    return this.client.coordinator?.lang ?? pageLang(this);
  }

  /** Whether this view asks for rows at all (the filter only publishes selections). */
  protected asksRows(): boolean {
    return true;
  }

  /** Whether a region selection replaces this view's regions (`true`) or only highlights in it (map, bar). */
  protected filtersRegions(): boolean {
    return true;
  }

  /** The selections this view follows (see `follow`); throws a ChisoError for a bad attribute. */
  protected following(): Follow {
    return parseFollow(this.follow, this.filterBy, { region: !!parseList(this.region), period: Object.keys(parseYears(this.period)).length > 0 });
  }

  protected viewQuery(): ViewQuery {
    return {
      indicator: this.indicator,
      regions: parseList(this.region),
      ...parseYears(this.period),
      ...(this.series !== undefined ? { series: this.series } : {}),
      followRegions: this.filtersRegions() && this.following().region,
    };
  }

  /**
   * Whether this view aggregates what it shows (map colours, bars, a KPI), so that on a large table
   * it answers selections from a cube of its own (see `Coordinator.cubes`). Default `false`.
   */
  protected preaggregates(): boolean {
    return false;
  }

  /** The rows as this view shows them (the map narrows them to its units); may wait for what it needs (the KPI's recipe). */
  protected answer(rows: Observation[]): Observation[] | Promise<Observation[]> {
    return rows;
  }

  /**
   * The one key of everything the view's question depends on: data, selection and language (the
   * client's revision), the attributes, and what a subclass adds. The task asks again when it changes;
   * the coordinator answers from memory when the question itself did not change.
   */
  protected changeKey(): string {
    return JSON.stringify([this.client.revision, this.client.visible, this.indicator, this.region, this.period, this.series, this.follow, this.filterBy]);
  }

  /** Questions this view has sent to the connector or its cube; a selection that leaves its filter as it was sends none. */
  get queryCount(): number {
    return this.client.coordinator?.questionCount(this.client) ?? 0;
  }

  /** Whether this view answers from a cube now (built when it first came into view), for tests and pages. */
  get cubeBuilt(): boolean {
    return this.client.coordinator?.cubeStats(this.client) != null;
  }

  /** `updateComplete` waits for the view's answer too (and for the update that shows it). */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.rowsTask.status === TaskStatus.PENDING) {
      await this.rowsTask.taskComplete.catch(() => undefined);
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /**
   * The task's states as the view draws them: the dashboard's state line first, then the error, the
   * empty state, or `complete` with the rows. While a newer question is on its way the last answer
   * stays on screen.
   */
  protected renderRows(complete: (rows: Observation[]) => TemplateResult): TemplateResult {
    const state = this.renderState();
    if (state) return state;
    const loading = () => html`<p class="status" role="status" part="status">${t('COMPONENTS_LOADING', this.locale)}</p>`;
    const show = (rows: Observation[] | null | undefined) => (rows === null || rows === undefined ? loading() : rows.length === 0 ? this.renderEmpty() : complete(rows));
    return this.rowsTask.render({
      initial: loading,
      pending: () => show(this.rowsTask.value),
      complete: show,
      error: (e) => this.renderError(e),
    }) as TemplateResult;
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
    // Whether the data holds an indicator is known only for observations in the page.
    const c = this.client.coordinator;
    const inData = c?.local ? [...new Set(c.observations.map((o) => o.indicator))] : undefined;
    const text = inData ? emptyText(this.indicator, this.locale, inData) : t('COMPONENTS_EMPTY', this.locale, { label: indicatorLabel(this.indicator, this.locale) });
    return html`<p class="status" role="status" part="status">${text}</p>`;
  }
}
