import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import type { PropertyDeclarations } from 'lit';
import type { Observation } from '../../types.js';
import { ChisoChart } from '../chart/chart.component.js';
import { multiplesPanelsOf } from '../core/recipe.js';
import { t } from '../core/i18n.js';
import { forEar } from '../../format/spoken.js';

/** One panel of the grid as the keyboard and a screen reader meet it: its region, its words and where it is drawn. */
interface Cell {
  region: string;
  name: string;
  description: string;
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Space above a panel's plot that its header (name and latest figure) takes, in drawing pixels. */
const HEADER = 22;
/** Space below it that its time axis takes. */
const AXIS = 16;

const multiplesStyles = css`
  .panels {
    position: absolute;
    left: 0;
    top: 0;
    width: 0;
    height: 0;
  }
  .panel {
    position: absolute;
    box-sizing: border-box;
    border-radius: var(--_radius);
    pointer-events: none;
  }
  .panel:focus {
    outline: none;
  }
  .panel:focus-visible,
  .panel.current:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .panel[aria-selected='true'] {
    box-shadow: inset 0 0 0 2px var(--_accent);
  }
  @media (forced-colors: active) {
    .panel[aria-selected='true'] {
      box-shadow: none;
      outline: 2px solid Highlight;
    }
  }
  @media print {
    .panels {
      display: none;
    }
  }
`;

/**
 * @tagname chiso-multiples
 * @summary Small multiples: one small line chart per region on shared scales, ordered by a chosen figure; a keyboard grid of panels, each with its own description, exported as one picture.
 *
 * The panels reflow to the width (at least 100 px each: two a row on a phone). Tab reaches the grid
 * once; the arrow keys move between panels (Home and End to a row's ends, Ctrl+Home and Ctrl+End to
 * the first and last), each read out with its own description; Enter or Space selects the panel's
 * region in the other views. The download menu saves the whole grid as one SVG or PNG.
 *
 * @attr indicator - Indicator id, e.g. `poverty_rate`.
 * @attr panels - `34` for the 34 units of 1 July 2025, a GSO region id (`R1` … `R6`) for its provinces, or region ids separated by commas. Default: every region in the data.
 * @attr sort - `latest` (default), `change` or `name`.
 * @attr order - `descending` (default for figures) or `ascending` (default for names).
 * @attr columns - Panels a row. Default: as many as fit.
 * @attr period - Start years to show: `2010-2016`.
 * @attr series - A sub-series id (`total`).
 * @attr walk - The arrow keys also walk through each panel's figures (see `<chiso-chart>`).
 *
 * @event chiso-render - The grid was drawn.
 * @event chiso-error - The grid could not be drawn.
 *
 * @csspart chart - The box Vega draws in.
 * @csspart panels - The keyboard grid over the panels.
 * @csspart description - The description of the whole grid.
 * @csspart export - The download menu.
 * @csspart data - The data table disclosure.
 */
export class ChisoMultiples extends ChisoChart {
  static override styles = [...ChisoChart.styles, multiplesStyles];
  static override properties: PropertyDeclarations = {
    panels: { reflect: true },
    sort: { reflect: true },
    order: { reflect: true },
    columns: { type: Number },
    _cells: { state: true, attribute: false },
    _current: { state: true, attribute: false },
  };
  declare panels: string | undefined;
  declare sort: string | undefined;
  declare order: string | undefined;
  declare columns: number | undefined;
  declare _cells: Cell[];
  declare _current: number;
  /** Panels a row as drawn. */
  #perRow = 1;
  /** The panels' words for the rows drawn last (the same rows and options give the same words). */
  #words: { key: string; panels: Promise<{ region: string; name: string; description: string }[]> } | null = null;

  constructor() {
    super();
    this.type = 'multiples' as never;
    this._cells = [];
    this._current = 0;
  }

  protected override chartType(): 'multiples' {
    return 'multiples';
  }

  /** Every panel is drawn whatever is selected elsewhere: a selection is shown, not filtered. */
  protected override filtersRegions(): boolean {
    return false;
  }

  #panelsOption(): string | string[] | undefined {
    const p = this.panels?.trim();
    if (!p) return undefined;
    if (p === '34' || !p.includes(',')) return p;
    return p.split(',').map((s) => s.trim()).filter(Boolean);
  }

  protected override chartOptions(rows: readonly Observation[]): Record<string, unknown> {
    const { highlight: _, ...rest } = super.chartOptions(rows);
    void _;
    const panels = this.#panelsOption();
    return {
      ...rest,
      ...(panels !== undefined ? { panels } : {}),
      ...(this.sort ? { sort: this.sort } : {}),
      ...(this.order ? { order: this.order } : {}),
      ...(this.columns ? { columns: this.columns } : {}),
      ...((this.options ?? {}) as Record<string, unknown>),
    };
  }

  /** The walk goes down the panels in their order. */
  protected override walkOrder(): string[] {
    return this._cells.map((c) => c.region);
  }

  protected override drawn(): void {
    super.drawn();
    void this.#layCells();
  }

  /** Finds each panel in the drawn view (Vega's facet cells, by their region name) and lays a focusable cell over it. */
  async #layCells(): Promise<void> {
    const rows = this.shown;
    const opts = this.chartOptions(rows);
    const key = JSON.stringify([opts, this.locale]);
    if (this.#words?.key !== key || !rows.length) this.#words = { key, panels: multiplesPanelsOf(rows, opts, this.locale) };
    let panels: { region: string; name: string; description: string }[];
    try {
      panels = await this.#words.panels;
    } catch {
      this._cells = [];
      return;
    }
    const view = this.view;
    const drawn = this.renderRoot.querySelector<SVGSVGElement | HTMLCanvasElement>('.chart svg, .chart canvas');
    if (!view || !drawn || rows !== this.shown) return;
    const found = new Map<string, { x: number; y: number; width: number; height: number }>();
    const walk = (item: SceneItem, dx: number, dy: number, depth: number): void => {
      for (const mark of item.items ?? []) {
        for (const it of (mark as SceneMark).items ?? []) {
          const x = dx + (it.x ?? 0);
          const y = dy + (it.y ?? 0);
          const name = (mark as SceneMark).name;
          const panel = (it.datum as Record<string, unknown> | undefined)?.panel;
          if (name === 'cell' && typeof panel === 'string') found.set(panel, { x, y, width: it.width ?? 0, height: it.height ?? 0 });
          else if (depth < 3 && (mark as SceneMark).marktype === 'group') walk(it, x, y, depth + 1);
        }
      }
    };
    const root = (view as unknown as { scenegraph(): { root: SceneMark } }).scenegraph().root;
    const top = root.items?.[0];
    if (top) walk(top, 0, 0, 0);
    const [vx, vy] = view.origin();
    // The origin leaves out the view's padding; the drawing's pixels start before it.
    const pad = (view as unknown as { padding(): { left?: number; top?: number } }).padding();
    const [ox, oy] = [vx + (pad.left ?? 0), vy + (pad.top ?? 0)];
    const r = drawn.getBoundingClientRect();
    const host = this.getBoundingClientRect();
    const style = getComputedStyle(this);
    const px = (v: string) => Number.parseFloat(v) || 0;
    const intrinsic = drawn instanceof HTMLCanvasElement ? drawn.width / (window.devicePixelRatio || 1) : Number(drawn.getAttribute('width')) || r.width;
    const scale = intrinsic > 0 ? r.width / intrinsic : 1;
    const left0 = r.left - host.left - px(style.borderLeftWidth);
    const top0 = r.top - host.top - px(style.borderTopWidth);
    const cells: Cell[] = [];
    for (const p of panels) {
      const b = found.get(p.name);
      if (!b) continue;
      cells.push({
        region: p.region, name: p.name, description: forEar(p.description, this.locale),
        left: left0 + (ox + b.x) * scale - 3, top: top0 + (oy + b.y - HEADER) * scale, width: b.width * scale + 6, height: (b.height + HEADER + AXIS) * scale + 3,
      });
    }
    const tops = [...new Set(cells.map((c) => Math.round(c.top)))];
    this.#perRow = Math.max(1, cells.filter((c) => Math.round(c.top) === tops[0]).length);
    this._cells = cells;
    if (this._current >= cells.length) this._current = 0;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    // Through CSSOM: a style attribute would need 'unsafe-inline' under a strict CSP.
    const els = this.renderRoot.querySelectorAll<HTMLElement>('.panel');
    els.forEach((el, i) => {
      const c = this._cells[i];
      if (!c) return;
      el.style.setProperty('left', `${c.left}px`);
      el.style.setProperty('top', `${c.top}px`);
      el.style.setProperty('width', `${c.width}px`);
      el.style.setProperty('height', `${c.height}px`);
    });
  }

  #key = (e: KeyboardEvent): void => {
    const n = this._cells.length;
    if (!n) return;
    const i = this._current;
    const cols = this.#perRow;
    const rowStart = i - (i % cols);
    let next: number | null = null;
    switch (e.key) {
      case 'ArrowRight': next = Math.min(n - 1, i + 1); break;
      case 'ArrowLeft': next = Math.max(0, i - 1); break;
      case 'ArrowDown': next = i + cols < n ? i + cols : i; break;
      case 'ArrowUp': next = i - cols >= 0 ? i - cols : i; break;
      case 'Home': next = e.ctrlKey ? 0 : rowStart; break;
      case 'End': next = e.ctrlKey ? n - 1 : Math.min(n - 1, rowStart + cols - 1); break;
      case 'PageDown': next = Math.min(n - 1, i + cols * 3); break;
      case 'PageUp': next = Math.max(0, i - cols * 3); break;
      case 'Enter':
      case ' ': {
        e.preventDefault();
        const c = this._cells[i];
        this.client.coordinator?.selection.toggleRegion(this.client, c.region, false);
        this.requestUpdate();
        return;
      }
      default: return;
    }
    e.preventDefault();
    this._current = next;
    void this.updateComplete.then(() => {
      const el = this.renderRoot.querySelectorAll<HTMLElement>('.panel')[next];
      el?.focus();
      el?.scrollIntoView({ block: 'nearest' });
    });
  };

  protected override renderOverChart(): TemplateResult | typeof nothing {
    const cells = this._cells;
    if (!cells.length || this.state !== 'ready') return nothing;
    const lang = this.locale;
    const cols = this.#perRow;
    const selected = new Set(this.client.coordinator?.selection.selectedRegions() ?? []);
    const rows: Cell[][] = [];
    for (let k = 0; k < cells.length; k += cols) rows.push(cells.slice(k, k + cols));
    const title = this.description.split('.')[0] ?? '';
    return html`<div class="panels" part="panels" role="grid" aria-label=${t('COMPONENTS_GRID_LABEL', lang, { title, count: cells.length })} aria-rowcount=${rows.length} aria-colcount=${cols} @keydown=${this.#key}>
      ${rows.map(
        (row, r) => html`<div role="row" aria-rowindex=${r + 1}>
          ${row.map((c, k) => {
            const i = r * cols + k;
            return html`<div
              class="panel ${i === this._current ? 'current' : ''}"
              role="gridcell"
              aria-colindex=${k + 1}
              tabindex=${i === this._current ? '0' : '-1'}
              aria-label=${c.description}
              aria-selected=${selected.has(c.region) ? 'true' : 'false'}
              data-region=${c.region}
              @focus=${() => (this._current = i)}
            ></div>`;
          })}
        </div>`,
      )}
    </div>`;
  }
}

/** The parts of Vega's scenegraph the grid reads (an item and its marks). */
interface SceneItem {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  datum?: unknown;
  items?: SceneMark[];
}
interface SceneMark {
  marktype?: string;
  name?: string;
  items?: SceneItem[];
}
