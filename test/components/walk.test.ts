// The keyboard walk through a chart's figures, without a page: its sequences, its moves and what it says.
import { describe, expect, it } from 'vitest';
import { walkSeries, walkStep, walkText } from '../../src/components/chart/walk.js';
import { gsoPoverty, gsoIncome } from '../charts/helpers.js';

const rows = gsoPoverty().filter((o) => ['VN', '42'].includes(o.region));

describe('the walk', () => {
  it('keeps a region’s figures in one sequence across poverty standards, the author’s order first', () => {
    const series = walkSeries(rows, 'vi', ['42', 'VN']);
    expect(series.map((s) => s[0].name)).toEqual(['Hà Tĩnh', 'Cả nước']);
    expect(series[0].map((p) => p.o.period)).toEqual(['2006', '2008', '2010', '2012', '2013', '2014', '2015', '2016']);
  });

  it('splits sub-series that are parts, naming them', () => {
    const income = gsoIncome().filter((o) => o.region === '42');
    const series = walkSeries(income, 'vi');
    expect(series.length).toBeGreaterThan(1);
    expect(new Set(series.map((s) => s[0].name)).size).toBe(series.length);
    expect(series[0][0].name).toMatch(/^Hà Tĩnh \(.+\)$/);
  });

  it('moves along and across, stops at the ends, keeps the period across regions', () => {
    const series = walkSeries(rows, 'vi', ['42', 'VN']);
    let at = { series: 0, index: 0 };
    expect(walkStep(series, at, 'ArrowLeft')).toEqual(at);
    at = walkStep(series, at, 'End')!;
    expect(at).toEqual({ series: 0, index: 7 });
    expect(walkStep(series, at, 'ArrowRight')).toEqual(at);
    at = walkStep(series, { series: 0, index: 3 }, 'ArrowDown')!;
    expect(series[at.series][at.index].o.period).toBe('2012');
    expect(walkStep(series, at, 'ArrowDown')).toEqual(at);
    expect(walkStep(series, at, 'Home')).toEqual({ series: 1, index: 0 });
    expect(walkStep(series, at, 'x')).toBeNull();
  });

  it('says period, value with its unit in words, status and place', () => {
    const series = walkSeries(rows, 'vi', ['42', 'VN']);
    expect(walkText(series, { series: 1, index: 0 }, 'vi')).toBe('Cả nước, năm 2006: 15,5 phần trăm. Số 1 trên 8, dãy 2 trên 2');
    expect(walkText(series, { series: 1, index: 7 }, 'vi')).toMatch(/^Cả nước, năm 2016: 5,8 phần trăm, sơ bộ\. Số 8 trên 8/);
    expect(walkText(walkSeries(rows, 'en', ['42', 'VN']), { series: 1, index: 7 }, 'en')).toMatch(/^Whole country, 2016: 5\.8 per cent, preliminary\. Figure 8 of 8, series 2 of 2$/);
  });
});
