// `npm run size`: what a portal page downloads, gzipped, from dist/chiso.embed.js.
// - "the script tag": chiso.embed.js itself, which loads each element's code only for the elements
//   the page holds;
// - "elements": what every page with an element loads (Lit, the view base, the dashboard, the chart
//   element, the registry's names and messages), then each other element's own code;
// - "loading data": the data layer and the executor that answers the views (a baked page whose
//   readers only read never loads them);
// - "baked chart interactive": the lean Vega and its interpreter a baked chart hydrates with;
// - "first chart drawn in the page": what drawing a chart that was not baked adds (recipes,
//   Vega-Lite's compiler);
// - "reading Arrow bytes" and "first map" (the rest of Vega, d3-geo, the boundaries): what only
//   those pages load.
// The total counts a page with CSV or JSON data and a chart drawn in the page (Arrow and the map's
// boundaries apart). Run `npm run build:embed` first.
import { readFileSync, existsSync, readdirSync } from 'node:fs';
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
const files = readdirSync(dist).filter((f) => f.startsWith('chiso.embed.') && f.endsWith('.js'));
const chunk = (name) => files.find((f) => f.startsWith(`chiso.embed.${name}-`));

/** A file and everything it imports statically. */
function closure(list, seen = new Set()) {
  for (const f of list) {
    if (!f || seen.has(f)) continue;
    seen.add(f);
    closure(staticImports(read(f)), seen);
  }
  return seen;
}

const gz = (f) => gzipSync(readFileSync(join(dist, f)), { level: 9 }).length;
const raw = (f) => readFileSync(join(dist, f)).length;
const sum = (set, fn) => [...set].reduce((s, f) => s + fn(f), 0);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const counted = new Set();
/** The files of `list`'s closure not counted in an earlier row. */
function fresh(list) {
  const out = new Set([...closure(list)].filter((f) => !counted.has(f)));
  for (const f of out) counted.add(f);
  return out;
}

const rows = [];
const row = (label, set) => rows.push([label, set]);
row('the script tag / thẻ script', fresh([entry]));
row('+ elements (every page) / phần tử (mọi trang)', fresh([chunk('elements')]));
const own = files.filter((f) => /^chiso\.embed\.[a-z]+\.component-/.test(f));
const perElement = own.map((f) => [f.replace(/^chiso\.embed\.([a-z]+)\.component-.*/, 'chiso-$1'), fresh([f])]);
row('+ loading data / tải dữ liệu', fresh([chunk('data'), chunk('executor')]));
row('+ baked chart interactive / biểu đồ dựng sẵn tương tác', fresh([chunk('vega-lean'), chunk('vega-interpreter')]));
// Everything the elements load lazily for a chart drawn in the page, but the Arrow reader, the map's
// code, what only an export loads, and what only a spec that needs the whole of Vega (a projection, a
// transform the lean Vega lacks) or a page's own `loadVega()` (vega-embed) loads.
const later = new Set(['download-svg', 'bundle', 'png-resolution', 'd3-geo', 'baked-map', 'view-cube', 'http', 'src', 'embed', 'vega.module']);
const lazy = [...closure([chunk('elements')])].flatMap((f) => dynamicImports(read(f))).filter((f) => ![...later].some((n) => f.startsWith(`chiso.embed.${n}-`)));
row('+ first chart drawn in the page / vẽ biểu đồ trong trang', fresh(lazy));
console.log('chiso embed size (gzip -9)');
const line = (label, set) => console.log(`  ${label.padEnd(56)} ${kb(sum(set, gz)).padStart(9)} gzip  ${kb(sum(set, raw)).padStart(9)} raw   ${[...set].map((f) => f.replace(/^chiso\.embed\./, '')).join(', ')}`);
for (const [label, set] of rows) line(label, set);
for (const [tag, set] of perElement) if (set.size) line(`  + <${tag}> alone / riêng`, set);
const arrow = fresh([chunk('src')]);
if (arrow.size) line('+ reading Arrow bytes / đọc tệp Arrow', arrow);
const geo = 'chiso.embed.vn63.topojson.json';
const mapCode = fresh([chunk('d3-geo'), chunk('baked-map'), chunk('vega.module')]);
if (existsSync(join(dist, geo))) console.log(`  ${'+ first map (code, boundaries) / bản đồ đầu tiên'.padEnd(56)} ${kb(sum(mapCode, gz) + gz(geo)).padStart(9)} gzip  ${kb(sum(mapCode, raw) + raw(geo)).padStart(9)} raw   ${[...mapCode, geo].map((f) => f.replace(/^chiso\.embed\./, '')).join(', ')}`);
const page = new Set(rows.flatMap(([, set]) => [...set]));
console.log(`  ${'total: a page whose chart is drawn in it / tổng cộng'.padEnd(56)} ${kb(sum(page, gz)).padStart(9)} gzip  ${kb(sum(page, raw)).padStart(9)} raw`);
