/** Data sets, specs and comparison for the SQL tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { loadObservations } from '../../src/data/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';
import { obs, prng } from '../query/fixtures.js';

const root = new URL('../../', import.meta.url);

function load(file: string): Observation[] {
  const r = loadObservations(new Uint8Array(readFileSync(new URL(file, root))), { file });
  return r.observations;
}

/** Every file of data/observations, loaded by chiso's loader. */
export function realObservations(): Observation[] {
  const dir = new URL('data/observations/', root);
  return readdirSync(dir).filter((f) => f.endsWith('.csv')).sort().flatMap((f) => load(`data/observations/${f}`));
}

/** The curated seeds (data/seeds/observations.csv). */
export function seedObservations(): Observation[] {
  return load('data/seeds/observations.csv');
}

export type SyntheticRow = Observation & { population: number | null };

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

/**
 * A seeded table (Mulberry32): most regions have most figures, some are missing or absent, values
 * tie often, with a `population` column beyond the observation columns; shuffled.
 */
export function synthetic(seed: number): SyntheticRow[] {
  const rnd = prng(seed);
  const rows: SyntheticRow[] = [];
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
          rows.push({
            ...obs({
              indicator, region, period, value, unit, series: s, denominator,
              qualifier: rnd() < 0.05 ? '>' : null,
              status: period === '2016' || rnd() < 0.05 ? 'preliminary' : 'final',
              source: `gso-${Math.floor(rnd() * 3)}.csv`,
            }),
            population: rnd() < 0.9 ? Math.round(rnd() * 5000) : null,
          });
        }
      }
    }
  }
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [rows[i], rows[j]] = [rows[j], rows[i]];
  }
  return rows;
}

/** Every operation of the spec, alone and chained, as in the executors' agreement tests. */
export const syntheticSpecs: [string, unknown][] = [
  ['everything', {}],
  ['select indicators and range', { select: { indicators: ['poverty_rate', 'households'], periods: { from: 2010, to: 2016 } } }],
  ['select many indicators', { select: { indicators: ['poverty_rate', 'households', 'admin_units', 'income_per_capita', 'new_rural_communes'] } }],
  ['select empty list', { select: { indicators: [] } }],
  ['select level, series list, status', { select: { regions: { level: 'province' }, series: [null, 'model'], status: ['final'] } }],
  ['select series null', { select: { series: null } }],
  ['select parent2025 and period list', { select: { regions: { parent2025: '34:91' }, periods: ['2010', '2021-2023'] } }],
  ['select region list', { select: { regions: ['42', '34:42', '42-duc-tho', 'VN'] } }],
  ['select latest', { select: { periods: 'latest' } }],
  ['change previous', { derive: [{ op: 'change' }] }],
  ['change base', { derive: [{ op: 'change', base: '2010', as: 'since2010' }] }],
  ['percentChange previous', { derive: [{ op: 'percentChange' }] }],
  ['percentChange base', { derive: [{ op: 'percentChange', base: '2010' }] }],
  ['rank', { select: { indicators: ['poverty_rate', 'income_per_capita', 'new_rural_communes'] }, derive: [{ op: 'rank' }] }],
  ['rank asc', { derive: [{ op: 'rank', direction: 'asc' }] }],
  ['rank desc as', { derive: [{ op: 'rank', direction: 'desc', as: 'place' }] }],
  ['rank needs direction', { derive: [{ op: 'rank' }] }],
  ['share own', { derive: [{ op: 'share', scale: 1 }] }],
  ['share other', { select: { indicators: ['new_rural_communes'] }, derive: [{ op: 'share', denominator: { indicator: 'admin_units', series: 'communes' } }] }],
  ['gapToTarget', { derive: [{ op: 'gapToTarget', target: { poverty_rate: 5, income_per_capita: 3000, admin_units: 10 } }] }],
  ['gapToTarget one number', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'gapToTarget', target: 30 }] }],
  ['latest step', { derive: [{ op: 'change' }, { op: 'latest' }] }],
  ['reaggregate counts', { select: { indicators: ['new_rural_communes', 'households'] }, derive: [{ op: 'reaggregate' }] }],
  ['reaggregate counts, probed indicators', { select: { status: ['final', 'preliminary'], series: ['standard', 'model', null] }, derive: [{ op: 'reaggregate', weight: { column: 'population' } }] }],
  ['reaggregate rate refused', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'reaggregate' }] }],
  ['reaggregate rate by indicator', { select: { indicators: ['poverty_rate'], series: null }, derive: [{ op: 'reaggregate', weight: { indicator: 'households' } }] }],
  ['reaggregate by column', { select: { indicators: ['poverty_rate', 'income_per_capita'] }, derive: [{ op: 'reaggregate', weight: { column: 'denominator' } }] }],
  ['reaggregate by extra column', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'reaggregate', weight: { column: 'population' } }] }],
  ['summarize', { derive: [{ op: 'summarize', by: ['indicator', 'region'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, k: { fn: 'valid' }, lo: { fn: 'min' }, hi: { fn: 'max' }, s: { fn: 'sum', column: 'denominator' } } }] }],
  ['summarize everything', { derive: [{ op: 'summarize', measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, p: { fn: 'max', column: 'period' } }, unweighted: true }] }],
  ['summarize extra column', { derive: [{ op: 'summarize', by: ['indicator', 'series'], measures: { pop: { fn: 'sum', column: 'population' } } }] }],
  ['chain', {
    select: { indicators: ['new_rural_communes'], regions: { level: 'province' }, periods: { from: 2008 } },
    derive: [{ op: 'reaggregate' }, { op: 'share', denominator: { indicator: 'admin_units', series: 'communes' } }, { op: 'percentChange' }, { op: 'rank' }, { op: 'summarize', by: ['region', 'series'], measures: { best: { fn: 'min', column: 'rank' }, growth: { fn: 'mean', column: 'percentChange' } } }],
    orderby: [{ column: 'best', order: 'asc' }], limit: 10,
  }],
  ...([
    { op: 'change' }, { op: 'percentChange', base: '2012' }, { op: 'rank', direction: 'desc' }, { op: 'share' },
    { op: 'gapToTarget', target: 12.5 }, { op: 'latest' }, { op: 'reaggregate', weight: { column: 'denominator' } },
  ].map((step): [string, unknown] => [`${step.op} then mean`, {
    select: { indicators: ['poverty_rate', 'income_per_capita'] },
    derive: [step, { op: 'share', scale: 0.37, as: 'x' }, { op: 'summarize', by: ['indicator', 'series'], measures: { m: { fn: 'mean', column: 'x' }, s: { fn: 'sum', column: 'x' }, v: { fn: 'mean' }, dm: { fn: 'mean', column: 'denominator' }, dx: { fn: 'max', column: 'period' } }, unweighted: true }],
  }])),
  ['summarize booleans and ranks', { select: { indicators: ['poverty_rate', 'income_per_capita'] }, derive: [{ op: 'gapToTarget', target: 40 }, { op: 'rank', direction: 'asc' }, { op: 'summarize', by: ['indicator'], measures: { all: { fn: 'min', column: 'reached' }, any: { fn: 'max', column: 'reached' }, hits: { fn: 'sum', column: 'reached' }, share: { fn: 'mean', column: 'reached' }, ranks: { fn: 'sum', column: 'rank' }, best: { fn: 'min', column: 'rank' } } }] }],
  ['derived columns replacing their input', { select: { indicators: ['poverty_rate'] }, derive: [{ op: 'percentChange', as: 'value' }, { op: 'share', scale: 2, as: 'denominator' }, { op: 'summarize', by: ['region'], measures: { value: { fn: 'mean' }, denominator: { fn: 'sum' } } }] }],
  ['orderby limit columns', { orderby: [{ column: 'value', order: 'desc' }, 'period'], limit: 25, columns: ['region', 'period', 'value'] }],
  ['orderby text, missing last', { select: { indicators: ['poverty_rate'] }, orderby: [{ column: 'series', order: 'desc' }, { column: 'value', order: 'asc' }], limit: 40 }],
  ['limit zero', { limit: 0 }],
  ['unknown column', { columns: ['nope'] }],
];

/** Specs on the real files: what dashboards ask of them. */
export const realSpecs: [string, unknown][] = [
  ['everything', {}],
  ['poverty by province, 2010-2014', { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: { from: 2010, to: 2014 } } }],
  ['latest poverty', { select: { indicators: ['poverty_rate'], periods: 'latest' } }],
  ['latest of everything', { select: { periods: 'latest' } }],
  ['poverty change since 2010 and previous', { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'change', base: '2010', as: 'since2010' }, { op: 'change' }] }],
  ['poverty percent change', { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'percentChange' }] }],
  ['poverty rank 2016 top 5', { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 5 }],
  ['income rank 2016', { select: { indicators: ['income_per_capita'], regions: { level: 'province' }, periods: ['2016'], series: ['total'] }, derive: [{ op: 'rank' }] }],
  ['wage share of income', { select: { indicators: ['income_per_capita'], series: ['salary_wage'] }, derive: [{ op: 'share', denominator: { indicator: 'income_per_capita', series: 'total' } }] }],
  ['communes into the 34 units', { select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate' }] }],
  ['poverty into the 34 units refused', { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate' }] }],
  ['poverty merged, weighted by communes', { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate', weight: { indicator: 'admin_units', series: 'communes' } }] }],
  ['gap to a 5% poverty target', { select: { indicators: ['poverty_rate', 'income_per_capita'], periods: ['2016'] }, derive: [{ op: 'gapToTarget', target: { poverty_rate: 5, income_per_capita: 4000 } }] }],
  ['mean poverty per region level', { select: { indicators: ['poverty_rate'], regions: { level: 'region' } }, derive: [{ op: 'summarize', by: ['period'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' }, lo: { fn: 'min' }, hi: { fn: 'max' } }, unweighted: true }], orderby: ['period'] }],
  ['parent2025 Kiên Giang', { select: { regions: { parent2025: '34:91' } } }],
  ['seeds, rank with direction', { select: { indicators: ['study_participation', 'commendations'] }, derive: [{ op: 'rank', direction: 'desc' }] }],
  ['everything per indicator', { derive: [{ op: 'summarize', by: ['indicator', 'unit', 'status'], measures: { n: { fn: 'count' }, k: { fn: 'valid' }, s: { fn: 'sum' }, first: { fn: 'min', column: 'period' }, last: { fn: 'max', column: 'period' } } }] }],
  ['top incomes with columns', { select: { indicators: ['income_per_capita'], series: ['total'] }, orderby: [{ column: 'value', order: 'desc' }], limit: 12, columns: ['region', 'period', 'value', 'source'] }],
];

export interface Outcome {
  rows?: Record<string, unknown>[];
  code?: string;
  diagnostics: string[];
}

export async function outcome(f: (onDiagnostic: (d: { code: string; en: string }) => void) => Promise<Record<string, unknown>[]> | Record<string, unknown>[]): Promise<Outcome> {
  const diagnostics: string[] = [];
  try {
    const rows = await f((d) => diagnostics.push(`${d.code} ${d.en}`));
    return { rows, diagnostics };
  } catch (e) {
    return { code: (e as { code?: string }).code ?? String(e), diagnostics: [] };
  }
}

const clean = (rows: Record<string, unknown>[]) => rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === undefined ? null : v])));
const keyOf = (r: Record<string, unknown>) =>
  JSON.stringify(Object.keys(r).sort().map((k) => [k, typeof r[k] === 'number' ? Number((r[k] as number).toPrecision(9)) : r[k]]));

/** Rows in an order that does not depend on the engine (numbers rounded for the sort only). */
export function stableRows(rows: Record<string, unknown>[]): Record<string, unknown>[] {
  return clean(rows)
    .map((r) => [keyOf(r), r] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .map((x) => x[1]);
}

const close = (x: unknown, y: unknown) =>
  typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y)) : x === y;

/** Same rows, numbers within 1e-9 (relative to their size, at least 1). */
export function expectSameRows(actual: Record<string, unknown>[], expected: Record<string, unknown>[], ordered: boolean, label: string): void {
  const a = ordered ? clean(actual) : stableRows(actual);
  const e = ordered ? clean(expected) : stableRows(expected);
  expect(a.length, `${label}: row count`).toBe(e.length);
  for (let i = 0; i < e.length; i++) {
    const ka = Object.keys(a[i]).sort();
    const ke = Object.keys(e[i]).sort();
    if (ka.join() !== ke.join()) expect(ka, `${label}: columns of row ${i}`).toEqual(ke);
    for (const k of ke) {
      if (!close(a[i][k], e[i][k])) expect(a[i][k], `${label}: row ${i} column ${k} (${JSON.stringify(e[i])})`).toBe(e[i][k]);
    }
  }
}
