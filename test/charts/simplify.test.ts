// Map boundaries lighter for the page and the print: simplifyTopology drops points no one can see,
// keeps shared borders shared and every ring the right way round, and mapChart uses it by default.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { cachedUnitTopology, latitudeSpan, mapBoundaries, simplifyForMap, simplifyTopology, unitTopology } from '../../src/charts/geometry.js';
import { mapChart } from '../../src/charts/map.js';
import { ChisoError } from '../../src/errors.js';
import { gsoPoverty, render, root } from './helpers.js';

const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;

/** Absolute positions of each arc (the file is quantized: delta-encoded integers). */
function positions(t: Topology): number[][][] {
  return t.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => [(x += dx), (y += dy)]);
  });
}
const count = (t: Topology) => t.arcs.reduce((s, a) => s + a.length, 0);
const degrees = (t: Topology, [x, y]: number[]) => [x * t.transform!.scale[0] + t.transform!.translate[0], y * t.transform!.scale[1] + t.transform!.translate[1]];

/** Distance (degrees) from a point to a polyline. */
function distance(p: number[], line: number[][]): number {
  let best = Infinity;
  for (let i = 0; i < line.length - 1; i++) {
    const [ax, ay] = line[i];
    const [bx, by] = line[i + 1];
    const dx = bx - ax, dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const u = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - ax) * dx + (p[1] - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(p[0] - ax - u * dx, p[1] - ay - u * dy));
  }
  return best;
}

/** Signed area of each ring of each geometry (planar, degrees). */
function ringAreas(t: Topology): number[] {
  const out: number[] = [];
  const object = Object.values(t.objects)[0] as { geometries: object[] };
  for (const g of object.geometries) {
    const f = feature(t, g as never) as unknown as { geometry: { type: string; coordinates: number[][][] | number[][][][] } };
    const polys = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as number[][][][];
    for (const poly of polys) for (const ring of poly) {
      let a = 0;
      for (let i = 0; i < ring.length - 1; i++) a += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
      out.push(a / 2);
    }
  }
  return out;
}

describe('simplifyTopology', () => {
  const tolerance = 0.004; // about 450 m: a quarter of a pixel on the map drawn 1,000 px tall
  const simple = simplifyTopology(vn63, tolerance);

  it('keeps a fifth of the points or fewer, every arc its two ends, every arc within the tolerance of the original', () => {
    expect(count(simple)).toBeLessThan(count(vn63) / 5);
    const before = positions(vn63);
    const after = positions(simple);
    expect(after.length).toBe(before.length);
    for (let i = 0; i < before.length; i++) {
      expect(after[i][0]).toEqual(before[i][0]);
      expect(after[i][after[i].length - 1]).toEqual(before[i][before[i].length - 1]);
      const line = after[i].map((p) => degrees(simple, p));
      // Every dropped point lies within the tolerance of what remains (checked on every fifth arc).
      if (i % 5 === 0) for (const p of before[i]) expect(distance(degrees(vn63, p), line)).toBeLessThanOrEqual(tolerance * 1.0001);
    }
  });

  it('turns no ring inside out and flattens none: each keeps the sign of its area', () => {
    const before = ringAreas(vn63);
    const after = ringAreas(simple);
    expect(after.length).toBe(before.length);
    for (let i = 0; i < before.length; i++) {
      expect(Math.sign(after[i])).toBe(Math.sign(before[i]));
      expect(after[i]).not.toBe(0);
    }
  });

  it('with a tolerance of 0 keeps every point; arcs no geometry uses are dropped', () => {
    expect(count(simplifyTopology(vn63, 0))).toBe(count(vn63));
    // The 34 units share the 63 provinces' arcs; the borders inside a unit are no longer used.
    const units = unitTopology(vn63, '34').topology;
    const pruned = simplifyTopology(units, 0);
    expect(pruned.arcs.length).toBeLessThan(units.arcs.length);
    expect(ringAreas(pruned)).toEqual(ringAreas(units));
  });

  it('measures the latitude the boundaries span, archipelagos included', () => {
    const span = latitudeSpan(vn63);
    expect(span).toBeGreaterThan(14);
    expect(span).toBeLessThan(17);
  });
});

describe('mapChart boundaries', () => {
  const data = gsoPoverty();
  const points = (spec: unknown) => count((spec as { datasets: { chiso_units: Topology } }).datasets.chiso_units);

  it('are simplified by default, five times lighter as SVG, with every province and both archipelagos', async () => {
    const light = mapChart(data, { indicator: 'poverty_rate', period: '2016', topology: vn63 });
    const full = mapChart(data, { indicator: 'poverty_rate', period: '2016', topology: vn63, simplify: 0 });
    expect(points(full)).toBe(count(vn63));
    expect(points(light)).toBeLessThan(points(full) / 5);
    const [a, b] = await Promise.all([render(light as never), render(full as never)]);
    expect(a.svg.length).toBeLessThan(b.svg.length / 4);
    const labels = (svg: string) => [...svg.matchAll(/aria-label="([^",]*)/g)].map((m) => m[1]).sort();
    expect(labels(a.svg)).toEqual(labels(b.svg));
    expect(a.warnings).toEqual([]);
  });

  it('keep more points for a larger map', () => {
    const small = mapChart(data, { indicator: 'poverty_rate', period: '2016', topology: vn63 });
    const large = mapChart(data, { indicator: 'poverty_rate', period: '2016', topology: vn63, width: 1600, height: 2000 });
    expect(points(large)).toBeGreaterThan(points(small));
  });

  it('refuse a tolerance that is not a number of pixels', () => {
    for (const simplify of [-1, Number.NaN, 'high']) {
      let e: unknown;
      try {
        mapChart(data, { indicator: 'poverty_rate', period: '2016', topology: vn63, simplify: simplify as number });
      } catch (x) {
        e = x;
      }
      expect(e).toBeInstanceOf(ChisoError);
      expect((e as ChisoError).code).toBe('CHART_UNKNOWN_OPTION');
    }
  });
});

describe('the boundaries the embed serves (dist/chiso.embed.vn63.topojson.json, made by the build)', () => {
  it('are the bundled file simplified for a map up to 2,000 px tall: every province, both archipelagos, a third of the bytes', () => {
    const served = JSON.parse(readFileSync(root + 'dist/chiso.embed.vn63.topojson.json', 'utf8')) as Topology;
    const names = (t: Topology) => (Object.values(t.objects)[0] as { geometries: { properties?: { ten_tinh?: string } }[] }).geometries.map((g) => g.properties?.ten_tinh).sort();
    expect(names(served)).toEqual(names(vn63));
    expect(ringAreas(served).map(Math.sign)).toEqual(ringAreas(vn63).map(Math.sign));
    expect(JSON.stringify(served).length).toBeLessThan(JSON.stringify(vn63).length / 3);
    expect(count(served)).toBeGreaterThan(count(simplifyTopology(vn63, (0.25 * latitudeSpan(vn63)) / 1000)));
    // Drawn as a map, the 63 provinces and the two archipelagos are there.
    const units = unitTopology(served, '63');
    expect(units.ids).toHaveLength(63);
    const parts = (units.topology.objects.units as { geometries: { properties: { part?: string } }[] }).geometries.map((g) => g.properties.part).filter(Boolean).sort();
    expect(parts).toEqual(['hoang-sa', 'truong-sa']);
  });
});

describe('boundaries merged 63 -> 34 and simplified once per (topology, units, size)', () => {
  const data = gsoPoverty();
  const units34 = () => cachedUnitTopology(vn63, '34');

  it('a second call returns the cached result itself, equal to the uncached computation', () => {
    const first = units34();
    expect(units34()).toBe(first);
    expect(first).toEqual(unitTopology(vn63, '34'));
    const simple = mapBoundaries(first, 0.25, 1000);
    expect(mapBoundaries(first, 0.25, 1000)).toBe(simple);
    expect(simple).toEqual(simplifyForMap(unitTopology(vn63, '34').topology, 0.25, 1000));
    // Another size or units is another entry; a copy of the topology is another topology.
    expect(mapBoundaries(first, 0.25, 2000)).not.toBe(simple);
    expect(cachedUnitTopology(vn63, '63')).not.toBe(first);
    expect(cachedUnitTopology(structuredClone(vn63), '34')).not.toBe(first);
  });

  it('mapChart reuses the boundaries across redraws and never writes figures into the cached ones', () => {
    const options = { indicator: 'poverty_rate', period: '2016', topology: vn63, units: '63' as const };
    const a = mapChart(data, options) as unknown as { datasets: { chiso_units: Topology } };
    const cached = mapBoundaries(cachedUnitTopology(vn63, '63'), 0.25, 1000);
    const b = mapChart(data, { ...options, period: '2010' }) as unknown as { datasets: { chiso_units: Topology } };
    expect(a.datasets.chiso_units.arcs).toBe(cached.arcs);
    expect(b.datasets.chiso_units.arcs).toBe(cached.arcs);
    const props = (t: Topology) => (t.objects.units as { geometries: { properties: Record<string, unknown> }[] }).geometries.map((g) => g.properties);
    expect(props(cached).every((p) => Object.keys(p).every((k) => ['id', 'name', 'part'].includes(k)))).toBe(true);
    expect(props(a.datasets.chiso_units)[0].value).not.toEqual(props(b.datasets.chiso_units)[0].value);
  });

  it('drawing a map leaves the shared boundaries as they were: the same picture the second time', async () => {
    const options = { indicator: 'poverty_rate', period: '2016', topology: vn63, units: '34' as const };
    const cached = mapBoundaries(cachedUnitTopology(vn63, '34'), 0.25, 1000);
    const before = JSON.stringify(cached);
    const first = await render(mapChart(data, options) as never);
    const second = await render(mapChart(data, options) as never);
    expect(second.svg).toBe(first.svg);
    expect(JSON.stringify(cached)).toBe(before);
  });
});
