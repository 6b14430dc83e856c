/**
 * What the renderer accepts: a Vega-Lite spec (what chiso's chart recipes produce) or a Vega spec,
 * told apart by `$schema` and, without one, by the keys only Vega has. Normalizing to Vega here
 * keeps one path from there on. Pure; runs in the browser too. Vega-Lite's compiler is passed in,
 * not imported, so the Node exporter can bring its own single-file copy (src/render/node/vega.ts);
 * spec.ts gives `toVegaSpec` with the one `import 'vega-lite'` loads.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { Spec as VegaSpec } from 'vega';

export type { TopLevelSpec } from 'vega-lite';
export type { Spec as VegaSpec } from 'vega';
/** What the renderers take: a Vega-Lite spec (a recipe's `ChartSpec`, or one written by hand) or a Vega spec. */
export type RenderSpec = TopLevelSpec | VegaSpec;

const VEGA_ONLY = ['marks', 'signals', 'scales', 'axes', 'legends', 'projections'];

export function isVegaLiteSpec(spec: RenderSpec): spec is TopLevelSpec {
  const schema = (spec as { $schema?: unknown }).$schema;
  if (typeof schema === 'string') return schema.includes('vega-lite');
  return !VEGA_ONLY.some((k) => Object.hasOwn(spec, k));
}

export interface ToVegaOptions {
  /** Width of the plotting area in pixels; the spec's own width when absent. */
  width?: number;
  /** Family set on every text that does not name one. Default: none. */
  font?: string;
}

/** Vega-Lite's `compile`, as much of it as chiso calls. */
export type VegaLiteCompile = (spec: TopLevelSpec) => { spec: VegaSpec };

/** Compiles Vega-Lite with `compile` when needed and applies the width and the default font. */
export function toVegaSpecWith(compile: VegaLiteCompile, spec: RenderSpec, { width, font }: ToVegaOptions = {}): VegaSpec {
  if (isVegaLiteSpec(spec)) {
    const vl = { ...spec } as TopLevelSpec & { width?: unknown; config?: Record<string, unknown> };
    if (width !== undefined) vl.width = width;
    if (font) vl.config = { font, ...(vl.config ?? {}) };
    return compile(vl as TopLevelSpec).spec;
  }
  const vg: VegaSpec = { ...spec };
  if (width !== undefined) vg.width = width;
  if (font) {
    const c = (vg.config ?? {}) as Record<string, Record<string, unknown> | undefined>;
    vg.config = {
      ...c,
      text: { font, ...c.text },
      axis: { labelFont: font, titleFont: font, ...c.axis },
      legend: { labelFont: font, titleFont: font, ...c.legend },
      title: { font, subtitleFont: font, ...c.title },
    } as VegaSpec['config'];
  }
  return vg;
}

/** The chart's title and subtitle lines, as plain text, from a Vega spec. */
export function titleOf(spec: VegaSpec): { title: string; subtitle: string } {
  const t = spec.title as unknown;
  const lines = (x: unknown): string => (typeof x === 'string' ? x : Array.isArray(x) ? x.filter((s) => typeof s === 'string').join(' ') : '');
  if (typeof t === 'string' || Array.isArray(t)) return { title: lines(t), subtitle: '' };
  if (t && typeof t === 'object') {
    const o = t as { text?: unknown; subtitle?: unknown };
    return { title: lines(o.text), subtitle: lines(o.subtitle) };
  }
  return { title: '', subtitle: '' };
}
