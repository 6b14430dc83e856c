import { css, html, nothing, type PropertyValues } from 'lit';
import type { PropertyDeclarations } from 'lit';
import { listRegions, getRegion, type Region } from '../../registry/index.js';
import { ChisoViewElement } from '../core/view-element.js';
import { baseStyles } from '../core/styles.js';
import { t } from '../core/i18n.js';
import { regionName } from '../../registry/names.js';
import { isUnits, type Units } from '../../registry/crosswalk.js';
import { searchRegions } from './search.js';
import type { Connector } from '../../connectors/connector.js';

let nextId = 0;

/**
 * @tagname chiso-filter
 * @summary Controls for the dashboard's selection: a region picker that searches without diacritics, a period range and the 63/34 switch.
 *
 * "da nang" finds Đà Nẵng, "hcm" finds TP Hồ Chí Minh. Choosing a region selects it in every view;
 * the period range narrows them all.
 *
 * @attr controls - Which controls to show, comma separated: `region, period, units`. Default all three.
 *
 * @event chiso-filter-change - The filter changed the selection; `detail` has `regions` and `periods`.
 *
 * @csspart search - The search box.
 * @csspart options - The list of matching regions.
 * @csspart selected - The line naming the selected regions.
 * @csspart period - The period range controls.
 * @csspart units - The 63/34 switch.
 */
export class ChisoFilter extends ChisoViewElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: flex-start;
      }
      .search {
        position: relative;
        min-width: 14rem;
      }
      label,
      legend {
        display: block;
        font-size: 0.9em;
        color: var(--_muted);
        margin-bottom: 0.125rem;
      }
      [role='listbox'] {
        position: absolute;
        z-index: 4;
        left: 0;
        right: 0;
        margin: 0.125rem 0 0;
        padding: 0.25rem 0;
        list-style: none;
        background: var(--_bg);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 12px rgb(0 0 0 / 0.15);
      }
      [role='option'] {
        padding: 0.25rem 0.5rem;
        cursor: pointer;
      }
      [role='option'][aria-selected='true'],
      [role='option']:hover {
        background: var(--_surface);
        outline: 2px solid var(--_accent);
        outline-offset: -2px;
      }
      fieldset {
        border: 0;
        margin: 0;
        padding: 0;
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: flex-end;
      }
      fieldset label {
        display: inline-flex;
        gap: 0.25rem;
        align-items: center;
        color: var(--_fg);
      }
      .selected {
        margin: 0.25rem 0 0;
        font-size: 0.9em;
      }
    `,
  ];
  static override properties: PropertyDeclarations = {
    controls: {},
    _query: { state: true, attribute: false },
    _active: { state: true, attribute: false },
    _open: { state: true, attribute: false },
  };

  declare controls: string | undefined;
  declare _query: string;
  declare _active: number;
  declare _open: boolean;
  readonly #id = `chiso-filter-${nextId++}`;
  #matches: Region[] = [];

  constructor() {
    super(false);
    this._query = '';
    this._active = 0;
    this._open = false;
  }

  /** The filter publishes selections; it shows no rows of its own. */
  protected override asksRows(): boolean {
    return false;
  }

  #has(control: 'region' | 'period' | 'units'): boolean {
    return !this.controls || this.controls.split(/[,\s]+/).includes(control);
  }

  get units(): Units {
    return this.client.coordinator?.units ?? '63';
  }

  /** Distinct regions and periods of a dashboard whose connector holds the data (not the page). */
  #asked: { connector: Connector; regions: string[]; periods: string[] } | null = null;

  /** The regions and periods in the data: from the page's observations, else asked of the connector. */
  #inData(): { regions: Iterable<string>; periods: Iterable<string> } {
    const c = this.client.coordinator;
    if (!c) return { regions: [], periods: [] };
    if (c.local) return { regions: c.observations.map((o) => o.region), periods: c.observations.map((o) => o.period) };
    if (this.#asked?.connector !== c.connector) this.#ask(c.connector);
    return { regions: this.#asked?.regions ?? [], periods: this.#asked?.periods ?? [] };
  }

  /** Two small summaries (by region, by period) instead of reading every observation. */
  #ask(connector: Connector): void {
    this.#asked = { connector, regions: [], periods: [] };
    const distinct = async (column: 'region' | 'period') =>
      (await connector.query({ derive: [{ op: 'summarize', by: [column], measures: { n: { fn: 'count' } } }] })).map((r) => r[column]).filter((v): v is string => typeof v === 'string');
    void Promise.all([distinct('region'), distinct('period')]).then(
      ([regions, periods]) => {
        if (this.#asked?.connector !== connector) return;
        this.#asked = { connector, regions, periods };
        this.requestUpdate();
      },
      () => undefined,
    );
  }

  /** Regions the picker offers: the provinces of the current units and any district in the data. */
  candidates(): Region[] {
    const c = this.client.coordinator;
    const level = this.units === '34' ? 'province2025' : 'province';
    const out = listRegions(level).filter((r) => level === 'province2025' || r.validTo === null || r.id !== 'ha-tay');
    if (c) {
      const seen = new Set(out.map((r) => r.id));
      for (const region of this.#inData().regions) {
        if (seen.has(region)) continue;
        const r = getRegion(region);
        if (r && r.level === 'district') {
          seen.add(r.id);
          out.push(r);
        }
      }
    }
    return out;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#matches = this._query ? searchRegions(this._query, this.candidates()) : [];
  }

  /** Selects `regions` in every view of the dashboard (what choosing from the list does). */
  select(regions: string[]): void {
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    sel.selectRegions(this.client, regions);
    this.#changed();
  }

  /** Narrows every view to periods starting in [from, to]. */
  setPeriods(from: string | null, to: string | null): void {
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    if (!from && !to) sel.clearRange();
    else sel.update({ source: this.client, field: 'period', range: [from ?? '0000', to ?? '9999'] });
    this.#changed();
  }

  #changed(): void {
    const sel = this.client.coordinator?.selection;
    if (!sel) return;
    this.dispatchEvent(new CustomEvent('chiso-filter-change', { detail: { regions: sel.selectedRegions(), periods: sel.periodRange() }, bubbles: true, composed: true }));
  }

  #choose(r: Region): void {
    this._query = '';
    this._open = false;
    // The search box adds to what is selected (the line below it names the whole selection).
    this.select([...(this.client.coordinator?.selection.selectedRegions() ?? []), r.id]);
  }

  #onKey(e: KeyboardEvent): void {
    const n = this.#matches.length;
    if (e.key === 'ArrowDown' && n) {
      e.preventDefault();
      this._open = true;
      this._active = (this._active + 1) % n;
    } else if (e.key === 'ArrowUp' && n) {
      e.preventDefault();
      this._active = (this._active - 1 + n) % n;
    } else if (e.key === 'Enter' && n) {
      e.preventDefault();
      this.#choose(this.#matches[Math.min(this._active, n - 1)]);
    } else if (e.key === 'Escape') {
      this._open = false;
    }
  }

  #years(): string[] {
    const c = this.client.coordinator;
    if (!c) return [];
    const ys = new Set<string>();
    for (const p of this.#inData().periods) if (/^\d{4}/.test(p)) ys.add(p.slice(0, 4));
    return [...ys].sort();
  }

  override render() {
    const state = this.renderState();
    if (state) return state;
    const lang = this.locale;
    const id = this.#id;
    const sel = this.client.coordinator!.selection;
    const selected = sel.selectedRegions();
    const range = sel.periodRange();
    // The range chosen, here or by another view (a line chart's brush), not a player's period inside it.
    const ownRange = sel.chosenRange();
    const open = this._open && this.#matches.length > 0;
    const years = this.#years();
    return html`
      ${this.#has('region')
        ? html`<div class="search" part="search">
            <label for="${id}-q">${t('COMPONENTS_FILTER_REGION', lang)}</label>
            <input
              id="${id}-q"
              type="search"
              role="combobox"
              autocomplete="off"
              aria-autocomplete="list"
              aria-expanded=${open ? 'true' : 'false'}
              aria-controls="${id}-list"
              aria-activedescendant=${open ? `${id}-o${this._active}` : nothing}
              placeholder=${t('COMPONENTS_FILTER_PLACEHOLDER', lang)}
              .value=${this._query}
              @input=${(e: InputEvent) => {
                this._query = (e.target as HTMLInputElement).value;
                this._active = 0;
                this._open = true;
              }}
              @keydown=${this.#onKey}
              @blur=${() => setTimeout(() => (this._open = false), 150)}
            />
            <ul id="${id}-list" role="listbox" part="options" aria-label=${t('COMPONENTS_FILTER_REGION', lang)} ?hidden=${!open}>
              ${this.#matches.map(
                (r, i) => html`<li id="${id}-o${i}" role="option" aria-selected=${i === this._active ? 'true' : 'false'} @mousedown=${(e: Event) => e.preventDefault()} @click=${() => this.#choose(r)}>
                  ${regionName(r.id, lang)}
                </li>`,
              )}
            </ul>
            ${this._query && this.#matches.length === 0 ? html`<p class="selected" role="status">${t('COMPONENTS_FILTER_NO_MATCH', lang)}</p>` : nothing}
            <p class="selected" part="selected" aria-live="polite">
              ${selected.length ? t('COMPONENTS_FILTER_SELECTED', lang, { names: selected.map((r) => regionName(r, lang)).join(', ') }) : t('COMPONENTS_FILTER_NONE', lang)}
              ${selected.length || range
                ? html`<button type="button" @click=${() => {
                    sel.clear();
                    this.#changed();
                  }}>${t('COMPONENTS_FILTER_CLEAR', lang)}</button>`
                : nothing}
            </p>
          </div>`
        : nothing}
      ${this.#has('period') && years.length > 1
        ? html`<fieldset part="period">
            <label>${t('COMPONENTS_FILTER_FROM', lang)}
              <select @change=${(e: Event) => this.setPeriods((e.target as HTMLSelectElement).value || null, ownRange?.[1] ?? null)}>
                <option value="" ?selected=${!ownRange}>–</option>
                ${years.map((y) => html`<option value=${y} ?selected=${ownRange?.[0] === y}>${y}</option>`)}
              </select>
            </label>
            <label>${t('COMPONENTS_FILTER_TO', lang)}
              <select @change=${(e: Event) => this.setPeriods(ownRange?.[0] ?? null, (e.target as HTMLSelectElement).value || null)}>
                <option value="" ?selected=${!ownRange}>–</option>
                ${years.map((y) => html`<option value=${y} ?selected=${ownRange?.[1] === y}>${y}</option>`)}
              </select>
            </label>
          </fieldset>`
        : nothing}
      ${this.#has('units')
        ? html`<fieldset part="units">
            <legend>${t('COMPONENTS_MAP_UNITS', lang)}</legend>
            ${(['63', '34'] as const).map(
              (u) => html`<label><input type="radio" name="${id}-units" value=${u} .checked=${this.units === u} @change=${() => this.#setUnits(u)} />
                ${t(u === '63' ? 'COMPONENTS_MAP_63' : 'COMPONENTS_MAP_34', lang)}</label>`,
            )}
          </fieldset>`
        : nothing}
    `;
  }

  #setUnits(u: string): void {
    const c = this.client.coordinator;
    if (c && isUnits(u)) c.units = u;
  }
}
