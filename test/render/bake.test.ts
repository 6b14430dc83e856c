/**
 * `bakePage` on a small page: each element gets its SVG, description, source, table and compiled Vega;
 * the rest of the page keeps its bytes; baking a baked page changes nothing; a bad attribute is a
 * bilingual error naming the file, the line and the element.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bakePage } from '../../src/render/node/bake.js';
import { isChisoError, formatDiagnostic } from '../../src/errors.js';
import { main } from '../../src/cli/index.js';
import { MAX_EMBEDDED_SPEC } from '../../src/render/node/bake.js';
import { withBoundaries, type BakedBoundaries } from '../../src/components/chart/baked-map.js';
import { chart } from '../../src/charts/index.js';
import { readDataFile } from '../../src/data/read-file.js';
import type { Spec as VegaSpec } from 'vega';
import type { Topology } from 'topojson-specification';

const ROOT = join(import.meta.dirname, '../..');
const HEAD = '<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>Trang thử</title>\n</head>\n<body>\n';
const PAGE =
  HEAD +
  '<p>Trước &amp; sau: <b>giữ nguyên</b></p>\n' +
  '<chiso-dashboard src="/data/observations/poverty_rate.csv">\n' +
  '<!-- <chiso-chart type="pie"></chiso-chart> a comment is not an element -->\n' +
  '<chiso-chart type="line" indicator="poverty_rate" region="42, VN" chart-title="Tỷ lệ hộ nghèo"></chiso-chart>\n' +
  '<chiso-kpi indicator="poverty_rate" region="42"></chiso-kpi>\n' +
  '<chiso-table indicator="poverty_rate" region="42" period="2014-2016"></chiso-table>\n' +
  '</chiso-dashboard>\n</body>\n</html>\n';

async function errorOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(isChisoError(e)).toBe(true);
    return isChisoError(e) ? e.diagnostics.map((d) => formatDiagnostic(d)).join('\n') : String(e);
  }
  throw new Error('no error');
}

describe('bakePage', () => {
  it('embeds a map without its boundaries: the figures on its shapes beside the spec, put back on the boundaries the live map draws', async () => {
    const page = HEAD + '<chiso-dashboard src="/data/observations/poverty_rate.csv">\n<chiso-map indicator="poverty_rate" period="2016"></chiso-map>\n</chiso-dashboard>\n</body>\n</html>\n';
    const r = await bakePage(page, { root: ROOT, page: '/test.html' });
    const vegaText = /<script type="application\/json" class="chiso-baked-vega">([^<]*)<\/script>/.exec(r.html)![1];
    const geoText = /<script type="application\/json" class="chiso-baked-geo">([^<]*)<\/script>/.exec(r.html)![1];
    expect(vegaText.length + geoText.length).toBeLessThanOrEqual(MAX_EMBEDDED_SPEC);
    type Data = { name: string; values?: { objects: { units: { geometries: { properties: Record<string, unknown> }[] } } }; format?: { type: string } };
    const spec = JSON.parse(vegaText) as VegaSpec & { data: Data[] };
    const baked = JSON.parse(geoText) as BakedBoundaries;
    // The dataset is there, empty: no arcs in the page.
    expect(spec.data.find((d) => d.name === baked.dataset)).toEqual({ name: 'chiso_units', format: { type: 'topojson', feature: 'units' } });
    expect(vegaText).not.toContain('"arcs"');
    // 63 provinces and the two archipelagos drawn apart, Hà Tĩnh with its 2016 figure.
    expect(Object.keys(baked.figures)).toHaveLength(65);
    expect(baked.figures['42|']).toMatchObject({ region: '42', name: 'Hà Tĩnh', valueText: '11,0%' });
    expect(baked.shapes).toEqual({ units: '63', simplify: 0.25, size: 1000 });
    // Hydrated with the bundled boundaries, the map holds the shapes and figures the recipe gives them.
    const topology = JSON.parse(readFileSync(join(ROOT, 'data/geo/vn63_provinces_odv.topojson.json'), 'utf8')) as Topology;
    const full = withBoundaries(spec, baked, topology) as unknown as { data: Data[] };
    const rows = (await readDataFile(join(ROOT, 'data/observations/poverty_rate.csv'))).observations.filter((o) => o.period === '2016');
    const recipe = chart('map', rows, { topology, units: '63', fitWidth: 640 }, 'vi') as unknown as { datasets: { chiso_units: { arcs: unknown[]; objects: { units: { geometries: { arcs: unknown; properties: unknown }[] } } } } };
    const units = full.data.find((d) => d.name === 'chiso_units')!.values as unknown as typeof recipe.datasets.chiso_units;
    expect(units.arcs).toEqual(recipe.datasets.chiso_units.arcs);
    expect(units.objects.units.geometries).toEqual(recipe.datasets.chiso_units.objects.units.geometries);
    // Another file's boundaries (one province missing): the baked picture stays.
    const fewer = { ...topology, objects: Object.fromEntries(Object.entries(topology.objects).map(([k, o]) => [k, { ...o, geometries: (o as { geometries: unknown[] }).geometries.slice(1) }])) } as Topology;
    expect(withBoundaries(spec, baked, fewer)).toBeNull();
  });

  it('writes the chart, its description, source and table into each element, and keeps the rest of the page', async () => {
    const r = await bakePage(PAGE, { root: ROOT, page: '/test.html', file: 'test.html' });
    expect(r.elements).toBe(3);
    const chart = /<chiso-chart [^>]*>([\s\S]*?)<\/chiso-chart>/.exec(r.html.split('-->')[1])!;
    expect(chart[0]).toMatch(/^<chiso-chart type="line" indicator="poverty_rate" region="42, VN" chart-title="Tỷ lệ hộ nghèo" baked>/);
    const inner = chart[1];
    expect(inner).toMatch(/<svg[^>]* role="img"/);
    expect(inner).toContain('<title>Tỷ lệ hộ nghèo</title>');
    expect((inner.match(/<path /g) ?? []).length).toBeGreaterThan(10);
    expect(inner).toMatch(/<figcaption class="chiso-baked-description">Tỷ lệ hộ nghèo [^<]*Hà Tĩnh/);
    expect(inner).toContain('Tổng cục Thống kê');
    expect((inner.match(/<tr>/g) ?? []).length).toBeGreaterThan(10);
    expect(inner).toContain('<th scope="row">Hà Tĩnh</th>');
    // The compiled Vega spec, not executed, with nothing that could end its element.
    const json = /<script type="application\/json" class="chiso-baked-vega">([^<]*)<\/script>/.exec(inner)!;
    const spec = JSON.parse(json[1]) as { marks?: unknown[]; $schema?: string };
    expect(spec.$schema).toContain('vega/');
    expect(spec.marks?.length).toBeGreaterThan(0);
    // Every byte outside the elements: the same, the stylesheet link added to the head.
    expect(r.html).toContain('<p>Trước &amp; sau: <b>giữ nguyên</b></p>');
    expect(r.html).toContain('<!-- <chiso-chart type="pie"></chiso-chart> a comment is not an element -->');
    expect(r.html).toContain('<link rel="stylesheet" href="chiso-baked.css" data-chiso-baked>\n</head>');
    expect(r.html).toContain('<chiso-dashboard src="/data/observations/poverty_rate.csv" baked>');
    const unbaked = r.html
      .replace(/<link [^>]*data-chiso-baked>\n/, '')
      .replace(/ baked>/g, '>')
      .replace(/(<chiso-(chart|kpi|table)\b[^>]*>)<div class="chiso-baked[\s\S]*?(<\/chiso-\2>)/g, '$1$3');
    expect(unbaked).toBe(PAGE);
    // The KPI: Hà Tĩnh's latest poverty rate, in Vietnamese number format.
    expect(r.html).toMatch(/<chiso-kpi [^>]*baked><div class="chiso-baked chiso-baked-kpi"[^>]*><p class="label">Tỷ lệ hộ nghèo<\/p><p class="value">11%<\/p><p class="meta">Hà Tĩnh · 2016 \(sơ bộ\)<\/p>/);
    // The table: only 2014-2016.
    const table = /<chiso-table [^>]*>([\s\S]*?)<\/chiso-table>/.exec(r.html)![1];
    expect(table).toContain('2016');
    expect(table).not.toContain('2010');
    // The font: the chart's face cut down to what it uses, under a family of its own that the chart's
    // text asks for first (the page's own text never meets it).
    expect(r.css).toMatch(/@font-face\{font-family:"chiso-baked";font-style:normal;font-weight:400;font-display:block;src:url\(data:font\/ttf;base64,/);
    expect(inner).toContain('font-family="chiso-baked, &quot;Be Vietnam Pro&quot;');
    expect(inner).not.toMatch(/font-family="&quot;Be Vietnam Pro/);
    expect(r.css).toContain('chiso-chart[baked]');
  });

  it('gives the same page when a baked page is baked again, its embed script fetched at low priority once', async () => {
    const page = PAGE.replace('</head>', '<script type="module" src="/dist/chiso.embed.js"></script>\n</head>');
    const once = await bakePage(page, { root: ROOT, page: '/test.html' });
    expect(once.html).toContain('<script type="module" src="/dist/chiso.embed.js" fetchpriority="low"></script>');
    const twice = await bakePage(once.html, { root: ROOT, page: '/test.html' });
    expect(twice.html).toBe(once.html);
    expect(twice.css).toBe(once.css);
  });

  it('names the file, the line and the element of a bad attribute, in Vietnamese and English', async () => {
    const bad = PAGE.replace('type="line"', 'type="pie"');
    const text = await errorOf(bakePage(bad, { root: ROOT, page: '/test.html', file: 'trang.html' }));
    expect(text).toContain('trang.html, dòng 11: Không vẽ sẵn được <chiso-chart> ở dòng 11: Loại biểu đồ không hợp lệ: "pie"');
    expect(text).toContain('trang.html, row 11: Could not bake <chiso-chart> on line 11: Unknown chart type "pie"');
    const follow = await errorOf(bakePage(PAGE.replace('<chiso-kpi ', '<chiso-kpi follow="tinh" '), { root: ROOT, page: '/test.html', file: 'trang.html' }));
    expect(follow).toMatch(/dòng 12: Không vẽ sẵn được <chiso-kpi>.*tinh/);
    expect(follow).toMatch(/row 12: Could not bake <chiso-kpi>.*tinh/);
    const json = await errorOf(bakePage(PAGE.replace('chart-title=', 'annotations="[oops" chart-title='), { root: ROOT, page: '/test.html' }));
    expect(json).toContain('thuộc tính annotations không phải JSON hợp lệ');
    expect(json).toContain('the annotations attribute is not valid JSON');
  });

  it('refuses data outside the root and elements outside a dashboard, naming them', async () => {
    const outside = await errorOf(bakePage(PAGE.replace('/data/observations/poverty_rate.csv', '../../etc/passwd'), { root: ROOT, page: '/test.html' }));
    expect(outside).toContain('src "../../etc/passwd"');
    expect(outside).toContain('không phải tệp trong thư mục gốc');
    const net = await errorOf(bakePage(PAGE.replace('/data/observations/poverty_rate.csv', 'https://example.org/x.csv'), { root: ROOT, page: '/test.html' }));
    expect(net).toContain('baking reads local files only');
    const alone = await errorOf(bakePage(HEAD + '<chiso-kpi indicator="poverty_rate"></chiso-kpi>\n', { root: ROOT, page: '/test.html' }));
    expect(alone).toContain('<chiso-kpi> ở dòng 8');
    expect(alone).toContain('inside no <chiso-dashboard src="...">');
  });

  it('chiso bake writes the page and its stylesheet, with a progress line per element', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-bake-'));
    writeFileSync(join(dir, 'page.html'), PAGE.replace('/data/observations/poverty_rate.csv', 'poverty_rate.csv'));
    writeFileSync(join(dir, 'poverty_rate.csv'), readFileSync(join(ROOT, 'data/observations/poverty_rate.csv')));
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['bake', 'page.html', '--out', 'out'], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), isTTY: false, cwd: dir });
    expect(code).toBe(0);
    expect(err.join('')).toContain('[1/3] ✓ <chiso-chart> page.html:11');
    expect(err.join('')).toContain('Đã vẽ sẵn 3 phần tử vào out/page.html / Baked 3 elements into out/page.html');
    expect(readFileSync(join(dir, 'out/page.html'), 'utf8')).toContain('class="chiso-baked-vega"');
    expect(readFileSync(join(dir, 'out/chiso-baked.css'), 'utf8')).toContain('@font-face');
    const help: string[] = [];
    expect(await main(['bake', '--help'], { stdout: (t) => help.push(t), stderr: () => {}, isTTY: false, cwd: dir })).toBe(0);
    expect(help.join('')).toContain('chiso bake TRANG.html --out THƯ_MỤC');
    expect(help.join('')).toContain('chiso bake PAGE.html --out DIR');
  });
});
