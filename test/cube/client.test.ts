// CubeClient as a coordinator would use it, with the coordinator's own selection clauses
// (src/components/core/selection.ts): built on the first answer, its own clauses left out, its own
// regions given way to a map click. Real data (data/observations/poverty_rate.csv).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CubeClient, cubeQuerySpec, type CubeClause } from '../../src/cube/index.js';
import { Selection } from '../../src/components/core/selection.js';
import { viewQuerySpec } from '../../src/components/core/view-query.js';
import { loadObservations } from '../../src/data/index.js';
import { type Row } from '../../src/query/index.js';
import { runQuery } from '../../src/arquero.js';
import type { Observation } from '../../src/types.js';
import { expectSameRows } from './helpers.js';

const file = 'data/observations/poverty_rate.csv';
const rows = loadObservations(new Uint8Array(readFileSync(new URL(`../../${file}`, import.meta.url))), { file }).observations;

describe('CubeClient with the coordinator selection', () => {
  const map = {};
  const trend = {};
  const options = {
    groupby: ['region'],
    measures: { value: { fn: 'mean' as const }, n: { fn: 'valid' as const } },
    selectionDims: ['region' as const, 'period' as const],
    where: [{ field: 'indicator' as const, values: ['poverty_rate'] }],
  };

  it('builds on the first answer and leaves out its own clauses', () => {
    const client = new CubeClient(map, options);
    client.setData(rows as unknown as Row[]);
    expect(client.built).toBe(false);
    const selection = new Selection();
    selection.update({ source: map, field: 'region', values: ['42'] });
    selection.update({ source: trend, field: 'period', range: ['2010', '2014'] });
    const got = client.answer(selection.clauses as readonly CubeClause[]);
    expect(client.built).toBe(true);
    expect(client.stats!.buildMs).toBeGreaterThan(0);
    // The map is not filtered by its own click: every region, for 2010-2014.
    const naive = runQuery(rows, cubeQuerySpec(options, selection.clauses as readonly CubeClause[], map)).objects() as Row[];
    expectSameRows(got, naive, options);
    expect(got.length).toBeGreaterThan(60);
  });

  it("a view's own regions give way to another view's selection, as viewQuerySpec does", () => {
    const kpi = {};
    const own = ['42', '40'];
    const client = new CubeClient(kpi, {
      groupby: ['region', 'period'],
      measures: { value: { fn: 'max' as const } },
      selectionDims: ['region', 'period'],
      where: [{ field: 'indicator', values: ['poverty_rate'] }],
      defaults: [{ field: 'region', values: own }],
    });
    client.setData(rows as unknown as Row[]);
    const selection = new Selection();
    const viaComponents = () => {
      const spec = viewQuerySpec({ indicator: 'poverty_rate', regions: own, followRegions: true }, selection.filterFor(kpi));
      return (runQuery(rows as Observation[], spec).objects() as Row[]).map((r) => `${r.region} ${r.period} ${r.value}`).sort();
    };
    const viaCube = () => client.answer(selection.clauses as readonly CubeClause[]).map((r) => `${r.region} ${r.period} ${r.value}`).sort();
    expect(viaCube()).toEqual(viaComponents());
    selection.update({ source: map, field: 'region', values: ['91', '01'] });
    expect(viaCube()).toEqual(viaComponents());
    expect(new Set(viaCube().map((s) => s.split(' ')[0]))).toEqual(new Set(['91', '01']));
    selection.update({ source: trend, field: 'period', range: ['2012', '2016'] });
    expect(viaCube()).toEqual(viaComponents());
    selection.remove(map);
    expect(viaCube()).toEqual(viaComponents());
  });

  it('ignores clauses on fields the view does not follow (filter-by="period")', () => {
    const bars = {};
    const client = new CubeClient(bars, { groupby: ['region'], measures: { n: { fn: 'valid' as const } }, selectionDims: ['period'] });
    client.setData(rows as unknown as Row[]);
    const selection = new Selection();
    selection.update({ source: map, field: 'region', values: ['42'] });
    selection.update({ source: trend, field: 'period', range: ['2016', '2016'] });
    const got = client.answer(selection.clauses as readonly CubeClause[]);
    const naive = runQuery(rows, { select: { periods: { from: 2016, to: 2016 } }, derive: [{ op: 'summarize', by: ['region'], measures: { n: { fn: 'valid' } } }] }).objects() as Row[];
    expect(got).toEqual(naive);
    expect(got.length).toBeGreaterThan(60);
  });
});
