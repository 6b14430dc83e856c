// The bundled weight (data/weights/population.csv) merges the real poverty rates and incomes of the 63
// provinces into the 34 units: the page's executor, Arquero, DuckDB and PostgreSQL (skipped only when
// CHISO_SKIP_POSTGRES=1) give the same rows and warnings, and one merged unit is checked by hand against
// the figures of the two files.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDBConnector, type DuckDBNodeConnector } from '../../src/connectors/duckdb-node.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import type { Connector } from '../../src/connectors/connector.js';
import { runQuery } from '../../src/arquero.js';
import { loadObservations } from '../../src/data/index.js';
import { executeQuery } from '../../src/query/index.js';
import type { Observation } from '../../src/types.js';
import { expectSameRows, outcome } from './fixtures.js';
import { loadIntoPostgres } from './load.js';
import { skipPostgres, startPostgres, type TestPostgres } from './postgres-server.js';

const root = new URL('../../', import.meta.url);
const load = (file: string): Observation[] => loadObservations(new Uint8Array(readFileSync(new URL(file, root))), { file }).observations;
const rows = [
  ...load('data/observations/poverty_rate.csv'),
  ...load('data/observations/income_per_capita.csv'),
  ...load('data/weights/population.csv'),
] as unknown as Record<string, unknown>[];

const WEIGHT = { indicator: 'population', series: 'total' };
const specs: [string, unknown][] = [
  ['poverty 2016, 34 units', { select: { indicators: ['poverty_rate', 'population'], periods: ['2016'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate', weight: WEIGHT }] }],
  ['poverty every year, 34 units', { select: { indicators: ['poverty_rate'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate', weight: WEIGHT }] }],
  ['income per capita, total, 34 units', { select: { indicators: ['income_per_capita'], series: ['total'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate', weight: WEIGHT }] }],
];

let duck: DuckDBNodeConnector;
let pgServer: TestPostgres | undefined;
const sqlEngines = new Map<string, Connector>();
beforeAll(async () => {
  duck = await createDuckDBConnector({ table: { name: 'obs_weights' } });
  await duck.load(rows);
  sqlEngines.set('duckdb', duck);
  if (!skipPostgres) {
    pgServer = await startPostgres();
    await loadIntoPostgres(pgServer.client, rows, { name: 'obs_weights' });
    sqlEngines.set('postgres', postgresConnector({ client: pgServer.client, table: { name: 'obs_weights', periodStart: 'period_start' } }));
  }
}, 120_000);
afterAll(async () => {
  await duck?.close();
  await pgServer?.stop();
}, 60_000);

describe.each(specs)('%s', (label, spec) => {
  it('the page executor, Arquero, DuckDB and PostgreSQL agree, warnings included', async () => {
    const page = await outcome((onDiagnostic) => executeQuery(rows, spec, { onDiagnostic }) as Record<string, unknown>[]);
    const others: [string, Awaited<ReturnType<typeof outcome>>][] = [['arquero', await outcome((onDiagnostic) => runQuery(rows as never, spec, { onDiagnostic }).objects() as Record<string, unknown>[])]];
    for (const [name, c] of sqlEngines) others.push([name, await outcome((onDiagnostic) => c.query(spec as never, { onDiagnostic }))]);
    expect(others.map(([name]) => name)).toEqual(skipPostgres ? ['arquero', 'duckdb'] : ['arquero', 'duckdb', 'postgres']);
    expect(page.code, 'page: no error').toBeUndefined();
    for (const [name, got] of others) {
      expect(got.code, `${name}: error code`).toBe(page.code);
      expectSameRows(got.rows ?? [], page.rows ?? [], false, `${name} ${label}`);
      expect(got.diagnostics, `${name}: warnings`).toEqual(page.diagnostics);
    }
    // Merged units got a value: the weight was found, not skipped.
    const merged = (page.rows ?? []).filter((r) => String(r.region).startsWith('34:') && typeof r.value === 'number');
    expect(merged.length).toBeGreaterThan(20);
  });
});

describe('one merged unit, by hand', () => {
  const spec = specs[0][1];
  // The 34:79 warning is checked below.
  const quiet = () => {};

  it('34:08 (Tuyên Quang with Hà Giang), 2016: the population-weighted mean of the two rates', async () => {
    // data/observations/poverty_rate.csv, Pre. 2016: Hà Giang (02) 20.8 %, Tuyên Quang (08) 12 %.
    // data/weights/population.csv, Prel. 2016: Hà Giang 816.1, Tuyên Quang 766.9 thousand people.
    const expected = (20.8 * 816.1 + 12 * 766.9) / (816.1 + 766.9); // 16.5368 %
    expect(expected).toBeCloseTo(16.5368, 4);
    const engines: [string, Promise<Record<string, unknown>[]>][] = [
      ['page', Promise.resolve(executeQuery(rows, spec, { onDiagnostic: quiet }) as Record<string, unknown>[])],
      ['arquero', Promise.resolve(runQuery(rows as never, spec, { onDiagnostic: quiet }).objects() as Record<string, unknown>[])],
      ...[...sqlEngines].map(([name, c]): [string, Promise<Record<string, unknown>[]>] => [name, c.query(spec as never, { onDiagnostic: quiet })]),
    ];
    for (const [name, result] of engines) {
      const out = await result;
      const rate = out.find((r) => r.region === '34:08' && r.indicator === 'poverty_rate');
      expect(rate?.value, name).toBeCloseTo(expected, 9);
      expect(rate?.status, name).toBe('preliminary');
      // The population itself is a count: summed.
      const people = out.find((r) => r.region === '34:08' && r.indicator === 'population');
      expect(people?.value, name).toBeCloseTo(816.1 + 766.9, 9);
      // Neither the plain mean (16.4) nor either province's rate.
      expect(Math.abs((rate?.value as number) - 16.4), name).toBeGreaterThan(0.1);
    }
  });

  it('a rate of a merged unit whose province has no figure is null with a warning, never a guess', () => {
    const warnings: string[] = [];
    const out = executeQuery(rows, spec, { onDiagnostic: (d) => warnings.push(`${d.code} ${d.en}`) });
    // TP Hồ Chí Minh has no 2016 poverty figure in GSO's export.
    expect(out.find((r) => r.region === '34:79' && r.indicator === 'poverty_rate')?.value).toBeNull();
    expect(warnings.some((w) => w.startsWith('QUERY_REAGGREGATE_INCOMPLETE') && w.includes('34:79'))).toBe(true);
  });

  it('without the weight the merge of rates is refused', () => {
    expect(() => executeQuery(rows, { select: { indicators: ['poverty_rate'], periods: ['2016'] }, derive: [{ op: 'reaggregate' }] })).toThrow(/QUERY_REAGGREGATE_NEEDS_WEIGHT|weight/);
  });
});
