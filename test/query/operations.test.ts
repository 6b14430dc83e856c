// Each operation on small hand-made observations: the figures expected are worked out by hand, and
// every case runs through both executors, which must agree (`agree`).
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/errors.js';
import { ChisoError } from '../../src/errors.js';
import { executeQuery } from '../../src/query/index.js';
import { runQuery } from '../../src/arquero.js';
import { agree, failsAlike, obs, stable } from './fixtures.js';

const poverty = [
  obs({ indicator: 'poverty_rate', region: '42', period: '2010', value: 20 }),
  obs({ indicator: 'poverty_rate', region: '42', period: '2012', value: 15 }),
  obs({ indicator: 'poverty_rate', region: '42', period: '2016', value: 12, status: 'preliminary' }),
  obs({ indicator: 'poverty_rate', region: '06', period: '2010', value: 30 }),
  obs({ indicator: 'poverty_rate', region: '06', period: '2012', value: 15 }),
  obs({ indicator: 'poverty_rate', region: '06', period: '2016', value: null }),
  obs({ indicator: 'poverty_rate', region: '19', period: '2010', value: 15 }),
  obs({ indicator: 'poverty_rate', region: '19', period: '2012', value: 10 }),
  obs({ indicator: 'poverty_rate', region: '19', period: '2016', value: 8, status: 'preliminary' }),
  obs({ indicator: 'poverty_rate', region: '01', period: '2012', value: 15 }),
  obs({ indicator: 'poverty_rate', region: 'VN', period: '2012', value: 11.1 }),
  obs({ indicator: 'poverty_rate', region: '42', period: '2012', value: 17, series: 'rural' }),
];

const pick = (rows: Record<string, unknown>[], ...cols: string[]) =>
  rows.map((r) => Object.fromEntries(cols.map((c) => [c, r[c]])));
const byRegionPeriod = (a: Record<string, unknown>, b: Record<string, unknown>) =>
  String(a.region).localeCompare(String(b.region)) || String(a.period).localeCompare(String(b.period));

describe('select', () => {
  it('filters by indicator, region list, period range, series and status', () => {
    const rows = agree(poverty, { select: { regions: ['42', '19'], periods: { from: 2011, to: 2016 }, series: null, status: ['final'] } });
    expect(pick(rows.sort(byRegionPeriod), 'region', 'period')).toEqual([
      { region: '19', period: '2012' },
      { region: '42', period: '2012' },
    ]);
  });

  it('selects a level and the old provinces of a 34-unit', () => {
    expect(agree(poverty, { select: { regions: { level: 'country' } } }).map((r) => r.region)).toEqual(['VN']);
    const merged = agree(poverty, { select: { regions: { parent2025: '34:19' }, periods: ['2010'] } });
    expect(merged.map((r) => r.region).sort()).toEqual(['06', '19']);
  });

  it("'latest' keeps the latest period with a value per indicator, region and series", () => {
    const rows = agree(poverty, { select: { periods: 'latest', series: null } });
    const latest = Object.fromEntries(rows.map((r) => [r.region, r.period]));
    expect(latest).toEqual({ '42': '2016', '06': '2012', '19': '2016', '01': '2012', VN: '2012' });
  });

  it('rejects a region id the registry does not know, and a non-34 parent', () => {
    expect(failsAlike(poverty, { select: { regions: ['42', 'Ha Tinh'] } })).toBe('QUERY_UNKNOWN_REGION');
    expect(failsAlike(poverty, { select: { regions: { parent2025: '42' } } })).toBe('QUERY_NOT_UNIT_2025');
  });
});

describe('change and percentChange', () => {
  it('against the previous period, per region and series', () => {
    const rows = agree(poverty, { select: { regions: ['42', '06'] }, derive: [{ op: 'change' }, { op: 'percentChange' }] });
    const got = pick(rows.filter((r) => r.series === null).sort(byRegionPeriod), 'region', 'period', 'change', 'percentChange');
    expect(got).toEqual([
      { region: '06', period: '2010', change: null, percentChange: null },
      { region: '06', period: '2012', change: -15, percentChange: -50 },
      { region: '06', period: '2016', change: null, percentChange: null },
      { region: '42', period: '2010', change: null, percentChange: null },
      { region: '42', period: '2012', change: -5, percentChange: -25 },
      { region: '42', period: '2016', change: -3, percentChange: -20 },
    ]);
    // The rural series has no earlier period of its own.
    expect(rows.find((r) => r.series === 'rural')?.change).toBeNull();
  });

  it('against a base period, with a zero base giving null', () => {
    const rows = [...poverty, obs({ indicator: 'poverty_rate', region: 'R1', period: '2010', value: 0 }), obs({ indicator: 'poverty_rate', region: 'R1', period: '2012', value: 2 })];
    const out = agree(rows, { select: { series: null }, derive: [{ op: 'percentChange', base: '2010', as: 'since2010' }] });
    const at = (region: string, period: string) => out.find((r) => r.region === region && r.period === period)?.since2010;
    expect(at('19', '2016')).toBeCloseTo(((8 - 15) / 15) * 100, 12);
    expect(at('R1', '2012')).toBeNull();
    expect(at('01', '2012')).toBeNull(); // no 2010 figure
  });

  it('refuses duplicate observations instead of picking one', () => {
    expect(failsAlike([...poverty, poverty[0]], { derive: [{ op: 'change' }] })).toBe('QUERY_DUPLICATE_OBSERVATION');
  });
});

describe('rank', () => {
  it('ranks within a period by the indicator direction; ties share a rank; missing values get none', () => {
    const rows = agree(poverty, { select: { regions: { level: 'province' }, periods: ['2012', '2016'], series: null }, derive: [{ op: 'rank' }] });
    const r2012 = Object.fromEntries(rows.filter((r) => r.period === '2012').map((r) => [r.region, r.rank]));
    // poverty: lower is better. 19 has 10; 06, 01 and 42 tie at 15 and share rank 2.
    expect(r2012).toEqual({ '19': 1, '06': 2, '01': 2, '42': 2 });
    const r2016 = Object.fromEntries(rows.filter((r) => r.period === '2016').map((r) => [r.region, r.rank]));
    expect(r2016).toEqual({ '19': 1, '42': 2, '06': null });
  });

  it('gives the next rank after a tie the count of rows before it (1, 2, 2, 4)', () => {
    const rows = ['01', '02', '04', '06'].map((region, i) => obs({ indicator: 'income_per_capita', region, period: '2014', value: [300, 200, 200, 100][i] }));
    const out = agree(rows, { derive: [{ op: 'rank' }] });
    expect(Object.fromEntries(out.map((r) => [r.region, r.rank]))).toEqual({ '01': 1, '02': 2, '04': 2, '06': 4 });
    const asc = agree(rows, { derive: [{ op: 'rank', direction: 'asc', as: 'lowest' }] });
    expect(Object.fromEntries(asc.map((r) => [r.region, r.lowest]))).toEqual({ '01': 4, '02': 2, '04': 2, '06': 1 });
  });

  it('needs a direction for an indicator that has none', () => {
    const units = [obs({ indicator: 'admin_units', region: '42', period: '2016', value: 1, series: 'communes' })];
    expect(failsAlike(units, { derive: [{ op: 'rank' }] })).toBe('QUERY_RANK_NEEDS_DIRECTION');
    agree(units, { derive: [{ op: 'rank', direction: 'desc' }] });
  });
});

describe('share', () => {
  it("of the observation's own denominator", () => {
    const rows = [
      obs({ indicator: 'party_org_registration', region: '42-duc-tho', period: '2019', value: 30, denominator: 31, unit: 'tổ chức' }),
      obs({ indicator: 'party_org_registration', region: '42-tx-ky-anh', period: '2019', value: 5, denominator: 0, unit: 'tổ chức' }),
    ];
    const out = agree(rows, { derive: [{ op: 'share' }] });
    expect(out[0].share).toBeCloseTo((30 / 31) * 100, 12);
    expect(out[1].share).toBeNull();
  });

  it('of another indicator joined on region and period (new-rural communes / communes)', () => {
    const rows = [
      obs({ indicator: 'new_rural_communes', region: '42', period: '2016', value: 60, unit: 'xã', series: 'standard' }),
      obs({ indicator: 'new_rural_communes', region: '06', period: '2016', value: 20, unit: 'xã', series: 'standard' }),
      obs({ indicator: 'admin_units', region: '42', period: '2016', value: 200, unit: 'đơn vị', series: 'communes' }),
      obs({ indicator: 'admin_units', region: '42', period: '2016', value: 30, unit: 'đơn vị', series: 'wards' }),
    ];
    const out = agree(rows, {
      select: { indicators: ['new_rural_communes'] },
      derive: [{ op: 'share', denominator: { indicator: 'admin_units', series: 'communes' }, as: 'pct' }],
    });
    expect(Object.fromEntries(out.map((r) => [r.region, r.pct]))).toEqual({ '42': 30, '06': null });
  });
});

describe('gapToTarget', () => {
  it('gives target - value, and whether the target is reached by the indicator direction', () => {
    const out = agree(poverty, {
      select: { periods: ['2016'], series: null },
      derive: [{ op: 'gapToTarget', target: { poverty_rate: 10 } }],
    });
    expect(pick(out.sort(byRegionPeriod), 'region', 'gap', 'reached')).toEqual([
      { region: '06', gap: null, reached: null },
      { region: '19', gap: 2, reached: true },
      { region: '42', gap: -2, reached: false },
    ]);
  });
});

describe('latest (step)', () => {
  it('runs after other steps: the latest change per region', () => {
    const out = agree(poverty, { select: { series: null }, derive: [{ op: 'change' }, { op: 'latest' }] });
    expect(Object.fromEntries(out.map((r) => [r.region, r.period]))).toEqual({ '42': '2016', '06': '2012', '19': '2016', '01': '2012', VN: '2012' });
  });
});

describe('reaggregate into the 34 units of 1 July 2025', () => {
  const communes = [
    obs({ indicator: 'new_rural_communes', region: '06', period: '2020', value: 20, unit: 'xã', series: 'standard', source: 'a.csv' }),
    obs({ indicator: 'new_rural_communes', region: '19', period: '2020', value: 100, unit: 'xã', series: 'standard', source: 'b.csv', status: 'preliminary' }),
    obs({ indicator: 'new_rural_communes', region: '42', period: '2020', value: 150, unit: 'xã', series: 'standard', source: 'c.csv' }),
    obs({ indicator: 'new_rural_communes', region: '89', period: '2020', value: 70, unit: 'xã', series: 'standard' }),
    obs({ indicator: 'new_rural_communes', region: 'VN', period: '2020', value: 5000, unit: 'xã', series: 'standard' }),
  ];

  it('sums counts; passes other regions through; reports a unit with a predecessor missing', () => {
    const diags: Diagnostic[] = [];
    const out = agree(communes, { derive: [{ op: 'reaggregate' }] });
    executeQuery(communes, { derive: [{ op: 'reaggregate' }] }, { onDiagnostic: (d) => diags.push(d) });
    const by = Object.fromEntries(out.map((r) => [r.region, r]));
    expect(by['34:19']).toMatchObject({ value: 120, status: 'preliminary', source: 'a.csv; b.csv', unit: 'xã' });
    expect(by['34:42'].value).toBe(150);
    expect(by.VN.value).toBe(5000);
    // An Giang 89 merged with Kiên Giang 91, which is absent: no value, and a warning saying so.
    expect(by['34:91'].value).toBeNull();
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'QUERY_REAGGREGATE_INCOMPLETE', level: 'warning' });
    expect(diags[0].en).toContain('91');
    expect(diags[0].vi).toContain('34:91');
  });

  it('refuses to average a rate without weights, in Vietnamese and English', () => {
    let err: unknown;
    try {
      runQuery(poverty, { select: { periods: ['2012'], series: null }, derive: [{ op: 'reaggregate' }] });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ChisoError);
    const e = err as ChisoError;
    expect(e.code).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
    expect(e.diagnostics[0].en).toContain('34:19');
    expect(e.diagnostics[0].vi).toContain('trọng số');
    expect(failsAlike(poverty, { select: { periods: ['2012'], series: null }, derive: [{ op: 'reaggregate' }] })).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
  });

  it('refuses to sum an amount per person (income per capita) without weights', () => {
    const income = [
      obs({ indicator: 'income_per_capita', region: '06', period: '2014', value: 1500, unit: 'nghìn đồng/người/tháng' }),
      obs({ indicator: 'income_per_capita', region: '19', period: '2014', value: 2500, unit: 'nghìn đồng/người/tháng' }),
    ];
    expect(failsAlike(income, { derive: [{ op: 'reaggregate' }] })).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
  });

  it('passes a rate of a unit with one predecessor through unchanged (Hà Tĩnh 42 -> 34:42)', () => {
    const out = agree(poverty, { select: { regions: ['42'], series: null }, derive: [{ op: 'reaggregate' }] });
    expect(pick(out.sort(byRegionPeriod), 'region', 'period', 'value', 'status')).toEqual([
      { region: '34:42', period: '2010', value: 20, status: 'final' },
      { region: '34:42', period: '2012', value: 15, status: 'final' },
      { region: '34:42', period: '2016', value: 12, status: 'preliminary' },
    ]);
  });

  it('weights a rate by another indicator: the weighted mean, never the plain one', () => {
    const households = [
      obs({ indicator: 'households', region: '06', period: '2012', value: 100, unit: 'hộ' }),
      obs({ indicator: 'households', region: '19', period: '2012', value: 300, unit: 'hộ' }),
      obs({ indicator: 'households', region: '42', period: '2012', value: 400, unit: 'hộ' }),
    ];
    const rows = [...poverty, ...households];
    const spec = { select: { indicators: ['poverty_rate'], periods: ['2012'], series: null, regions: { level: 'province' } }, derive: [{ op: 'reaggregate', weight: { indicator: 'households' } }] };
    const out = agree(rows, spec);
    const by = Object.fromEntries(out.map((r) => [r.region, r.value]));
    expect(by['34:19']).toBeCloseTo((15 * 100 + 10 * 300) / 400, 12); // 11.25, not the plain mean 12.5
    expect(by['34:42']).toBe(15);
    expect(by['34:01']).toBe(15); // Hà Tây ended in 2008: Hà Nội alone in 2012
  });

  it('weights by a column, and reports a missing weight', () => {
    const rows = [
      obs({ indicator: 'party_org_registration', region: '06', period: '2020', value: 0.9, denominator: 10, unit: 'tổ chức' }),
      obs({ indicator: 'party_org_registration', region: '19', period: '2020', value: 0.5, denominator: 30, unit: 'tổ chức' }),
      obs({ indicator: 'party_org_registration', region: '89', period: '2020', value: 0.5, denominator: null, unit: 'tổ chức' }),
      obs({ indicator: 'party_org_registration', region: '91', period: '2020', value: 0.7, denominator: 20, unit: 'tổ chức' }),
    ];
    const diags: string[] = [];
    const out = agree(rows, { derive: [{ op: 'reaggregate', weight: { column: 'denominator' } }] });
    executeQuery(rows, { derive: [{ op: 'reaggregate', weight: { column: 'denominator' } }] }, { onDiagnostic: (d) => diags.push(d.en) });
    const by = Object.fromEntries(out.map((r) => [r.region, r.value]));
    expect(by['34:19']).toBeCloseTo((0.9 * 10 + 0.5 * 30) / 40, 12);
    expect(by['34:91']).toBeNull();
    expect(diags).toEqual([expect.stringContaining('weight for 89')]);
  });

  it('expects Hà Tây in Hà Nội before August 2008, not after', () => {
    const rows = [
      obs({ indicator: 'poor_households', region: '01', period: '2006', value: 10, unit: 'hộ' }),
      obs({ indicator: 'poor_households', region: '01', period: '2010', value: 30, unit: 'hộ' }),
      obs({ indicator: 'poor_households', region: 'ha-tay', period: '2010', value: null, unit: 'hộ' }),
    ];
    const diags: string[] = [];
    const out = agree(rows, { derive: [{ op: 'reaggregate' }] });
    executeQuery(rows, { derive: [{ op: 'reaggregate' }] }, { onDiagnostic: (d) => diags.push(d.en) });
    expect(Object.fromEntries(out.map((r) => [r.period, r.value]))).toEqual({ '2006': null, '2010': 30 });
    expect(diags).toEqual([expect.stringContaining('ha-tay')]);
  });
});

describe('summarize, orderby, limit, columns', () => {
  it('groups and aggregates; missing values are left out of sum, mean, min and max', () => {
    const out = agree(poverty, {
      select: { series: null, regions: { level: 'province' } },
      // A mean of rates across provinces, asked for as such and labelled.
      derive: [{ op: 'summarize', by: ['period'], measures: { n: { fn: 'count' }, k: { fn: 'valid' }, mean: { fn: 'mean' }, lo: { fn: 'min' }, hi: { fn: 'max' }, total: { fn: 'sum' } }, unweighted: true }],
      orderby: ['period'],
    }, {}, true);
    const note = 'trung bình không gia quyền / unweighted mean';
    expect(out).toEqual([
      { period: '2010', n: 3, k: 3, mean: (20 + 30 + 15) / 3, lo: 15, hi: 30, total: 65, note },
      { period: '2012', n: 4, k: 4, mean: 13.75, lo: 10, hi: 15, total: 55, note },
      { period: '2016', n: 3, k: 2, mean: 10, lo: 8, hi: 12, total: 20, note },
    ]);
  });

  it('orders with missing values last in either direction, then limits and picks columns', () => {
    const spec = { select: { periods: ['2016'] }, orderby: [{ column: 'value', order: 'desc' }], columns: ['region', 'value'] };
    expect(agree(poverty, spec, {}, true)).toEqual([{ region: '42', value: 12 }, { region: '19', value: 8 }, { region: '06', value: null }]);
    expect(agree(poverty, { ...spec, orderby: ['value'] }, {}, true).map((r) => r.region)).toEqual(['19', '42', '06']);
    // Ties (15 in 2012) are broken by region, so a limit is deterministic.
    expect(agree(poverty, { select: { periods: ['2012'], series: null }, orderby: [{ column: 'value', order: 'desc' }], limit: 3, columns: ['region'] }, {}, true))
      .toEqual([{ region: '01' }, { region: '06' }, { region: '42' }]);
  });

  it('names a column the table lacks', () => {
    expect(failsAlike(poverty, { columns: ['region', 'valeu'] })).toBe('QUERY_UNKNOWN_COLUMN');
    expect(failsAlike(poverty, { derive: [{ op: 'summarize', by: ['province'], measures: { n: { fn: 'count' } } }] })).toBe('QUERY_UNKNOWN_COLUMN');
  });
});

describe('inputs and outputs', () => {
  it('takes an Arquero table as well as an array, and leaves the input unchanged', async () => {
    const aq = await import('arquero');
    const copy = structuredClone(poverty);
    const spec = { select: { periods: [2012] }, derive: [{ op: 'change', base: 2010 }, { op: 'rank' }] };
    const fromTable = runQuery(aq.from(poverty), spec).objects() as Record<string, unknown>[];
    expect(stable(fromTable)).toEqual(stable(executeQuery(poverty, spec)));
    expect(poverty).toEqual(copy);
    expect(fromTable.length).toBe(poverty.filter((o) => o.period === '2012').length);
  });

  it('gives the same answer on an empty input', () => {
    expect(agree([], { derive: [{ op: 'change' }] })).toEqual([]);
    expect(agree([], { derive: [{ op: 'summarize', measures: { n: { fn: 'count' }, m: { fn: 'mean' } } }] })).toEqual([{ n: 0, m: null }]);
    expect(failsAlike([], { columns: ['valeu'] })).toBe('QUERY_UNKNOWN_COLUMN');
  });

  it('writes warnings to the console when no receiver is given', () => {
    const warnings: unknown[] = [];
    const saved = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a.join(' '));
    try {
      executeQuery([obs({ indicator: 'poor_households', region: '06', period: '2020', value: 5, unit: 'hộ' })], { derive: [{ op: 'reaggregate' }] });
    } finally {
      console.warn = saved;
    }
    expect(warnings).toEqual([expect.stringContaining('QUERY_REAGGREGATE_INCOMPLETE')]);
  });
});

it('returns rows of its own: changing a result leaves the input as it was', () => {
  const input = [obs({ indicator: 'poverty_rate', region: '42', period: '2010', value: 20 })];
  const [row] = executeQuery(input, {});
  row.value = 0;
  expect(input[0].value).toBe(20);
});
