// The same query spec on Arquero, on DuckDB (node-api, in memory) and on a real PostgreSQL server:
// every operation, on the real files and on seeded synthetic tables, gives the same rows (after a
// stable sort, numbers within 1e-9), the same warnings, or the same error code.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDBConnector, duckdbDriver, type DuckDBNodeConnector } from '../../src/connectors/duckdb-node.js';
import { SqlConnector } from '../../src/connectors/sql.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import type { Connector } from '../../src/connectors/connector.js';
import { runQuery } from '../../src/arquero.js';
import type { SqlTableOptions } from '../../src/sql/index.js';
import { expectSameRows, outcome, realObservations, realSpecs, seedObservations, synthetic, syntheticSpecs } from './fixtures.js';
import { loadIntoPostgres } from './load.js';
import { skipPostgres, startPostgres, type TestPostgres } from './postgres-server.js';
import { hostileRegistry, hostileRows, hostileSpecs } from './hostile.js';
import { obs } from '../query/fixtures.js';
import type { QueryRegistry } from '../../src/query/index.js';

interface Dataset {
  name: string;
  rows: Record<string, unknown>[];
  specs: [string, unknown][];
  table: SqlTableOptions;
  registry?: QueryRegistry;
}

const seedSpecs: [string, unknown][] = [
  ['everything', {}],
  ['latest', { select: { periods: 'latest' } }],
  ['rank desc', { derive: [{ op: 'rank', direction: 'desc' }] }],
  ['rank needs direction', { derive: [{ op: 'rank' }] }],
  ['per indicator', { derive: [{ op: 'summarize', by: ['indicator', 'region'], measures: { n: { fn: 'count' }, s: { fn: 'sum' } } }] }],
  ['gap', { derive: [{ op: 'gapToTarget', target: 90 }] }],
  ['ordered', { orderby: [{ column: 'value', order: 'desc' }], limit: 7 }],
];

const datasets: Dataset[] = [
  { name: 'data/observations', rows: realObservations() as unknown as Record<string, unknown>[], specs: realSpecs, table: { name: 'obs_real' } },
  { name: 'data/seeds', rows: seedObservations() as unknown as Record<string, unknown>[], specs: seedSpecs, table: { name: 'obs_seeds' } },
  ...[1, 2, 3].map((seed) => ({
    name: `synthetic seed ${seed}`,
    rows: synthetic(seed) as unknown as Record<string, unknown>[],
    specs: syntheticSpecs,
    table: { name: `obs_s${seed}`, extraColumns: [{ name: 'population', type: 'double' as const }] },
  })),
  // A table with only five of the eleven observation columns: steps that need the others fail alike.
  {
    name: 'narrow table',
    rows: synthetic(4).map(({ indicator, region, period, value, series }) => ({ indicator, region, period, value, series })),
    specs: syntheticSpecs,
    table: { name: 'obs_narrow', columns: ['indicator', 'region', 'period', 'value', 'series'] },
  },
  // Period texts that are not plain years: each engine must read the start year as parseInt does
  // (except hexadecimal text such as `0x1A`, which parseInt reads as 26 and the engines as 0; the
  // loader never produces it).
  {
    name: 'odd periods',
    rows: ['2016', '0042', '+5', ' 12', '1e3', '20.1', '-7', '2021-2023', 'abc', '2024-05-07', '12 ', '-0', '٢٠٢١'].map((period, i) =>
      obs({ indicator: 'poverty_rate', region: i % 2 ? '42' : '91', period, value: i * 1.5, series: i % 3 ? null : 'rural' }),
    ) as unknown as Record<string, unknown>[],
    specs: [
      ['range', { select: { periods: { from: -10, to: 2020 } } }],
      ['from only', { select: { periods: { from: 13 } } }],
      ['to only', { select: { periods: { to: 12 } } }],
      ['previous period', { derive: [{ op: 'change' }] }],
      ['latest', { select: { periods: 'latest' } }],
      ['latest step after rank', { derive: [{ op: 'rank', direction: 'asc' }, { op: 'latest' }] }],
      ['ordered by period', { orderby: ['period'] }],
    ],
    table: { name: 'obs_odd' },
  },
  // Ids and texts that look like SQL: bound as data, they select their own rows and nothing else happens.
  { name: 'hostile ids', rows: hostileRows() as unknown as Record<string, unknown>[], specs: hostileSpecs, table: { name: 'obs_hostile' }, registry: hostileRegistry },
];

const RANK_ERRORS = ['QUERY_RANK_NEEDS_DIRECTION', 'QUERY_UNKNOWN_INDICATOR'];

let duck: DuckDBNodeConnector;
let pgServer: TestPostgres | undefined;
const engines = new Map<string, Map<string, Connector>>();

beforeAll(async () => {
  duck = await createDuckDBConnector();
  if (!skipPostgres) pgServer = await startPostgres();
  for (const d of datasets) {
    const m = new Map<string, Connector>();
    const duckForTable = await createDuckDBConnector({ table: d.table, registry: d.registry });
    // One database per table keeps loading simple; the shared instance serves the probes below.
    // The loaders write the start-year column once; the connectors read it for period ranges (the
    // loading connector by itself, PostgreSQL when declared). The same DuckDB table read without the
    // column (the start year parsed from the text) must select the same rows.
    await duckForTable.load(d.rows);
    m.set('duckdb', duckForTable);
    m.set('duckdb-text', new SqlConnector({ dialect: 'duckdb', driver: duckdbDriver(duckForTable.connection), table: d.table, registry: d.registry, name: 'duckdb-text' }));
    if (pgServer) {
      await loadIntoPostgres(pgServer.client, d.rows, d.table);
      m.set('postgres', postgresConnector({ client: pgServer.client, table: { ...d.table, periodStart: 'period_start' }, registry: d.registry }));
    }
    engines.set(d.name, m);
  }
}, 120_000);

afterAll(async () => {
  for (const m of engines.values()) for (const c of m.values()) if (c.name === 'duckdb') await c.close?.();
  await duck?.close();
  if (pgServer) {
    for (const d of datasets) await pgServer.client.query(`DROP TABLE IF EXISTS "${d.table.name}"`);
    await pgServer.stop();
  }
}, 60_000);

it('runs on both engines (PostgreSQL skipped only when CHISO_SKIP_POSTGRES=1)', () => {
  expect([...engines.get('data/observations')!.keys()]).toEqual(skipPostgres ? ['duckdb', 'duckdb-text'] : ['duckdb', 'duckdb-text', 'postgres']);
});

describe.each(datasets)('$name', (d) => {
  it('loaded every row into each engine', async () => {
    for (const [name, c] of engines.get(d.name)!) {
      const rows = await c.query({ derive: [{ op: 'summarize', measures: { n: { fn: 'count' } } }] });
      expect(rows, name).toEqual([{ n: d.rows.length }]);
    }
  });

  it.each(d.specs)('%s: Arquero, DuckDB and PostgreSQL agree', async (label, spec) => {
    const ordered = (spec as { orderby?: unknown }).orderby !== undefined;
    const reference = await outcome((onDiagnostic) => runQuery(d.rows as never, spec, { onDiagnostic, registry: d.registry }).objects() as Record<string, unknown>[]);
    for (const [name, c] of engines.get(d.name)!) {
      const got = await outcome((onDiagnostic) => c.query(spec as never, { onDiagnostic }));
      if (RANK_ERRORS.includes(reference.code ?? '')) {
        // Which indicator without direction is reported first follows row order, which SQL does not have.
        expect(RANK_ERRORS, `${name}: error code`).toContain(got.code);
        continue;
      }
      expect(got.code, `${name}: error code`).toBe(reference.code);
      if (reference.rows && got.rows) expectSameRows(got.rows, reference.rows, ordered, `${name} ${label}`);
      expect(got.diagnostics, `${name}: warnings`).toEqual(reference.diagnostics);
    }
  });
});

it('hostile ids select exactly their rows, and the table is still whole afterwards', async () => {
  for (const [name, c] of engines.get('hostile ids')!) {
    const one = await c.query({ select: { regions: [hostileRows()[0].region] } });
    expect(one.map((r) => r.value), name).toEqual([1]);
    const evil = await c.query({ select: { indicators: [hostileRows()[2].indicator] } });
    expect(evil.map((r) => r.quote), name).toEqual(["Robert'); DROP TABLE students;--"]);
    expect(await c.query({ derive: [{ op: 'summarize', measures: { n: { fn: 'count' } } }] }), name).toEqual([{ n: 4 }]);
  }
});

it('the comparisons have something to compare: merged units, warnings, ranks', async () => {
  const pgOrDuck = [...engines.get('synthetic seed 1')!.values()];
  for (const c of pgOrDuck) {
    const warnings: string[] = [];
    const merged = await c.query({ select: { indicators: ['poverty_rate'], series: null }, derive: [{ op: 'reaggregate', weight: { indicator: 'households' } }] }, { onDiagnostic: (d) => warnings.push(d.code) });
    expect(merged.filter((r) => String(r.region).startsWith('34:') && typeof r.value === 'number').length, c.name).toBeGreaterThan(10);
    expect(warnings.length, c.name).toBeGreaterThan(0);
    const ranked = await c.query({ derive: [{ op: 'rank', direction: 'asc' }] });
    expect(ranked.some((r) => r.rank === 2), c.name).toBe(true);
  }
  const real = [...engines.get('data/observations')!.values()];
  for (const c of real) {
    const communes = await c.query({ select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'reaggregate' }, { op: 'summarize', measures: { total: { fn: 'sum' } } }] });
    const before = await c.query({ select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'summarize', measures: { total: { fn: 'sum' } } }] });
    expect(communes[0].total, c.name).toBeGreaterThan(8000);
    expect(communes[0].total, c.name).toBe(before[0].total);
  }
});
