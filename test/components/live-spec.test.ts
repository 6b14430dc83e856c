// In-place updates: a spec split into shape and live parts draws the same picture as the recipe's
// spec, and a view drawn for one selection, fed the live parts of another, draws what a new view of
// that other selection draws. On the recipes' real output for the real data in data/.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { liveSpec, liveChanges, liveParts, applyFeatures, changesLayout, HIGHLIGHT, TITLE } from '../../src/components/core/live-spec.js';
import { CompiledShapes } from '../../src/render/compiled-shapes.js';
import { HIGHLIGHT_PARAM } from '../../src/charts/common.js';
import type { ViewQuery } from '../../src/components/core/view-query.js';
import { viewRows } from '../../src/components/core/view-rows.js';
import { chart } from '../../src/charts/index.js';
import { loadObservations } from '../../src/data/index.js';
import type { Observation } from '../../src/types.js';

const read = (f: string) => loadObservations(readFileSync(`data/observations/${f}`, 'utf8'), { file: f }).observations;
const observations: Observation[] = [...read('poverty_rate.csv'), ...read('income_per_capita.csv')];

async function view(spec: TopLevelSpec): Promise<vega.View> {
  const v = new vega.View(vega.parse(compile(spec).spec), { renderer: 'none' });
  await v.runAsync();
  return v;
}
// Vega numbers clip paths page-wide; the numbers say nothing of the picture.
// A title's subtitle is a signal, there even when empty: its empty group changes nothing drawn.
const normal = (text: string) =>
  text.replace(/clip\d+/g, 'clip').replace(/<g class="mark-text role-title-subtitle"[^>]*aria-label="Subtitle text ''"[^>]*>(?:<text[^>]*\/>)?<\/g>/g, '');
const svg = async (spec: TopLevelSpec) => normal(await (await view(spec)).toSVG());

/** The first difference between two SVG texts, with a little context, instead of two pages of markup. */
function firstDifference(a: string, b: string): string | null {
  if (a === b) return null;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at ${i}: …${a.slice(Math.max(0, i - 200), i + 200)}… vs …${b.slice(Math.max(0, i - 200), i + 200)}…`;
}

type Case = { type: 'line' | 'slope' | 'bar'; query: ViewQuery; highlight: boolean };
const cases: Case[] = [
  { type: 'line', query: { indicator: 'poverty_rate', regions: ['VN'], followRegions: true }, highlight: false },
  { type: 'slope', query: { indicator: 'poverty_rate', from: 2010, to: 2016, regions: ['VN'], followRegions: true }, highlight: false },
  { type: 'bar', query: { indicator: 'income_per_capita', series: 'total', from: 2016, to: 2016, followRegions: false }, highlight: true },
];

function recipe(c: Case, regions: string[]): TopLevelSpec {
  const rows = viewRows(observations, c.query, { regions: c.query.followRegions ? regions : null, periods: null });
  return chart(c.type, rows, { indicator: c.query.indicator, width: 400, ...(c.highlight ? { highlight: regions } : {}) } as never, 'vi');
}

describe('liveSpec', () => {
  for (const c of cases) {
    it(`${c.type}: the split spec draws what the recipe's spec draws`, async () => {
      const spec = recipe(c, ['42']);
      const live = liveSpec(spec);
      expect(Object.keys(live.datasets).length).toBeGreaterThan(0);
      expect(firstDifference(await svg(live.spec), await svg(spec))).toBeNull();
    });

    it(`${c.type}: successive selections keep the shape, and the one view, updated each time, draws what a new view draws`, async () => {
      // No selection first (the bar's highlight appears with the first one), then province after
      // province: some with preliminary figures, a source line or a break note, some without.
      const sequence = [c.highlight ? [] : ['VN'], ['42'], ['01'], ['79'], ['48'], ['11'], ['01'], ['91']];
      const first = liveSpec(recipe(c, sequence[0]));
      const v = await view(first.spec);
      let drawn = first;
      for (const regions of sequence.slice(1)) {
        const next = liveSpec(recipe(c, regions));
        expect(next.shape).toBe(first.shape);
        expect(next.description).not.toBe(drawn.description);
        const changes = liveChanges(drawn.texts, next);
        expect(changes.datasets.length + changes.params.length).toBeGreaterThan(0);
        for (const [name, value] of changes.params) v.signal(name, value);
        for (const [name, rows] of changes.datasets) v.data(name, rows);
        // As the element does: laid out again unless only the highlight changed.
        if (changesLayout(changes)) v.resize();
        await v.runAsync();
        expect(firstDifference(normal(await v.toSVG()), await svg(recipe(c, regions)))).toBeNull();
        drawn = next;
      }
    });
  }

  it('a title without a subtitle draws as the recipe draws it (the subtitle signal is empty)', async () => {
    const rows = viewRows(observations, cases[0].query, { regions: ['42'], periods: null });
    const spec = chart('line', rows, { indicator: 'poverty_rate', width: 400, source: false } as never, 'vi');
    expect((spec as { title: { subtitle?: unknown } }).title.subtitle).toBeUndefined();
    const live = liveSpec(spec);
    expect(live.params.chiso_subtitle).toBe('');
    expect(firstDifference(await svg(live.spec), await svg(spec))).toBeNull();
  });

  it('the bar chart highlights by parameter: a selection changes no rows and needs no new layout', () => {
    expect(HIGHLIGHT).toBe(HIGHLIGHT_PARAM);
    const a = liveSpec(recipe(cases[2], ['42']));
    const b = liveSpec(recipe(cases[2], ['01']));
    const changes = liveChanges(a.texts, b);
    expect(changes.datasets).toEqual([]);
    expect(changesLayout(changes)).toBe(false);
    // A line chart's new province: new rows, laid out again.
    expect(changesLayout(liveChanges(liveSpec(recipe(cases[0], ['42'])).texts, liveSpec(recipe(cases[0], ['01']))))).toBe(true);
    // The highlight alone: the grey of the other bars follows from it in the view.
    expect(Object.fromEntries(changes.params)).toEqual({ [HIGHLIGHT]: ['01'] });
  });

  it('hoists the literal y domain and the highlight list into parameters', () => {
    const line = liveSpec(recipe(cases[0], ['42']));
    expect(Object.values(line.params)).toContainEqual(expect.arrayContaining([0]));
    const bar = liveSpec(recipe(cases[2], ['42']));
    expect(bar.params[HIGHLIGHT]).toEqual(['42']);
  });

  it('tells nothing changed when the rows and domains are the same', () => {
    const a = liveSpec(recipe(cases[0], ['42']));
    const b = liveSpec(recipe(cases[0], ['42']));
    expect(liveChanges(a.texts, b)).toEqual({ datasets: [], params: [], features: [] });
  });

  it('a different number of regions is a different shape (the colour range grows)', () => {
    expect(liveSpec(recipe(cases[0], ['42', '01'])).shape).not.toBe(liveSpec(recipe(cases[0], ['42'])).shape);
  });

  const topology = () => JSON.parse(readFileSync('data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as unknown;
  let boundaries: unknown;
  const map = (period: number) => {
    boundaries ??= topology();
    return chart('map', viewRows(observations, { indicator: 'poverty_rate', from: period, to: period }, { regions: null, periods: null }), { indicator: 'poverty_rate', topology: boundaries, width: 420 } as never, 'vi');
  };
  /** An SVG's elements in order of their text: what is drawn, whatever the order within a layer. */
  const elements = (svg: string) => svg.split(/(?=<)/).sort().join('\n');
  const missing = (period: number) => (map(period) as unknown as { datasets: { chiso_units: { objects: { units: { geometries: { properties: { value: unknown } }[] } } } } }).datasets.chiso_units.objects.units.geometries.filter((g) => g.properties.value === null).length;

  // 2016 has provinces without a figure (a "no data" legend entry), 2006 and 2014 none: a step into or
  // out of it keeps the shape too, the entry coming and going with the data.
  it.each([
    [2006, 2014],
    [2014, 2016],
    [2016, 2006],
  ])('map: from %i to %i keeps the shape (title, figures on the shapes and the "no data" entry are live), and the updated view draws the new map', async (from, to) => {
    const a = liveSpec(map(from));
    const b = liveSpec(map(to));
    expect(b.shape).toBe(a.shape);
    expect(b.params[TITLE]).toMatch(new RegExp(`^Tỷ lệ hộ nghèo, ${to}`));
    // The boundaries enter the shape by identity, not as megabytes of text.
    expect(a.shape.length).toBeLessThan(20_000);
    expect(firstDifference(await svg(a.spec), await svg(map(from)))).toBeNull();
    const v = await view(a.spec);
    const changes = liveChanges(a.texts, b);
    expect(changes.features.map(([name]) => name)).toEqual(['chiso_units']);
    for (const [name, value] of changes.params) v.signal(name, value);
    for (const [name, rows] of changes.datasets) v.data(name, rows);
    for (const [name, props] of changes.features) expect(applyFeatures(v as never, name, props)).toBe(true);
    // The title names the period: a change of size, so the view is laid out again, as the element does.
    expect(changesLayout(changes)).toBe(true);
    v.resize();
    await v.runAsync();
    const drawn = normal(await v.toSVG());
    // The same elements; a province whose figure comes back is drawn last of its layer (the same white
    // border, so the picture does not change).
    expect(firstDifference(elements(drawn), elements(await svg(map(to))))).toBeNull();
    // The legend's entry is drawn only where a province lacks its figure.
    expect(drawn.includes('>Không có số liệu</text>')).toBe(missing(to) > 0);
  });

  it('map: a second map of the same shape drawn from the first one\'s compiled Vega shows its own figures', async () => {
    const a = liveSpec(map(2006));
    const b = liveSpec(map(2016));
    expect(b.shape).toBe(a.shape);
    const shapes = new CompiledShapes<object>();
    shapes.get(a.shape, liveParts(a), () => compile(a.spec).spec as unknown as object);
    const reused = shapes.peek(b.shape, liveParts(b))!;
    expect(JSON.stringify(reused)).toBe(JSON.stringify(compile(b.spec).spec));
    const drawn = new vega.View(vega.parse(reused as vega.Spec), { renderer: 'none' });
    expect(firstDifference(normal(await drawn.toSVG()), await svg(map(2016)))).toBeNull();
    drawn.finalize();
  });

  it('map: 2016 lacks figures, 2006 and 2014 do not (what the steps above go through)', () => {
    expect([missing(2006), missing(2014), missing(2016) > 0]).toEqual([0, 0, true]);
  });

  it('leaves formatted data (TopoJSON) inline', () => {
    const spec = { data: { values: { type: 'Topology' }, format: { type: 'topojson', feature: 'x' } }, mark: 'geoshape' } as unknown as TopLevelSpec;
    const live = liveSpec(spec);
    expect(live.datasets).toEqual({});
    expect((live.spec as unknown as { data: unknown }).data).toEqual((spec as unknown as { data: unknown }).data);
  });

  it('tells boundaries apart by identity, without turning them into text', () => {
    const topology = { type: 'Topology', arcs: Array.from({ length: 5000 }, (_, i) => [[i, i]]) };
    const spec = (t: object) => ({ data: { values: t, format: { type: 'topojson', feature: 'x' } }, mark: 'geoshape' }) as unknown as TopLevelSpec;
    const a = liveSpec(spec(topology));
    expect(a.shape.length).toBeLessThan(300);
    expect(liveSpec(spec(topology)).shape).toBe(a.shape);
    expect(liveSpec(spec({ ...topology })).shape).not.toBe(a.shape);
  });
});
