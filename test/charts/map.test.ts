import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { mapChart, describeMap, classRanges, quantileLimits } from '../../src/charts/map.js';
import { unitTopology } from '../../src/charts/geometry.js';
import { regionForGeoName } from '../../src/registry/index.js';
import { gsoPoverty, render, root, schemaErrors, svgTexts } from './helpers.js';
import type { Observation } from '../../src/types.js';

const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;
const vn34 = JSON.parse(readFileSync(root + 'data/geo/vn34_provinces_odv.topojson.json', 'utf8')) as Topology;
const poverty = gsoPoverty();

/** Area in square degrees scaled by cos(latitude): enough to compare two drawings of the same land. */
function area(geometry: GeoJSON.Geometry): number {
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.type === 'MultiPolygon' ? geometry.coordinates : [];
  let sum = 0;
  for (const poly of polys) {
    poly.forEach((ring, k) => {
      let a = 0;
      for (let i = 0; i < ring.length - 1; i++) {
        const [x1, y1] = ring[i];
        const [x2, y2] = ring[i + 1];
        a += (x1 * y2 - x2 * y1) * Math.cos((((y1 + y2) / 2) * Math.PI) / 180);
      }
      sum += (k === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return sum;
}

function areasById(topology: Topology, object: string): Map<string, number> {
  const fc = feature(topology, topology.objects[object]) as GeoJSON.FeatureCollection;
  const out = new Map<string, number>();
  for (const f of fc.features) {
    const id = String(f.properties?.id);
    out.set(id, (out.get(id) ?? 0) + area(f.geometry));
  }
  return out;
}

describe('unitTopology', () => {
  it('merges the 63 provinces into the same 34 units as data/geo/vn34, with areas within 1%', () => {
    const merged = unitTopology(vn63, '34');
    expect(merged.ids.length).toBe(34);
    const mine = areasById(merged.topology, 'units');
    // The oracle: the 34-unit file, its names joined through the registry.
    const oracleObject = Object.keys(vn34.objects)[0];
    const fc = feature(vn34, vn34.objects[oracleObject]) as GeoJSON.FeatureCollection;
    const oracle = new Map<string, number>();
    for (const f of fc.features) {
      const region = regionForGeoName(String(f.properties?.ten_tinh), 'taliacao34');
      expect(region, String(f.properties?.ten_tinh)).toBeDefined();
      oracle.set(region!.id, area(f.geometry));
    }
    expect([...mine.keys()].sort()).toEqual([...oracle.keys()].sort());
    for (const [id, a] of oracle) expect(Math.abs((mine.get(id) as number) - a) / a, id).toBeLessThan(0.01);
  });

  it('keeps Hoàng Sa and Trường Sa as shapes of their own under Đà Nẵng and Khánh Hòa', () => {
    for (const [units, dn, kh] of [['63', '48', '56'], ['34', '34:48', '34:56']] as const) {
      const t = unitTopology(vn63, units).topology;
      const geoms = (t.objects.units as unknown as { geometries: { properties: { id: string; part?: string } }[] }).geometries;
      expect(geoms.find((g) => g.properties.part === 'hoang-sa')?.properties.id).toBe(dn);
      expect(geoms.find((g) => g.properties.part === 'truong-sa')?.properties.id).toBe(kh);
    }
  });
});

describe('mapChart', () => {
  it('draws the 63 provinces of 2016, missing figures apart from zero, archipelagos labelled', async () => {
    const spec = mapChart(poverty, { topology: vn63, highlight: '42' });
    expect(schemaErrors(spec)).toEqual([]);
    // The topology is held once, not once per layer.
    expect(JSON.stringify(spec).length).toBeLessThan(JSON.stringify(vn63).length * 1.2);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    expect(texts).toContain('Quần đảo Hoàng Sa');
    expect(texts).toContain('Quần đảo Trường Sa');
    // Hồ Chí Minh has no 2016 figure: a legend entry, not a colour of the scale; Bình Dương's 0,0 is a figure.
    expect(texts).toContain('Không có số liệu');
    // Quantile classes named as ranges in the locale's format, lowest from the smallest figure (Bình Dương's 0,0).
    const ranges = texts.filter((t) => /^\d+,\d–\d+,\d$/.test(t));
    expect(ranges.length).toBe(5);
    expect(ranges[0]).toMatch(/^0,0–/);
    expect(ranges[4]).toMatch(/–27,9$/);
    expect(describeMap(poverty, { topology: vn63 })).toContain('1 tỉnh, thành phố không có số liệu');
  });

  it('keeps the archipelagos drawn with no data at all, and names provinces missing from the map', async () => {
    const only: Observation[] = poverty.filter((o) => o.period === '2006' && ['42', 'ha-tay'].includes(o.region));
    const spec = mapChart(only, { topology: vn63, scale: 'linear' }, 'en');
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    expect(texts).toContain('Hoang Sa (Paracel) Islands');
    expect(texts.join(' ')).toContain('Ha Tay: 12.4% (not on this map)');
    expect((svg.match(/<path/g) ?? []).length).toBeGreaterThan(63);
  });

  it('draws the 34 units of 2025 for data keyed by 34: ids', async () => {
    const rows: Observation[] = ['34:42', '34:19', '34:91'].map((region, i) => ({
      indicator: 'poverty_rate', region, period: '2025', value: [3.58, 5.1, 1.2][i], qualifier: null, denominator: null,
      unit: '%', series: null, status: 'final', source: 'test', quote: null,
    }));
    const spec = mapChart(rows, { topology: vn63, scale: 'threshold', thresholds: [2, 4] });
    expect(schemaErrors(spec)).toEqual([]);
    const { warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(describeMap(rows, { topology: vn63 })).toContain('34 tỉnh, thành phố');
  });
});

describe('map classes', () => {
  it('names each class as a range, in Vietnamese and English number format', async () => {
    expect(quantileLimits([1, 2, 3, 4, 5], 2)).toEqual([3]);
    expect(quantileLimits([1, 1, 1, 1, 5], 4)).toEqual([1]); // ties merged: no empty class
    expect(classRanges([0.3, 3.6, 5.2, 9], [3.6, 5.2], 1, 'vi')).toEqual(['0,3–3,6', '3,6–5,2', '5,2–9,0']);
    expect(classRanges([0.3, 3.6, 5.2, 9], [3.6, 5.2], 1, 'en')).toEqual(['0.3–3.6', '3.6–5.2', '5.2–9.0']);
    expect(classRanges([5], [2, 4], 0, 'vi')).toEqual(['< 2', '2–4', '4–5']);
    const spec = mapChart(poverty, { topology: vn63, period: '2010', scale: 'quantize', classes: 4 }, 'en');
    const texts = svgTexts((await render(spec)).svg);
    expect(texts.filter((t) => /^\d+\.\d–\d+\.\d$/.test(t)).length).toBe(4);
    // Every region with a figure sits in the class its range names.
    const geoms = (spec as unknown as { datasets: { chiso_units: { objects: { units: { geometries: { properties: { value: number | null; cls?: string } }[] } } } } })
      .datasets.chiso_units.objects.units.geometries;
    for (const g of geoms) {
      if (g.properties.value === null) continue;
      const [lo, hi] = String(g.properties.cls).split('–').map(Number);
      expect(g.properties.value).toBeGreaterThanOrEqual(lo - 0.05);
      expect(g.properties.value).toBeLessThanOrEqual(hi + 0.05);
    }
  });
});

describe('mapChart change', () => {
  it('draws change around a midpoint with the diverging scheme, better side blue', async () => {
    const y2012 = new Map(poverty.filter((o) => o.period === '2012').map((o) => [o.region, o.value]));
    const change: Observation[] = poverty
      .filter((o) => o.period === '2015' && o.value !== null && y2012.get(o.region) != null)
      .map((o) => ({ ...o, value: Math.round(((o.value as number) - (y2012.get(o.region) as number)) * 10) / 10 }));
    const spec = mapChart(change, { topology: vn63, midpoint: 0 }) as unknown as { layer: { encoding?: { color?: { scale?: Record<string, unknown> } } }[] };
    const scale = spec.layer.find((l) => l.encoding?.color)?.encoding?.color?.scale;
    expect(scale).toMatchObject({ type: 'linear', scheme: 'blueorange', domainMid: 0, reverse: false });
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec as never);
    expect(warnings).toEqual([]);
    // The legend names both ends and the midpoint (no change).
    expect(svgTexts(svg)).toEqual(expect.arrayContaining(['-14,3', '0', '14,3']));
  });
});

describe('mapChart on the light geoBoundaries file', () => {
  it('joins its spellings (Côn Đảo into Bà Rịa - Vũng Tàu) and still labels both archipelagos', async () => {
    const gb = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_geoboundaries.topojson.json', 'utf8')) as Topology;
    expect(unitTopology(gb, '63').ids.length).toBe(63);
    const spec = mapChart(poverty, { topology: gb });
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svgTexts(svg)).toContain('Quần đảo Trường Sa');
  });
});
