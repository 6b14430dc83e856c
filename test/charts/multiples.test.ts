// The small multiples recipe on GSO's poverty rates: shared scales, the order asked for, one description
// per panel, the 34 units of 2025 (the registry's crosswalk; weighted by the bundled population), and the
// whole grid as one SVG from `chiso render`.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { chart, describeMultiples, multiplesChart, multiplesLayout, multiplesPanels } from '../../src/charts/index.js';
import { runQuery } from '../../src/arquero.js';
import { listRegions, predecessors, regionName } from '../../src/registry/index.js';
import { is34 } from '../../src/registry/crosswalk.js';
import { main, type CliIO } from '../../src/cli/index.js';
import type { Observation } from '../../src/types.js';
import { gsoPoverty, load, render, root, schemaErrors, svgTexts } from './helpers.js';

const poverty = gsoPoverty();
const R1 = ['01', '26', '27', '22', '30', '31', '33', '34', '35', '36', '37'];
const latest = (region: string) => poverty.find((o) => o.region === region && o.period === '2016')!.value as number;

/** The 34 units, each a population-weighted mean of its old provinces, every year; the standard of the year kept. */
function units34(): Observation[] {
  const people = load('data/weights/population.csv');
  const merged = runQuery([...poverty, ...people], {
    select: { indicators: ['poverty_rate'], regions: { level: 'province' } },
    derive: [{ op: 'reaggregate', weight: { indicator: 'population', series: 'total' } }],
  }, { onDiagnostic: () => {} });
  const standard = new Map(poverty.filter((o) => o.region === 'VN').map((o) => [o.period, o.series]));
  return (merged.objects() as Observation[]).map((o) => ({ ...o, series: standard.get(o.period) ?? null, source: 'data/weights/population.csv' }));
}

describe('small multiples', () => {
  it('draws a GSO region’s provinces on shared scales: one value axis and one time axis for every panel', async () => {
    const spec = multiplesChart(poverty, { panels: 'R1', width: 700 }, 'vi') as unknown as Record<string, any>;
    expect(schemaErrors(spec)).toEqual([]);
    expect(spec.resolve.scale).toEqual({ x: 'shared', y: 'shared' });
    const line = spec.spec.layer[0].encoding;
    const values = poverty.filter((o) => R1.includes(o.region) && o.value !== null).map((o) => o.value as number);
    // The value domain holds every panel's figures: zero to above the highest.
    expect(line.y.scale.domain[0]).toBe(0);
    expect(line.y.scale.domain[1]).toBeGreaterThan(Math.max(...values));
    const { svg, warnings } = await render(spec as never);
    expect(warnings).toEqual([]);
    // One value axis a row (the first column's): as many rows of `0 5 10 15` labels as rows of panels.
    const layout = multiplesLayout(11, { width: 700 });
    expect(layout.columns).toBeGreaterThan(1);
    const texts = svgTexts(svg);
    expect(texts.filter((t) => t === '15').length).toBe(layout.rows);
    // A time axis under every panel, from the first year to the last.
    expect(texts.filter((t) => t === '2006').length).toBe(11);
    // Every panel headed by its province and its latest figure.
    for (const r of R1) expect(texts.some((t) => t.startsWith(regionName(r, 'vi')))).toBe(true);
  });

  it('orders panels by the latest figure (descending), by name (A to Z, Vietnamese order) or by the change', () => {
    const byLatest = multiplesPanels(poverty, { panels: 'R1' }, 'vi');
    expect(byLatest.map((p) => p.region)).toEqual([...R1].sort((a, b) => latest(b) - latest(a)));
    expect(byLatest.map((p) => p.rank)).toEqual(R1.map((_, i) => i + 1));
    const ascending = multiplesPanels(poverty, { panels: 'R1', order: 'ascending' }, 'vi');
    expect(ascending.map((p) => p.figure)).toEqual([...byLatest.map((p) => p.figure)].reverse());
    const byName = multiplesPanels(poverty, { panels: 'R1', sort: 'name' }, 'vi').map((p) => p.name);
    expect(byName).toEqual([...byName].sort(new Intl.Collator('vi').compare));
    expect(byName[0]).toBe('Bắc Ninh');
    // Change within the latest comparable run (2012-2015 under one standard; 2016 is under another).
    const byChange = multiplesPanels(poverty, { panels: 'R1', sort: 'change' }, 'vi');
    const change = (r: string) => {
      const rows = poverty.filter((o) => o.region === r && ['2012', '2013', '2014', '2015'].includes(o.period));
      return (rows[rows.length - 1].value as number) - (rows[0].value as number);
    };
    const figures = byChange.map((p) => p.figure);
    expect(figures).toEqual([...figures].sort((a, b) => (b as number) - (a as number)));
    expect(byChange[0].figure).toBeCloseTo(change(byChange[0].region), 6);
    // The spec draws them in the same order.
    const spec = multiplesChart(poverty, { panels: 'R1', sort: 'name' }, 'vi') as unknown as { facet: { sort: string[] } };
    expect(spec.facet.sort).toEqual(byName);
  });

  it('gives each panel its own description: its region’s figures and its place', () => {
    const panels = multiplesPanels(poverty, { panels: ['42', '01', '79'] }, 'vi');
    expect(panels.map((p) => p.region)).toEqual(['42', '79', '01'].sort((a, b) => latest(b) - latest(a)));
    for (const p of panels) {
      expect(p.description).toContain(p.name);
      expect(p.description).toMatch(new RegExp(`Ô ${p.rank} trên 3\\.$`));
      for (const other of panels.filter((q) => q !== p)) expect(p.description).not.toContain(other.name);
    }
    const en = multiplesPanels(poverty, { panels: ['42', '01', '79'] }, 'en');
    expect(en[0].description).toMatch(/Panel 1 of 3\.$/);
    const whole = describeMultiples(poverty, { panels: ['42', '01', '79'] }, 'vi');
    expect(whole).toMatch(/^Biểu đồ nhỏ thể hiện tỷ lệ hộ nghèo của 3 địa phương từ năm 2006 đến năm 2016/);
    expect(whole).toContain('Cao nhất năm 2016: Hà Tĩnh');
  });

  it('the 34 units: 34 panels from the crosswalk, merged units empty without a weight, full with the population weight', () => {
    const bare = multiplesPanels(poverty, { panels: '34' }, 'vi');
    expect(bare.length).toBe(34);
    expect(new Set(bare.map((p) => p.region))).toEqual(new Set(listRegions('province2025').map((r) => r.id)));
    expect(bare.every((p) => is34(p.region))).toBe(true);
    // Unmerged units carry their one old province's figures; merged ones say why they are empty.
    const unmerged = bare.filter((p) => predecessors(p.region).length === 1);
    expect(unmerged.length).toBeGreaterThan(5);
    expect(unmerged.every((p) => p.figure !== null)).toBe(true);
    const merged = bare.filter((p) => predecessors(p.region).length > 1);
    expect(merged.every((p) => p.figure === null && /gộp từ .+ trọng số/.test(p.description))).toBe(true);
    // Empty panels go last.
    expect(bare.slice(0, unmerged.length).every((p) => p.figure !== null)).toBe(true);

    const weighted = multiplesPanels(units34(), { panels: '34' }, 'vi');
    expect(weighted.length).toBe(34);
    expect(weighted.filter((p) => p.figure !== null).length).toBeGreaterThanOrEqual(33);
  });

  it('refuses a panel list it cannot read, naming the option', () => {
    expect(() => multiplesChart(poverty, { panels: 'R9' }, 'vi')).toThrow(/panels.*R9|R9.*panels/s);
    expect(() => chart('multiples', poverty, { sort: 'size' } as never, 'en')).toThrow(/sort/);
  });

  it('lays out for its width: two panels a row on a phone, six on a wide page', () => {
    expect(multiplesLayout(34, { width: 360 - 24 - 48 - 40 }).columns).toBe(2);
    expect(multiplesLayout(34, { width: 1100 }).columns).toBe(6);
    expect(multiplesLayout(3, { width: 1100 }).columns).toBe(3);
  });

  it('chiso render writes the whole grid of the 34 units as one SVG', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chiso-multiples-'));
    const config = join(dir, 'multiples.json');
    writeFileSync(config, JSON.stringify({
      lang: 'vi',
      data: { poverty: { file: join(root, 'data/observations/poverty_rate.csv') } },
      charts: [{ id: 'units-34', type: 'multiples', data: 'poverty', options: { panels: '34', sort: 'name', fitWidth: 1000 } }],
    }));
    let err = '';
    const io: CliIO = { isTTY: false, cwd: dir, stdout: () => undefined, stderr: (t: string) => void (err += t) };
    const code = await main(['render', config, '--out', dir, '--format', 'svg', '--allow-path'], io);
    expect(err).not.toContain('✗');
    expect(code).toBe(0);
    const svg = readFileSync(join(dir, 'units-34.svg'), 'utf8');
    expect(XMLValidator.validate(svg)).toBe(true);
    // 34 panel headers in one drawing, the chart's description inside.
    const headers = listRegions('province2025').map((r) => r.name);
    for (const name of ['Hà Tĩnh', 'Lai Châu', 'Cao Bằng', 'Thái Nguyên']) expect(headers).toContain(name);
    expect((svg.match(/<svg\b/g) ?? []).length).toBe(1);
    expect(svg).toContain('Biểu đồ nhỏ thể hiện tỷ lệ hộ nghèo của 34 địa phương');
  });
});
