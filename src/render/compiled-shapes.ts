/**
 * Vega-Lite's output per spec shape (src/components/core/live-spec.ts): a spec whose shape was
 * compiled before in the page is not compiled again. Its rows, parameter values and description go
 * into a copy of the compiled Vega, where Vega-Lite would have put them: each named dataset is a Vega
 * dataset of that name holding the rows, each parameter a signal of that name holding the value, the
 * description the spec's. A template whose compiled Vega does not hold every dataset and parameter
 * that way is not kept (that spec is compiled each time).
 *
 * Pure (no DOM), so the tests compare, in Node, each recipe's spec compiled by Vega-Lite with the
 * same spec put into the template of another selection's.
 */
type Json = unknown;
interface VgData {
  name?: string;
  values?: unknown;
}
interface VgSignal {
  name?: string;
  value?: unknown;
}
interface VgTemplate {
  data?: VgData[];
  signals?: VgSignal[];
  description?: string;
}
/** The parts of a Vega-Lite spec that change between specs of one shape. */
export interface LiveParts {
  datasets: Record<string, unknown>;
  params: Record<string, unknown>;
  description: string | null;
}

/** A copy of every object and array, rows and geometry (`values`) shared. */
function copyShape(x: Json, key?: string): Json {
  if (key === 'values') return x;
  if (Array.isArray(x)) return x.map((v) => copyShape(v));
  if (x && typeof x === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(x)) out[k] = copyShape(v, k);
    return out;
  }
  return x;
}

/** Whether `compiled` holds every dataset and parameter of `live` where `instantiate` puts them. */
export function fitsTemplate(compiled: object, live: LiveParts): boolean {
  const vg = compiled as VgTemplate;
  const data = new Set((vg.data ?? []).filter((d) => 'values' in d).map((d) => d.name));
  const signals = new Set((vg.signals ?? []).filter((s) => 'value' in s).map((s) => s.name));
  return Object.keys(live.datasets).every((n) => data.has(n)) && Object.keys(live.params).every((n) => signals.has(n));
}

/** `template` (Vega-Lite's output for a spec of the same shape) holding `live`'s rows, values and description. */
export function instantiate<S extends object>(template: S, live: LiveParts): S {
  const vg = copyShape(template) as VgTemplate;
  for (const d of vg.data ?? []) if (d.name !== undefined && Object.hasOwn(live.datasets, d.name)) d.values = live.datasets[d.name];
  for (const s of vg.signals ?? []) if (s.name !== undefined && Object.hasOwn(live.params, s.name)) s.value = live.params[s.name];
  if (live.description !== null) vg.description = live.description;
  else delete vg.description;
  return vg as S;
}

/** The templates of one page, the latest shapes first out of mind when there are many. */
export class CompiledShapes<S extends object> {
  readonly #byShape = new Map<string, S>();
  constructor(readonly limit = 32) {}

  /** The compiled Vega of a spec of `shape` whose live parts are `live`, if that shape was compiled before. */
  peek(shape: string, live: LiveParts): S | undefined {
    const template = this.#byShape.get(shape);
    return template ? instantiate(template, live) : undefined;
  }

  /** The compiled Vega of a spec of `shape` whose live parts are `live`, compiling it with `compile` only for a shape not met yet. */
  get(shape: string, live: LiveParts, compile: () => S): S {
    const known = this.peek(shape, live);
    if (known) return known;
    const compiled = compile();
    if (fitsTemplate(compiled, live)) {
      if (this.#byShape.size >= this.limit) this.#byShape.delete(this.#byShape.keys().next().value as string);
      // A copy kept before the caller patches its own (patches change the spec in place).
      this.#byShape.set(shape, copyShape(compiled) as S);
    }
    return compiled;
  }

  get size(): number {
    return this.#byShape.size;
  }
}
