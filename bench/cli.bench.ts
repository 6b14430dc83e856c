/**
 * What a user's command costs, each run in a fresh process and timed by its CPU (user + system of the
 * child, from /proc), the contenders taking turns, the order rotated every round, medians of 15:
 *  - `render-1-chart-cpu-vs-vl2svg`: `chiso render` of a one-chart configuration (the compiled CLI,
 *    bin/chiso.js: reading the data, the query, the recipe, real font metrics, the embedded subset)
 *    against Vega-Lite's own `vl2svg` on the Vega-Lite spec chiso draws for that chart;
 *  - `export-100-svg-vs-vega-one-process`: one Node process importing `chiso/node` and running
 *    `renderSvg` over 100 specs, against one importing vega and vega-lite and running `compile` and
 *    `View.toSVG` over the same specs, as a user would script either; start-up included.
 * chiso runs with its cache (node_modules/.cache/chiso: V8's code cache, compiled Vega per chart
 * shape, Vega's parse of each spec, a data file's observations, font subsets) in a folder of the
 * benchmark's own. The entries are the warm cache, the case of
 * every run after the first on a machine (a CI job that keeps node_modules/.cache, a report rebuilt);
 * each note also gives the cold cache (every run in an empty folder: the first run, or a CI job
 * without a kept cache) and, for one chart, the cache turned off (`CHISO_CACHE=0`), timed in the same
 * rounds. Before timing, each pair of outputs is checked to be the same drawing (the same marks of
 * each kind) and chiso's outputs with a warm, cold and no cache the same bytes.
 * Every entry carries the commit it ran on.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { readRenderInput } from '../src/render/node/batch.js';
import { configChartSpec, DataCache } from '../src/render/node/recipes.js';
import { hundredSpecs } from './hundred-specs.js';
import { childCpuMs, entry, headCommit, record } from './results.js';

const RUNS = 15;
const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-cli-'));
const commit = headCommit();

// The CLI runs from dist/, as an installed chiso does: compile it from the sources measured, and its
// one-script bundle (`npm run build:cli`).
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });
execFileSync(process.execPath, ['scripts/cli-bundle.mjs'], { cwd: root, stdio: 'pipe' });

/** The marks of a Vega SVG, kind by kind (`mark-line role-mark layer_3_marks` × 28, …). */
function marks(svg: string): string {
  const counts = new Map<string, number>();
  for (const m of svg.matchAll(/class="(mark-[^"]*)"/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([k, n]) => `${k} x${n}`).join('; ');
}

function sameDrawing(what: string, ours: string, theirs: string): void {
  if (!ours.startsWith('<svg') || !theirs.startsWith('<svg')) throw new Error(`${what}: not an SVG`);
  if (marks(ours) !== marks(theirs)) throw new Error(`${what}: the drawings differ\n  chiso: ${marks(ours)}\n  vega:  ${marks(theirs)}`);
}

/** How chiso runs: its cache kept between runs, emptied before each, or off; vl2svg and Vega have none. */
type CacheMode = 'warm' | 'cold' | 'off' | 'none';
const warmCache = join(dir, 'cache-warm');

function envFor(mode: CacheMode): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.CHISO_CACHE;
  delete env.CHISO_CACHE_DIR;
  if (mode === 'warm') env.CHISO_CACHE_DIR = warmCache;
  if (mode === 'cold') env.CHISO_CACHE_DIR = mkdtempSync(join(dir, 'cache-cold-'));
  if (mode === 'off') env.CHISO_CACHE = '0';
  return env;
}

/** Runs a command to its end; its CPU (ms) and wall time (ms). A cold cache folder is made before and removed after, outside the timing. */
function timed(args: string[], mode: CacheMode): { cpu: number; wall: number; stdout: string } {
  const env = envFor(mode);
  const c = childCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env });
  const wall = performance.now() - t;
  const cpu = childCpuMs() - c;
  if (mode === 'cold') rmSync(env.CHISO_CACHE_DIR as string, { recursive: true, force: true });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return { cpu, wall, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
type Figures = { cpu: number; wall: number };

/**
 * Medians of CPU and wall time of each contender over RUNS rounds; in each round every contender
 * runs once, the order rotated by one every round (and reversed every other), after one untimed run
 * each (the files in the page cache for all, the warm cache filled).
 */
function race(contenders: Record<string, { args: string[]; mode: CacheMode }>): Record<string, Figures> {
  const names = Object.keys(contenders);
  const runs = new Map(names.map((n) => [n, [] as Figures[]]));
  for (const n of names) timed(contenders[n].args, contenders[n].mode);
  for (let round = 0; round < RUNS; round++) {
    const order = names.map((_, i) => names[(i + round) % names.length]);
    if (round % 2) order.reverse();
    for (const n of order) runs.get(n)?.push(timed(contenders[n].args, contenders[n].mode));
  }
  const mid = (xs: Figures[]) => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) });
  return Object.fromEntries(names.map((n) => [n, mid(runs.get(n) ?? [])]));
}

// 1. One chart: the first of the report example, its data read from the project's data folder.
const report = JSON.parse(readFileSync(join(root, 'examples/report/figures.json'), 'utf8')) as { data: Record<string, { file: string }>; charts: { id: string; data: string }[] };
const chart = report.charts[0];
const config = join(dir, 'one-chart.json');
writeFileSync(config, JSON.stringify({ lang: 'vi', data: { [chart.data]: { ...report.data[chart.data], file: join(root, 'examples/report', report.data[chart.data].file) } }, charts: [chart] }));
const input = readRenderInput(config);
if (input.kind !== 'config') throw new Error('expected a configuration');
const spec = await configChartSpec(input.config.charts[0], new DataCache(input.config, { root: dir, anyPath: true }), 'vi');
const specFile = join(dir, `${chart.id}.vl.json`);
writeFileSync(specFile, JSON.stringify(spec));
const out = (mode: CacheMode) => join(dir, `chiso-${mode}`);
const chisoArgs = (mode: CacheMode) => ['bin/chiso.js', 'render', config, '--out', out(mode), '--allow-path'];
const vl2svgArgs = ['node_modules/vega-lite/bin/vl2svg', specFile, join(dir, 'vl2svg.svg')];
for (const mode of ['off', 'cold', 'warm', 'warm'] as const) timed(chisoArgs(mode), mode);
timed(vl2svgArgs, 'none');
const chisoSvg = readFileSync(join(out('warm'), `${chart.id}.svg`), 'utf8');
const vl2svgSvg = readFileSync(join(dir, 'vl2svg.svg'), 'utf8');
for (const mode of ['off', 'cold'] as const) {
  if (readFileSync(join(out(mode), `${chart.id}.svg`), 'utf8') !== chisoSvg) throw new Error(`${chart.id}: chiso's SVG with the cache ${mode} differs from the SVG with a warm cache`);
}
sameDrawing(chart.id, chisoSvg, vl2svgSvg);
const one = race({
  warm: { args: chisoArgs('warm'), mode: 'warm' },
  cold: { args: chisoArgs('cold'), mode: 'cold' },
  off: { args: chisoArgs('off'), mode: 'off' },
  vl2svg: { args: vl2svgArgs, mode: 'none' },
});

// 2. A hundred charts in one process each, scripted as a user would.
const specsFile = join(dir, 'hundred.json');
writeFileSync(specsFile, JSON.stringify(hundredSpecs()));
const script = (body: string) => [
  '--input-type=module',
  '-e',
  `import { readFileSync } from 'node:fs';\nconst specs = JSON.parse(readFileSync(${JSON.stringify(specsFile)}, 'utf8'));\nconst svgs = [];\n${body}\nprocess.stdout.write(process.argv.includes('print') ? JSON.stringify(svgs) : String(svgs.reduce((n, s) => n + s.length, 0)));`,
];
const chisoScript = script(`import { renderSvg } from 'chiso/node';\nfor (const spec of specs) svgs.push(await renderSvg(spec));`);
const vegaScript = script(
  `import * as vega from 'vega';\nimport * as vl from 'vega-lite';\nfor (const spec of specs) {\n  const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none' });\n  svgs.push(await view.toSVG());\n  view.finalize();\n}`,
);
const chisoSvgs = JSON.parse(timed([...chisoScript, '--', 'print'], 'warm').stdout) as string[];
const chisoSvgsCold = JSON.parse(timed([...chisoScript, '--', 'print'], 'cold').stdout) as string[];
const vegaSvgs = JSON.parse(timed([...vegaScript, '--', 'print'], 'none').stdout) as string[];
if (chisoSvgs.length !== 100 || vegaSvgs.length !== 100) throw new Error('expected 100 SVGs from each');
chisoSvgs.forEach((svg, i) => {
  if (svg !== chisoSvgsCold[i]) throw new Error(`chart ${i}: chiso's SVG with a cold cache differs from the SVG with a warm one`);
  sameDrawing(`chart ${i}`, svg, vegaSvgs[i]);
});
const hundred = race({ warm: { args: chisoScript, mode: 'warm' }, cold: { args: chisoScript, mode: 'cold' }, vega: { args: vegaScript, mode: 'none' } });

const kb = (chars: number) => `${Math.round(chars / 1024)} kB`;
const versions = (() => {
  const v = (p: string) => (JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return `Node ${process.version}, vega ${v('vega')}, vega-lite ${v('vega-lite')}`;
})();
const ratio = (a: number, b: number) => (a / b).toFixed(3);
record([
  {
    ...entry(
      'render-1-chart-cpu-vs-vl2svg',
      one.warm.cpu,
      'vl2svg (vega-lite/bin/vl2svg) on the Vega-Lite spec chiso draws, fresh process',
      one.vl2svg.cpu,
      `goal <= 0.5. Warm cache (chiso's cache folder kept from an earlier run of the same chart: V8 code cache, compiled Vega of the chart's shape, Vega's parse of its spec, the data file's observations, font subsets; Vega's dataflow, the SVG and its fonts' embedding still run every time). Cold cache (an empty folder each run, as a first run): ${one.cold.cpu.toFixed(0)} ms, ratio ${ratio(one.cold.cpu, one.vl2svg.cpu)}; cache off (CHISO_CACHE=0): ${one.off.cpu.toFixed(0)} ms, ratio ${ratio(one.off.cpu, one.vl2svg.cpu)}. vl2svg ${one.vl2svg.cpu.toFixed(0)} ms, chiso warm ${one.warm.cpu.toFixed(0)} ms. CPU (user + system) of the child process, from /proc, median of ${RUNS} each, the four taking turns, order rotated every round, one untimed run each first; chart "${chart.id}" of examples/report/figures.json in a one-chart configuration, \`node bin/chiso.js render CONFIG --out DIR --allow-path\` (compiled CLI, its bundle) vs \`node node_modules/vega-lite/bin/vl2svg SPEC OUT\`; same marks of each kind checked before timing, chiso's SVG the same bytes warm, cold and off; chiso's SVG ${kb(chisoSvg.length)} (glyph subsets embedded), vl2svg's ${kb(vl2svgSvg.length)} (no font); wall medians warm ${one.warm.wall.toFixed(0)} ms, cold ${one.cold.wall.toFixed(0)} ms, vl2svg ${one.vl2svg.wall.toFixed(0)} ms on a shared machine; ${versions}`,
    ),
    commit,
  },
  {
    ...entry(
      'export-100-svg-vs-vega-one-process',
      hundred.warm.cpu,
      'vl.compile + vega.View.toSVG over the same 100 specs, one fresh process',
      hundred.vega.cpu,
      `goal <= 1.2. Warm cache (chiso's cache folder kept from an earlier run of the same script). Cold cache (an empty folder each run): ${hundred.cold.cpu.toFixed(0)} ms, ratio ${ratio(hundred.cold.cpu, hundred.vega.cpu)}. CPU (user + system) of the child process, from /proc, start-up included, median of ${RUNS} each, taking turns, order rotated every round, one untimed run each first; 100 specs (63 line, 37 bar, bench/hundred-specs.ts); chiso = \`import { renderSvg } from 'chiso/node'\` (dist/) with real metrics and embedded glyph subsets, ${kb(chisoSvgs.reduce((n, s) => n + s.length, 0))}, the same bytes warm and cold; Vega = \`import * as vega from 'vega'; import * as vl from 'vega-lite'\`, Vega's text estimate, no font, ${kb(vegaSvgs.reduce((n, s) => n + s.length, 0))}; same marks of each kind checked chart by chart before timing; wall medians warm ${hundred.warm.wall.toFixed(0)} ms, cold ${hundred.cold.wall.toFixed(0)} ms, Vega ${hundred.vega.wall.toFixed(0)} ms on a shared machine; ${versions}`,
    ),
    commit,
  },
]);
