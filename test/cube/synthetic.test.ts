// The cube against the naive re-query through the query layer, on SEEDED SYNTHETIC tables (not real
// figures): point, multi-value and range selections, empty ones, a view's own selection left out, and
// random views and selections drawn from a seed.
import { describe, expect, it } from 'vitest';
import { createCube, type CubeClause, type CubeDim, type CubeOptions } from '../../src/cube/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { Row } from '../../src/query/index.js';
import { check, expectSameRows, naiveEvalFree, prng } from './helpers.js';

const PROVINCES = listRegions('province').map((r) => r.id).slice(0, 24);
const INDICATORS = ['poverty_rate', 'income_per_capita', 'new_rural_communes', 'study_participation', 'admin_units'];
const PERIODS = ['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2016-2020', '2017', '2018', '2019', '2020', '2021-2023', '2024-05-07', 'n/a'];
const SERIES = [null, 'total', 'urban'];

/** Shuffled rows, some repeated cells, 10% missing values, a few NaN; `integer` values make sums exact. */
function table(seed: number, n: number, integer = false): Row[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) {
    const u = rnd();
    const value = u < 0.1 ? null : u < 0.12 ? NaN : integer ? Math.floor(rnd() * 2000) - 500 : (rnd() - 0.2) * 1000 / 7;
    rows.push({
      indicator: pick(INDICATORS),
      region: pick(PROVINCES),
      period: pick(PERIODS),
      series: pick(SERIES),
      status: rnd() < 0.8 ? 'final' : 'preliminary',
      value,
      weight: Math.round(rnd() * 100),
    });
  }
  return rows;
}

const ALL_MEASURES = {
  n: { fn: 'count' },
  valid: { fn: 'valid' },
  total: { fn: 'sum' },
  mean: { fn: 'mean' },
  lo: { fn: 'min' },
  hi: { fn: 'max' },
} as const;

const rows = table(20251122, 6000);
const ints = table(7, 4000, true);
const map = {};
const timeline = {};
const bars = {};

describe('cube answers = naive re-query (synthetic, seeded)', () => {
  const mapView: CubeOptions = { groupby: ['region'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['period', 'indicator', 'series'], where: [{ field: 'status', values: ['final'] }] };
  const trendView: CubeOptions = { groupby: ['period'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' } }, unweighted: true, selectionDims: ['region', 'period', 'indicator'] };
  const kpiView: CubeOptions = { measures: ALL_MEASURES, unweighted: true, selectionDims: ['region', 'period', 'indicator', 'series', 'status'] };
  const barView: CubeOptions = { groupby: ['indicator', 'series'], measures: { total: { fn: 'sum' }, w: { fn: 'sum', column: 'weight' }, hi: { fn: 'max', column: 'weight' } }, selectionDims: ['region', 'period'] };

  const cases: [string, CubeClause[]][] = [
    ['no selection', []],
    ['a point selection on region', [{ source: map, field: 'region', values: [PROVINCES[3]] }]],
    ['a multi-value selection on region', [{ source: map, field: 'region', values: [PROVINCES[1], PROVINCES[7], PROVINCES[20]] }]],
    ['a period range', [{ source: timeline, field: 'period', range: [2012, 2017] }]],
    ['a period range by period strings', [{ source: timeline, field: 'period', range: ['2016', '2021-2023'] }]],
    ['an open-ended period range', [{ source: timeline, field: 'period', range: [2018, null] }]],
    ['a period list and a range together', [{ field: 'period', values: ['2010', '2016-2020', '2019', 'n/a'] }, { source: timeline, field: 'period', range: [2015, 2020] }]],
    ['region and period together', [{ source: map, field: 'region', values: PROVINCES.slice(0, 6) }, { source: timeline, field: 'period', range: [2011, 2016] }]],
    ['an indicator point selection', [{ source: bars, field: 'indicator', values: ['income_per_capita'] }]],
    ['series, with observations without one', [{ source: bars, field: 'series', values: [null, 'urban'] }]],
    ['an empty value list (nothing selected)', [{ source: map, field: 'region', values: [] }]],
    ['a range that keeps nothing', [{ source: timeline, field: 'period', range: [1990, 1995] }]],
    ['values the data does not hold', [{ source: map, field: 'region', values: ['42-duc-tho'] }]],
    ['two clauses on one field intersect', [{ source: map, field: 'region', values: PROVINCES.slice(0, 10) }, { source: bars, field: 'region', values: PROVINCES.slice(5, 15) }]],
  ];

  for (const [view, options] of [['map', mapView], ['trend', trendView], ['kpi', kpiView], ['bars', barView]] as const) {
    const cube = createCube(rows, options);
    for (const [name, clauses] of cases) {
      const usable = clauses.filter((c) => options.selectionDims!.includes(c.field));
      it(`${view}: ${name}`, () => {
        const got = check(cube, rows, options, usable);
        if (options.groupby?.length === 0 || !options.groupby) expect(got.length).toBe(1);
      });
    }
  }

  it('a view is not filtered by its own selection', () => {
    const options: CubeOptions = { groupby: ['region'], measures: { mean: { fn: 'mean' } }, selectionDims: ['region', 'period'] };
    const cube = createCube(rows, options);
    const clauses: CubeClause[] = [{ source: map, field: 'region', values: [PROVINCES[2]] }, { source: timeline, field: 'period', range: [2013, 2016] }];
    const own = check(cube, rows, options, clauses, map);
    // Every region is still there (the map's own click does not filter the map), narrowed by the brush.
    expect(own.length).toBe(PROVINCES.length);
    const all = check(cube, rows, options, clauses);
    expect(all.map((r) => r.region)).toEqual([PROVINCES[2]]);
  });

  it('integer values: sums identical bit for bit', () => {
    const options: CubeOptions = { groupby: ['indicator'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['region', 'period', 'series'] };
    const cube = createCube(ints, options);
    for (const [, clauses] of cases) {
      const usable = clauses.filter((c) => options.selectionDims!.includes(c.field));
      check(cube, ints, options, usable, undefined, true);
    }
  });

  it('columns in, as plain arrays, typed arrays and dictionary codes, give the same answers as rows', () => {
    const options: CubeOptions = { groupby: ['region'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['period', 'indicator'] };
    const regions = [...new Set(rows.map((r) => r.region as string))];
    const columns = {
      indicator: rows.map((r) => r.indicator),
      region: { codes: Int32Array.from(rows, (r) => regions.indexOf(r.region as string)), dictionary: regions },
      period: rows.map((r) => r.period),
      value: Float64Array.from(rows, (r) => (r.value === null ? NaN : (r.value as number))),
    };
    const a = createCube(rows, options);
    const b = createCube(columns, options);
    for (const [, clauses] of cases) {
      const usable = clauses.filter((c) => options.selectionDims!.includes(c.field));
      expect(b.answer(usable)).toEqual(a.answer(usable));
    }
  });

  it('cubes of several views over the same columns (sharing their cells) answer as cubes over rows', () => {
    const columns = {
      indicator: rows.map((r) => r.indicator),
      region: rows.map((r) => r.region),
      period: rows.map((r) => r.period),
      series: rows.map((r) => r.series),
      status: rows.map((r) => r.status),
      value: Float64Array.from(rows, (r) => (r.value === null ? NaN : (r.value as number))),
    };
    const views: CubeOptions[] = [
      { groupby: ['region'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['indicator', 'period'] },
      { groupby: ['period'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['indicator', 'region'] },
      { groupby: ['indicator'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['region', 'period'] },
      { measures: ALL_MEASURES, unweighted: true, selectionDims: ['indicator', 'region', 'period'] },
      { groupby: ['region'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['indicator', 'period'], where: [{ field: 'status', values: ['final'] }] },
      { groupby: ['region'], measures: ALL_MEASURES, unweighted: true, selectionDims: ['indicator', 'period'], where: [{ field: 'status', values: ['preliminary'] }] },
    ];
    for (const options of views) {
      const a = createCube(rows, options);
      const b = createCube(columns, options);
      for (const [, clauses] of cases) {
        const usable = clauses.filter((c) => options.selectionDims!.includes(c.field));
        expect(b.answer(usable)).toEqual(a.answer(usable));
      }
    }
  });

  it('agrees with the eval-free executor as well', () => {
    const cube = createCube(rows, barView);
    const clauses: CubeClause[] = [{ field: 'region', values: PROVINCES.slice(3, 9) }, { field: 'period', range: [2014, 2019] }];
    expectSameRows(cube.answer(clauses), naiveEvalFree(rows, barView, clauses), barView);
  });

  it('random views and selections (seeded)', () => {
    const rnd = prng(99);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const subset = <T>(xs: readonly T[], p: number) => xs.filter(() => rnd() < p);
    const dims: CubeDim[] = ['indicator', 'region', 'period', 'series', 'status'];
    for (let round = 0; round < 40; round++) {
      const groupby = subset(['indicator', 'region', 'period', 'series'], 0.35);
      const selectionDims = subset(dims, 0.6);
      const options: CubeOptions = { groupby, measures: ALL_MEASURES, unweighted: true, selectionDims };
      const cube = createCube(rows, options);
      for (let q = 0; q < 5; q++) {
        const clauses: CubeClause[] = [];
        for (const d of selectionDims) {
          if (rnd() < 0.4) continue;
          if (d === 'period' && rnd() < 0.6) {
            const a = 2008 + Math.floor(rnd() * 18);
            clauses.push({ field: 'period', range: [rnd() < 0.2 ? null : a, rnd() < 0.2 ? null : a + Math.floor(rnd() * 8)] });
          } else {
            const pool: (string | null)[] = d === 'indicator' ? INDICATORS : d === 'region' ? PROVINCES : d === 'period' ? PERIODS : d === 'series' ? SERIES : ['final', 'preliminary'];
            clauses.push({ field: d, values: rnd() < 0.1 ? [] : subset(pool, 0.3).concat(rnd() < 0.5 ? [pick(pool)] : []) });
          }
        }
        check(cube, rows, options, clauses);
      }
    }
  });
});

describe('cube doors', () => {
  it('refuses a clause on a dimension the cube was not built for, naming the ones it has', () => {
    const cube = createCube(rows, { groupby: ['region'], measures: { n: { fn: 'count' } }, selectionDims: ['period'] });
    expect(() => cube.answer([{ field: 'indicator', values: ['poverty_rate'] }])).toThrow(/CUBE_DIMENSION_NOT_BUILT[\s\S]*period/);
  });
  it('refuses a range on a field other than period, and unknown keys and dimensions', () => {
    const cube = createCube(rows, { measures: { n: { fn: 'count' } }, selectionDims: ['region', 'period'] });
    expect(() => cube.answer([{ field: 'region', range: [1, 2] } as unknown as CubeClause])).toThrow(/CUBE_RANGE_NOT_PERIOD/);
    expect(() => createCube(rows, { measures: { n: { fn: 'count' } }, selectionDims: ['province' as CubeDim] })).toThrow(/"province"[\s\S]*CUBE_UNKNOWN_DIMENSION/);
    expect(() => createCube(rows, { measures: { n: { fn: 'count' } }, selectoinDims: [] } as unknown as CubeOptions)).toThrow(/selectoinDims/);
    expect(() => createCube(rows, { measures: { m: { fn: 'median' } } } as unknown as CubeOptions)).toThrow(/QUERY_UNKNOWN_KEYWORD/);
  });
  it('names the column and row of a value that is not a number, and a missing column', () => {
    const bad = rows.slice(0, 5).map((r) => ({ ...r }));
    bad[3].value = '12,5';
    expect(() => createCube(bad, { measures: { s: { fn: 'sum' } } })).toThrow(/"value", dòng 4[\s\S]*"12,5"[\s\S]*CUBE_NOT_A_NUMBER/);
    expect(() => createCube(rows, { groupby: ['province'], measures: { n: { fn: 'count' } } })).toThrow(/"province"[\s\S]*CUBE_UNKNOWN_COLUMN/);
  });
  it('reports what it built and how long it took', () => {
    const cube = createCube(rows, { groupby: ['period'], measures: { m: { fn: 'mean' } }, unweighted: true, selectionDims: ['region', 'indicator'] });
    expect(cube.stats.rows).toBe(rows.length);
    expect(cube.stats.levels.map((l) => l.index)).toEqual(['region', 'indicator', null]);
    expect(cube.stats.levels[2].cells).toBe(cube.stats.groups);
    expect(cube.stats.buildMs).toBeGreaterThan(0);
    expect(cube.stats.bytes).toBeGreaterThan(0);
  });
});
