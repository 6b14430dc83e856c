/**
 * Vega's `geoshape` transform, with each shape's path kept. Vega projects a map's shape every time its
 * item is drawn: once for its bounds, once for the SVG `d` or the canvas path. A period player's step
 * recolours every province of a drawn map (their figures change, their boundaries do not), so every
 * province was projected and clipped twice per step, most of the step's time. Here each geometry is
 * projected once per projection: the path text is kept, and bounds and canvas draw from its parsed
 * commands. A new projection (a resize, another fit) makes a new generator, with nothing kept.
 */
import { transforms } from 'vega-dataflow';
import { pathParse, pathRender } from 'vega-scenegraph';
import { field as fieldAccessor, inherits } from 'vega-util';

/** What Vega's shape generator is: called with an item, its context set first (`null`: return SVG path text). */
interface Shape {
  (item: unknown): string | null | void;
  context(context: unknown): Shape;
  /** Set on a keeping generator. */
  kept?: true;
}

interface Kept {
  d: string | null;
  parsed: unknown[] | null;
}

/** `shape`, keeping the path of each geometry (by identity) it is asked for. */
export function keptShape(shape: Shape, field: (item: unknown) => unknown): Shape {
  const kept = new WeakMap<object, Kept>();
  let context: unknown = null;
  const kept1 = ((item: unknown) => {
    const datum = field(item);
    if (!datum || typeof datum !== 'object') return shape.context(context)(item);
    const g = datum as { type?: unknown; geometry?: unknown };
    // A feature's figures change with the period; its geometry is what is drawn.
    const key = g.type === 'Feature' && g.geometry && typeof g.geometry === 'object' ? (g.geometry as object) : datum;
    let k = kept.get(key);
    if (!k) {
      const d = shape.context(null)(item);
      k = { d: typeof d === 'string' ? d : null, parsed: null };
      kept.set(key, k);
    }
    if (context === null) return k.d;
    if (k.d === null) return;
    k.parsed ??= pathParse(k.d) as unknown[];
    pathRender(context as never, k.parsed as never, 0, 0);
  }) as Shape;
  kept1.context = (c: unknown) => {
    context = c ?? null;
    return kept1;
  };
  kept1.kept = true;
  return kept1;
}

interface TransformLike {
  value: unknown;
  transform(this: TransformLike, params: Record<string, unknown>, pulse: PulseLike): PulseLike;
}
interface PulseLike {
  SOURCE: number;
  visit(flag: number, f: (t: Record<string, unknown>) => void): PulseLike;
}
type TransformClass = (new (params: unknown) => TransformLike) & { Definition?: unknown; prototype: TransformLike; chisoKept?: boolean };

/**
 * Puts the keeping `geoshape` in Vega's registry in place of its own (once; again is harmless). Call it
 * after the geographic transforms are registered (after `vega` is loaded), or it finds nothing to wrap.
 */
export function registerKeptGeoShape(): boolean {
  const registry = transforms as Record<string, TransformClass | undefined>;
  const Base = registry.geoshape;
  if (!Base) return false;
  if (Base.chisoKept) return true;
  function KeptGeoShape(this: TransformLike, params: unknown) {
    (Base as unknown as (this: TransformLike, p: unknown) => void).call(this, params);
  }
  inherits(KeptGeoShape as never, Base as never, {
    transform(this: TransformLike, params: Record<string, unknown>, pulse: PulseLike) {
      const before = this.value;
      const out = Base.prototype.transform.call(this, params, pulse);
      if (this.value !== before && this.value) {
        // A new generator (new projection): every item takes the keeping one.
        const shape = keptShape(this.value as Shape, (params.field as ((item: unknown) => unknown) | undefined) ?? fieldAccessor('datum'));
        this.value = shape;
        const as = (params.as as string | undefined) ?? 'shape';
        out.visit(out.SOURCE, (t) => {
          t[as] = shape;
        });
      }
      return out;
    },
  });
  const Kept = KeptGeoShape as unknown as TransformClass;
  Kept.Definition = Base.Definition;
  Kept.chisoKept = true;
  registry.geoshape = Kept;
  return true;
}
