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

/**
 * Keys no Vega-Lite spec or Vega output uses. In the spec given to Vega-Lite a set-aside dataset is
 * `{[GROUP]: n}` (equal datasets share n, so Vega-Lite merges what it would have merged); in the Vega
 * kept, each is `{[SLOT]: k}`, the k-th dataset of the spec, in the order they are met.
 */
const GROUP = '\u0000chiso-data';
const SLOT = '\u0000chiso-slot';

function slotNumber(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const keys = Object.keys(value);
  const k = (value as Record<string, unknown>)[SLOT];
  return keys.length === 1 && keys[0] === SLOT && typeof k === 'number' ? k : undefined;
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

/** A chart's spec with its inline datasets set aside: what Vega-Lite compiles, and how to fill its output again. */
interface SetAside {
  /** The spec, each dataset replaced by a mark of its group. */
  shape: TopLevelSpec;
  /** The datasets, in the order they are met (slot k is `slots[k]`). */
  slots: unknown[];
  /** Each mark object given to Vega-Lite, to its slot. */
  marks: Map<object, number>;
}

/**
 * The spec with each inline dataset (`data: {values}` of any view or lookup, `datasets`) set aside.
 * Vega-Lite copies inline values into its output as they are and looks into them only to merge
 * views whose values are equal (`deepEqual`): given marks that are equal exactly when the datasets
 * are, it compiles the same Vega, with the marks where the datasets were.
 */
function setAside(spec: TopLevelSpec): SetAside {
  const slots: unknown[] = [];
  const marks = new Map<object, number>();
  const groups: unknown[] = [];
  const groupOf = (values: unknown): number => {
    let g = groups.indexOf(values);
    if (g < 0) g = groups.findIndex((other) => deepEqual(other, values));
    if (g < 0) g = groups.push(values) - 1;
    return g;
  };
  const hole = (values: unknown): unknown => {
    if (typeof values !== 'object' || values === null) return values;
    const mark = { [GROUP]: groupOf(values) };
    marks.set(mark, slots.push(values) - 1);
    return Array.isArray(values) ? [mark] : mark;
  };
  const walk = (node: unknown, key: string | undefined): unknown => {
    if (Array.isArray(node)) return node.map((item) => walk(item, undefined));
    if (typeof node !== 'object' || node === null) return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) out[k] = (key === 'data' && k === 'values') || key === 'datasets' ? hole(v) : walk(v, k);
    return out;
  };
  return { shape: walk(spec, undefined) as TopLevelSpec, slots, marks };
}

/**
 * Vega-Lite's output for the shape, each mark it passed through replaced by its slot: the form kept.
 * `undefined` if a mark came out other than as it went in (then the shape is not kept).
 */
function toSlots(node: unknown, aside: SetAside): unknown {
  let lost = false;
  const slot = (mark: unknown): { [SLOT]: number } | undefined => {
    const k = typeof mark === 'object' && mark !== null ? aside.marks.get(mark) : undefined;
    return k === undefined ? undefined : { [SLOT]: k };
  };
  const walk = (n: unknown): unknown => {
    if (Array.isArray(n)) {
      const s = n.length === 1 ? slot(n[0]) : undefined;
      if (s && Array.isArray(aside.slots[s[SLOT]])) return s;
      return n.map(walk);
    }
    if (typeof n !== 'object' || n === null) return n;
    const s = slot(n);
    if (s && !Array.isArray(aside.slots[s[SLOT]])) return s;
    if (Object.hasOwn(n, GROUP)) lost = true;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = walk(v);
    return out;
  };
  const out = walk(node);
  return lost ? undefined : out;
}

/** The kept Vega with each slot filled by the chart's dataset (the same object, as Vega-Lite passes it). */
function fill(node: unknown, slots: unknown[]): unknown {
  if (Array.isArray(node)) return node.map((item) => fill(item, slots));
  if (typeof node !== 'object' || node === null) return node;
  const k = slotNumber(node);
  if (k !== undefined) return slots[k];
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(node)) out[key] = fill(v, slots);
  return out;
}

interface CompiledShape {
  vega: VegaSpec;
  /** What Vega-Lite logged while compiling (a dropped channel, an ignored property), said again on each use. */
  warnings: { level: 'warn' | 'info' | 'debug'; args: unknown[] }[];
}

/** Compiles the shape, noting what Vega-Lite says (said by `say`, as its default logger would); the Vega in its kept form, or `undefined`. */
function compileShape(aside: SetAside): CompiledShape | undefined {
  const warnings: CompiledShape['warnings'] = [];
  const logger = vega.logger(vega.Warn);
  for (const level of ['warn', 'info', 'debug'] as const) {
    logger[level] = (...args: readonly unknown[]) => {
      warnings.push({ level, args: [...args] });
      return logger;
    };
  }
  const kept = toSlots(compileNow(aside.shape, logger), aside);
  return kept === undefined ? undefined : { vega: kept as VegaSpec, warnings };
}

/** Names the form shapes are kept in: changed whenever that form changes, so older entries go unread. */
const SHAPE_FORMAT = 'vega-lite-shape-2';

/** Says what Vega-Lite said while compiling a shape, as its default logger prints it (level Warn: warnings only). */
function say(warnings: CompiledShape['warnings']): void {
  if (!warnings.length) return;
  const logger = vega.logger(vega.Warn);
  for (const w of warnings) logger[w.level](...w.args);
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
  if (!dir) return { spec: compileNow(spec) };
  const aside = setAside(spec);
  const key = cacheKey(SHAPE_FORMAT, compilerVersion, JSON.stringify(aside.shape));
  const memoryKey = `${dir}\u0000${key}`;
  let compiled: CompiledShape | undefined;
  const stored = shapes.get(memoryKey) ?? readCache('vega-lite', key)?.toString('utf8');
  if (stored !== undefined) {
    try {
      compiled = JSON.parse(stored) as CompiledShape;
      // Marks of a compile are never kept: an entry holding one is not this form.
      if (typeof compiled?.vega !== 'object' || compiled.vega === null || !Array.isArray(compiled.warnings) || stored.includes(JSON.stringify(GROUP))) throw new Error('not a compiled shape');
      remember(memoryKey, stored);
    } catch {
      compiled = undefined;
    }
  }
  if (!compiled) {
    const made = compileShape(aside);
    // Not kept (a dataset did not come through as set aside): compiled as given, warnings said again.
    if (!made) return { spec: compileNow(spec) };
    // Stored as JSON, the form it is read back in: what is written is exactly what a later run gets.
    const text = JSON.stringify(made);
    writeCache('vega-lite', key, Buffer.from(text, 'utf8'));
    remember(memoryKey, text);
    compiled = JSON.parse(text) as CompiledShape;
  }
  say(compiled.warnings);
  return { spec: fill(compiled.vega, aside.slots) as VegaSpec };
};
