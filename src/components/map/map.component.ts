import { css, html, nothing, svg, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import type { Lang } from '../../messages/index.js';
import { END_OF_63, getRegion, listRegions } from '../../registry/index.js';
import { regionName } from '../../registry/names.js';
import { ChisoChart, type ChartElementType } from '../chart/chart.component.js';
import { t } from '../core/i18n.js';
import type { FillPattern } from '../../charts/patterns.js';
import { wantsHighContrast } from '../core/contrast.js';
import { ChisoError, diagnostic } from '../../errors.js';
import { isUnits, predecessors, rowsFor34, type Units } from '../../registry/crosswalk.js';

/** The default boundaries: 63 provinces with Hoàng Sa and Trường Sa (Open Development Vietnam, CC BY-SA 4.0). */
// The embed build copies the file next to chiso.embed.js and names it here; from the sources or the
// npm package it sits in data/geo/. A variable, so bundlers do not inline 700 KB into the script.
declare const __CHISO_EMBED_GEO__: string | undefined;
const GEO_PATH = typeof __CHISO_EMBED_GEO__ === 'string' ? __CHISO_EMBED_GEO__ : '../../../data/geo/vn63_provinces_odv.topojson.json';
export const DEFAULT_GEO = new URL(GEO_PATH, import.meta.url).href;

const topologies = new Map<string, Promise<unknown>>();

/** Boundaries are fetched once per page and address, whatever the number of maps. */
export function loadTopology(url: string): Promise<unknown> {
  let p = topologies.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`HTTP ${r.status}`);
        return r.json() as Promise<unknown>;
      })
      .catch((e: unknown) => {
        topologies.delete(url);
        throw new ChisoError(diagnostic('COMPONENTS_GEO_FAILED', { url, detail: e instanceof Error ? e.message : String(e) }));
      });
    topologies.set(url, p);
  }
  return p;
}

/** How many 34-units kept the territory of exactly one old province. */
export function unchangedUnitCount(): number {
  return listRegions('province2025').filter((u) => predecessors(u.id).length === 1).length;
}

/**
 * @tagname chiso-map
 * @summary A choropleth of one indicator over the 63 provinces or the 34 units of 2025, linked to the dashboard.
 *
 * Clicking a province selects it in every view (shift-click adds to the selection; clicking it again
 * or the sea clears); the list of regions beside the map does the same by keyboard or touch. The switch between 63 and 34 units is shared with `<chiso-filter>`.
 * The default geometry shows Hoàng Sa and Trường Sa.
 *
 * @attr indicator - Indicator id, e.g. `poverty_rate`.
 * @attr period - The period shown (default: the latest with figures). A period range chosen elsewhere narrows it only with `follow="period"`.
 * @attr follow - Which selections of other views the map follows: `region` (highlighted, not filtered), `period`, both or `none`. Default: those it does not fix.
 * @attr units - `63` or `34`: overrides the dashboard's switch for this map.
 * @attr no-switch - Hide the 63/34 switch.
 * @attr geo - Address of the 63-province TopoJSON. Default: the bundled map with Hoàng Sa and Trường Sa.
 *
 * @event chiso-render - The map was drawn; `detail.rows` is the number of observations shown.
 * @event chiso-error - The map could not be drawn.
 *
 * @csspart units - The 63/34 switch.
 * @csspart regions - The list of the map's regions (a select), which selects a region as a click on the map does: small provinces are hard to hit.
 * @csspart chart - The box Vega draws in.
 * @csspart description - The generated text description.
 * @csspart export - The download menu.
 * @csspart data - The data table disclosure.
 */
export class ChisoMap extends ChisoChart {
  static override styles = [
    ...ChisoChart.styles,
    // A player's step fades each province into its new colour; under reduced motion (base styles) it changes at once.
    css`
      @media (prefers-reduced-motion: no-preference) {
        .chart path {
          transition: fill 250ms linear;
        }
      }
      /* The classes' fill patterns (high contrast), in the drawing's shadow root so url(#…) finds them. */
      svg.patterns {
        position: absolute;
        width: 0;
        height: 0;
        overflow: hidden;
      }
      .regions {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 0.5rem;
        margin-top: 0.5rem;
      }
      .regions select {
        max-width: 100%;
        min-height: 2.75rem;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    units: { reflect: true },
    noSwitch: { type: Boolean, attribute: 'no-switch' },
    geo: {},
  };
  declare geo: string | undefined;
  declare units: Units | undefined;
  declare noSwitch: boolean;

  constructor() {
    super();
    this.type = 'map';
    this.noSwitch = false;
  }

  protected override chartType(): ChartElementType {
    return 'map';
  }

  /** The units drawn: this map's attribute, else the dashboard's switch. */
  get shownUnits(): Units {
    if (isUnits(this.units)) return this.units;
    return this.client.coordinator?.units ?? '63';
  }

  /** Whether the rows last answered have figures a 34-unit map can show. */
  #has34 = false;
  /** The last answer and what it became, so that the same answer gives the same rows (nothing to redraw). */
  #answered: { rows: Observation[]; units: Units; shown: Observation[] } | null = null;

  protected override answer(rows: Observation[]): Observation[] {
    const units = this.shownUnits;
    if (this.#answered?.rows === rows && this.#answered.units === units) return this.#answered.shown;
    this.#has34 = rowsFor34(rows).length > 0;
    const shown = units === '34' ? rowsFor34(rows) : rows.filter((o) => getRegion(o.region)?.level === 'province');
    this.#answered = { rows, units, shown };
    return shown;
  }

  protected override chartOptions(rows: readonly Observation[]): Record<string, unknown> {
    // The map publishes the selection; outlining it would redraw every shape on each click.
    const { highlight: _, ...rest } = super.chartOptions(rows);
    void _;
    // A canvas cannot fill with SVG patterns: a canvas map in high contrast keeps its class colours.
    return { ...rest, units: this.shownUnits, ...(this.renderer === 'canvas' ? { patterns: false } : {}) };
  }

  /** The boundaries: one object per page and address, handed to the recipe as is on every drawing. */
  protected override async recipeExtras(): Promise<Record<string, unknown>> {
    return { topology: await this.bakedBoundaries() };
  }

  /** The same boundaries for a baked map when it hydrates: the live map, once drawn, reuses them. */
  protected override bakedBoundaries(): Promise<unknown> {
    return loadTopology(this.geo ? new URL(this.geo, document.baseURI).href : DEFAULT_GEO);
  }

  protected override changeKey(): string {
    return `${super.changeKey()}|${this.shownUnits}|${this.geo ?? ''}`;
  }

  #setUnits(u: Units): void {
    const c = this.client.coordinator;
    if (this.units) this.units = u;
    else if (c) c.units = u;
  }

  /** Whether the data has figures a 34-unit map can show (its own, or of provinces not merged). */
  #can34(): boolean {
    return this.shownUnits === '34' || this.#has34;
  }

  /**
   * The map's regions as a list that makes the same selection as a click: small provinces (Bắc Ninh,
   * Hà Nam) are too small a target for a finger or a hand that shakes (WCAG 2.5.8), and a list is
   * what a keyboard and a screen reader use.
   */
  #regionList(): TemplateResult | typeof nothing {
    const lang = this.locale;
    const regions = this.#listed(lang);
    if (regions.length === 0) return nothing;
    const selected = this.client.coordinator?.selection.selectedRegions() ?? [];
    const one = selected.length === 1 ? selected[0] : '';
    const id = `regions-${this.indicator ?? ''}`;
    return html`<div class="regions" part="regions">
      <label for=${id}>${t('COMPONENTS_REGION_LIST', lang, { count: regions.length })}</label>
      <select id=${id} @change=${(e: Event) => {
        const value = (e.target as HTMLSelectElement).value;
        this.selectRegions(value ? [value] : []);
      }}>
        <option value="" ?selected=${one === ''}>${t('COMPONENTS_REGION_LIST_NONE', lang)}</option>
        ${regions.map((r) => html`<option value=${r.id} ?selected=${r.id === one}>${r.name}</option>`)}
      </select>
    </div>`;
  }

  /** The regions of the list in name order, sorted once per rows shown and language (a selection re-renders the map, not its list). */
  #listed(lang: Lang): { id: string; name: string }[] {
    if (this.#list?.rows !== this.shown || this.#list.lang !== lang) {
      // A unit gone before the map's boundaries were drawn (Hà Tây, 2008) has no shape to stand for.
      const regions = [...new Set(this.shown.map((o) => o.region))]
        .filter((id) => !(getRegion(id)?.validTo && (getRegion(id)?.validTo ?? '') < END_OF_63))
        .map((id) => ({ id, name: regionName(id, lang) }))
        .sort((a, b) => a.name.localeCompare(b.name, lang));
      this.#list = { rows: this.shown, lang, regions };
    }
    return this.#list.regions;
  }
  #list: { rows: Observation[]; lang: Lang; regions: { id: string; name: string }[] } | null = null;
  #patterns: readonly FillPattern[] | null = null;
  #patternsLoading: Promise<void> | null = null;

  /**
   * The classes' fill patterns, beside the drawing: a fragment URL resolves within the shadow root,
   * and Vega keeps its own `<defs>` to itself. Not `display: none`, which would stop them drawing.
   */
  protected override renderOverChart(): TemplateResult | typeof nothing {
    // Only the high-contrast theme fills with patterns: their definitions load then, not on every page
    // (a small module, there long before Vega has drawn the map; a reference resolves once it appears).
    const patterns = this.#patterns;
    if (!patterns) {
      if (!this.#patternsLoading && wantsHighContrast(this)) {
        this.#patternsLoading = import('../../charts/patterns.js').then((m) => {
          this.#patterns = m.FILL_PATTERNS;
          this.requestUpdate();
        });
      }
      return nothing;
    }
    return html`<svg class="patterns" aria-hidden="true" focusable="false" width="0" height="0"><defs>${patterns.map(
      (p) => svg`<pattern id=${p.id} patternUnits="userSpaceOnUse" width=${p.size} height=${p.size} patternTransform=${p.angle ? `rotate(${p.angle})` : nothing}>
        <rect width=${p.size} height=${p.size} fill="#ffffff"></rect>
        ${p.marks.map((m) =>
          m.kind === 'circle'
            ? svg`<circle cx=${m.cx} cy=${m.cy} r=${m.r} fill="#000000"></circle>`
            : svg`<line x1=${m.x1} y1=${m.y1} x2=${m.x2} y2=${m.y2} stroke="#000000" stroke-width=${m.width}></line>`,
        )}
      </pattern>`,
    )}</defs></svg>`;
  }

  protected override renderExtra(): TemplateResult | typeof nothing {
    return html`${this.#units()}${this.#regionList()}`;
  }

  #units(): TemplateResult | typeof nothing {
    if (this.noSwitch || !this.#can34()) return nothing;
    const lang = this.locale;
    const name = `units-${this.indicator ?? ''}`;
    return html`<fieldset class="units" part="units">
      <legend class="visually-hidden">${t('COMPONENTS_MAP_UNITS', lang)}</legend>
      ${(['63', '34'] as const).map(
        (u) => html`<label><input type="radio" name=${name} value=${u} .checked=${this.shownUnits === u} @change=${() => this.#setUnits(u)} />
          ${t(u === '63' ? 'COMPONENTS_MAP_63' : 'COMPONENTS_MAP_34', lang)}</label>`,
      )}
    </fieldset>
    ${this.shownUnits === '34' ? html`<p class="note">${t('COMPONENTS_MAP_34_NOTE', lang, { count: unchangedUnitCount() })}</p>` : nothing}`;
  }
}
