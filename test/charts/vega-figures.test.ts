// Numbers as text are printed by the d3-format locale Vega's axes and legends use: every figure a
// generated description writes is what Vega draws for that figure (rendered with vega in Node).
import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { quantileLimits, quantizeLimits } from '../../src/charts/scale.js';
import { vegaFormat } from '../../src/format/vega-locale.js';
import { chart, type ChartOptions, type ChartType } from '../../src/charts/index.js';
import type { Observation } from '../../src/types.js';
import { render, root, svgTexts } from './helpers.js';

const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;

/** Figures stored just below a half (2.675 is 2.67499…, 1.005 is 1.00499…), exact halves, and thousands. */
const TRICKY: Record<string, number[]> = {
  '01': [2.675, 2.125, 1.005],
  '02': [1.005, 3.5, 0.125],
  '04': [10.245, 4.355, 2.675],
  '06': [0.305, 8.115, 1234.565],
};
const PERIODS = ['2014', '2015', '2016'];
const data: Observation[] = Object.entries(TRICKY).flatMap(([region, values]) =>
  values.map((value, i) => ({
    indicator: 'poverty_rate', region, period: PERIODS[i], value, qualifier: null, denominator: null,
    unit: '%', series: null, status: 'final' as const, source: 'test', quote: null,
  })),
);
const values = data.map((o) => o.value as number);
// Changes and gaps a description may speak of: differences of any two figures.
const candidates = [...new Set([...values, ...values.flatMap((a) => values.flatMap((b) => [a - b, Math.abs(a - b)]))])];

type Case = { [T in ChartType]: [T, ChartOptions[T]] }[ChartType];
const cases: Case[] = [
  ['line', {}],
  ['bar', { highlight: '01' }],
  ['bar', { period: '2014' }],
  ['kpi', { region: '01' }],
  ['kpi', { region: '06' }],
  ['map', { topology: vn63, period: '2014' }],
  ['map', { topology: vn63, period: '2016', scale: 'linear' }],
  ['slope', { periods: ['2014', '2016'] }],
];

/** What Vega draws for each candidate with `,.{d}f` under the spec's own locale (`config.locale`). */
async function vegaTexts(locale: unknown, decimals: number): Promise<Set<string>> {
  const spec = {
    data: { values: candidates.map((v) => ({ v })) },
    mark: 'text',
    encoding: { text: { field: 'v', type: 'quantitative', format: `,.${decimals}f` }, y: { field: 'v', type: 'nominal', axis: null } },
    config: { locale },
  } as unknown as TopLevelSpec;
  return new Set(svgTexts((await render(spec)).svg).map((s) => s.replace(/^[−-]/, '-')));
}

/** Decimal figures as the locale writes them (`1.234,57`, `2,67` in vi; `1,234.57` in en). */
function figures(text: string, locale: 'vi' | 'en'): string[] {
  const re = locale === 'vi' ? /-?\d{1,3}(?:\.\d{3})*,\d+/g : /-?\d{1,3}(?:,\d{3})*\.\d+/g;
  return text.match(re) ?? [];
}

group('figures in descriptions are what Vega draws', () => {
  it('for every recipe, in both languages: each decimal figure is Vega’s own text for a figure of the data', async () => {
    let checked = 0;
    for (const [type, options] of cases) {
      for (const locale of ['vi', 'en'] as const) {
        const spec = chart(type, data, options as never, locale) as unknown as { description: string; config: { locale: unknown } };
        const found = figures(spec.description, locale);
        for (const figure of found) {
          const decimals = figure.length - figure.search(locale === 'vi' ? /,\d+$/ : /\.\d+$/) - 1;
          const drawn = await vegaTexts(spec.config.locale, decimals);
          expect(drawn.has(figure.replace(/^-/, '-')) || drawn.has(figure.replace(/^-/, '')), `${type} ${locale}: "${figure}" in «${spec.description}»`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('a map legend and its description print 2.675 alike (2,67), as Vega rounds it', async () => {
    const one: Observation[] = [
      { ...data[0], region: '01', period: '2020', value: 2.675 },
      { ...data[0], region: '79', period: '2020', value: 1.5 },
    ];
    const spec = chart('map', one, { topology: vn63, midpoint: 0 }, 'vi');
    const drawn = svgTexts((await render(spec as unknown as TopLevelSpec)).svg);
    expect(drawn).toContain('2,67');
    expect(drawn).not.toContain('2,68');
    expect(spec.description).toContain('2,67');
    expect(spec.description).not.toContain('2,68');
  });
});

group('the scatter’s value axis', () => {
  const o = (indicator: string, region: string, value: number): Observation => ({
    indicator, region, period: '2016', value, qualifier: null, denominator: null,
    unit: indicator === 'poverty_rate' ? '%' : 'nghìn đồng/người/tháng', series: null, status: 'final', source: 'test', quote: null,
  });

  it('ends on a tick, so the top of the axis is labelled (a top of 13 once made a domain of 15 with ticks to 14)', async () => {
    for (const top of [13, 7.3, 0.9, 41, 260]) {
      const data = [o('poverty_rate', '01', top), o('poverty_rate', '02', top / 3), o('poverty_rate', '04', top / 2),
        o('income_per_capita', '01', 2000), o('income_per_capita', '02', 3000), o('income_per_capita', '04', 2500)];
      const spec = chart('scatter', data, { x: 'income_per_capita', y: 'poverty_rate' }, 'en');
      const svg = (await render(spec as unknown as TopLevelSpec)).svg;
      // The value axis's labels: right-aligned, left of the plot, each at its tick's height.
      const labels = [...svg.matchAll(/<text text-anchor="end" transform="translate\(-6,([\d.]+)\)"[^>]*>([^<]*)<\/text>/g)]
        .map((m) => ({ y: Number(m[1]), text: m[2] }));
      const zero = labels.find((l) => l.text === '0')!;
      const highest = labels.reduce((a, b) => (b.y < a.y ? b : a));
      const height = (spec as unknown as { height: number }).height;
      expect(zero.y - highest.y, `top ${top}: labels ${labels.map((l) => l.text).join(' ')}`).toBeCloseTo(height, 6);
      expect(Number(highest.text.replace(/,/g, ''))).toBeGreaterThanOrEqual(top);
    }
  });
});

group('class limits and the trend are Vega’s own', () => {
  const sample = [2.675, 1.005, 0.125, 3.5, 10.245, 4.355, 0.305, 8.115, 12.5, 7.1, 7.1, 5.05, 19.9, 0.9];

  it('quantile and quantize limits equal the thresholds of Vega’s quantile and quantize scales', async () => {
    const vegaSpec = {
      scales: [
        { name: 'q', type: 'quantile', domain: sample, range: [0, 1, 2, 3, 4] },
        { name: 'z', type: 'quantize', domain: [Math.min(...sample), Math.max(...sample)], range: [0, 1, 2, 3, 4] },
      ],
    };
    const view = new vega.View(vega.parse(vegaSpec as vega.Spec), { renderer: 'none' });
    await view.runAsync();
    const q = (view.scale('q') as unknown as { quantiles(): number[] }).quantiles();
    const z = (view.scale('z') as unknown as { thresholds(): number[] }).thresholds();
    view.finalize();
    expect(quantileLimits(sample, 5)).toEqual(q);
    expect(quantizeLimits(sample, 5)).toEqual(z);
  });

  it('the scatter’s correlation is the one of the line Vega’s regression transform draws', async () => {
    const o = (indicator: string, region: string, value: number): Observation => ({
      indicator, region, period: '2016', value, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: 'test', quote: null,
    });
    const ids = ['01', '02', '04', '06', '08', '10', '11'];
    const data = ids.flatMap((id, i) => [o('income_per_capita', id, 1000 + 300 * i + (i % 3) * 170), o('poverty_rate', id, sample[i])]);
    // The transform Vega-Lite's `regression` compiles to, with its parameters kept.
    const vegaSpec = {
      data: [{
        name: 'points', values: ids.map((_, i) => ({ x: 1000 + 300 * i + (i % 3) * 170, y: sample[i] })),
        transform: [{ type: 'regression', x: 'x', y: 'y', method: 'linear', params: true }],
      }],
    };
    const view = new vega.View(vega.parse(vegaSpec as vega.Spec), { renderer: 'none' });
    await view.runAsync();
    const fits = view.data('points') as { coef: number[]; rSquared: number }[];
    view.finalize();
    expect(fits).toHaveLength(1);
    const r = Math.sign(fits[0].coef[1]) * Math.sqrt(fits[0].rSquared);
    const text = chart('scatter', data, { x: 'income_per_capita', y: 'poverty_rate' }, 'en').description!;
    expect(text).toContain(`correlation ${vegaFormat(',.2f', 'en')(r)} (`);
  });
});
