// Text and mark contrast of every recipe in both themes, computed (WCAG 2 relative luminance) from the
// colours Vega actually draws: the spec compiled and rendered to SVG, each element's fill and stroke
// blended with its opacity over the chart's background.
import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { chart, ChartType, type ChartOptions } from '../../src/charts/index.js';
import { contrastRatio } from '../../src/charts/contrast.js';
import { Contrast, colors, categoricalPalette, tierColors } from '../../src/charts/theme.js';
import type { Observation } from '../../src/types.js';
import { gsoIncome, gsoPoverty, load, render, root } from './helpers.js';

const poverty = gsoPoverty();
const income = gsoIncome();
const quoted = load('data/quoted/observations.csv');
const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;

/** One case per recipe, with highlights where a recipe has them (a highlight is where colour carries meaning). */
const cases: { [T in ChartType]: [readonly Observation[], ChartOptions[T]] } = {
  line: [poverty.filter((o) => ['42', '06', '01', '79', 'VN'].includes(o.region)), {}],
  bar: [poverty, { highlight: '42' }],
  kpi: [poverty, { region: '42', period: '2015' }],
  map: [poverty, { topology: vn63, highlight: '42' }],
  scatter: [[...income, ...poverty], { x: 'income_per_capita', y: 'poverty_rate', trend: true, highlight: '42' }],
  // Few enough regions to be labelled: labels take their line's colour.
  slope: [poverty, { periods: ['2012', '2015'], regions: ['42', '01', '79', '06', '11', 'VN'] }],
  progress: [quoted, { indicator: 'new_rural_communes' }],
  multiples: [poverty, { panels: 'R4' }],
};

interface Drawn { mark: string; role: string; colour: string; raw: string; kind: 'text' | 'mark'; }

const named: Record<string, string> = { white: '#ffffff', black: '#000000' };
function hex(c: string): string | null {
  const v = c.trim().toLowerCase();
  if (named[v]) return named[v];
  if (/^#[0-9a-f]{6}$/.test(v)) return v;
  if (/^#[0-9a-f]{3}$/.test(v)) return '#' + [...v.slice(1)].map((x) => x + x).join('');
  const m = /^rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(v);
  if (m) return '#' + m.slice(1, 4).map((x) => Number(x).toString(16).padStart(2, '0')).join('');
  return null;
}
/** A colour at an opacity over the background, as the eye sees it. */
function over(colour: string, alpha: number, bg: string): string {
  const p = (h: string, i: number) => parseInt(h.slice(1 + 2 * i, 3 + 2 * i), 16);
  return '#' + [0, 1, 2].map((i) => Math.round(alpha * p(colour, i) + (1 - alpha) * p(bg, i)).toString(16).padStart(2, '0')).join('');
}

/** Every text and mark element of a Vega SVG with the colour it is seen by (the stronger of fill and stroke). */
function drawn(svg: string, bg: string): Drawn[] {
  const out: Drawn[] = [];
  const stack: { mark: string; role: string; opacity: number }[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-z]+)([^>]*?)(\/?)>/g)) {
    const [, close, tag, attrs, self] = m;
    if (close) { if (tag === 'g') stack.pop(); continue; }
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(attrs)?.[1];
    const cls = attr('class') ?? '';
    const top = stack[stack.length - 1];
    const opacity = (top?.opacity ?? 1) * Number(attr('opacity') ?? 1);
    if (tag === 'g') {
      const mk = /mark-([a-z]+)/.exec(cls)?.[1];
      const role = /role-([a-z-]+)/.exec(cls)?.[1];
      const entry = { mark: mk ?? top?.mark ?? '', role: role ?? top?.role ?? '', opacity };
      if (!self) stack.push(entry);
      continue;
    }
    if (!top || !['path', 'text', 'line', 'rect', 'circle'].includes(tag)) continue;
    const seen = (paint: string | undefined, alpha: string | undefined) => {
      const c = paint ? hex(paint) : null;
      return c ? { raw: c, colour: over(c, opacity * Number(alpha ?? 1), bg) } : null;
    };
    const fill = seen(attr('fill'), attr('fill-opacity'));
    const strokeWidth = Number(attr('stroke-width') ?? 1);
    const stroke = strokeWidth >= 0.5 ? seen(attr('stroke'), attr('stroke-opacity')) : null;
    const candidates = (tag === 'text' ? [fill] : [fill, stroke]).filter((c) => c !== null);
    if (!candidates.length) continue;
    const best = candidates.sort((a, b) => contrastRatio(b.colour, bg) - contrastRatio(a.colour, bg))[0];
    out.push({ mark: top.mark, role: top.role, ...best, kind: tag === 'text' ? 'text' : 'mark' });
  }
  return out;
}

// Not needed to read the chart (WCAG 1.4.11 asks contrast of what is needed): the background, grid
// lines (the axis labels carry the values), the plot frame, Vega's own invisible hit areas.
const decorative = new Set(['frame', 'axis-grid', 'scope', 'legend-entry']);
// An element in the background's own colour is a halo behind a label (the label itself is checked).
const isDecorative = (d: Drawn, bg: string) => decorative.has(d.role) || d.mark === 'group' || d.colour === bg;

/**
 * The default theme's known exceptions, kept to the colours they are: greys of the regions a
 * highlight puts in the background, the Okabe–Ito colours after the first (series end labels and
 * marks in vermilion, green, pink, orange, sky and yellow: 1.3 to 3.9:1), the faint grey of a "no
 * data" label, the track of a progress bar (its figure is written beside it), the lightest progress tier (each also named by a label or the legend), the sequential map fills (the
 * data table and tooltips carry each figure), uncertainty bands and annotation ranges (a tint over
 * the plot, each with an outline or label). The high-contrast theme has none.
 */
const lightByDesign = new Set([colors.neutral, colors.faint, colors.track, colors.missing, colors.missingStroke, ...categoricalPalette.slice(1), tierColors[0]].map((c) => c.toLowerCase()));
function excused(d: Drawn): boolean {
  return d.mark === 'shape' || d.mark === 'area' || d.role === 'legend-symbol' || lightByDesign.has(d.raw);
}

group('contrast of every recipe in both themes', () => {
  for (const contrast of Object.keys(Contrast) as Contrast[]) {
    for (const type of Object.keys(ChartType) as ChartType[]) {
      it(`${type}, ${contrast} theme: text >= 4.5:1, marks >= 3:1 against the background`, async () => {
        const [data, options] = cases[type];
        const spec = chart(type, data, { ...options, contrast } as never, 'vi');
        const bg = hex(String((spec as { config?: { background?: string } }).config?.background ?? '#ffffff'))!;
        const { svg } = await render(spec);
        const elements = drawn(svg, bg).filter((d) => !isDecorative(d, bg));
        expect(elements.filter((d) => d.kind === 'text').length).toBeGreaterThan(3);
        expect(elements.filter((d) => d.kind === 'mark').length).toBeGreaterThan(0);
        const low = elements
          .filter((d) => contrastRatio(d.colour, bg) < (d.kind === 'text' ? 4.5 : 3))
          .filter((d) => contrast === 'high' || !excused(d))
          .map((d) => `${d.kind} ${d.mark}/${d.role} ${d.raw} seen as ${d.colour} ${contrastRatio(d.colour, bg).toFixed(2)}:1`);
        expect([...new Set(low)]).toEqual([]);
      });
    }
  }

  it('line, high contrast: each series its own dash and point shape; the default theme keeps solid lines', () => {
    type Layer = { mark: { type: string }; encoding?: { strokeDash?: { scale: { range: unknown[] } }; shape?: { scale: { range: string[] } } } };
    const [data] = cases.line;
    const layers = (contrast: Contrast) => (chart('line', data, { contrast } as never) as unknown as { layer: Layer[] }).layer;
    const high = layers('high');
    const line = high.find((l) => l.mark.type === 'line')!;
    const dashes = line.encoding!.strokeDash!.scale.range.map((d) => JSON.stringify(d));
    expect(new Set(dashes).size).toBe(dashes.length);
    const point = high.find((l) => l.mark.type === 'point')!;
    expect(new Set(point.encoding!.shape!.scale.range).size).toBe(5);
    expect(layers('default').find((l) => l.mark.type === 'point')!.encoding!.shape).toBeUndefined();
  });

  it('a contrast that is not one of the two themes is refused, naming them', () => {
    expect(() => chart('bar', cases.bar[0], { contrast: 'hoch' } as never)).toThrow(/contrast.*hoch.*default, high|hoch.*default, high/s);
  });

  it('the computation is WCAG 2: black on white 21:1, #767676 on white 4.54:1', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});
