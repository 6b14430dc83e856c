/**
 * Exporting 100 charts to SVG: chiso's renderSvg (real font metrics, embedded glyph subsets, stable
 * ids) in one process, against
 *  - `vl2svg` from Vega-Lite's command line, one process per chart (how a shell script batches it), and
 *  - bare `vega.View.toSVG` in one process (Vega's own layout with its 0.8 em text estimate, no font).
 * The 100 specs come from the real data: a poverty trend per province (63) and rankings (37).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { renderSvg } from '../src/render/node/svg.js';
import { clearSubsetCache } from '../src/render/node/fonts.js';
import { hundredSpecs } from './hundred-specs.js';
import { childCpuMs, entry, record } from './results.js';

// In-process batches without chiso's cache on disk (compiled shapes, font subsets kept between runs):
// each batch compiles and subsets as this benchmark has always measured; bench/cli.bench.ts measures the cache.
process.env.CHISO_CACHE = '0';

const specs: TopLevelSpec[] = hundredSpecs();

// Bare Vega runs with Vega's own 0.8 em estimate (not a canvas, were one installed), set for the
// duration of each bare batch. renderSvg measures with the font in its own copy of Vega (src/render/node/vega.ts).
const textMetrics = (vega as unknown as { textMetrics: { width: unknown; estimateWidth: unknown } }).textMetrics;

async function bareVega(): Promise<number> {
  const own = textMetrics.width;
  textMetrics.width = textMetrics.estimateWidth;
  let bytes = 0;
  try {
    for (const spec of specs) {
      const view = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
      bytes += (await view.toSVG()).length;
      view.finalize();
    }
  } finally {
    textMetrics.width = own;
  }
  return bytes;
}

async function chiso(embedFont = true, subset: 'charset' | 'glyphs' = 'glyphs'): Promise<number> {
  let bytes = 0;
  for (const spec of specs) bytes += (await renderSvg(spec, { embedFont, subset })).length;
  return bytes;
}

const time = async (fn: () => Promise<unknown>) => {
  const t = performance.now();
  await fn();
  return performance.now() - t;
};
/** CPU time (user + system, all threads) of this process: far less moved by other work on a shared machine than wall time. */
const cpu = async (fn: () => Promise<unknown>) => {
  const c = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(c);
  return (d.user + d.system) / 1000;
};
const mid = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

// First batch in a fresh process: fonts parsed, the subsetter's wasm started, no subset cached.
let chisoBytes = 0;
const firstMs = await time(async () => {
  chisoBytes = await chiso();
});
const bareBytes = await bareVega(); // warm-up
// The machine is shared: alternate the two so that load drifting over the run hits both alike.
const bare: number[] = [];
const ours: number[] = [];
const noEmbed: number[] = [];
const uncached: number[] = [];
const charset: number[] = [];
let charsetBytes = 0;
// Odd rounds run in reverse order, so the garbage one batch leaves for the next is charged to each side alike.
const ROUNDS = 9;
for (let round = 0; round < ROUNDS; round++) {
  const steps = [
    async () => bare.push(await cpu(bareVega)),
    async () => ours.push(await cpu(() => chiso())),
    async () => noEmbed.push(await cpu(() => chiso(false))),
    async () => {
      clearSubsetCache();
      uncached.push(await cpu(() => chiso()));
    },
    async () => charset.push(await cpu(async () => (charsetBytes = await chiso(true, 'charset')))),
  ];
  for (const step of round % 2 ? steps.reverse() : steps) await step();
}
const bareMs = mid(bare);
const chisoMs = mid(ours);
const noEmbedMs = mid(noEmbed);
const uncachedMs = mid(uncached);
const charsetMs = mid(charset);
let t = 0;

// vl2svg: one process per chart, as a shell loop would run it.
const dir = mkdtempSync(join(tmpdir(), 'chiso-bench-'));
const files = specs.map((spec, i) => {
  const f = join(dir, `chart-${i}.vl.json`);
  writeFileSync(f, JSON.stringify(spec));
  return f;
});

// chiso the same way a report author runs it: one `chiso render` process for a configuration holding
// the 100 specs, start-up included. It runs the compiled CLI (bin/chiso.js, built here with tsc), as an
// installed chiso does; if the build fails, the TypeScript sources through tsx (slower to start), and
// the note says so. Run before and after the vl2svg loop, and averaged, so load drifting on a shared
// machine favours neither side.
const config = join(dir, 'charts.json');
writeFileSync(config, JSON.stringify({ data: {}, charts: specs.map((spec, i) => ({ id: `chart-${i}`, spec })) }));
let compiled = true;
try {
  execFileSync('node_modules/.bin/tsc', ['-p', 'tsconfig.build.json'], { stdio: 'pipe' });
} catch {
  compiled = false;
}
const renderArgs = ['render', config, '--out', join(dir, 'chiso')];
const renderProcess = async () => {
  const c = childCpuMs();
  const wall = await time(async () => {
    const script = `const { main } = await import(${JSON.stringify(new URL('../src/cli/index.ts', import.meta.url).href)}); process.exit(await main(${JSON.stringify(renderArgs)}));`;
    const args = compiled ? ['bin/chiso.js', ...renderArgs] : ['--import', 'tsx', '--input-type=module', '-e', script];
    const r = spawnSync(process.execPath, args, { stdio: 'pipe' });
    if (r.status !== 0) throw new Error(`chiso render failed: ${r.stderr}`);
  });
  return { wall, cpu: childCpuMs() - c };
};
const processBefore = await renderProcess();
const vlCpu = childCpuMs();
t = performance.now();
for (const f of files) {
  const r = spawnSync(process.execPath, ['node_modules/vega-lite/bin/vl2svg', f, f.replace(/\.vl\.json$/, '.svg')], { stdio: 'pipe' });
  if (r.status !== 0) throw new Error(`vl2svg failed: ${r.stderr}`);
}
const vl2svgMs = performance.now() - t;
const vl2svgCpu = childCpuMs() - vlCpu;
const processAfter = await renderProcess();
const processCpu = (processBefore.cpu + processAfter.cpu) / 2;
const processWall = (processBefore.wall + processAfter.wall) / 2;

const kb = (b: number) => `${Math.round(b / 1024)} kB`;
record([
  entry(
    'export-100-svg-vs-vl2svg',
    processCpu,
    'vl2svg, one process per chart',
    vl2svgCpu,
    `CPU time of the processes (user + system, from /proc); 100 charts (63 line, 37 bar) from data/observations; chiso = one \`chiso render\` process for all 100 (${compiled ? 'compiled CLI, bin/chiso.js' : 'TypeScript sources through tsx: the build failed'}), start-up included (mean of a run before and one after the vl2svg loop); vl2svg run once per chart, sequentially. Wall time on this shared machine: chiso ${processWall.toFixed(0)} ms, vl2svg ${vl2svgMs.toFixed(0)} ms; first in-process batch (fonts loaded, nothing cached) ${firstMs.toFixed(0)} ms; output ${kb(chisoBytes)}`,
  ),
  entry(
    'export-100-svg-vs-bare-vega',
    chisoMs,
    'vega.View.toSVG, one process',
    bareMs,
    `CPU time of this process, median of ${ROUNDS} batches after the first, interleaved with bare Vega's; chiso with real metrics and the default embedding (each face cut to the chart's glyphs, TrueType, cached per glyph set), output ${kb(chisoBytes)}; bare Vega ${kb(bareBytes)}, no font. Same batch: without embedding ${noEmbedMs.toFixed(0)} ms; default embedding with its cache emptied first (every chart subsets anew) ${uncachedMs.toFixed(0)} ms; subset 'charset' (Vietnamese letters, WOFF2, made once) ${charsetMs.toFixed(0)} ms, output ${kb(charsetBytes)}`,
  ),
]);
