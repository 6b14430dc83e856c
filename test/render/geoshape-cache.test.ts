// The kept geoshape (src/render/geoshape-cache.ts) draws what Vega's own draws: a map drawn afresh,
// and a map drawn for one period then recoloured in place for another, have the same SVG text and the
// same bounds; each geometry is projected once however often its province is recoloured.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { liveSpec, liveChanges, applyFeatures } from '../../src/components/core/live-spec.js';
import { viewRows } from '../../src/components/core/view-rows.js';
import { chart } from '../../src/charts/index.js';
import { loadObservations } from '../../src/data/index.js';
import { keptShape, registerKeptGeoShape } from '../../src/render/geoshape-cache.js';

const observations = loadObservations(readFileSync('data/observations/poverty_rate.csv', 'utf8'), { file: 'poverty_rate.csv' }).observations;
const topology = JSON.parse(readFileSync('data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as unknown;
const map = (period: number) =>
  chart('map', viewRows(observations, { indicator: 'poverty_rate', from: period, to: period }, { regions: null, periods: null }), { indicator: 'poverty_rate', topology, width: 420 } as never, 'vi');

async function view(spec: TopLevelSpec): Promise<vega.View> {
  const v = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await v.runAsync();
  return v;
}
const normal = (text: string) => text.replace(/clip\d+/g, 'clip');
/** Draws 2006, recolours it in place for each period in turn, and returns the SVG and the view's bounds after each. */
/** The shape generators of every item of the scene. */
function shapes(node: unknown, into: { kept?: boolean }[] = []): { kept?: boolean }[] {
  const n = node as { items?: unknown[]; shape?: { kept?: boolean }; marktype?: string };
  if (n.shape && typeof n.shape === 'function') into.push(n.shape);
  for (const c of n.items ?? []) shapes(c, into);
  return into;
}
async function steps(periods: number[]): Promise<{ svg: string; bounds: number[]; kept: boolean }[]> {
  const first = liveSpec(map(2006));
  const v = await view(first.spec);
  let drawn = first.texts;
  const out: { svg: string; bounds: number[]; kept: boolean }[] = [];
  for (const p of periods) {
    const next = liveSpec(map(p));
    const changes = liveChanges(drawn, next);
    for (const [name, value] of changes.params) v.signal(name, value);
    for (const [name, rows] of changes.datasets) v.data(name, rows);
    for (const [name, props] of changes.features) applyFeatures(v as never, name, props);
    v.resize();
    await v.runAsync();
    drawn = next.texts;
    const root = (v.scenegraph() as unknown as { root: { bounds: { x1: number; y1: number; x2: number; y2: number } } }).root;
    const b = root.bounds;
    out.push({ svg: normal(await v.toSVG()), bounds: [b.x1, b.y1, b.x2, b.y2], kept: shapes(root).every((s) => s.kept === true) && shapes(root).length > 63 });
  }
  v.finalize();
  return out;
}

describe('the kept geoshape', () => {
  it('draws what Vega draws, afresh and recoloured in place through the periods', async () => {
    const periods = [2016, 2008, 2014, 2016];
    const fresh = normal(await (await view(map(2016))).toSVG());
    const own = await steps(periods);
    expect(registerKeptGeoShape()).toBe(true);
    // Twice is harmless.
    expect(registerKeptGeoShape()).toBe(true);
    expect(normal(await (await view(map(2016))).toSVG())).toBe(fresh);
    const kept = await steps(periods);
    // Vega's own before, the keeping one after: every shape of the map.
    expect([own.map((o) => o.kept), kept.map((k) => k.kept)]).toEqual([periods.map(() => false), periods.map(() => true)]);
    expect(kept.map((k) => k.svg)).toEqual(own.map((o) => o.svg));
    for (const [i, k] of kept.entries()) k.bounds.forEach((b, j) => expect(b).toBeCloseTo(own[i].bounds[j], 2));
  });

  it('projects each geometry once, and a feature whose figures change keeps its path', () => {
    let projected = 0;
    const shape = Object.assign((item: { datum: { geometry: object } }) => {
      projected++;
      return `M0,0L${projected},1Z`;
    }, { context: () => shape }) as never;
    const kept = keptShape(shape, (item) => (item as { datum: unknown }).datum);
    const geometry = { type: 'Polygon' };
    const item = { datum: { type: 'Feature', geometry, properties: { value: 1 } } };
    expect(kept.context(null)(item)).toBe('M0,0L1,1Z');
    item.datum = { type: 'Feature', geometry, properties: { value: 2 } };
    expect(kept.context(null)(item)).toBe('M0,0L1,1Z');
    // Into a context (bounds, a canvas): drawn from the kept path's commands.
    const calls: string[] = [];
    const context = { moveTo: (x: number, y: number) => calls.push(`M${x},${y}`), lineTo: (x: number, y: number) => calls.push(`L${x},${y}`), closePath: () => calls.push('Z') };
    kept.context(context)(item);
    expect(calls).toEqual(['M0,0', 'L1,1', 'Z']);
    expect(projected).toBe(1);
    item.datum = { type: 'Feature', geometry: { type: 'Polygon' }, properties: { value: 2 } };
    expect(kept.context(null)(item)).toBe('M0,0L2,1Z');
  });
});
