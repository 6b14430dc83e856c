// A mean of rates across regions is not the rate of the whole: every executor refuses it with the same
// error, naming the weight, unless the step says `unweighted: true` (then every row says so).
import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../src/query/execute.js';
import { runQuery } from '../../src/query/arquero.js';
import { compileQuery } from '../../src/sql/index.js';
import { createCube } from '../../src/cube/index.js';
import { isChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';

const obs = (region: string, value: number, indicator = 'poverty_rate'): Observation => ({
  indicator, region, period: '2014', value, qualifier: null, denominator: null, unit: '%', series: '2011-2015', status: 'final', source: 't', quote: null,
});
const rows = [obs('42', 16.4), obs('51', 12.9), obs('79', 0.1)];
const mean = { op: 'summarize', by: ['period'], measures: { m: { fn: 'mean' } } } as const;

function refusal(run: () => unknown) {
  try {
    run();
  } catch (e) {
    if (isChisoError(e)) return { code: e.code, vi: e.text('vi'), en: e.text('en') };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('honest means', () => {
  const runs: [string, (spec: unknown) => unknown][] = [
    ['page executor', (spec) => executeQuery(rows, spec)],
    ['Arquero', (spec) => runQuery(rows, spec).objects()],
    ['SQL (DuckDB)', (spec) => compileQuery(spec, { dialect: 'duckdb', indicators: ['poverty_rate'] })],
    ['SQL (PostgreSQL)', (spec) => compileQuery(spec, { dialect: 'postgres', indicators: ['poverty_rate'] })],
    // A view's cube (the dashboard's pre-aggregation) follows the same rule.
    ['cube', (spec) => createCube(rows as unknown as Record<string, unknown>[], { groupby: ['period'], measures: (spec as { derive: { measures: object }[] }).derive[0].measures })],
  ];
  for (const [name, run] of runs) {
    it(`${name}: refuses a mean of rates across regions without a weight, naming the weight, in both languages`, () => {
      const r = refusal(() => run({ derive: [mean] }));
      expect(r.code).toBe('QUERY_MEAN_NEEDS_WEIGHT');
      expect(r.vi).toContain('số hộ');
      expect(r.vi).toContain('"unweighted": true');
      expect(r.en).toContain('households');
    });
  }

  it('computes it when asked, labelled on every row, the same on the page and in Arquero', () => {
    const spec = { derive: [{ ...mean, unweighted: true }] };
    const page = executeQuery(rows, spec);
    expect(page).toEqual([{ period: '2014', m: (16.4 + 12.9 + 0.1) / 3, note: 'trung bình không gia quyền / unweighted mean' }]);
    expect(runQuery(rows, spec).objects()).toEqual(page);
    const sql = compileQuery(spec, { dialect: 'postgres', indicators: ['poverty_rate'] });
    expect(sql.sql).toContain('"note"');
    expect(sql.params).toContain('trung bình không gia quyền / unweighted mean');
  });

  it('lets means per region, means of counts and other measures pass', () => {
    expect(executeQuery(rows, { derive: [{ op: 'summarize', by: ['region'], measures: { m: { fn: 'mean' } } }] })).toHaveLength(3);
    const counts = [obs('42', 10, 'new_rural_communes'), obs('51', 20, 'new_rural_communes')].map((o) => ({ ...o, unit: 'xã', series: 'standard' }));
    expect(executeQuery(counts, { derive: [mean] })).toEqual([{ period: '2014', m: 15 }]);
    expect(executeQuery(rows, { derive: [{ op: 'summarize', by: ['period'], measures: { hi: { fn: 'max' } } }] })).toEqual([{ period: '2014', hi: 16.4 }]);
  });

  it('checks the option: unweighted must be true or false', () => {
    expect(refusal(() => executeQuery(rows, { derive: [{ ...mean, unweighted: 'yes' }] })).code).toBe('QUERY_BAD_TYPE');
  });
});
