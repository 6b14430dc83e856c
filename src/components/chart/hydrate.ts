import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Spec as VegaSpec } from 'vega';
import type { Lang } from '../../messages/index.js';
import { hydrateChart, shadowTooltip, type EmbeddedChart } from '../../render/browser.js';
import type { BakedBoundaries } from './baked-map.js';

/**
 * When a baked chart (`chiso bake`) loads Vega and becomes interactive:
 * - `interaction` (default): when the reader points at it, touches it, focuses it or presses a key in it;
 * - `visible`: when it scrolls into view;
 * - `idle`: when the page has nothing else to do;
 * - `never`: it stays the baked picture (clicks on its regions still select them).
 */
export const HydrateMode = { interaction: 'interaction', visible: 'visible', idle: 'idle', never: 'never' } as const;
export type HydrateMode = keyof typeof HydrateMode;
export function isHydrateMode(value: unknown): value is HydrateMode {
  return typeof value === 'string' && Object.hasOwn(HydrateMode, value);
}

export interface HydrateHost extends ReactiveControllerHost, HTMLElement {
  readonly baked: boolean;
  readonly locale: Lang;
  hydrate: string | undefined;
}

export interface HydrateHooks {
  /** The baked content (`[data-chiso-baked]`), or null. */
  content: () => HTMLElement | null;
  /** A click on a mark of the live view. */
  click: (event: MouseEvent, item: unknown) => void;
  /** A click on a baked mark that names its region (`data-region`), before Vega is there. */
  region: (region: string, add: boolean) => void;
  /** A map's boundaries (the embed's file or its `geo`), fetched when a baked map hydrates. */
  boundaries?: () => Promise<unknown>;
  /** The live view is drawn. */
  hydrated: (rows: number) => void;
}

// `pointermove` too: a pointer resting on the chart when its script arrives moves on it, not onto it.
const INTERACTIONS = ['pointerover', 'pointermove', 'pointerdown', 'touchstart', 'focusin', 'keydown'] as const;

/**
 * Baked content made interactive without a jump: Vega draws the compiled spec into a box off the page
 * and the box replaces the baked SVG of the same size. A click made before Vega arrived is replayed
 * on the live view at the same point, so the reader's choice is not lost.
 */
export class HydrateController implements ReactiveController {
  readonly #host: HydrateHost;
  readonly #hooks: HydrateHooks;
  #chart: EmbeddedChart | null = null;
  #started = false;
  #pending: MouseEvent | null = null;
  #io: IntersectionObserver | null = null;
  #idle = 0;

  constructor(host: HydrateHost, hooks: HydrateHooks) {
    this.#host = host;
    this.#hooks = hooks;
    host.addController(this);
  }

  get view(): EmbeddedChart['view'] | null {
    return this.#chart?.view ?? null;
  }

  /** Whether the live view replaced the baked picture. */
  get hydrated(): boolean {
    return this.#chart !== null;
  }

  hostConnected(): void {
    if (!this.#host.baked) return;
    const host = this.#host;
    host.addEventListener('click', this.#onClick);
    const mode = isHydrateMode(host.hydrate) ? host.hydrate : 'interaction';
    if (mode === 'interaction') {
      for (const type of INTERACTIONS) host.addEventListener(type, this.#start, { passive: true });
      // The reader's pointer or focus may be on the chart already when the script arrives.
      if (host.matches(':hover, :focus-within')) queueMicrotask(() => this.start());
    }
    else if (mode === 'visible' && typeof IntersectionObserver !== 'undefined') {
      this.#io = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && this.start(), { rootMargin: '200px' });
      this.#io.observe(host);
    } else if (mode === 'idle') {
      const w = window as Window & { requestIdleCallback?: (fn: () => void, o?: { timeout: number }) => number };
      this.#idle = w.requestIdleCallback ? w.requestIdleCallback(() => this.start(), { timeout: 3000 }) : window.setTimeout(() => this.start(), 200);
    }
  }

  hostDisconnected(): void {
    this.#stopListening();
    this.#host.removeEventListener('click', this.#onClick);
    this.teardown();
  }

  #stopListening(): void {
    const host = this.#host;
    for (const type of INTERACTIONS) host.removeEventListener(type, this.#start);
    this.#io?.disconnect();
    this.#io = null;
    const w = window as Window & { cancelIdleCallback?: (id: number) => void };
    if (this.#idle) (w.cancelIdleCallback ?? window.clearTimeout)(this.#idle);
    this.#idle = 0;
  }

  /** Finalizes the live view (the element leaves its baked form or the page). */
  teardown(): void {
    this.#chart?.finalize();
    this.#chart = null;
    this.#started = false;
  }

  #start = (): void => {
    this.start();
  };

  #onClick = (event: MouseEvent): void => {
    if (this.#chart || !this.#host.baked) return;
    const mark = (event.target as Element | null)?.closest?.('[data-region]');
    const region = mark?.getAttribute('data-region');
    if (region) {
      this.#hooks.region(region, event.shiftKey || event.ctrlKey || event.metaKey);
      return;
    }
    if ((event.target as Element | null)?.closest?.('svg')) this.#pending = event;
    this.start();
  };

  /** Loads Vega and replaces the baked picture with the live view (once). */
  start(): void {
    if (this.#started || !this.#host.baked) return;
    this.#started = true;
    this.#stopListening();
    void this.#hydrate();
  }

  async #hydrate(): Promise<void> {
    const content = this.#hooks.content();
    const json = content?.querySelector('script.chiso-baked-vega')?.textContent;
    const box = content?.querySelector<HTMLElement>('.chiso-baked-chart');
    // No compiled spec (one too large to embed): the baked picture stays, its regions still
    // clickable, until a selection it follows has it drawn the usual way.
    if (!content || !json || !box) return;
    let spec: VegaSpec;
    try {
      spec = JSON.parse(json) as VegaSpec;
    } catch {
      return;
    }
    // A map: its spec was baked without boundaries; they are loaded now, with Vega.
    const geo = content.querySelector('script.chiso-baked-geo')?.textContent;
    if (geo) {
      const load = this.#hooks.boundaries;
      if (!load) return;
      try {
        const [topology, { withBoundaries }] = await Promise.all([load(), import('./baked-map.js')]);
        const full = withBoundaries(spec, JSON.parse(geo) as BakedBoundaries, topology);
        if (!full) return;
        spec = full;
      } catch {
        // The boundaries failed to load: the baked picture is still the map.
        return;
      }
    }
    const host = this.#host;
    const tooltip = host.shadowRoot ? shadowTooltip(host.shadowRoot, host) : null;
    let chart: EmbeddedChart;
    try {
      chart = await hydrateChart(box, spec, { locale: host.locale, ...(tooltip ? { tooltip: tooltip.handler } : {}) });
    } catch {
      // Vega failed to load (a network error): the baked picture is still the chart.
      tooltip?.remove();
      return;
    }
    if (!host.baked || !host.isConnected) {
      chart.finalize();
      return;
    }
    this.#chart = chart;
    chart.view.addEventListener('click', (event, item) => this.#hooks.click(event as MouseEvent, item));
    this.#hooks.hydrated(content.querySelectorAll('tbody tr').length);
    this.#replay();
  }

  /** The click made before Vega arrived, on what is now at that point. */
  #replay(): void {
    const e = this.#pending;
    this.#pending = null;
    if (!e) return;
    const target = this.#host.ownerDocument.elementFromPoint(e.clientX, e.clientY);
    if (!target || !this.#host.contains(target)) return;
    const init = { bubbles: true, cancelable: true, composed: true, clientX: e.clientX, clientY: e.clientY, screenX: e.screenX, screenY: e.screenY, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, button: e.button };
    // Vega picks the item under a pointer event from its target, on mousedown, mouseup and click.
    target.dispatchEvent(new MouseEvent('click', init));
  }
}
