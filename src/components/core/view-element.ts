import { LitElement, html, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Lang } from '../../messages/index.js';
import type { Observation } from '../../types.js';
import { ClientController } from './client-controller.js';
import { pageLang, t, errorText } from './i18n.js';
import { parseList, parseYears, viewRows, type ViewQuery } from './view-query.js';

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

  /** Observations this view shows now. Throws ChisoError on a bad query. */
  protected rows(): Observation[] {
    const c = this.client.coordinator;
    if (!c || c.state !== 'ready') return [];
    const f = this.client.filter();
    const by = this.filterBy ?? 'all';
    const filter = {
      regions: by === 'all' || by === 'region' ? f.regions : null,
      periods: by === 'all' || by === 'period' ? f.periods : null,
    };
    return viewRows(c.observations, this.viewQuery(), filter);
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
