/**
 * What a user's command costs, each run in a fresh process and timed by its CPU (user + system of the
 * child, from /proc), the two contenders alternating and swapping order every round, medians of 15:
 *  - `render-1-chart-cpu-vs-vl2svg`: `chiso render` of a one-chart configuration (the compiled CLI,
 *    bin/chiso.js: reading the data, the query, the recipe, real font metrics, the embedded subset)
 *    against Vega-Lite's own `vl2svg` on the Vega-Lite spec chiso draws for that chart;
 *  - `export-100-svg-vs-vega-one-process`: one Node process importing `chiso/node` and running
 *    `renderSvg` over 100 specs, against one importing vega and vega-lite and running `compile` and
 *    `View.toSVG` over the same specs, as a user would script either; start-up included.
 * Before timing, each pair of outputs is checked to be the same drawing: the same marks of each kind.
 * Every entry carries the commit it ran on.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

// The CLI runs from dist/, as an installed chiso does: compile it from the sources measured.
execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'pipe' });

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

/** Runs a command to its end; its CPU (ms) and wall time (ms). */
function timed(args: string[]): { cpu: number; wall: number; stdout: string } {
  const c = childCpuMs();
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = performance.now() - t;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed:\n${r.stderr}`);
  return { cpu: childCpuMs() - c, wall, stdout: r.stdout };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of CPU and wall time of two commands run RUNS times each, alternating, the order swapped every round. */
function race(ours: string[], theirs: string[]): { ours: { cpu: number; wall: number }; theirs: { cpu: number; wall: number } } {
  const runs = { ours: [] as { cpu: number; wall: number }[], theirs: [] as { cpu: number; wall: number }[] };
  // One untimed run each: the files in the page cache for both.
  timed(ours);
  timed(theirs);
  for (let round = 0; round < RUNS; round++) {
    const steps = [() => runs.ours.push(timed(ours)), () => runs.theirs.push(timed(theirs))];
    for (const step of round % 2 ? steps.reverse() : steps) step();
  }
  const mid = (xs: { cpu: number; wall: number }[]) => ({ cpu: median(xs.map((x) => x.cpu)), wall: median(xs.map((x) => x.wall)) });
  return { ours: mid(runs.ours), theirs: mid(runs.theirs) };
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
const chisoArgs = ['bin/chiso.js', 'render', config, '--out', join(dir, 'chiso'), '--allow-path'];
const vl2svgArgs = ['node_modules/vega-lite/bin/vl2svg', specFile, join(dir, 'vl2svg.svg')];
timed(chisoArgs);
timed(vl2svgArgs);
const chisoSvg = readFileSync(join(dir, 'chiso', `${chart.id}.svg`), 'utf8');
const vl2svgSvg = readFileSync(join(dir, 'vl2svg.svg'), 'utf8');
sameDrawing(chart.id, chisoSvg, vl2svgSvg);
const one = race(chisoArgs, vl2svgArgs);

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
const chisoSvgs = JSON.parse(timed([...chisoScript, '--', 'print']).stdout) as string[];
const vegaSvgs = JSON.parse(timed([...vegaScript, '--', 'print']).stdout) as string[];
if (chisoSvgs.length !== 100 || vegaSvgs.length !== 100) throw new Error('expected 100 SVGs from each');
chisoSvgs.forEach((svg, i) => sameDrawing(`chart ${i}`, svg, vegaSvgs[i]));
const hundred = race(chisoScript, vegaScript);

const kb = (chars: number) => `${Math.round(chars / 1024)} kB`;
const versions = (() => {
  const v = (p: string) => (JSON.parse(readFileSync(join(root, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
  return `Node ${process.version}, vega ${v('vega')}, vega-lite ${v('vega-lite')}`;
})();
record([
  {
    ...entry(
      'render-1-chart-cpu-vs-vl2svg',
      one.ours.cpu,
      'vl2svg (vega-lite/bin/vl2svg) on the Vega-Lite spec chiso draws, fresh process',
      one.theirs.cpu,
      `goal <= 0.5. CPU (user + system) of the child process, from /proc, median of ${RUNS} each, alternating, order swapped every round, one untimed run each first; chart "${chart.id}" of examples/report/figures.json in a one-chart configuration, \`node bin/chiso.js render CONFIG --out DIR --allow-path\` (compiled CLI) vs \`node node_modules/vega-lite/bin/vl2svg SPEC OUT\`; same marks of each kind checked before timing; chiso's SVG ${kb(chisoSvg.length)} (glyph subsets embedded), vl2svg's ${kb(vl2svgSvg.length)} (no font); wall medians ${one.ours.wall.toFixed(0)} ms vs ${one.theirs.wall.toFixed(0)} ms on a shared machine; ${versions}`,
    ),
    commit,
  },
  {
    ...entry(
      'export-100-svg-vs-vega-one-process',
      hundred.ours.cpu,
      'vl.compile + vega.View.toSVG over the same 100 specs, one fresh process',
      hundred.theirs.cpu,
      `goal <= 1.2. CPU (user + system) of the child process, from /proc, start-up included, median of ${RUNS} each, alternating, order swapped every round, one untimed run each first; 100 specs (63 line, 37 bar, bench/hundred-specs.ts); chiso = \`import { renderSvg } from 'chiso/node'\` (dist/) with real metrics and embedded glyph subsets, ${kb(chisoSvgs.reduce((n, s) => n + s.length, 0))}; Vega = \`import * as vega from 'vega'; import * as vl from 'vega-lite'\`, Vega's text estimate, no font, ${kb(vegaSvgs.reduce((n, s) => n + s.length, 0))}; same marks of each kind checked chart by chart before timing; wall medians ${hundred.ours.wall.toFixed(0)} ms vs ${hundred.theirs.wall.toFixed(0)} ms on a shared machine; ${versions}`,
    ),
    commit,
  },
]);
