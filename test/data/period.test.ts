import { describe, expect, it } from 'vitest';
import * as period from '../../src/data/period.js';
import * as queryPeriod from '../../src/query/period.js';
import { sortPeriods as chartsSortPeriods } from '../../src/charts/common.js';
import { timePositions as chartsTimePositions } from '../../src/charts/index.js';
import { Selection } from '../../src/components/core/selection.js';
import * as format from '../../src/format/period.js';

const { comparePeriods, periodPosition, periodYear, sortPeriods, timePositions } = period;

describe('periods: one module', () => {
  it('reads the start year of a year, a range, a month and a day', () => {
    expect(['2016', '2021-2023', '2024-05', '2024-05-07'].map(periodYear)).toEqual([2016, 2021, 2024, 2024]);
    expect(periodYear('Q1')).toBeNaN();
  });

  it('orders by start year, then by text, missing first: the order of every executor', () => {
    const ps = ['2017', '2016-2018', null, '2016', '2024-05', '2015'];
    expect([...ps].sort(comparePeriods)).toEqual([null, '2015', '2016', '2016-2018', '2017', '2024-05']);
  });

  it('places periods on a time axis, a range at its middle, a year at its end when months are shown', () => {
    expect(periodPosition('2016')).toBe(2016);
    expect(periodPosition('2021-2023')).toBe(2022);
    expect(periodPosition('2024-07')).toBe(2024.5);
    expect(periodPosition('Q1 2024')).toBeNaN();
    expect(timePositions(['2022', '2022-06'])('2022')).toBeCloseTo(2022 + 11.5 / 12);
    expect(timePositions(['2021', '2022'])('2022')).toBe(2022);
    expect(sortPeriods(['2022', '2020-2024', '2016', '2016', '2024-05'])).toEqual(['2016', '2022', '2020-2024', '2024-05']);
  });

  it('is the module the query layer, the recipes and the selection use, and format/ only formats', () => {
    expect(queryPeriod.periodYear).toBe(periodYear);
    expect(queryPeriod.comparePeriods).toBe(comparePeriods);
    expect(chartsSortPeriods).toBe(sortPeriods);
    expect(chartsTimePositions).toBe(timePositions);
    expect(Object.keys(format).sort()).toEqual(['formatDate', 'formatPeriod', 'periodPhrase']);
    // One chosen range at a time, whoever chose it: the later replaces the earlier (a brush and the
    // filter's years never intersect into nothing), kept as written.
    const sel = new Selection();
    sel.update({ source: {}, field: 'period', range: ['2016', '2022'] });
    sel.update({ source: {}, field: 'period', range: ['2018-2020', '2024'] });
    expect(sel.periodRange()).toEqual(['2018-2020', '2024']);
  });
});
