// The pure pieces under the elements: selections, the view query, CSV export, region search and
// column profiles. They run in Node; the elements themselves are tested in Chromium (test/browser).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Selection } from '../../src/components/core/selection.js';
import { viewQuerySpec, parseYears, parseList, parseFollow } from '../../src/components/core/view-query.js';
import { viewRows } from '../../src/components/core/view-rows.js';
import { observationsToCSV, neutralizeCell } from '../../src/components/core/csv.js';
import { searchRegions } from '../../src/components/filter/search.js';
import { profileColumn } from '../../src/components/table/profile.js';
import { rowsFor34 } from '../../src/registry/crosswalk.js';
import { listRegions } from '../../src/registry/index.js';
import { loadObservations } from '../../src/data/index.js';

const poverty = loadObservations(readFileSync('data/observations/poverty_rate.csv', 'utf8'), { file: 'poverty_rate.csv' }).observations;

describe('Selection', () => {
  const map = {};
  const line = {};
  it('gives each client the filter of every other client', () => {
    const s = new Selection();
    s.update({ source: map, field: 'region', values: ['42'] });
    s.update({ source: line, field: 'period', range: ['2010', '2014'] });
    expect(s.filterFor(map)).toEqual({ regions: null, periods: ['2010', '2014'] });
    expect(s.filterFor(line)).toEqual({ regions: ['42'], periods: null });
    expect(s.filterFor({})).toEqual({ regions: ['42'], periods: ['2010', '2014'] });
    expect(s.selectedRegions()).toEqual(['42']);
  });
  it('intersects clauses of several sources and drops an empty one', () => {
    const s = new Selection();
    s.update({ source: map, field: 'region', values: ['42', '01'] });
    s.update({ source: line, field: 'region', values: ['01', '79'] });
    expect(s.filterFor({}).regions).toEqual(['01']);
    s.update({ source: map, field: 'region', values: [] });
    expect(s.clauses).toHaveLength(1);
  });
});

describe('Selection.toggleRegion', () => {
  it('a click selects one region everywhere, again clears it; with shift it adds to what anyone selected', () => {
    const s = new Selection();
    const map = {};
    const filter = {};
    s.selectRegions(filter, ['42']);
    s.toggleRegion(map, '48', true);
    expect(s.clauses).toEqual([{ source: map, field: 'region', values: ['42', '48'] }]);
    s.toggleRegion(map, '01', false);
    expect(s.selectedRegions()).toEqual(['01']);
    s.toggleRegion(map, '01', false);
    expect(s.clauses).toEqual([]);
  });
});

describe('view query', () => {
  it('follows the region selection of other views, or keeps its own', () => {
    const filter = { regions: ['01'], periods: ['2010', '2014'] as [string, string] };
    expect(viewQuerySpec({ indicator: 'poverty_rate', regions: ['42'], followRegions: true }, filter)).toEqual({
      select: { indicators: ['poverty_rate'], regions: ['01'], periods: { from: 2010, to: 2014 } },
    });
    expect(viewQuerySpec({ indicator: 'poverty_rate', regions: ['42'], followRegions: false }, filter).select?.regions).toEqual(['42']);
  });
  it('runs on the eval-free executor over the bundled data', () => {
    const rows = viewRows(poverty, { indicator: 'poverty_rate', regions: ['42'], from: 2010, to: 2014, followRegions: true }, { regions: null, periods: null });
    expect(rows.map((o) => o.period)).toEqual(['2010', '2012', '2013', '2014']);
    expect(rows.every((o) => o.region === '42')).toBe(true);
  });
  it('reads year ranges and lists from attributes', () => {
    expect(parseYears('2010-2016')).toEqual({ from: 2010, to: 2016 });
    expect(parseYears('2016')).toEqual({ from: 2016, to: 2016 });
    expect(parseYears('2010-')).toEqual({ from: 2010 });
    expect(parseList('42, 34:42')).toEqual(['42', '34:42']);
  });
});

describe('follow', () => {
  it('follows what the author did not fix, unless follow (or the older filter-by) says otherwise', () => {
    expect(parseFollow(undefined, undefined, { region: true, period: false })).toEqual({ region: false, period: true });
    expect(parseFollow(undefined, undefined, { region: false, period: false })).toEqual({ region: true, period: true });
    expect(parseFollow('region', undefined, { region: true, period: true })).toEqual({ region: true, period: false });
    expect(parseFollow('region, period', undefined, { region: true, period: true })).toEqual({ region: true, period: true });
    expect(parseFollow(undefined, 'none', { region: false, period: false })).toEqual({ region: false, period: false });
    expect(parseFollow('all', 'none', { region: true, period: true })).toEqual({ region: true, period: true });
  });
  it('names a bad value and the words it takes, in both languages', () => {
    try {
      parseFollow('regions', undefined, { region: true, period: false });
      expect.unreachable();
    } catch (e) {
      const text = (e as { text(lang: 'vi' | 'en'): string }).text;
      expect(text.call(e, 'vi')).toContain('"regions"');
      expect(text.call(e, 'en')).toContain('region, period, all, none');
    }
  });
});

describe('CSV export', () => {
  it('writes a BOM, CRLF, and neutralizes formulas in text cells only', () => {
    const csv = observationsToCSV([{ ...poverty[0], value: -1.5, source: '=cmd|"/c calc"!A1', quote: '@SUM(1)' }]);
    expect(csv.startsWith('\uFEFFindicator,region,period,value')).toBe(true);
    expect(csv).toContain(',-1.5,');
    expect(csv).toContain(`"'=cmd|""/c calc""!A1"`);
    expect(csv).toContain(`'@SUM(1)`);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(neutralizeCell('+84 912')).toBe(`'+84 912`);
    expect(neutralizeCell('Hà Tĩnh')).toBe('Hà Tĩnh');
  });
  it('round-trips the bundled observations through the loader', () => {
    const some = poverty.filter((o) => o.region === '42');
    const back = loadObservations(observationsToCSV(some), { file: 'export.csv' }).observations;
    expect(back.map((o) => [o.region, o.period, o.value, o.status])).toEqual(some.map((o) => [o.region, o.period, o.value, o.status]));
  });
});

describe('region search', () => {
  const provinces = listRegions('province');
  it('finds names written without diacritics and by their short forms', () => {
    expect(searchRegions('da nang', provinces)[0].name).toBe('Đà Nẵng');
    expect(searchRegions('hcm', provinces)[0].id).toBe('79');
    expect(searchRegions('Hà Tĩnh', provinces)[0].id).toBe('42');
    expect(searchRegions('ha tinh', provinces)[0].id).toBe('42');
    expect(searchRegions('zzz', provinces)).toEqual([]);
  });
});

describe('column profile', () => {
  it('summarizes numbers and text', () => {
    const p = profileColumn([1, 2, 3, null, 10]);
    expect(p).toMatchObject({ kind: 'number', count: 4, missing: 1, min: 1, max: 10, median: 2.5 });
    const q = profileColumn(['a', 'b', 'a', null]);
    expect(q).toMatchObject({ kind: 'text', distinct: 2, missing: 1, top: [{ value: 'a', count: 2 }, { value: 'b', count: 1 }] });
  });
});

describe('34-unit map rows', () => {
  it('carries the figure of a province that was not merged to its 2025 unit, and no other', () => {
    const rows = rowsFor34(poverty.filter((o) => o.period === '2016'));
    const ids = new Set(rows.map((o) => o.region));
    expect(ids.has('34:42')).toBe(true);
    expect(rows.find((o) => o.region === '34:42')?.value).toBe(poverty.find((o) => o.region === '42' && o.period === '2016')?.value);
    expect([...ids].every((id) => id.startsWith('34:'))).toBe(true);
    expect(ids.size).toBeLessThan(34);
  });
});
