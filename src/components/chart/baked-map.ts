/**
 * A baked map's boundaries. `chiso bake` embeds a map's compiled Vega spec without the topology it
 * holds inline (far over the size a page should carry twice: the picture is there already) and bakes
 * beside it the figures on each shape; hydration loads the boundaries the live map draws (the embed's
 * simplified file, or the map's `geo`), shapes them as the recipe does and puts the figures back on.
 * The hydrated map is then drawn from the same geometry as a map drawn in the page.
 *
 * Pure (no DOM): loaded by hydration only when a baked map becomes interactive.
 */
import type { Spec as VegaSpec } from 'vega';
import { mapShapes, parseTopology, type MapShapeOptions } from '../../charts/geometry.js';

/** What a baked map carries besides its spec (`script.chiso-baked-geo`). */
export interface BakedBoundaries {
  /** The spec's dataset the boundaries go into (left without values). */
  dataset: string;
  /** How the recipe shaped them: units, simplification, size. */
  shapes: MapShapeOptions;
  /** The properties of each shape (its figure, name, class), by `shapeKey`. */
  figures: Record<string, Record<string, unknown>>;
}

/** A shape's key: its region and, for an archipelago drawn apart, its part. */
export function shapeKey(properties: Record<string, unknown>): string {
  const part = properties.part;
  return `${String(properties.id)}|${typeof part === 'string' ? part : ''}`;
}

/**
 * `spec` with the boundaries in their dataset, each shape carrying its baked figures. Null when a
 * shape of the loaded boundaries has no baked figure (another file than the one baked from): the
 * baked picture stays rather than a map with holes.
 */
export function withBoundaries(spec: VegaSpec, baked: BakedBoundaries, topology: unknown): VegaSpec | null {
  const shaped = mapShapes(parseTopology(topology), baked.shapes).topology;
  const geometries = shaped.objects.units.geometries;
  const keys = new Set(Object.keys(baked.figures));
  for (const g of geometries) {
    const key = shapeKey((g.properties ?? {}) as Record<string, unknown>);
    const figures = baked.figures[key];
    if (!figures) return null;
    keys.delete(key);
    g.properties = figures;
  }
  if (keys.size) return null;
  let found = false;
  const data = (spec.data ?? []).map((d) => {
    if (d.name !== baked.dataset || 'source' in d || 'url' in d) return d;
    found = true;
    return { ...d, values: shaped } as typeof d;
  });
  return found ? { ...spec, data } : null;
}
