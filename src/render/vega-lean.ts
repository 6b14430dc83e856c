/**
 * Vega with only the transforms Vega-Lite's usual charts compile to (data transforms, view layout,
 * encoders): what a baked chart needs to become interactive, without the force, hierarchy, label,
 * regression, voronoi, word-cloud, cross-filter and geographic packages. The same modules as the full
 * `vega`, so a page that later needs the whole of Vega loads only the rest.
 */
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import * as tx from 'vega-transforms';
import * as vtx from 'vega-view-transforms';
import * as encode from 'vega-encode';

/**
 * Registers the lean set of transforms (once is enough; again is harmless) and returns the registry.
 * A call, not a top-level statement: the package is marked free of side effects for bundlers, so a
 * top-level registration would be dropped from the embed.
 */
export function registerTransforms(): Record<string, unknown> {
  return extend(transforms, tx, vtx, encode);
}

export { View } from 'vega-view';
export { parse } from 'vega-parser';
