/**
 * Vega with only the transforms chiso's recipes compile to and the operators Vega's parser makes for
 * any spec (data flow, view layout, encoders): what a baked chart needs to become interactive, without
 * the force, hierarchy, label, regression, voronoi, word-cloud, cross-filter and geographic packages,
 * nor the statistical transforms (bin, density, KDE, quantile, dot-bin), pivot, impute, cross, sample,
 * count-pattern, link-path and pie. Named imports, so the embed build leaves the rest of each package
 * out. A spec that uses any of those (a user's own, a map's projection) loads the whole of Vega
 * (src/render/browser.ts): the same modules, so only the rest comes.
 */
import { extend } from 'vega-util';
import { transforms } from 'vega-dataflow';
import {
  aggregate, collect, compare, expression, extent, facet, field, filter, flatten, fold, formula, joinaggregate, key, load, lookup,
  multiextent, multivalues, params, prefacet, project, proxy, relay, sequence, sieve, subflow, timeunit, tupleindex, values, window,
} from 'vega-transforms';
import { bound, identifier, mark, overlap, render, viewlayout } from 'vega-view-transforms';
import { axisticks, datajoin, encode, legendentries, scale, sortitems, stack } from 'vega-encode';

const lean = {
  aggregate, collect, compare, expression, extent, facet, field, filter, flatten, fold, formula, joinaggregate, key, load, lookup,
  multiextent, multivalues, params, prefacet, project, proxy, relay, sequence, sieve, subflow, timeunit, tupleindex, values, window,
  bound, identifier, mark, overlap, render, viewlayout,
  axisticks, datajoin, encode, legendentries, scale, sortitems, stack,
};

/**
 * Registers the lean set of transforms (once is enough; again is harmless) and returns the registry.
 * A call, not a top-level statement: the package is marked free of side effects for bundlers, so a
 * top-level registration would be dropped from the embed.
 */
export function registerTransforms(): Record<string, unknown> {
  return extend(transforms, lean);
}

// Beside Vega's parser, so it comes in the same file (the embed gives it to vega-functions for d3-geo).
export { useGeo } from './geo-deferred.js';
export { View } from 'vega-view';
export { parse } from 'vega-parser';
