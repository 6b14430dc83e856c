/**
 * Vega and Vega-Lite for export in Node, from their single-file builds (vega/build/vega.js and
 * vega-lite/build/vega-lite.min.js, the same releases as the modules `import 'vega'` and
 * `import 'vega-lite'` load). Importing the modules walks some 300 files (Vega's and d3's packages,
 * a hundred files of map projections, all of Vega for Vega-Lite's four helpers from it), which cost
 * a `chiso render` start several times what evaluating two files does; the drawing is the same (the
 * gallery and snapshot tests compare it). The files are the packages' own, never input.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInThisContext } from 'node:vm';
import type { VegaLiteCompile } from '../spec-base.js';

type Vega = typeof import('vega');
const resolve = createRequire(import.meta.url).resolve;

/** Runs a UMD build as CommonJS: given `exports`, `module` and `require`, it fills `exports`. */
function umd(file: string, dependencies: Record<string, unknown>): object {
  const factory = runInThisContext(`(function (exports, module, require) {${readFileSync(file, 'utf8')}\n})`, { filename: file }) as (
    exports: object,
    module: object,
    require: (name: string) => unknown,
  ) => void;
  const exports = {};
  factory(exports, {}, (name) => {
    if (!Object.hasOwn(dependencies, name)) throw new Error(`${file} asks for ${name}`);
    return dependencies[name];
  });
  return exports;
}

export const vega = umd(resolve('vega').replace(/vega\.module\.js$/, 'vega.js'), {}) as Vega;

let vegaLite: { compile: VegaLiteCompile } | undefined;

/** Vega-Lite's `compile`, its build evaluated on first use (a raw Vega spec never needs it). */
export const compileVegaLite: VegaLiteCompile = (spec) => {
  vegaLite ??= umd(resolve('vega-lite').replace(/index\.js$/, 'vega-lite.min.js'), { vega }) as { compile: VegaLiteCompile };
  return vegaLite.compile(spec);
};
