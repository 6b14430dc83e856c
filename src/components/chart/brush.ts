import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface BrushHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export interface BrushOptions {
  /** Whether a drag may start now (a drawn line chart, the main button). */
  enabled: () => boolean;
  /** The Vega view drawn now, whose x scale places periods. */
  view: () => { scale(name: string): unknown; origin(): [number, number] } | null;
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
      const v = scale.invert(clientX - box.getBoundingClientRect().left - view.origin()[0]);
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
