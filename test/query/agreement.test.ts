// The two executors on seeded synthetic tables: every operation, alone and chained, must give the
// same rows (after a stable sort) or fail with the same error code.
import { describe, expect, it } from 'vitest';
import { executeQuery } from '../../src/query/index.js';
import { runQuery } from '../../src/arquero.js';
import { listRegions } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';
import { obs, prng, stable } from './fixtures.js';
import { syntheticSpecs as specs } from './specs.js';

const provinces = listRegions('province').map((r) => r.id);
const others = ['VN', 'R1', 'R2', '42-duc-tho', '34:42'];
const periods = ['2006', '2008', '2010', '2012', '2014', '2016', '2016-2018', '2021-2023', '2024-05-07'];
const indicators: [string, string, (string | null)[]][] = [
  ['poverty_rate', '%', [null, 'rural']],
  ['income_per_capita', 'nghìn đồng/người/tháng', ['total', 'salary_wage']],
  ['new_rural_communes', 'xã', ['standard', 'model']],
  ['admin_units', 'đơn vị', ['communes']],
  ['households', 'hộ', [null]],
];

/** A table where most regions have most figures, some are missing or absent, and values tie often. */
function synthetic(seed: number): Observation[] {
  const rnd = prng(seed);
  const rows: Observation[] = [];
  const regions = [...provinces.filter(() => rnd() < 0.8), ...others];
  for (const [indicator, unit, series] of indicators) {
    for (const region of regions) {
      for (const s of series) {
        for (const period of periods) {
          if (rnd() < 0.15) continue;
          const missing = rnd() < 0.1;
          const tie = rnd() < 0.3;
          const value = missing ? null : tie ? Math.floor(rnd() * 5) * 10 : Math.round(rnd() * 100000) / 100;
          const denominator = rnd() < 0.5 ? Math.floor(rnd() * 50) : null;
          rows.push(obs({
            indicator, region, period, value, unit, series: s, denominator,
            qualifier: rnd() < 0.05 ? '>' : null,
            status: period === '2016' || rnd() < 0.05 ? 'preliminary' : 'final',
            source: `gso-${Math.floor(rnd() * 3)}.csv`,
          }));
        }
      }
    }
  }
  // Shuffle, so neither executor is helped by input order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

function outcome(f: () => Record<string, unknown>[]): { rows?: Record<string, unknown>[]; code?: string } {
  try {
    return { rows: f() };
  } catch (e) {
    return { code: (e as { code?: string }).code ?? String(e) };
  }
}

describe.each([1, 2, 3, 4, 5])('seeded synthetic table %i', (seed) => {
  const table = synthetic(seed);

  it.each(specs)('%s: both executors agree', (_, spec) => {
    const dA: string[] = [];
    const dB: string[] = [];
    const a = outcome(() => runQuery(table, spec, { onDiagnostic: (d) => dA.push(d.en) }).objects() as Record<string, unknown>[]);
    const b = outcome(() => executeQuery(table, spec, { onDiagnostic: (d) => dB.push(d.en) }));
    expect(b.code).toEqual(a.code);
    if (a.rows && b.rows) {
      const ordered = (spec as { orderby?: unknown }).orderby !== undefined;
      const clean = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v ?? null])));
      if (ordered) expect(clean(b.rows)).toEqual(clean(a.rows));
      else expect(stable(b.rows)).toEqual(stable(a.rows));
    }
    expect(dB).toEqual(dA);
  });

  it('reaggregate weighs by a column beyond the observation columns (population) alike', () => {
    const rnd = prng(seed * 7);
    const withPopulation = table.map((o) => ({ ...o, population: rnd() < 0.1 ? null : Math.round(rnd() * 5000) }));
    const spec = { select: { indicators: ['poverty_rate'], series: null }, derive: [{ op: 'reaggregate', weight: { column: 'population' } }] };
    const a = runQuery(withPopulation as unknown as Observation[], spec, { onDiagnostic: () => undefined }).objects() as Record<string, unknown>[];
    const b = executeQuery(withPopulation, spec, { onDiagnostic: () => undefined });
    expect(stable(a)).toEqual(stable(b));
    expect(b.some((r) => String(r.region).startsWith('34:') && typeof r.value === 'number')).toBe(true);
  });

  it('exercises what it claims: rows come out, errors where expected', () => {
    const count = (spec: unknown) => executeQuery(table, spec).length;
    expect(count({ select: { periods: 'latest' } })).toBeGreaterThan(100);
    expect(count({ derive: [{ op: 'change' }] })).toBe(table.length);
    expect(executeQuery(table, { derive: [{ op: 'change' }] }).some((r) => typeof r.change === 'number')).toBe(true);
    expect(executeQuery(table, { derive: [{ op: 'rank', direction: 'asc' }] }).some((r) => r.rank === 2)).toBe(true);
    expect(outcome(() => executeQuery(table, specs.find((s) => s[0] === 'reaggregate rate refused')![1])).code).toBe('QUERY_REAGGREGATE_NEEDS_WEIGHT');
    const merged = executeQuery(table, specs.find((s) => s[0] === 'reaggregate rate by indicator')![1]);
    expect(merged.some((r) => String(r.region).startsWith('34:') && typeof r.value === 'number')).toBe(true);
  });
});
