import { readFileSync } from 'node:fs';
import { describe as group, expect, it } from 'vitest';
import type { Topology } from 'topojson-specification';
import { chart, describe, ChartType, type ChartOptions } from '../../src/charts/index.js';
import { isChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';
import { textWidth } from '../../src/charts/measure.js';
import { gsoIncome, gsoPoverty, load, render, root, schemaErrors, svgTexts } from './helpers.js';

const poverty = gsoPoverty();
const income = gsoIncome();
const seeds = load('data/seeds/observations.csv');
const quoted = load('data/quoted/observations.csv');
const vn63 = JSON.parse(readFileSync(root + 'data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;

/** One case per recipe, on the real files. */
const cases: { [T in ChartType]: [readonly Observation[], ChartOptions[T]] } = {
  line: [poverty.filter((o) => ['42', '06', 'VN'].includes(o.region)), {}],
  bar: [poverty, { highlight: '42' }],
  kpi: [poverty, { region: '42', period: '2015' }],
  map: [poverty, { topology: vn63 }],
  scatter: [[...income, ...poverty], { x: 'income_per_capita', y: 'poverty_rate', trend: true }],
  slope: [poverty, { periods: ['2012', '2015'], highlight: '42' }],
  progress: [quoted, { indicator: 'new_rural_communes' }],
  multiples: [poverty, { panels: 'R4' }],
};

group('every recipe', () => {
  for (const type of Object.keys(ChartType) as ChartType[]) {
    for (const locale of ['vi', 'en'] as const) {
      it(`${type} (${locale}): valid Vega-Lite, renders without warnings, carries its description and source`, async () => {
        const [data, options] = cases[type];
        const spec = chart(type, data, options as never, locale);
        expect(schemaErrors(spec)).toEqual([]);
        const description = describe(type, data, options as never, locale);
        expect(description.length).toBeGreaterThan(30);
        expect((spec as { description?: string }).description).toBe(description);
        const { svg, warnings } = await render(spec);
        expect(warnings).toEqual([]);
        const texts = svgTexts(svg).join(' | ');
        expect(texts).toContain(locale === 'vi' ? 'Nguồn:' : 'Source:');
        // Numbers follow the locale: no `3.58` in Vietnamese, no `3,58` in English.
        expect(texts).not.toMatch(locale === 'vi' ? /\b\d+\.\d{1,2}(%|\b)(?!\d)/ : /\b\d+,\d{1,2}%/);
      });
    }
    it(`${type}: the raw spec fragment is merged last`, () => {
      const [data, options] = cases[type];
      const spec = chart(type, data, { ...options, spec: { background: '#fafafa', config: { font: 'serif' } } } as never) as unknown as { background: string; config: { font: string; locale: unknown } };
      expect(spec.background).toBe('#fafafa');
      expect(spec.config.font).toBe('serif');
      expect(spec.config.locale).toBeDefined();
    });
  }

  it('refuses an unknown chart type and an unknown option key, naming them', () => {
    expect(() => chart('pie' as ChartType, poverty, {} as never)).toThrow(/"pie"/);
    try {
      chart('line', poverty, { hightlight: '42' } as never);
      expect.unreachable();
    } catch (e) {
      expect(isChisoError(e) && e.code).toBe('CHART_UNKNOWN_OPTION_KEY');
      expect(isChisoError(e) && e.text('en')).toContain('"hightlight"');
    }
  });
});

group('kpi', () => {
  it('judges the change by lowerIsBetter and refuses to compare across a methodology break', () => {
    expect(describe('kpi', poverty, { region: '42', period: '2015' })).toBe(
      'Tỷ lệ hộ nghèo của Hà Tĩnh năm 2015: 13,3%. Giảm 2,3 điểm % so với năm 2014 (tốt hơn).',
    );
    expect(describe('kpi', poverty, { region: '42' })).toContain('Không so sánh được với 2015 (thay đổi phương pháp)');
    expect(describe('kpi', poverty, { region: '42' }, 'en')).toContain('2016 (preliminary): 11.0%');
  });

  it('prints Đức Thọ poverty as 3,58% in a rendered SVG (the spec carries its own locale)', async () => {
    const spec = chart('kpi', seeds, { indicator: 'poverty_rate' });
    const { svg } = await render(spec);
    expect(svgTexts(svg)).toContain('3,58%');
    expect(svg).not.toContain('3.58');
    expect(svgTexts((await render(chart('kpi', seeds, { indicator: 'poverty_rate' }, 'en'))).svg)).toContain('3.58%');
  });

  it('names a long unit once: in the unit line, not again in the change', async () => {
    const spec = chart('kpi', quoted, { indicator: 'income_per_capita', region: '48', series: 'total' }, 'en');
    const texts = svgTexts((await render(spec)).svg);
    expect(texts).toContain('+577 vs 2021 · better');
    expect(texts.filter((t) => t.includes('thousand VND per person per month'))).toEqual(['thousand VND per person per month · 2022 (preliminary)']);
    // The description, read on its own, keeps the unit.
    expect(describe('kpi', quoted, { indicator: 'income_per_capita', region: '48', series: 'total' }, 'en')).toContain('577 thousand VND per person per month');
  });

  it('shows fractions as 30/31 and qualified figures as >98%', async () => {
    const fraction = chart('kpi', seeds, { indicator: 'party_org_registration' });
    expect(svgTexts((await render(fraction)).svg)).toContain('30/31');
    const qualified = chart('kpi', seeds, { indicator: 'study_participation' });
    expect(svgTexts((await render(qualified)).svg)).toContain('>98%');
    expect(describe('kpi', seeds, { indicator: 'study_participation' })).toContain('trên 98%');
  });
});

group('scatter', () => {
  it('finds the strong negative link between income and poverty in 2016', () => {
    const text = describe('scatter', [...income, ...poverty], { x: 'income_per_capita', y: 'poverty_rate' });
    expect(text).toMatch(/hệ số tương quan -0,\d\d \(tương quan nghịch mạnh\)/);
    // Hồ Chí Minh has no 2016 poverty figure (GSO `..`): 62 provinces have both.
    expect(text).toContain('62 địa phương');
  });

  it('labels on demand: none, outliers, all, or the regions named', () => {
    const data = [...income, ...poverty];
    const labelled = (label: ChartOptions['scatter']['label']) => {
      const spec = chart('scatter', data, { x: 'income_per_capita', y: 'poverty_rate', label }) as unknown as { data: { values: { label: boolean; name: string }[] } };
      return spec.data.values.filter((v) => v.label).map((v) => v.name);
    };
    expect(labelled('none')).toEqual([]);
    expect(labelled('all').length).toBe(62);
    expect(labelled(['42'])).toEqual(['Hà Tĩnh']);
    expect(labelled('outliers')).toContain('Bình Dương');
  });
});

group('slope', () => {
  it('counts regions that rose and fell, and notes a break between the two periods', () => {
    const text = describe('slope', poverty.filter((o) => /^R\d$/.test(o.region)), { periods: ['2010', '2015'] });
    expect(text).toContain('6 địa phương năm 2010 và năm 2015: 0 địa phương tăng, 6 địa phương giảm');
    expect(text).toContain('Thay đổi phương pháp sau 2010');
  });
});

group('progress', () => {
  it('stacks the new-rural tiers out of all communes (June 2025: 6.084/7.669)', () => {
    const text = describe('progress', quoted, { indicator: 'new_rural_communes' });
    expect(text).toContain('6.084/7.669 xã (79,3%)');
    expect(text).toContain('kiểu mẫu: 743 (9,7%)');
  });

  it('draws fractions and percentages with a target', async () => {
    const spec = chart('progress', seeds, { target: 100 });
    const texts = svgTexts((await render(spec)).svg);
    expect(texts).toContain('30/31 tổ chức (96,8%)');
    expect(texts).toContain('8/9 tiêu chí (88,9%)');
    expect(texts).toContain('>98%');
    // Poverty is a rate where lower is better: not progress towards a whole unless asked for.
    expect(texts.join(' ')).not.toContain('3,58%');
  });
});

group('large numbers', () => {
  it('write magnitude words on axes past a million, with the locale separators', async () => {
    const rows: Observation[] = [['2021', 850e6], ['2022', 1.5e9], ['2023', 2.25e9]].map(([period, value]) => ({
      indicator: 'social_support', region: '42-duc-tho', period: String(period), value: Number(value), qualifier: null,
      denominator: null, unit: 'đồng', series: 'other', status: 'final', source: 'test', quote: null,
    }));
    const vi = svgTexts((await render(chart('line', rows, {}))).svg);
    expect(vi).toContain('1,5 tỷ');
    expect(vi.some((t) => /^\d+ triệu$/.test(t))).toBe(true);
    const en = svgTexts((await render(chart('line', rows, {}, 'en'))).svg);
    expect(en).toContain('1.5 billion');
  });
});

group('region ids on marks', () => {
  /** Every inline data row of a spec (top level, layers, and the map's geometries). */
  function rows(spec: unknown): Record<string, unknown>[] {
    const s = spec as { data?: { values?: unknown[] }; layer?: { data?: { values?: unknown[] } }[]; datasets?: { chiso_units?: { objects: { units: { geometries: { properties: Record<string, unknown> }[] } } } } };
    const out = [...(s.data?.values ?? []), ...(s.layer ?? []).flatMap((l) => l.data?.values ?? [])] as Record<string, unknown>[];
    for (const g of s.datasets?.chiso_units?.objects.units.geometries ?? []) out.push(g.properties);
    return out;
  }

  it('every row that names a region carries its id, so a click needs no name lookup', () => {
    for (const type of Object.keys(ChartType) as ChartType[]) {
      const [data, options] = cases[type];
      for (const locale of ['vi', 'en'] as const) {
        const named = rows(chart(type, data, options as never, locale)).filter((r) => 'name' in r || 'row' in r || 'valueText' in r);
        expect(named.length, type).toBeGreaterThan(0);
        for (const r of named) {
          expect(typeof r.region, `${type}: ${JSON.stringify(r).slice(0, 120)}`).toBe('string');
          expect(data.some((o) => o.region === r.region), `${type} ${String(r.region)}`).toBe(true);
        }
      }
    }
    const values = rows(chart('bar', poverty, {}, 'en'));
    expect(values.find((r) => r.name === 'Ha Tinh')?.region).toBe('42');
    const geo = rows(chart('map', poverty, { topology: vn63 }));
    expect(geo.find((r) => r.name === 'Hà Tĩnh')?.region).toBe('42');
  });
});

group('progress highlight', () => {
  it('draws the selected region in the accent colour and the others muted, like the bar chart', async () => {
    const spec = chart('progress', seeds, { target: 100, highlight: '42-tx-ky-anh' });
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const fills = (color: string) => (svg.match(new RegExp(`<path[^>]*fill="${color}"`, 'gi')) ?? []).length;
    // Kỳ Anh has two rows (30/31 organisations, 100% of cells); Kiên Giang and Đức Thọ are grey.
    expect(fills('#0072B2')).toBe(2);
    expect(fills('#a9b3bd')).toBe(2);
    const plain = (await render(chart('progress', seeds, { target: 100 }))).svg;
    expect((plain.match(/<path[^>]*fill="#0072B2"/gi) ?? []).length).toBe(4);
  });

  it('fades the other regions\' tiers and keeps the selected one\'s colours', () => {
    const spec = chart('progress', quoted, { indicator: 'new_rural_communes', highlight: 'VN' }) as unknown as { layer: { data?: { values?: { region: string; muted: boolean }[] } }[] };
    const segs = spec.layer[1].data?.values ?? [];
    expect(segs.filter((s) => s.region === 'VN').every((s) => !s.muted)).toBe(true);
    expect(segs.filter((s) => s.region !== 'VN').every((s) => s.muted)).toBe(true);
    expect(() => chart('progress', seeds, { highlight: '42' })).not.toThrow();
  });
});

group('scatter labels', () => {
  it('with label "all" on 63 provinces, no two names overlap and none leaves the plot', () => {
    for (const locale of ['vi', 'en'] as const) {
      const spec = chart('scatter', [...income, ...poverty], { x: 'income_per_capita', y: 'poverty_rate', label: 'all', period: '2014', highlight: '42' }, locale) as unknown as {
        width: number; height: number;
        layer: { mark: { type: string }; data?: { values: { region: string; name: string; lx: number; ly: number }[] }; encoding: { x: { scale: { domain: number[] } }; y: { scale: { domain: number[] } } } }[];
      };
      const text = spec.layer.find((l) => l.mark.type === 'text' && l.data);
      const labels = text?.data?.values ?? [];
      expect(labels.length).toBeGreaterThan(25);
      expect(labels.some((l) => l.region === '42')).toBe(true);
      const [x0, x1] = text?.encoding.x.scale.domain as number[];
      const [y0, y1] = text?.encoding.y.scale.domain as number[];
      const boxes = labels.map((l) => {
        const left = ((l.lx - x0) / (x1 - x0)) * spec.width;
        const mid = spec.height - ((l.ly - y0) / (y1 - y0)) * spec.height;
        return { name: l.name, left, right: left + textWidth(l.name, 10), top: mid - 5, bottom: mid + 5 };
      });
      for (const b of boxes) {
        expect(b.left, b.name).toBeGreaterThanOrEqual(-0.01);
        expect(b.right, b.name).toBeLessThanOrEqual(spec.width + 0.01);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const [a, b] = [boxes[i], boxes[j]];
          const overlap = a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
          expect(overlap, `${a.name} / ${b.name}`).toBe(false);
        }
      }
    }
  });
});
