// Engines agree on specs nobody wrote by hand: random specs within QUERY_LIMITS (seeded, see
// test/query/random-specs.ts) run on the page's executor, Arquero, DuckDB and PostgreSQL over a
// synthetic table give the same rows, warnings and error codes. A failure names the seed and the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDuckDBConnector, type DuckDBNodeConnector } from '../../src/connectors/duckdb-node.js';
import { postgresConnector } from '../../src/connectors/postgres.js';
import type { Connector } from '../../src/connectors/connector.js';
import { executeQuery } from '../../src/query/execute.js';
import { runQuery } from '../../src/query/arquero.js';
import { expectSameRows, outcome, synthetic } from './fixtures.js';
import { loadIntoPostgres } from './load.js';
import { skipPostgres, startPostgres, type TestPostgres } from './postgres-server.js';
import { randomSpecs } from '../query/random-specs.js';

// Another seed: CHISO_RANDOM_SEED=n npx vitest run test/sql/random-differential.test.ts
const SEED = Number(process.env.CHISO_RANDOM_SEED ?? 20261207);
const table = { name: 'obs_random', extraColumns: [{ name: 'population', type: 'double' as const }] };
const rows = synthetic(11) as unknown as Record<string, unknown>[];
// The longest chains the budgets allow, of the steps whose SQL engines plan slowest when nested.
const chains: Record<string, unknown>[] = [
  { derive: Array.from({ length: 16 }, () => ({ op: 'latest' })) },
  { select: { indicators: ['new_rural_communes'] }, derive: Array.from({ length: 16 }, (_, i) => (i % 2 ? { op: 'reaggregate' } : { op: 'latest' })) },
  { select: { indicators: ['poverty_rate'] }, derive: Array.from({ length: 16 }, (_, i) => ({ op: i % 2 ? 'rank' : 'change', as: `c${i}`, ...(i % 2 ? { direction: 'asc' } : {}) })) },
];
const specs = [...randomSpecs(SEED, 60), ...chains];
// Which of several refusals comes first can follow row order, which SQL does not have (a rank or a
// merge meeting two indicators it cannot handle: the executors report the one met first).
const ORDER_DEPENDENT = [['QUERY_RANK_NEEDS_DIRECTION', 'QUERY_UNKNOWN_INDICATOR'], ['QUERY_REAGGREGATE_NEEDS_WEIGHT', 'QUERY_REAGGREGATE_UNITS_DIFFER', 'QUERY_UNKNOWN_INDICATOR']];

let duck: DuckDBNodeConnector;
let pgServer: TestPostgres | undefined;
const engines: Connector[] = [];

beforeAll(async () => {
  duck = await createDuckDBConnector({ table });
  await duck.load(rows);
  engines.push(duck);
  if (!skipPostgres) {
    pgServer = await startPostgres();
    await loadIntoPostgres(pgServer.client, rows, table);
    engines.push(postgresConnector({ client: pgServer.client, table: { ...table, periodStart: 'period_start' } }));
  }
}, 120_000);

afterAll(async () => {
  await duck?.close();
  if (pgServer) {
    await pgServer.client.query(`DROP TABLE IF EXISTS "${table.name}"`);
    await pgServer.stop();
  }
}, 60_000);

describe(`random specs (seed ${SEED})`, () => {
  it('are varied: most run, some steps of every kind, some refusals', async () => {
    const ops = new Set(specs.flatMap((s) => (s.derive as { op: string }[]).map((d) => d.op)));
    expect([...ops].sort()).toEqual(['change', 'gapToTarget', 'latest', 'percentChange', 'rank', 'reaggregate', 'share', 'summarize']);
    const results = await Promise.all(specs.map((s) => outcome(() => executeQuery(rows, s, { onDiagnostic: () => {} }))));
    expect(results.filter((r) => r.rows).length).toBeGreaterThan(specs.length / 2);
    expect(results.filter((r) => r.rows && r.rows.length > 0).length).toBeGreaterThan(specs.length / 3);
  });

  it.each(specs.map((s, i) => [i, s] as const))('spec %i: executor, Arquero, DuckDB and PostgreSQL agree', async (i, spec) => {
    const label = `seed ${SEED} spec ${i} ${JSON.stringify(spec)}`;
    const ordered = spec.orderby !== undefined;
    const reference = await outcome((onDiagnostic) => executeQuery(rows, spec, { onDiagnostic }));
    const others: [string, Promise<Awaited<ReturnType<typeof outcome>>>][] = [
      ['arquero', outcome((onDiagnostic) => runQuery(rows as never, spec, { onDiagnostic }).objects() as Record<string, unknown>[])],
      ...engines.map((c): [string, ReturnType<typeof outcome>] => [c.name, outcome((onDiagnostic) => c.query(spec as never, { onDiagnostic }))]),
    ];
    for (const [name, pending] of others) {
      const got = await pending;
      const group = ORDER_DEPENDENT.find((g) => g.includes(reference.code ?? ''));
      if (group && reference.code !== got.code) {
        expect(group, `${name}: error code, ${label}`).toContain(got.code);
        continue;
      }
      expect(got.code, `${name}: error code, ${label}`).toBe(reference.code);
      if (reference.rows && got.rows) expectSameRows(got.rows, reference.rows, ordered, `${name} ${label}`);
      expect(got.diagnostics, `${name}: warnings, ${label}`).toEqual(reference.diagnostics);
    }
  });
});
