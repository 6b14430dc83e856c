/**
 * Vega and Vega-Lite for export in Node, from their single-file builds (vega/build/vega.js and
 * vega-lite/build/vega-lite.min.js, the same releases as the modules `import 'vega'` and
 * `import 'vega-lite'` load). Importing the modules walks some 300 files (Vega's and d3's packages,
 * a hundred files of map projections, all of Vega for Vega-Lite's four helpers from it), which cost
 * a `chiso render` start several times what evaluating two files does; the drawing is the same (the
 * gallery and snapshot tests compare it). The files are the packages' own, never input; V8's
 * compiled code for them is kept in chiso's cache (cache.ts).
 *
 * Vega-Lite's compile of a chart shape is kept there too: the Vega it gives for the spec with its
 * inline data set aside, so the next chart of that shape (the same recipe, options, titles; any
 * data) is drawn without loading Vega-Lite at all.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import type { VegaLiteCompile, VegaSpec } from '../spec-base.js';
import { cacheDir, cacheKey, evaluateFile, readCache, writeCache } from './cache.js';

type Vega = typeof import('vega');
const resolve = createRequire(import.meta.url).resolve;

/** Runs a UMD build as CommonJS: given `exports`, `module` and `require`, it fills `exports`. */
function umd(file: string, dependencies: Record<string, unknown>): object {
  const factory = evaluateFile(file, '(function (exports, module, require) {', '\n})') as (exports: object, module: object, require: (name: string) => unknown) => void;
  const exports = {};
  factory(exports, {}, (name) => {
    if (!Object.hasOwn(dependencies, name)) throw new Error(`${file} asks for ${name}`);
    return dependencies[name];
  });
  return exports;
}

export const vega = umd(resolve('vega').replace(/vega\.module\.js$/, 'vega.js'), {}) as Vega;

const vegaLiteFile = resolve('vega-lite').replace(/index\.js$/, 'vega-lite.min.js');
let vegaLite: { compile: (spec: TopLevelSpec, options?: { logger?: unknown }) => { spec: VegaSpec } } | undefined;

/** Vega-Lite's own compile, its build evaluated on first use. */
function compileNow(spec: TopLevelSpec, logger?: unknown): VegaSpec {
  vegaLite ??= umd(vegaLiteFile, { vega }) as NonNullable<typeof vegaLite>;
  return vegaLite.compile(spec, logger ? { logger } : undefined).spec;
}

/** The versions a compiled shape depends on: Vega-Lite's (the compiler, beside its build) and chiso's. */
const compilerVersion = (() => {
  const version = (file: string) => (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '?';
  return `vega-lite ${version(join(dirname(vegaLiteFile), '../package.json'))}; chiso ${version(fileURLToPath(new URL('../../../package.json', import.meta.url)))}`;
})();

/** Marks where a dataset was set aside; a key no Vega-Lite spec or Vega output uses. */
const HOLE = '\u0000chiso-data';
type Hole = { [HOLE]: number };

function holeNumber(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === HOLE && typeof (value as Hole)[HOLE] === 'number' ? (value as Hole)[HOLE] : undefined;
}

/**
 * Vega-Lite's `deepEqual` (fast-deep-equal), by which it merges the inline data of views that hold
 * equal values: datasets it would find equal cannot be told apart by their holes.
 */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    if (a.constructor !== b.constructor) return false;
    if (Array.isArray(a)) {
      const other = b as unknown[];
      if (a.length !== other.length) return false;
      for (let i = a.length; i-- !== 0; ) if (!deepEqual(a[i], other[i])) return false;
      return true;
    }
    if (a instanceof RegExp) return a.source === (b as RegExp).source && a.flags === (b as RegExp).flags;
    if (a.valueOf !== Object.prototype.valueOf) return a.valueOf() === b.valueOf();
    if (a.toString !== Object.prototype.toString) return a.toString() === b.toString();
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const key of keys) if (!Object.hasOwn(b, key)) return false;
    for (const key of keys) if (!deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
    return true;
  }
  return a !== a && b !== b;
}

/**
 * The spec with each inline dataset (`data: {values}` of any view or lookup, `datasets`) replaced by
 * a numbered hole, one number per dataset object. Vega-Lite copies inline values into its output as
 * they are and looks into them only to merge equal ones (`deepEqual`), so the Vega of the holed
 * spec, holes filled again, is the Vega of the spec, as long as no two different objects hold equal
 * data (by Vega-Lite's own test): then `undefined`, and the spec is compiled as it is.
 */
function setAside(spec: TopLevelSpec): { shape: TopLevelSpec; datasets: unknown[] } | undefined {
  const datasets: unknown[] = [];
  const numbers = new Map<unknown, number>();
  const hole = (values: unknown): unknown => {
    if (typeof values !== 'object' || values === null) return values;
    let n = numbers.get(values);
    if (n === undefined) {
      numbers.set(values, (n = datasets.length));
      datasets.push(values);
    }
    const mark: Hole = { [HOLE]: n };
    return Array.isArray(values) ? [mark] : mark;
  };
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = (key === 'data' && k === 'values') || key === 'datasets' ? hole(v) : walk(v, k);
    return out;
  };
  const shape = walk(spec, undefined) as TopLevelSpec;
  for (let i = 1; i < datasets.length; i++) for (let j = 0; j < i; j++) if (deepEqual(datasets[i], datasets[j])) return undefined;
  return { shape, datasets };
}

/** The compiled shape with its holes filled by the datasets (the same objects, as Vega-Lite would pass them). */
function fill(node: unknown, datasets: unknown[]): unknown {
  if (Array.isArray(node)) {
    const n = node.length === 1 ? holeNumber(node[0]) : undefined;
    if (n !== undefined && Array.isArray(datasets[n])) return datasets[n];
    return node.map((item) => fill(item, datasets));
  }
  if (typeof node !== 'object' || node === null) return node;
  const n = holeNumber(node);
  if (n !== undefined && datasets[n] !== undefined && !Array.isArray(datasets[n])) return datasets[n];
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = fill(v, datasets);
  return out;
}

interface CompiledShape {
  vega: VegaSpec;
  /** What Vega-Lite logged while compiling (a dropped channel, an ignored property), said again on each use. */
  warnings: { level: 'warn' | 'info' | 'debug'; args: unknown[] }[];
}

/** Compiles the shape, noting what Vega-Lite says as its default logger would print it. */
function compileShape(shape: TopLevelSpec): CompiledShape {
  const warnings: CompiledShape['warnings'] = [];
  const logger = vega.logger(vega.Warn);
  for (const level of ['warn', 'info', 'debug'] as const) {
    const print = logger[level].bind(logger);
    logger[level] = (...args: readonly unknown[]) => {
      warnings.push({ level, args: [...args] });
      print(...args);
      return logger;
    };
  }
  return { vega: compileNow(shape, logger), warnings };
}

/** Compiled shapes read or made in this process, as text (each use parses its own copy). */
const shapes = new Map<string, string>();
function remember(key: string, text: string): void {
  if (shapes.size >= 200) shapes.clear();
  shapes.set(key, text);
}

/**
 * Vega-Lite's `compile`, through the cache of compiled shapes: the first chart of a shape compiles
 * (and evaluates Vega-Lite's build, once per process); later ones, in this process or the next, only
 * fill the data back in. The result is the same Vega either way (test/render/cache.test.ts).
 */
export const compileVegaLite: VegaLiteCompile = (spec) => {
  const dir = cacheDir();
  const aside = dir ? setAside(spec) : undefined;
  if (!aside) return { spec: compileNow(spec) };
  const shapeText = JSON.stringify(aside.shape);
  const key = cacheKey('vega-lite-shape', compilerVersion, shapeText);
  const memoryKey = `${dir}\u0000${key}`;
  let compiled: CompiledShape | undefined;
  const stored = shapes.get(memoryKey) ?? readCache('vega-lite', key)?.toString('utf8');
  if (stored !== undefined) {
    try {
      compiled = JSON.parse(stored) as CompiledShape;
      if (typeof compiled?.vega !== 'object' || compiled.vega === null || !Array.isArray(compiled.warnings)) throw new Error('not a compiled shape');
      remember(memoryKey, stored);
      for (const w of compiled.warnings) vega.logger(vega.Warn)[w.level](...w.args);
    } catch {
      compiled = undefined;
    }
  }
  if (!compiled) {
    compiled = compileShape(aside.shape);
    // Stored as JSON, the form it is read back in: what is written is exactly what a later run gets.
    const text = JSON.stringify(compiled);
    writeCache('vega-lite', key, Buffer.from(text, 'utf8'));
    remember(memoryKey, text);
    compiled = JSON.parse(text) as CompiledShape;
  }
  return { spec: fill(compiled.vega, aside.datasets) as VegaSpec };
};
