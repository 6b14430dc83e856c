/**
 * Drawing a Vega-Lite spec in a page, safely under a strict Content-Security-Policy: Vega runs its
 * expression interpreter (no `Function()`), nothing adds a `<style>` or an action menu, and the
 * tooltip is drawn by chiso inside the chart's own shadow root with `textContent` only.
 *
 * Vega-Lite and Vega are imported dynamically, so a page pays for them only when the first chart is
 * about to be drawn: the lean Vega (vega-lean.ts) and the recipes' Vega compiled ahead of time
 * (compile-page.ts) for a chart drawn in the page, Vega-Lite's compiler only for a spec of another
 * shape (a page's own), the lean Vega alone for a baked one, the rest of Vega only for a spec that needs it.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { View, Spec as VegaSpec } from 'vega';
import { vegaNumberLocale, vegaTimeLocale } from '../format/index.js';
import type { Lang } from '../format/index.js';
import { hideUnlabelledMarks, type VgMark } from './aria-marks.js';
import { stableFit } from './stable-fit.js';
import type { GeoFunctions } from './geo-deferred.js';
import type { LiveParts } from './compiled-shapes.js';

export { hideUnlabelledMarks } from './aria-marks.js';

type VegaEmbedModule = typeof import('vega-embed');

let loading: Promise<VegaEmbedModule> | null = null;

/**
 * Starts loading vega-embed with the whole of Vega (once per page) and resolves when they are ready,
 * for a page's own script that embeds its own specs; chiso's elements need neither.
 */
export function loadVega(): Promise<VegaEmbedModule> {
  // vega-embed's chunk imports Vega's and the interpreter's: asked for at the same moment, all three
  // arrive in one round trip instead of waiting for vega-embed's chunk to be parsed.
  loading ??= Promise.all([import('vega-embed'), loadVegaRuntime(), loadExpressionInterpreter(), loadGeo(), import('./geoshape-cache.js')]).then(([m, , , , kept]) => {
    // vega-embed brings the whole of Vega, its geographic transforms registered by now.
    kept.registerKeptGeoShape();
    return m;
  });
  return loading;
}

let geoLoading: Promise<void> | null = null;
/**
 * d3-geo, for the whole of Vega: the embed's lean Vega calls it through geo-deferred.ts, which gets
 * it here, when a projection or vega-embed brings the rest of Vega.
 */
function loadGeo(): Promise<void> {
  lean ??= import('./vega-lean.js');
  geoLoading ??= Promise.all([import('d3-geo') as Promise<unknown> as Promise<GeoFunctions>, lean]).then(([geo, runtime]) => runtime.useGeo(geo));
  return geoLoading;
}

type VegaRuntime = Pick<typeof import('vega'), 'View' | 'parse'>;
let lean: Promise<typeof import('./vega-lean.js')> | null = null;
let full: Promise<unknown> | null = null;

/** The transform types a Vega spec uses, anywhere in it. */
function transformTypes(spec: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(spec)) for (const x of spec) transformTypes(x, into);
  else if (spec && typeof spec === 'object') {
    for (const [k, v] of Object.entries(spec)) {
      if (k === 'transform' && Array.isArray(v)) for (const t of v) if (t && typeof (t as { type?: unknown }).type === 'string') into.add((t as { type: string }).type.toLowerCase());
      transformTypes(v, into);
    }
  }
  return into;
}

/**
 * Vega alone (no Vega-Lite, no vega-embed), once per page: what a chart whose Vega spec was compiled
 * ahead of time (`chiso bake`) needs to become interactive. The lean runtime (vega-lean.ts) unless the
 * spec uses a transform or a projection it lacks; then the rest of Vega too.
 */
export async function loadVegaRuntime(spec?: VegaSpec): Promise<VegaRuntime> {
  lean ??= import('./vega-lean.js');
  const runtime = await lean;
  // The registry is keyed by the transforms' class names (`Filter`); specs name them in any case.
  const known = new Set(Object.keys(runtime.registerTransforms()).map((k) => k.toLowerCase()));
  const needsMore = spec !== undefined && ((spec as { projections?: unknown[] }).projections?.length || [...transformTypes(spec)].some((t) => !known.has(t)));
  if (needsMore) {
    full ??= Promise.all([import('vega'), loadGeo(), import('./geoshape-cache.js')]).then(([, , kept]) => kept.registerKeptGeoShape());
    await full;
  }
  return runtime as unknown as VegaRuntime;
}

/** Vega's expression interpreter (what strict-CSP pages run instead of compiled expressions). */
export async function loadExpressionInterpreter(): Promise<typeof import('vega-interpreter').expressionInterpreter> {
  return (await import('vega-interpreter')).expressionInterpreter;
}

/** Views drawn and not yet finalized, so a page (and its tests) can see nothing is left behind. */
const live = new Set<View>();

/** How many Vega views are alive in this page. */
export function liveViewCount(): number {
  return live.size;
}

/** Vega calls this with the hovered item's tooltip value; `null` value means hide. */
export type TooltipHandler = (handler: unknown, event: MouseEvent, item: unknown, value: unknown) => void;

export interface EmbedChartOptions {
  /** Language of numbers and dates inside the chart. Default `'vi'`. */
  locale?: Lang;
  /** `'svg'` (default, crisp and inspectable) or `'canvas'` (faster for thousands of marks). */
  renderer?: 'svg' | 'canvas';
  /** Tooltip handler; default: none. Use `shadowTooltip()` to draw one inside a shadow root. */
  tooltip?: TooltipHandler;
  /** Called with (name, value) when a Vega signal of that name changes (selections, brushes). */
  signals?: Record<string, (name: string, value: unknown) => void>;
  /**
   * The spec's shape and live parts (`liveSpec`): a spec of a shape compiled before in the page is not
   * compiled again (compiled-shapes.ts). Without it, the spec is compiled every time.
   */
  shape?: { shape: string; parts: LiveParts };
}

export interface EmbeddedChart {
  view: View;
  /** Stops every timer and listener of the view and forgets it. Safe to call twice. */
  finalize(): void;
  toSVG(): Promise<string>;
  /** A `data:image/png` URL at `scale` times the chart's size (default 2 for print). */
  toPNG(scale?: number): Promise<string>;
}

type VegaModule = VegaEmbedModule['vega'];
type ViewOptions = ConstructorParameters<VegaModule['View']>[1];
const viewClasses = new Map<Lang, VegaModule['View']>();

/**
 * A Vega view class that formats numbers and dates in `locale` (per view, not Vega's global default,
 * so two dashboards in two languages can share a page). One class per language for the page: a new
 * class for every chart would give each view a shape of its own and slow the engine's caches.
 */
function viewClass(vega: VegaModule, locale: Lang): VegaModule['View'] {
  let cls = viewClasses.get(locale);
  if (!cls) {
    const numberLocale = vegaNumberLocale(locale);
    const timeLocale = vegaTimeLocale(locale);
    cls = class LocalView extends vega.View {
      constructor(runtime: ConstructorParameters<VegaModule['View']>[0], opt: ViewOptions) {
        super(runtime, { ...opt, locale: { number: numberLocale, time: timeLocale } } as unknown as ViewOptions);
      }
    };
    viewClasses.set(locale, cls);
  }
  return cls;
}

let compiler: Promise<typeof import('./compile-page.js')> | null = null;
/** What makes a chart drawn in the page Vega (compile-page.ts), once per page: not on a baked page's path. */
function loadCompiler(): Promise<typeof import('./compile-page.js')> {
  compiler ??= import('./compile-page.js');
  return compiler;
}

/**
 * Starts loading what a chart drawn in the page needs (once per page): the index of the recipes'
 * Vega compiled ahead of time, the lean Vega and its expression interpreter, asked for at the same
 * moment. Not Vega-Lite, which only a spec whose shape has no template loads; nor vega-embed, nor
 * the whole of Vega, which a spec with a projection or a transform the lean Vega lacks loads.
 */
export function loadChartRuntime(): Promise<unknown> {
  return Promise.all([loadCompiler(), loadVegaRuntime(), loadExpressionInterpreter()]);
}

/**
 * Draws `spec` into `container`: it is made Vega (compile-page.ts: a built-in recipe's shape from
 * its Vega compiled ahead of time, another by Vega-Lite), the Vega is patched as `chiso bake` patches it (stable fit, unlabelled marks hidden from assistive technology), and Vega draws it with
 * its expression interpreter, what vega-embed did with the options chiso gave it (no action menu, no
 * `<style>`, no code), without vega-embed or the whole of Vega.
 */
export async function embedChart(container: HTMLElement, spec: TopLevelSpec, options: EmbedChartOptions = {}): Promise<EmbeddedChart> {
  const { locale = 'vi', renderer = 'svg', tooltip, signals = {}, shape } = options;
  const interpreter = loadExpressionInterpreter();
  interpreter.catch(() => undefined); // its failure is thrown below, once
  const compiled = await (await loadCompiler()).compileForPage(spec, shape);
  const expr = await interpreter;
  const vg = stableFit(hideUnlabelledMarks(compiled as unknown as { marks?: VgMark[] })) as unknown as VegaSpec;
  const vega = await loadVegaRuntime(vg);
  const LocalView = viewClass(vega as unknown as VegaModule, locale);
  const view = new LocalView(vega.parse(vg, {}, { ast: true }), { renderer, expr, logLevel: 0 } as unknown as ViewOptions) as unknown as View;
  if (tooltip) view.tooltip(tooltip as never);
  // The container as vega-embed left it: its class, and nothing but the chart in it.
  container.classList.add('vega-embed');
  container.replaceChildren();
  await view.initialize(container).runAsync();
  for (const [name, fn] of Object.entries(signals)) {
    try {
      view.addSignalListener(name, fn);
    } catch {
      // The spec has no such signal (e.g. a chart type without a selection): nothing to listen to.
    }
  }
  return embedded(view, () => view.finalize());
}

export interface HydrateChartOptions {
  locale?: Lang;
  tooltip?: TooltipHandler;
}

/**
 * Makes a chart interactive from its compiled Vega spec (`chiso bake` embeds it beside the baked SVG):
 * Vega and its expression interpreter only, no Vega-Lite compile. The live view is drawn off the page
 * and put in `container` in one step, in place of the baked picture of the same size.
 */
export async function hydrateChart(container: HTMLElement, spec: VegaSpec, options: HydrateChartOptions = {}): Promise<EmbeddedChart> {
  const { locale = 'vi', tooltip } = options;
  const [vega, expr] = await Promise.all([loadVegaRuntime(spec), loadExpressionInterpreter()]);
  const LocalView = viewClass(vega as unknown as VegaModule, locale);
  const view = new LocalView(vega.parse(spec, undefined, { ast: true }), { renderer: 'svg', expr, logLevel: 0 } as unknown as ViewOptions) as unknown as View;
  if (tooltip) view.tooltip(tooltip as never);
  const box = document.createElement('div');
  await view.initialize(box).runAsync();
  container.replaceChildren(box);
  return embedded(view, () => view.finalize());
}

/** A drawn view as the elements hold it: counted live until finalized once, whoever drew it. */
function embedded(view: View, release: () => void): EmbeddedChart {
  live.add(view);
  let done = false;
  return {
    view,
    finalize() {
      if (done) return;
      done = true;
      live.delete(view);
      release();
    },
    toSVG: () => view.toSVG(),
    toPNG: (scale = 2) => view.toImageURL('png', scale),
  };
}

/** A line of a tooltip: label and value, both plain text. */
function tooltipLines(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'object') return Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${String(v)}`);
  return [String(value)];
}

/** How long a tooltip stays after the pointer leaves its mark, so the pointer can move onto it. */
export const TOOLTIP_GRACE_MS = 300;

/**
 * A tooltip drawn inside `root` (a shadow root, so it inherits the element's theme and leaves
 * nothing in `document`). Text from data goes through `textContent`, never markup. WCAG 1.4.13: it
 * stays put while the pointer is on the same mark and a moment after it leaves, so the pointer can
 * move onto it (it stays while hovered); Escape dismisses it without moving focus or pointer, until
 * the pointer reaches another mark.
 */
export function shadowTooltip(root: ShadowRoot | HTMLElement, host: HTMLElement): { handler: TooltipHandler; remove(): void } {
  let box: HTMLDivElement | null = null;
  let shownFor: unknown = null;
  let dismissedFor: unknown = null;
  let hovered = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hide = () => {
    clearTimeout(timer);
    timer = undefined;
    if (box) box.hidden = true;
    shownFor = null;
    document.removeEventListener('keydown', onKey, true);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape' || !box || box.hidden) return;
    dismissedFor = shownFor;
    hide();
  };
  const handler: TooltipHandler = (_h, event, item, value) => {
    const lines = tooltipLines(value);
    if (lines.length === 0) {
      // The pointer left the mark: a dismissal ends with it, and the tooltip waits for the pointer.
      dismissedFor = null;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (!hovered) hide();
      }, TOOLTIP_GRACE_MS);
      return;
    }
    if (item === dismissedFor) return;
    dismissedFor = null;
    clearTimeout(timer);
    timer = undefined;
    if (!box) {
      const el = document.createElement('div');
      el.setAttribute('part', 'tooltip');
      el.setAttribute('role', 'tooltip');
      el.className = 'tooltip';
      el.addEventListener('pointerenter', () => {
        hovered = true;
        clearTimeout(timer);
      });
      el.addEventListener('pointerleave', () => {
        hovered = false;
        hide();
      });
      root.appendChild(el);
      box = el;
    }
    const moved = item !== shownFor || box.hidden;
    box.replaceChildren(
      ...lines.map((line) => {
        const div = document.createElement('div');
        div.textContent = line;
        return div;
      }),
    );
    box.hidden = false;
    document.addEventListener('keydown', onKey, true);
    // Placed when the pointer reaches a mark, then left where it is, so the pointer can reach it.
    if (!moved) return;
    shownFor = item;
    const rect = host.getBoundingClientRect();
    const x = event.clientX - rect.left + 12;
    const y = event.clientY - rect.top + 12;
    // CSSOM (not a style attribute) is allowed under a strict style-src.
    box.style.setProperty('left', `${Math.max(0, Math.min(x, rect.width - 160))}px`);
    box.style.setProperty('top', `${y}px`);
  };
  return {
    handler,
    remove() {
      hide();
      box?.remove();
      box = null;
    },
  };
}
