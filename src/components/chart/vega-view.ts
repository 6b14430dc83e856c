import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../../messages/index.js';
import { embedChart, shadowTooltip, type EmbeddedChart } from '../../render/browser.js';
import { liveSpec, liveChanges, liveParts, applyFeatures, changesLayout } from '../core/live-spec.js';

export interface VegaViewOptions {
  locale: Lang;
  renderer: 'svg' | 'canvas';
}

type View = EmbeddedChart['view'];

/**
 * Resolves in a task after the next frame is painted (a frame's callback, then a task); at once in a
 * hidden page, which paints no frames, and after 100 ms at most.
 */
function afterPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function' || document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const done = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(done);
        resolve();
      }, 0),
    );
  });
}

/**
 * The Vega view of one element, bound to its lifecycle: embeds a spec, updates the drawn view in
 * place when a new spec has the same shape (new rows, domains, highlight), finalizes it when the
 * element leaves the page, and exports what is drawn as SVG or PNG.
 */
export class VegaViewController implements ReactiveController {
  readonly #host: ReactiveControllerHost & HTMLElement;
  readonly #onClick: (event: MouseEvent, item: unknown) => void;
  #embedded: EmbeddedChart | null = null;
  /** The drawn view's shape and renderer: a new spec in the same shape and renderer updates it in place. */
  #shape = '';
  /** JSON text of each dataset and parameter in the drawn view. */
  #live: Record<string, string> = {};
  #token = 0;
  #tooltip: { handler: (...a: never[]) => void; remove(): void } | null = null;
  /** The spec handed to vega-embed last (datasets and parameters split out). */
  embeddedSpec: TopLevelSpec | null = null;

  constructor(host: ReactiveControllerHost & HTMLElement, onClick: (event: MouseEvent, item: unknown) => void) {
    this.#host = host;
    this.#onClick = onClick;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.teardown();
  }

  get view(): View | null {
    return this.#embedded?.view ?? null;
  }

  /**
   * Draws `spec` in `container`. Resolves to `true` when a new view was embedded, `false` when the
   * drawn one was updated in place, `null` when a newer draw or a teardown made this one moot.
   */
  async draw(container: HTMLElement, spec: TopLevelSpec, { locale, renderer }: VegaViewOptions): Promise<boolean | null> {
    const token = ++this.#token;
    const t0 = performance.now();
    const live = liveSpec(spec);
    const shape = `${renderer}|${live.shape}`;
    performance.measure('chiso:split', { start: t0, end: performance.now() });
    const view = this.#embedded?.view;
    const changes = view && shape === this.#shape ? liveChanges(this.#live, live) : null;
    // A map's features must match the drawn ones one for one; otherwise it is drawn anew.
    const fits = !!view && !!changes && changes.features.every(([name, props]) => (view.data(name) as unknown[]).length === props.length);
    if (view && changes && fits) {
      if (changes.features.length) {
        // A map recoloured (a player's step): its figures go in after the next frame is painted, in a
        // task of their own, so the question and the spec before it and this update never share a frame.
        await afterPaint();
        if (token !== this.#token) return null;
      }
      // Same shape: new rows, domains, titles and a map's figures flow into the drawn view, only what changed.
      for (const [name, value] of changes.params) view.signal(name, value);
      for (const [name, values] of changes.datasets) view.data(name, values);
      for (const [name, props] of changes.features) applyFeatures(view as never, name, props);
      if (changesLayout(changes)) view.resize();
      if (live.description !== null) view.description(live.description);
      const t1 = performance.now();
      if (changes.params.length || changes.datasets.length || changes.features.length) await view.runAsync();
      if (token !== this.#token) return null;
      performance.measure('chiso:update', { start: t1, end: performance.now() });
      this.#live = live.texts;
      this.embeddedSpec = live.spec;
      return false;
    }
    this.#finalize();
    const root = this.#host.shadowRoot;
    if (root) this.#tooltip ??= shadowTooltip(root, this.#host);
    const t1 = performance.now();
    const next = await embedChart(container, live.spec, { locale, renderer, shape: { shape: live.shape, parts: liveParts(live) }, ...(this.#tooltip ? { tooltip: this.#tooltip.handler as never } : {}) });
    if (token !== this.#token || !this.#host.isConnected) {
      next.finalize();
      return null;
    }
    this.#embedded = next;
    this.#shape = shape;
    this.#live = live.texts;
    this.embeddedSpec = live.spec;
    performance.measure('chiso:embed', { start: t1, end: performance.now() });
    next.view.addEventListener('click', (event, item) => this.#onClick(event as MouseEvent, item));
    return true;
  }

  /**
   * Updates the drawn view in place at once (no waiting), when `spec` has its shape: for a page about
   * to be printed. `false` when there is no view or the shape differs.
   */
  drawNow(spec: TopLevelSpec, { renderer }: Pick<VegaViewOptions, 'renderer'>): boolean {
    if (!this.#embedded) return false;
    const live = liveSpec(spec);
    if (`${renderer}|${live.shape}` !== this.#shape) return false;
    this.#token++;
    const view = this.#embedded.view;
    const changes = liveChanges(this.#live, live);
    if (!changes.features.every(([name, props]) => (view.data(name) as unknown[]).length === props.length)) return false;
    for (const [name, value] of changes.params) view.signal(name, value);
    for (const [name, values] of changes.datasets) view.data(name, values);
    for (const [name, props] of changes.features) applyFeatures(view as never, name, props);
    if (changesLayout(changes)) view.resize();
    if (live.description !== null) view.description(live.description);
    view.run();
    this.#live = live.texts;
    this.embeddedSpec = live.spec;
    return true;
  }

  /** Finalizes the view and empties its box; a draw in flight drops its result. */
  teardown(): void {
    this.#token++;
    this.#finalize();
    this.#tooltip?.remove();
    this.#tooltip = null;
    this.#host.shadowRoot?.querySelector('.chart')?.replaceChildren();
  }

  #finalize(): void {
    this.#embedded?.finalize();
    this.#embedded = null;
    this.#shape = '';
    this.#live = {};
  }

  async toSVG(): Promise<string | null> {
    return this.#embedded ? this.#embedded.toSVG() : null;
  }

  async toPNG(scale: number): Promise<string | null> {
    return this.#embedded ? this.#embedded.toPNG(scale) : null;
  }
}
