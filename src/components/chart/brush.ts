import { html, type TemplateResult } from 'lit';
import type { Lang } from '../../messages/index.js';
import { t } from '../core/i18n.js';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BrushHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface BrushOptions {
  /** Whether a drag may start now (a drawn line chart, the main button). */
  enabled: () => boolean;
  /** The Vega view drawn now, whose x scale places periods. */
  view: () => { scale(name: string): unknown; origin(): [number, number]; padding(): number | { left?: number } } | null;
  /** A drag ended: start years of the first and last periods under it, rounded to whole years. */
  brushed: (from: string, to: string) => void;
  /** A click without a drag: the view's period range goes. */
  cleared: () => void;
}

/**
 * A drag across a line chart, as a controller: draws the band while the pointer moves and turns it
 * into a range of years from the view's x scale when the pointer is released. The element binds
 * `down`, `move` and `up` to its chart box.
 */
export class BrushController implements ReactiveController {
  readonly #host: BrushHost;
  readonly #o: BrushOptions;
  #start: number | null = null;
  #box: HTMLDivElement | null = null;

  constructor(host: BrushHost, options: BrushOptions) {
    this.#host = host;
    this.#o = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#start = null;
    this.#box?.remove();
    this.#box = null;
  }

  /** The year under a pointer position, from the view's x scale (line charts place periods on it). */
  #yearAt(clientX: number): number | null {
    const view = this.#o.view();
    const box = this.#host.renderRoot.querySelector('.chart svg, .chart canvas');
    if (!view || !box) return null;
    try {
      const scale = view.scale('x') as { invert?: (x: number) => number } | undefined;
      if (!scale?.invert) return null;
      // The origin leaves out the view's padding: the plot starts after both.
      const v = scale.invert(clientX - box.getBoundingClientRect().left - padLeft(view.padding()) - view.origin()[0]);
      return Number.isFinite(v) ? v : null;
    } catch {
      return null;
    }
  }

  down = (e: PointerEvent): void => {
    if (e.button !== 0 || !this.#o.enabled()) return;
    this.#start = e.clientX;
  };

  move = (e: PointerEvent): void => {
    if (this.#start === null) return;
    const chartBox = this.#host.renderRoot.querySelector<HTMLElement>('.chart');
    if (!chartBox || Math.abs(e.clientX - this.#start) < 4) return;
    if (!this.#box) {
      this.#box = document.createElement('div');
      this.#box.className = 'brush';
      chartBox.appendChild(this.#box);
    }
    const left = chartBox.getBoundingClientRect().left;
    const a = Math.min(e.clientX, this.#start) - left;
    const b = Math.max(e.clientX, this.#start) - left;
    // Through CSSOM: a style attribute would need 'unsafe-inline' under a strict CSP.
    this.#box.style.setProperty('left', `${a}px`);
    this.#box.style.setProperty('width', `${b - a}px`);
  };

  up = (e: PointerEvent): void => {
    if (this.#start === null) return;
    const start = this.#start;
    this.#start = null;
    this.#box?.remove();
    this.#box = null;
    if (Math.abs(e.clientX - start) < 4) {
      this.#o.cleared();
      return;
    }
    const a = this.#yearAt(Math.min(start, e.clientX));
    const b = this.#yearAt(Math.max(start, e.clientX));
    if (a === null || b === null) return;
    this.#o.brushed(String(Math.ceil(a - 0.5)), String(Math.floor(b + 0.5)));
  };
}

/** The left padding of a Vega view (a number pads every side alike). */
export function padLeft(p: number | { left?: number }): number {
  return typeof p === 'number' ? p : (p.left ?? 0);
}

/** What the brush's keyboard and button alternative needs from its chart. */
export interface RangeControls {
  lang: Lang;
  /** The start years the chart draws, in order. */
  years: readonly string[];
  /** The years chosen now, or `null`. */
  range: readonly [string, string] | null;
  set: (from: string, to: string) => void;
  clear: () => void;
}

/**
 * The drag's alternative (WCAG 2.5.7): the first and last year in two lists, buttons that move the
 * chosen years one period earlier or later, and one that clears them; all of it works from the
 * keyboard, and the chart announces each choice.
 */
export function rangeControls(c: RangeControls): TemplateResult {
  const { lang, years } = c;
  const [from, to] = c.range ?? [years[0], years[years.length - 1]];
  const i = Math.max(0, years.indexOf(from));
  const j = Math.max(i, years.indexOf(to) < 0 ? years.length - 1 : years.indexOf(to));
  const pick = (which: 'from' | 'to') => (e: Event) => {
    const v = (e.target as HTMLSelectElement).value;
    const [a, b] = which === 'from' ? [v, years[j]] : [years[i], v];
    c.set(a <= b ? a : b, a <= b ? b : a);
  };
  const shift = (by: number) => () => {
    const a = i + by;
    const b = j + by;
    if (a < 0 || b >= years.length) return;
    c.set(years[a], years[b]);
  };
  const list = (which: 'from' | 'to', selected: string) =>
    html`<select @change=${pick(which)}>${years.map((y) => html`<option value=${y} ?selected=${y === selected}>${y}</option>`)}</select>`;
  return html`<details class="range" part="range">
    <summary>${t('COMPONENTS_RANGE', lang)}</summary>
    <div class="range-controls" role="group" aria-label=${t('COMPONENTS_RANGE', lang)}>
      <label>${t('COMPONENTS_RANGE_FROM', lang)} ${list('from', years[i])}</label>
      <label>${t('COMPONENTS_RANGE_TO', lang)} ${list('to', years[j])}</label>
      <button type="button" ?disabled=${i === 0} @click=${shift(-1)}>${t('COMPONENTS_RANGE_EARLIER', lang)}</button>
      <button type="button" ?disabled=${j >= years.length - 1} @click=${shift(1)}>${t('COMPONENTS_RANGE_LATER', lang)}</button>
      <button type="button" ?disabled=${c.range === null} @click=${c.clear}>${t('COMPONENTS_RANGE_CLEAR', lang)}</button>
    </div>
  </details>`;
}
