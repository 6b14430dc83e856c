// The query layer on the real GSO exports in data/gso/raw, loaded by chiso's loader. Every query runs
// through both executors (`agree`); figures are checked against the files themselves.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadObservations } from '../../src/data/index.js';
import { executeQuery } from '../../src/query/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';
import { agree, failsAlike } from './fixtures.js';

function load(name: string): Observation[] {
  const file = `data/gso/raw/${name}`;
  return loadObservations(new Uint8Array(readFileSync(new URL(`../../${file}`, import.meta.url))), { file }).observations;
}

const poverty = load('poverty_rate_by_province.csv');
const income = load('monthly_income_per_capita_by_province.csv');
const units = load('administrative_units_by_province.csv');
const all = [...poverty, ...income, ...units];
const value = (rows: Observation[], region: string, period: string, series: string | null = null) =>
  rows.find((o) => o.region === region && o.period === period && o.series === series)?.value;

describe('real GSO data', () => {
  it('loads what the tests rely on', () => {
    expect(value(poverty, '42', '2016')).toBeTypeOf('number');
    expect(value(units, '06', '2016', 'communes')).toBeTypeOf('number');
    expect(value(income, '01', '2014', 'total')).toBeTypeOf('number');
  });

  it('selects a level, a range and the latest period', () => {
    const rows = agree(all, { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: { from: 2010, to: 2014 } } });
    expect(new Set(rows.map((r) => r.period))).toEqual(new Set(['2010', '2012', '2013', '2014']));
    const latest = agree(all, { select: { indicators: ['poverty_rate'], periods: 'latest' } });
    expect(latest.find((r) => r.region === 'ha-tay')?.period).toBe('2006');
    expect(latest.find((r) => r.region === '42')).toMatchObject({ period: '2016', status: 'preliminary' });
  });

  it('poverty change since 2010 and since the previous survey, per province', () => {
    const rows = agree(all, { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'change', base: '2010', as: 'since2010' }, { op: 'change' }] });
    const ht = rows.find((r) => r.region === '42' && r.period === '2014')!;
    expect(ht.since2010).toBeCloseTo((value(poverty, '42', '2014') as number) - (value(poverty, '42', '2010') as number), 10);
    expect(ht.change).toBeCloseTo((value(poverty, '42', '2014') as number) - (value(poverty, '42', '2013') as number), 10);
  });

  it('ranks provinces by poverty (lowest first) and by income (highest first)', () => {
    const p = agree(all, { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 5 }, {}, true);
    const lowest = Math.min(...poverty.filter((o) => o.period === '2016' && /^\d\d$/.test(o.region) && o.value !== null).map((o) => o.value as number));
    expect(p[0]).toMatchObject({ rank: 1, value: lowest });
    const inc = agree(all, { select: { indicators: ['income_per_capita'], regions: { level: 'province' }, periods: ['2016'], series: ['total'] }, derive: [{ op: 'rank' }] });
    expect(inc.find((r) => r.rank === 1)?.value).toBe(Math.max(...inc.map((r) => r.value as number)));
  });

  it("wage share of income: one series over another indicator's series", () => {
    const rows = agree(all, { select: { indicators: ['income_per_capita'], series: ['salary_wage'] }, derive: [{ op: 'share', denominator: { indicator: 'income_per_capita', series: 'total' } }] });
    const vn2014 = rows.find((r) => r.region === 'VN' && r.period === '2014')!;
    expect(vn2014.share).toBeCloseTo(((value(income, 'VN', '2014', 'salary_wage') as number) / (value(income, 'VN', '2014', 'total') as number)) * 100, 10);
  });

  it('communes of the 63 provinces add up to the same total in the 34 units', () => {
    const diags: string[] = [];
    const spec = { select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'reaggregate' }] };
    const rows = agree(all, spec);
    executeQuery(all, spec, { onDiagnostic: (d) => diags.push(d.en) });
    expect(diags).toEqual([]);
    expect(rows).toHaveLength(34);
    expect(new Set(rows.map((r) => r.region))).toEqual(new Set(listRegions('province2025').map((r) => r.id)));
    const before = units.filter((o) => o.period === '2016' && o.series === 'communes' && /^\d\d$/.test(o.region)).reduce((s, o) => s + (o.value as number), 0);
    expect(rows.reduce((s, r) => s + (r.value as number), 0)).toBe(before);
    const tn = rows.find((r) => r.region === '34:19')!;
    expect(tn.value).toBe((value(units, '06', '2016', 'communes') as number) + (value(units, '19', '2016', 'communes') as number));
    expect(rows.find((r) => r.region === '34:42')?.value).toBe(value(units, '42', '2016', 'communes'));
  });

  it('refuses to merge poverty or income per capita without weights, but passes Hà Tĩnh through', () => {
    const sel = { regions: { level: 'province' as const }, periods: ['2014'] };
    expect(failsAlike(all, { select: { ...sel, indicators: ['poverty_rate'] }, derive: [{ op: 'reaggregate' }] })).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
    expect(failsAlike(all, { select: { ...sel, indicators: ['income_per_capita'], series: ['total'] }, derive: [{ op: 'reaggregate' }] })).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
    const ht = agree(all, { select: { indicators: ['poverty_rate'], regions: ['42'] }, derive: [{ op: 'reaggregate' }] });
    expect(ht.map((r) => [r.region, r.period, r.value])).toEqual(poverty.filter((o) => o.region === '42').map((o) => ['34:42', o.period, o.value]));
  });

  it('weights poverty by another indicator, and leaves a unit without a value when a weight is missing', () => {
    // Communes as the weight only exercises the mechanics; a real merge would weight by households.
    const diags: string[] = [];
    const spec = { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2006', '2012'] }, derive: [{ op: 'reaggregate', weight: { indicator: 'admin_units', series: 'communes' } }] };
    const rows = agree(all, spec);
    executeQuery(all, spec, { onDiagnostic: (d) => diags.push(d.en) });
    const w = (r: string) => value(units, r, '2012', 'communes') as number;
    const p = (r: string) => value(poverty, r, '2012') as number;
    const tn = rows.find((r) => r.region === '34:19' && r.period === '2012')!;
    expect(tn.value).toBeCloseTo((p('06') * w('06') + p('19') * w('19')) / (w('06') + w('19')), 10);
    expect(tn.value).not.toBeCloseTo((p('06') + p('19')) / 2, 3);
    expect(rows.filter((r) => r.period === '2012').every((r) => typeof r.value === 'number')).toBe(true);
    // The commune counts start in 2009: no weights for 2006, so merged units get no 2006 value.
    expect(rows.find((r) => r.region === '34:42' && r.period === '2006')?.value).toBe(value(poverty, '42', '2006'));
    expect(rows.find((r) => r.region === '34:19' && r.period === '2006')?.value).toBeNull();
    expect(diags.some((d) => d.includes('"34:19"') && d.includes('2006'))).toBe(true);
  });

  it('summarizes income by region and year (mean and count) the same way on both paths', () => {
    const rows = agree(all, {
      select: { indicators: ['income_per_capita'], series: ['total'], regions: { level: 'province' } },
      derive: [{ op: 'summarize', by: ['period'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, hi: { fn: 'max' } }, unweighted: true }],
      orderby: ['period'],
    }, {}, true);
    expect(rows.map((r) => r.period)).toEqual(['2010', '2012', '2014', '2016']);
    expect(rows.every((r) => r.note === 'trung bình không gia quyền / unweighted mean')).toBe(true);
    expect(rows.every((r) => (r.n as number) >= 63)).toBe(true);
  });
});
