import { html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import { formatValue, formatPeriod, formatUnit, periodPosition } from '../../format/index.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { indicatorLabel, regionName, seriesLabel } from '../core/indicator.js';
import { getIndicator, isIndicatorId } from '../../registry/index.js';
import { t } from '../core/i18n.js';
import { kpiStyles } from './kpi.styles.js';

/** The latest observation with a value, by period order. */
export function latest(rows: readonly Observation[]): Observation | undefined {
  let best: Observation | undefined;
  for (const o of rows) {
    if (o.value === null) continue;
    if (!best || periodPosition(o.period) > periodPosition(best.period)) best = o;
  }
  return best;
}

/**
 * @tagname chiso-kpi
 * @summary One headline figure: the latest value of an indicator for a region, with its period and quote.
 *
 * Drawn as text, without Vega, so a row of KPIs costs the page nothing to load.
 *
 * @attr indicator - Indicator id, e.g. `study_participation`.
 * @attr region - Region id (the first is used); a region selected in another view replaces it.
 * @attr period - Start years to consider; the latest with a value is shown.
 * @attr series - A sub-series id.
 * @attr label - Text above the figure instead of the label of the indicator (or of its tier or series).
 *
 * @csspart label - The label.
 * @csspart value - The figure.
 * @csspart unit - Its unit.
 * @csspart meta - Region and period.
 * @csspart quote - The source phrase the figure was read from.
 * @csspart status - Loading and empty messages.
 * @csspart error - The error message.
 *
 * @cssproperty --chiso-kpi-background - Background. Default: the surface colour.
 * @cssproperty --chiso-kpi-size - Size of the figure. Default `2rem`.
 * @cssproperty --chiso-kpi-color - Colour of the figure.
 */
export class ChisoKpi extends ChisoViewElement {
  static override styles = [baseStyles, kpiStyles];
  static override properties: PropertyDeclarations = { label: {} };
  declare label: string | undefined;

  /** The observation shown, for tests and pages. */
  shown: Observation | undefined;
  #error: unknown = null;

  constructor() {
    // Text only, cheap: no need to wait until scrolled into view.
    super(false);
  }

  protected override preaggregates(): boolean {
    return true;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.refreshRows((rows, error) => {
      this.#error = error;
      // A KPI names one region: the first of the selection or of its own list.
      const first = rows[0]?.region;
      // One sub-series (the first row's), unless the series are methods: then the latest figure, whatever its standard.
      const method = rows[0] !== undefined && isIndicatorId(rows[0].indicator) && getIndicator(rows[0].indicator).seriesIsMethod === true;
      this.shown = error ? undefined : latest(rows.filter((r) => r.region === first && (this.series !== undefined || method || r.series === rows[0].series)));
    });
  }

  override render() {
    const state = this.renderState();
    if (state) return state;
    if (this.#error) return this.renderError(this.#error);
    const o = this.shown;
    if (!o) return this.renderEmpty();
    const lang = this.locale;
    const preliminary = o.status === 'preliminary' ? ` (${t('COMPONENTS_PRELIMINARY', lang)})` : '';
    const label = this.label ?? seriesLabel(o.indicator, o.series, lang) ?? indicatorLabel(o.indicator, lang);
    return html`<div role="group" aria-label=${label}>
      <p class="label" part="label">${label}</p>
      <p class="value" part="value">${formatValue(o, lang, { unit: o.unit === '%' })}${o.unit && o.unit !== '%'
          ? html` <span class="unit" part="unit">${formatUnit(o.unit, lang)}</span>`
          : nothing}</p>
      <p class="meta" part="meta">${regionName(o.region, lang)} · ${formatPeriod(o.period, lang)}${preliminary}</p>
      ${o.quote ? html`<p class="quote" part="quote">“${o.quote}”</p>` : nothing}
    </div>`;
  }
}
