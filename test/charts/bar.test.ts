import { describe, expect, it } from 'vitest';
import { barChart, describeBar } from '../../src/charts/bar.js';
import { textWidth } from '../../src/charts/measure.js';
import { gsoIncome, gsoPoverty, load, render, schemaErrors, svgTexts } from './helpers.js';

const poverty = gsoPoverty();

type Spec = { data: { values: { name: string; value: number | null; valueText: string }[] }; params: { name: string; value: unknown }[] };

describe('barChart', () => {
  it('ranks the 63 provinces of 2016 best first (lower poverty is better), VN as a rule', async () => {
    const spec = barChart(poverty, { highlight: '42' });
    expect(schemaErrors(spec)).toEqual([]);
    const values = (spec as unknown as Spec).data.values;
    // Provinces only: no country, no GSO region rows; Hà Tây (gone by 2016) left out.
    expect(values.length).toBe(63);
    expect(values.some((v) => v.name === 'Hà Tây')).toBe(false);
    const ranked = values.filter((v) => v.value !== null).map((v) => v.value as number);
    expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
    // The highlight is a parameter (ids), not a field of the rows.
    const params = Object.fromEntries((spec as unknown as Spec).params.map((p) => [p.name, p.value]));
    expect(params.chiso_highlight).toEqual(['42']);
    // Hồ Chí Minh has `..` for 2016: shown as missing, at the bottom, not dropped.
    expect(values[values.length - 1]).toMatchObject({ name: 'Hồ Chí Minh', value: null, valueText: 'Không có số liệu' });
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    expect(texts).toContain('Cả nước: 5,8%');
    expect(texts).toContain('27,9%');
    expect(texts).toContain('Không có số liệu');
    // One bar in the accent colour (Hà Tĩnh), drawn over the grey ones.
    expect(svg.match(/fill="#0072B2"/gi)?.length).toBe(1);
    expect((svg.match(/fill="#a9b3bd"/gi)?.length ?? 0)).toBeGreaterThan(50);
    // Its name in bold, alone, over its axis label hidden in the paper's colour.
    expect([...svg.matchAll(/<text[^>]*font-weight="700"[^>]*>([^<]*)<\/text>/g)].map((m) => m[1])).toEqual(['Hà Tĩnh']);
    expect(svg).toMatch(/class="mark-rect role-mark chiso_highlight_cover_marks"[^>]*><path[^>]*fill="#ffffff"/);
  });

  it('with nothing highlighted, every bar is in the accent colour', async () => {
    const { svg } = await render(barChart(poverty, {}));
    expect(svg).not.toMatch(/fill="#a9b3bd"/i);
    expect((svg.match(/fill="#0072B2"/gi)?.length ?? 0)).toBeGreaterThan(50);
  });

  it('puts the highest first where higher is not better, on request', () => {
    const spec = barChart(poverty, { order: 'descending' });
    const values = (spec as unknown as Spec).data.values.filter((v) => v.value !== null);
    expect(values[0].name).toBe('Lai Châu');
  });

  it('rejects an unknown order keyword, naming it', () => {
    expect(() => barChart(poverty, { order: 'sideways' as never })).toThrow(/sideways/);
  });

  it('describes the ranking', () => {
    const text = describeBar(poverty, { highlight: '42', period: '2010' });
    expect(text).toContain('cao nhất là Điện Biên (50,8%), thấp nhất là Hồ Chí Minh (0,3%)');
    expect(text).toContain('xếp thứ 50/63');
    expect(text).toContain('Hà Tĩnh ở mức 26,1%');
    expect(text).toContain('Cả nước: 14,2%');
    expect(describeBar(poverty, { period: '2010' }, 'en')).toContain('highest Dien Bien (50.8%)');
  });
});

describe('barChart with sub-series', () => {
  it('ranks one series of income (total by default), one bar per province', async () => {
    const income = gsoIncome();
    const spec = barChart(income, { period: '2016' });
    const values = (spec as unknown as Spec).data.values;
    expect(new Set(values.map((v) => v.name)).size).toBe(values.length);
    // Higher income is better: the highest first.
    expect(values[0]).toMatchObject({ name: 'Hồ Chí Minh' });
    expect(values[1].value as number).toBeLessThanOrEqual(values[0].value as number);
    const wages = (barChart(income, { period: '2016', series: 'salary_wage' }) as unknown as Spec).data.values;
    expect(wages[0].value).not.toBe(values[0].value);
    expect((await render(spec)).warnings).toEqual([]);
  });
});

/** Change in poverty 2012–2015 by GSO region (all falls), and a made-up rise for the South East to test both sides. */
function change() {
  const y2012 = new Map(poverty.filter((o) => o.period === '2012').map((o) => [o.region, o.value as number]));
  return poverty
    .filter((o) => o.period === '2015' && /^R\d$/.test(o.region))
    .map((o) => ({ ...o, value: o.region === 'R5' ? 0.4 : Math.round(((o.value as number) - (y2012.get(o.region) as number)) * 10) / 10 }));
}

describe('barChart labels', () => {
  const regions = gsoIncome().filter((o) => /^(VN|R\d)$/.test(o.region));
  type Layered = {
    width: number;
    data: { values: { region: string; label: string; labelX: number; value: number | null; valueText: string }[] };
    layer: { mark: { type: string }; encoding?: { x?: { scale?: { domain: number[] } } } }[];
  };

  it('print the bare figure at each bar and the long unit once, on the axis', async () => {
    for (const locale of ['vi', 'en'] as const) {
      const spec = barChart(regions, { period: '2016', order: 'descending' }, locale);
      const values = (spec as unknown as Layered).data.values;
      expect(values[0]).toMatchObject({ region: 'R5', label: locale === 'vi' ? '4.485' : '4,485' });
      const texts = svgTexts((await render(spec)).svg);
      const unit = locale === 'vi' ? 'nghìn đồng/người/tháng' : 'thousand VND per person per month';
      expect(texts.filter((t) => t.includes(unit))).toEqual([unit]);
      expect(texts).toContain(locale === 'vi' ? 'Cả nước: 3.049' : 'Whole country: 3,049');
      // The tooltip keeps the unit.
      expect(values[0].valueText).toContain(unit);
    }
  });

  it('keep qualifiers, fractions and the short % on the label', () => {
    const seeds = load('data/seeds/observations.csv');
    const label = (indicator: string) => (barChart(seeds, { indicator }) as unknown as Layered).data.values[0].label;
    expect(label('study_participation')).toBe('>98%');
    expect(label('party_org_registration')).toBe('30/31');
    expect((barChart(poverty, {}) as unknown as Layered).data.values[0].label).toBe('0,0%');
  });

  it('leave room for the longest label inside the plot (Be Vietnam Pro widths)', () => {
    for (const [data, options] of [
      [regions, { period: '2016', order: 'descending' }],
      [gsoIncome(), { period: '2016' }],
      [poverty, { highlight: '42' }],
      [poverty, { order: 'descending', width: 200 }],
      [change(), { reference: null }],
    ] as const) {
      const spec = barChart(data, options as never) as unknown as Layered;
      const bar = spec.layer.find((l) => l.mark.type === 'bar');
      const [lo, hi] = bar?.encoding?.x?.scale?.domain as number[];
      for (const v of spec.data.values) {
        const end = ((v.labelX - lo) / (hi - lo)) * spec.width;
        // Right of a bar going right, left of a bar going left (a fall below zero).
        if (v.labelX >= 0) expect(end + 4 + textWidth(v.label, 10), `${v.region} ${v.label}`).toBeLessThanOrEqual(spec.width);
        else expect(end - 4 - textWidth(v.label, 10), `${v.region} ${v.label}`).toBeGreaterThanOrEqual(0);
      }
      // …without wasting the plot: the longest bar still spans more than three quarters of it.
      const span = Math.max(...spec.data.values.map((v) => v.value ?? 0)) - Math.min(0, ...spec.data.values.map((v) => v.value ?? 0));
      expect(span / (hi - lo)).toBeGreaterThan(0.75);
    }
  });

  it('ranks the regions by a domain of its own, so a new highlight redraws the highlighted marks only', async () => {
    const rows = poverty.filter((o) => o.period === '2016');
    const { vega: compiled } = await render(barChart(rows, { highlight: '42' }) as never);
    const y = (compiled.scales ?? []).find((s) => s.name === 'y') as { domain: unknown } | undefined;
    // A domain gathered from the layers' data would take in the highlight's filtered rows: every
    // selection would then re-scale, and redraw, all 63 bars and their labels.
    expect(JSON.stringify(y?.domain)).not.toMatch(/"data"/);
    const rendered = await render(barChart(rows, {}) as never);
    const names = svgTexts(rendered.svg);
    expect(names.indexOf('Hà Nội')).toBeGreaterThan(-1);
  });
});
