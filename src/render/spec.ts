/**
 * What the renderer accepts (spec-base.ts), and `toVegaSpec` with Vega-Lite's compiler as
 * `import 'vega-lite'` loads it. Pure; runs in the browser too.
 */
import { compile } from 'vega-lite';
import { toVegaSpecWith, type RenderSpec, type ToVegaOptions, type VegaSpec } from './spec-base.js';

export { isVegaLiteSpec, titleOf, type RenderSpec, type ToVegaOptions, type TopLevelSpec, type VegaSpec } from './spec-base.js';

/** Compiles Vega-Lite when needed and applies the width and the default font. */
export function toVegaSpec(spec: RenderSpec, options: ToVegaOptions = {}): VegaSpec {
  return toVegaSpecWith(compile, spec, options);
}
