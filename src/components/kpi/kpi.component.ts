import { html, nothing, type PropertyValues } from 'lit';
import { TaskStatus } from '@lit/task';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import { formatValue, formatPeriod, formatUnit } from '../../format/index.js';
import type { KpiFacts } from '../../charts/kpi.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { indicatorLabel, regionName, seriesLabel } from '../../registry/names.js';
import { seriesIsMethod } from '../../registry/indicators.js';
import { t } from '../core/i18n.js';
import { kpiStyles } from './kpi.styles.js';

type KpiRecipe = typeof import('../../charts/kpi.js');
let recipe: KpiRecipe | undefined;
let loading: Promise<KpiRecipe> | undefined;

/** The KPI recipe (facts and wording) loads with the first KPI's data, not with the page's first script. */
function loadRecipe(): Promise<KpiRecipe> {
  return (loading ??= import('../../charts/kpi.js').then((m) => (recipe = m)));
}

/**
 * What a KPI element shows, as the exported KPI computes it (`kpiFacts`): the first row's indicator,
 * region and series, its latest figure with a value and the change since the one before; `undefined`
 * when that region has no figure with a value.
 */
export function kpiElementFacts(rows: readonly Observation[], kpiFacts: KpiRecipe['kpiFacts']): KpiFacts | undefined {
  const first = rows[0];
  if (!first) return undefined;
  // Where an indicator's series is its method (the poverty standard), every standard is one history:
  // the facts say whether the change crosses a break, as the exported KPI does.
  const method = seriesIsMethod(first.indicator);
  const same = (o: Observation) => o.indicator === first.indicator && o.region === first.region && (method || o.series === first.series);
  if (!rows.some((o) => same(o) && o.value !== null)) return undefined;
  // The element's rows are already bounded by its query; the recipes' row limit is for specs.
  return kpiFacts(rows, { indicator: first.indicator, region: first.region, series: method ? undefined : first.series, maxRows: Number.POSITIVE_INFINITY });
}

/**
 * @tagname chiso-kpi
 * @summary One headline figure: the latest value of an indicator for a region, with its period, the change
 * since the period before (better or worse, as the exported KPI says it) and its quote.
 *
 * Drawn as text, without Vega, so a row of KPIs costs the page nothing to load.
 *
 * @attr indicator - Indicator id, e.g. `study_participation`.
 * @attr region - Region id (the first is used). Fixed by the author: a region selected in another view replaces it only with `follow="region"`.
 * @attr follow - Which selections of other views the KPI follows: `region`, `period`, both (`all`) or `none`. Default: those it does not fix.
 * @attr period - Start years to consider; the latest with a value is shown.
 * @attr series - A sub-series id.
 * @attr label - Text above the figure instead of the label of the indicator (or of its tier or series).
 *
 * @csspart label - The label.
 * @csspart value - The figure.
 * @csspart unit - Its unit.
 * @csspart meta - Region and period.
 * @csspart change - The change since the previous period, with `data-tone` `better`, `worse`, `neutral` or `not-comparable`.
 * @csspart quote - The source phrase the figure was read from.
 * @csspart status - Loading and empty messages.
 * @csspart error - The error message.
 *
 * @cssproperty --chiso-kpi-background - Background. Default: the surface colour.
 * @cssproperty --chiso-kpi-size - Size of the figure. Default `2rem`.
 * @cssproperty --chiso-kpi-color - Colour of the figure.
 * @cssproperty --chiso-kpi-better - Colour of a change for the better. Default: blue.
 * @cssproperty --chiso-kpi-worse - Colour of a change for the worse. Default: vermilion.
 */
export class ChisoKpi extends ChisoViewElement {
  static override styles = [baseStyles, kpiStyles];
  static override properties: PropertyDeclarations = { label: {} };
  declare label: string | undefined;

  /** The observation shown, for tests and pages. */
  shown: Observation | undefined;
  /** What is shown, with the change and its judgement, for tests and pages. */
  facts: KpiFacts | undefined;

  constructor() {
    // Text only, cheap: no need to wait until scrolled into view.
    super(false);
  }

  protected override preaggregates(): boolean {
    return true;
  }

  protected override async answer(rows: Observation[]): Promise<Observation[]> {
    const { kpiFacts } = await loadRecipe();
    // A KPI names one region: the first of the selection or of its own list. A failure here is the
    // task's error, said on the element, never a blank card.
    this.facts = kpiElementFacts(rows, kpiFacts);
    this.shown = this.facts?.current;
    return rows;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.rowsTask.status === TaskStatus.ERROR) {
      this.facts = undefined;
      this.shown = undefined;
    }
  }

  override render() {
    if (this.baked) return this.renderBaked();
    return this.renderRows(() => this.#figure());
  }

  #figure() {
    const o = this.shown;
    if (!o) return this.renderEmpty();
    const lang = this.locale;
    const preliminary = o.status === 'preliminary' ? ` (${t('COMPONENTS_PRELIMINARY', lang)})` : '';
    // A sub-series names the figure (urban, a new-rural tier); a method (the poverty standard) does not.
    const method = seriesIsMethod(o.indicator);
    const label = this.label ?? (method ? undefined : seriesLabel(o.indicator, o.series, lang)) ?? indicatorLabel(o.indicator, lang);
    const change = this.facts && recipe?.kpiChange(this.facts, lang);
    return html`<div role="group" aria-label=${label}>
      <p class="label" part="label">${label}</p>
      <p class="value" part="value">${formatValue(o, lang, { unit: o.unit === '%' })}${o.unit && o.unit !== '%'
          ? html` <span class="unit" part="unit">${formatUnit(o.unit, lang)}</span>`
          : nothing}</p>
      <p class="meta" part="meta">${regionName(o.region, lang)} · ${formatPeriod(o.period, lang)}${preliminary}</p>
      ${change ? html`<p class="change" part="change" data-tone=${change.tone}>${change.text}</p>` : nothing}
      ${o.quote ? html`<p class="quote" part="quote">“${o.quote}”</p>` : nothing}
    </div>`;
  }
}
