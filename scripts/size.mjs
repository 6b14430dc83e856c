// `npm run size`: what a portal page downloads, gzipped, from dist/chiso.embed.js. "Before the first
// chart" is the entry and every chunk it imports statically; "data" is what loading a dataset adds;
// "first chart" is what drawing the first chart adds (Vega, Vega-Lite, vega-embed, recipes); "Arrow"
// is what the data layer loads only for Arrow bytes. The total counts what a page with CSV or JSON data
// and charts downloads (the map's boundaries and the Arrow reader apart).
// Run `npm run build:embed` first.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const dist = new URL('../dist/', import.meta.url).pathname;
const entry = 'chiso.embed.js';
if (!existsSync(join(dist, entry))) {
  console.error('chiso: dist/chiso.embed.js không có; chạy `npm run build:embed` trước / run `npm run build:embed` first');
  process.exit(1);
}

const read = (f) => readFileSync(join(dist, f), 'utf8');
const staticImports = (code) => [...code.matchAll(/(?:from|import)\s*["'`](\.\/[^"'`]+\.js)["'`]/g)].map((m) => m[1].slice(2));
const dynamicImports = (code) => [...code.matchAll(/import\(\s*["'`](\.\/[^"'`]+\.js)["'`]\s*\)/g)].map((m) => m[1].slice(2));

/** A file and everything it imports statically. */
function closure(files, seen = new Set()) {
  for (const f of files) {
    if (seen.has(f)) continue;
    seen.add(f);
    closure(staticImports(read(f)), seen);
  }
  return seen;
}

const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(dist, f)).length;
const sum = (files, fn) => [...files].reduce((s, f) => s + fn(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const initial = closure([entry]);
const lazy = new Set();
for (const f of initial) for (const d of dynamicImports(read(f))) lazy.add(d);
const groups = { data: new Set(), chart: new Set() };
for (const d of lazy) {
  const target = /data/.test(d) ? groups.data : groups.chart;
  for (const f of closure([d])) if (!initial.has(f)) target.add(f);
}
for (const f of groups.data) groups.chart.delete(f);
// What the data chunk imports only when it meets Arrow bytes (Arquero): a CSV or JSON page never loads it.
const arrow = new Set();
for (const f of groups.data) for (const d of dynamicImports(read(f))) for (const g of closure([d])) if (!initial.has(g) && !groups.data.has(g) && !groups.chart.has(g)) arrow.add(g);

const rows = [
  ['before the first chart / trước biểu đồ đầu tiên', initial],
  ['+ loading data / tải dữ liệu', groups.data],
  ['+ first chart drawn / vẽ biểu đồ đầu tiên', groups.chart],
];
console.log('chiso embed size (gzip -9)');
for (const [label, files] of rows) {
  console.log(`  ${label.padEnd(48)} ${kb(sum(files, gz)).padStart(9)} gzip  ${kb(sum(files, raw)).padStart(9)} raw   ${[...files].join(', ')}`);
}
if (arrow.size) console.log(`  ${'+ reading Arrow bytes / đọc tệp Arrow'.padEnd(48)} ${kb(sum(arrow, gz)).padStart(9)} gzip  ${kb(sum(arrow, raw)).padStart(9)} raw   ${[...arrow].join(', ')}`);
const geo = 'chiso.embed.vn63.topojson.json';
if (existsSync(join(dist, geo))) console.log(`  ${'+ first map (boundaries) / bản đồ đầu tiên'.padEnd(48)} ${kb(gz(geo)).padStart(9)} gzip  ${kb(raw(geo)).padStart(9)} raw   ${geo}`);
const all = new Set([...initial, ...groups.data, ...groups.chart]);
console.log(`  ${'total after the first chart / tổng cộng'.padEnd(48)} ${kb(sum(all, gz)).padStart(9)} gzip  ${kb(sum(all, raw)).padStart(9)} raw`);
