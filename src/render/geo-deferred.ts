/**
 * The three d3-geo functions Vega's expressions offer (`geoArea`, `geoBounds`, `geoCentroid`), with
 * d3-geo itself loaded only by a page that draws a map. The embed build gives this module to
 * vega-functions in place of d3-geo (vite.config.ts), so the lean Vega that makes a line or bar chart
 * interactive carries no geography; `useGeo` hands it the real d3-geo when a map's projection brings
 * the rest of Vega (src/render/browser.ts). Elsewhere (Node, tests, the dev server) vega-functions
 * imports d3-geo directly and this module stays unused.
 */
type GeoFn = (...args: unknown[]) => unknown;
export interface GeoFunctions {
  geoArea: GeoFn;
  geoBounds: GeoFn;
  geoCentroid: GeoFn;
}

let geo: GeoFunctions | null = null;

/** Gives the real d3-geo (once is enough; again is harmless). */
export function useGeo(m: GeoFunctions): void {
  geo = m;
}

function need(): GeoFunctions {
  // Only a spec with a projection calls these, and such a spec loads d3-geo first.
  if (!geo) throw new Error('chiso: d3-geo chưa được tải / d3-geo is not loaded (a geo function without a projection)');
  return geo;
}

export const geoArea: GeoFn = (...a) => need().geoArea(...a);
export const geoBounds: GeoFn = (...a) => need().geoBounds(...a);
export const geoCentroid: GeoFn = (...a) => need().geoCentroid(...a);
