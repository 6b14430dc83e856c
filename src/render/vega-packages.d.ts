// Vega's packages ship no types of their own (vega-typings covers `vega` only); the lean runtime
// (vega-lean.ts) uses this much of them, typed as `vega` types them.
declare module 'vega-dataflow' {
  export const transforms: Record<string, unknown>;
}
declare module 'vega-transforms';
declare module 'vega-view-transforms';
declare module 'vega-encode';
declare module 'vega-view' {
  export { View } from 'vega';
}
declare module 'vega-parser' {
  export { parse } from 'vega';
}
// The kept geoshape (geoshape-cache.ts): a path's text parsed once, drawn into bounds or a canvas.
declare module 'vega-scenegraph' {
  export function pathParse(path: string): unknown[];
  export function pathRender(context: unknown, path: unknown[], l: number, t: number): void;
}
// d3-geo ships no types; the page hands it to geo-deferred.ts, which types what it uses.
declare module 'd3-geo';
