// Pre-aggregation per view: on a large seeded table, a view's cube gives exactly the rows the query
// path gives (viewQuerySpec on the eval-free executor), for every selection the other views make.
import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../src/query/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';
import { ViewCube } from '../../src/components/core/view-cube.js';
import { viewQuerySpec, type ViewQuery } from '../../src/components/core/view-query.js';
import type { ClientFilter } from '../../src/components/core/selection.js';
import { prng } from '../prng.js';

const provinces = listRegions('province').map((r) => r.id);
const regions = [...provinces, 'VN', 'R1', '34:42', '42-duc-tho'];
const indicators = ['poverty_rate', 'income_per_capita', 'new_rural_communes'];
const periods = Array.from({ length: 16 }, (_, i) => String(2008 + i)).concat(['2016-2018', '2021-2023', '2024-05-07']);

/** A seeded table of about 60,000 observations with missing values, series, qualifiers and sources. */
export function largeTable(seed = 7): Observation[] {
  const rnd = prng(seed);
  const rows: Observation[] = [];
  for (const indicator of indicators) {
    for (const series of [null, 'rural', 'urban', 'total', ...Array.from({ length: 12 }, (_, k) => `x${k}`)]) {
      for (const region of regions) {
        for (const period of periods) {
          if (rnd() < 0.05) continue;
          rows.push({
            indicator, region, period, series,
            value: rnd() < 0.08 ? null : Math.round(rnd() * 10000) / 100,
            qualifier: rnd() < 0.03 ? '>' : null,
            denominator: rnd() < 0.2 ? Math.floor(rnd() * 40) : null,
            unit: indicator === 'poverty_rate' ? '%' : 'x',
            status: rnd() < 0.1 ? 'preliminary' : 'final',
            source: `src-${Math.floor(rnd() * 4)}.csv`,
            quote: rnd() < 0.01 ? 'trên 98%' : null,
          } as Observation);
        }
      }
    }
  }
  return rows;
}

describe('a view answered from its cube', () => {
  const table = largeTable();
  const views: ViewQuery[] = [
    { indicator: 'poverty_rate', followRegions: false },
    { indicator: 'income_per_capita', series: 'total', from: 2010, followRegions: false },
    { indicator: 'poverty_rate', series: null, regions: ['42', 'VN'], followRegions: true },
    { indicator: 'new_rural_communes', from: 2012, to: 2020, followRegions: true },
  ];
  const rnd = prng(99);
  const filters: ClientFilter[] = [{ regions: null, periods: null }];
  for (let i = 0; i < 25; i++) {
    const pick = () => regions[Math.floor(rnd() * regions.length)];
    const from = 2006 + Math.floor(rnd() * 16);
    filters.push({
      regions: rnd() < 0.7 ? Array.from({ length: 1 + Math.floor(rnd() * 4) }, pick) : null,
      periods: rnd() < 0.6 ? [String(from), String(from + Math.floor(rnd() * 6))] : null,
    });
  }

  it('has a table past the automatic threshold', () => {
    expect(table.length).toBeGreaterThan(50_000);
  });

  it.each(views.map((v, i) => [i, v] as const))('view %i: the same rows, in the same order, for every selection', (_, q) => {
    const cube = new ViewCube();
    let nonEmpty = 0;
    for (const f of filters) {
      const expected = executeQuery(table, viewQuerySpec(q, f));
      const got = cube.rows(table, q, f);
      expect(got).toEqual(expected);
      if (got.length) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(5);
    expect(cube.stats!.rows).toBe(table.length);
  });

  it('raises the query path errors (an unknown region)', () => {
    const cube = new ViewCube();
    expect(() => cube.rows(table, views[2], { regions: ['nowhere'], periods: null })).toThrow(/QUERY_UNKNOWN_REGION/);
  });
});
