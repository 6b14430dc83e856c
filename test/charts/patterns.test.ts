// The map's class patterns for high contrast: ever more ink, neighbours different in form, and the
// map's spec using them only in the high-contrast theme.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { FILL_PATTERNS, classPatterns, patternDefsSvg, withPatternDefs, type FillPattern } from '../../src/charts/patterns.js';
import { classRanges, continuousLimits, mapChart } from '../../src/charts/map.js';
import { gsoPoverty, root } from './helpers.js';

/** Share of a tile inked (marks assumed apart, a grid's crossing counted once). */
function ink(p: FillPattern): number {
  const a = p.size * p.size;
  const lines = p.marks.filter((m) => m.kind === 'line');
  const dots = p.marks.filter((m) => m.kind === 'circle');
  const w = lines[0]?.kind === 'line' ? lines[0].width : 0;
  return dots.reduce((s, m) => s + (m.kind === 'circle' ? Math.PI * m.r * m.r : 0), 0) / a + (lines.length * w * p.size - (lines.length > 1 ? w * w : 0)) / a;
}
const form = (p: FillPattern) => `${p.marks.length}${p.marks[0].kind}@${p.angle}`;

describe('class patterns', () => {
  it('ink grows along the ladder', () => {
    const inks = FILL_PATTERNS.map(ink);
    for (let k = 1; k < inks.length; k++) expect(inks[k] - inks[k - 1], `rung ${k}`).toBeGreaterThan(0.04);
  });
  for (let count = 2; count <= 9; count++) {
    it(`${count} classes: all different, lightest to darkest, neighbours differ in form, or in spacing and ink`, () => {
      const ps = classPatterns(count);
      expect(new Set(ps.map((p) => p.id)).size).toBe(count);
      expect(ps[0]).toBe(FILL_PATTERNS[0]);
      expect(ps[count - 1]).toBe(FILL_PATTERNS[FILL_PATTERNS.length - 1]);
      for (let k = 1; k < count; k++) expect(form(ps[k]) !== form(ps[k - 1]) || (ps[k].size !== ps[k - 1].size && ink(ps[k]) - ink(ps[k - 1]) > 0.05), `${ps[k - 1].id} → ${ps[k].id}`).toBe(true);
    });
  }
  it('an SVG using them gets their definitions once; one without is left alone', () => {
    const used = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><path fill="url(#chiso-pattern-3)" d="M0,0h5v5z"/></svg>';
    const once = withPatternDefs(used);
    expect(once).toBe(used.replace(/(<svg[^>]*>)/, `$1${patternDefsSvg()}`));
    expect(withPatternDefs(once)).toBe(once);
    const plain = '<svg xmlns="http://www.w3.org/2000/svg"><path fill="#fff"/></svg>';
    expect(withPatternDefs(plain)).toBe(plain);
  });
});

describe('the map spec', () => {
  const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;
  const rows = gsoPoverty().filter((o) => o.period === '2016');
  const colourScale = (spec: unknown) => {
    const layers = (spec as { layer: { encoding?: { color?: { scale?: { range?: unknown; scheme?: unknown } } } }[] }).layer;
    return layers.find((l) => l.encoding?.color)!.encoding!.color!.scale!;
  };
  it('ranges over the patterns in high contrast, over the scheme by default', () => {
    expect(colourScale(mapChart(rows, { topology: vn63, contrast: 'high', classes: 4 }, 'vi')).range).toEqual(classPatterns(4).map((p) => `url(#${p.id})`));
    const plain = colourScale(mapChart(rows, { topology: vn63, classes: 4 }, 'vi'));
    expect(plain.range).toBeUndefined();
    expect(plain.scheme).toEqual({ name: 'orangered', count: 4 });
    // A canvas cannot draw them: colours in high contrast too.
    const canvas = colourScale(mapChart(rows, { topology: vn63, contrast: 'high', classes: 4, patterns: false }, 'vi'));
    expect(canvas.range).toBeUndefined();
    expect(canvas.scheme).toEqual({ name: 'orangered', count: 4 });
  });
});

describe('a continuous map in high contrast', () => {
  const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;
  const rows = gsoPoverty().filter((o) => o.period === '2016');
  type Layer = { encoding?: { color?: { field?: string; type?: string; scale?: { type?: string; domain?: unknown; range?: unknown; scheme?: unknown } } } };
  const colour = (spec: unknown) => (spec as { layer: Layer[] }).layer.find((l) => l.encoding?.color)!.encoding!.color!;
  const shapes = (spec: unknown) =>
    ((spec as { datasets: { chiso_units: { objects: { units: { geometries: { properties: { value: number | null; cls?: string } }[] } } } } }).datasets.chiso_units.objects.units.geometries).map((g) => g.properties);
  const values = rows.filter((o) => /^\d\d$/.test(o.region) && o.value !== null).map((o) => o.value as number);

  it('is drawn in equal steps of the figures, one pattern a step, the legend naming each step', () => {
    const spec = mapChart(rows, { topology: vn63, contrast: 'high', scale: 'linear' }, 'vi');
    const c = colour(spec);
    // Classes, not a ramp: five equal steps from the lowest figure to the highest.
    expect(c.type).toBe('ordinal');
    expect(c.scale!.range).toEqual(classPatterns(5).map((p) => `url(#${p.id})`));
    const lo = Math.min(...values);
    const hi = Math.max(...values);
    expect(continuousLimits(values, 5).map((l) => Math.round(l * 100) / 100)).toEqual([1, 2, 3, 4].map((k) => Math.round((lo + (k * (hi - lo)) / 5) * 100) / 100));
    const labels = c.scale!.domain as string[];
    expect(labels).toEqual(classRanges(values, continuousLimits(values, 5), 1, 'vi'));
    // Each province is in the step its figure falls in.
    const limits = continuousLimits(values, 5);
    for (const p of shapes(spec)) if (p.value !== null) expect(p.cls).toBe(labels[limits.filter((l) => (p.value as number) >= l).length]);
    // Without high contrast, and on a canvas (no patterns), the ramp as before.
    for (const options of [{}, { contrast: 'high' as const, patterns: false }]) {
      const ramp = colour(mapChart(rows, { topology: vn63, scale: 'linear', ...options }, 'vi'));
      expect(ramp.type).toBe('quantitative');
      expect(ramp.scale!.type).toBe('linear');
    }
  });

  it('around a midpoint: two steps either side, the midpoint a bound of the legend', () => {
    const mid = 10;
    const spec = mapChart(rows, { topology: vn63, contrast: 'high', midpoint: mid }, 'vi');
    const c = colour(spec);
    expect(c.scale!.range).toEqual(classPatterns(4).map((p) => `url(#${p.id})`));
    const limits = continuousLimits(values, 5, mid);
    const reach = Math.max(...values.map((v) => Math.abs(v - mid)));
    expect(limits).toEqual([-1, 0, 1].map((k) => mid + (k * reach) / 2));
    const labels = c.scale!.domain as string[];
    // The class below the midpoint ends on it and the one above starts on it.
    expect(labels[1]).toMatch(/–10,0$/);
    expect(labels[2]).toMatch(/^10,0–/);
    for (const p of shapes(spec)) if (p.value !== null) expect(p.cls).toBe(labels[limits.filter((l) => (p.value as number) >= l).length]);
    expect(colour(mapChart(rows, { topology: vn63, midpoint: mid }, 'vi')).scale!.type).toBe('linear');
  });
});
