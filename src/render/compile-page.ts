/**
 * A Vega-Lite spec made Vega for a chart drawn in the page: a chunk of its own, loaded with Vega when
 * a chart is drawn in the page, never with a baked one (whose Vega was compiled by `chiso bake`).
 *
 * - a shape compiled before in the page: a copy of that Vega holding this spec's rows and values
 *   (compiled-shapes.ts);
 * - a shape of chiso's built-in recipes: the Vega compiled ahead of time for it (holes.ts,
 *   templates/), each template a module of its own, loaded when a spec of its key is drawn;
 * - any other (a page's own spec): Vega-Lite, loaded then, compiles it.
 */
import type { TopLevelSpec } from 'vega-lite';
import { holesOf, keyDigest, fill } from './holes.js';
import { CompiledShapes, instantiate, fitsTemplate, type LiveParts } from './compiled-shapes.js';
import { templates } from './templates/index.js';

/** The Vega that Vega-Lite compiles for `spec` (whose live parts are `parts`), or `undefined` when its key has no template. */
export async function compiledAhead(spec: object, parts: LiveParts): Promise<object | undefined> {
  const holes = holesOf(spec);
  const load = templates[keyDigest(holes.key)];
  if (!load) return undefined;
  const template = (await load()).default;
  const filled = fill<object>(template, holes.values);
  if (!filled || !fitsTemplate(filled, parts)) return undefined;
  return instantiate(filled, parts);
}

type VegaLiteModule = typeof import('vega-lite');
let vegaLite: Promise<VegaLiteModule> | null = null;
/** Vega-Lite's compiler, once per page, for a spec of a shape no recipe makes. */
function loadVegaLite(): Promise<VegaLiteModule> {
  vegaLite ??= import('vega-lite');
  return vegaLite;
}

/** Vega-Lite's warnings are not the reader's business (vega-embed at log level 0 kept them quiet too). */
const quiet = {
  level(l?: number) {
    return l === undefined ? 0 : quiet;
  },
  error: () => quiet,
  warn: () => quiet,
  info: () => quiet,
  debug: () => quiet,
};

/** Vega's output per spec shape in this page. */
const compiledShapes = new CompiledShapes<object>();

/**
 * The Vega of `spec`; `shape` its shape and live parts (`liveSpec`), without which it is compiled
 * by Vega-Lite every time. Each use of a template and each compile is a measure on the page's
 * performance timeline (`chiso:template`, `chiso:compile`), where tests and readers' tools see it.
 */
export async function compileForPage(spec: TopLevelSpec, shape?: { shape: string; parts: LiveParts }): Promise<object> {
  const known = shape ? compiledShapes.peek(shape.shape, shape.parts) : undefined;
  if (known) return known;
  if (shape) {
    const t0 = performance.now();
    const ahead = await compiledAhead(spec, shape.parts);
    if (ahead) {
      performance.measure('chiso:template', { start: t0, end: performance.now() });
      return compiledShapes.get(shape.shape, shape.parts, () => ahead);
    }
  }
  const vl = await loadVegaLite();
  const compile = () => {
    const t0 = performance.now();
    const out = vl.compile(spec, { logger: quiet as unknown as NonNullable<Parameters<VegaLiteModule['compile']>[1]>['logger'] }).spec as object;
    performance.measure('chiso:compile', { start: t0, end: performance.now() });
    return out;
  };
  return shape ? compiledShapes.get(shape.shape, shape.parts, compile) : compile();
}
