// The spec's budgets (QUERY_LIMITS) hold on every executor: the page's, Arquero, and the SQL
// compiler behind DuckDB, PostgreSQL and every query endpoint. Each refusal is a diagnostic with its
// code in both languages, never a RangeError or an engine's error.
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import { executeQuery, querySchema, validateQuery } from '../../src/query/index.js';
import { QUERY_LIMITS } from '../../src/query/limits.js';
import { runQuery } from '../../src/query/arquero.js';
import { compileQuery } from '../../src/sql/compile.js';
import { overBudgetSpecs } from './specs.js';

const executors: [string, (spec: unknown) => unknown][] = [
  ['validateQuery', (s) => validateQuery(s)],
  ['executeQuery', (s) => executeQuery([], s)],
  ['runQuery (Arquero)', (s) => runQuery([], s)],
  ['compileQuery duckdb', (s) => compileQuery(s, { dialect: 'duckdb', indicators: [] })],
  ['compileQuery postgres', (s) => compileQuery(s, { dialect: 'postgres', indicators: [] })],
];

function refusal(f: () => unknown): ChisoError {
  try {
    f();
  } catch (e) {
    if (e instanceof ChisoError) return e;
    throw e;
  }
  throw new Error('expected a ChisoError');
}

describe('QUERY_LIMITS', () => {
  it('names every budget with a positive number', () => {
    for (const v of Object.values(QUERY_LIMITS)) expect(v).toBeGreaterThan(0);
    expect(QUERY_LIMITS.limit).toBeLessThan(2 ** 31);
  });

  describe.each(overBudgetSpecs)('$name', ({ spec, code, text }) => {
    it.each(executors)('%s refuses it with its code in both languages', (_, run) => {
      const e = refusal(() => run(spec));
      expect(e.code).toBe(code);
      expect(e.diagnostics[0].en).toContain(text);
      expect(e.diagnostics[0].vi).toContain(text);
      expect(e.diagnostics[0].vi).not.toBe(e.diagnostics[0].en);
    });
  });

  const schema = new Ajv({ strict: false }).compile(querySchema);
  it.each(overBudgetSpecs.filter((s) => s.schema))('the JSON Schema refuses $name too', ({ spec }) => {
    expect(schema(spec)).toBe(false);
  });

  it('accepts specs at the budgets', () => {
    expect(validateQuery({ limit: QUERY_LIMITS.limit }).limit).toBe(QUERY_LIMITS.limit);
    expect(validateQuery({ derive: Array.from({ length: QUERY_LIMITS.deriveSteps }, () => ({ op: 'latest' })) }).derive).toHaveLength(16);
    expect(validateQuery({ select: { indicators: ['x'.repeat(QUERY_LIMITS.stringLength)], periods: { from: -9999, to: 9999 } } }).select.periods).toEqual({ from: -9999, to: 9999 });
    // The same name in the same case is one column: a step may replace `value`, or reuse its own output.
    expect(validateQuery({ derive: [{ op: 'change', as: 'value' }, { op: 'rank', as: 'r' }, { op: 'rank', as: 'r' }], columns: ['r'] }).columns).toEqual(['r']);
    expect(validateQuery({ select: { regions: ['Hà Nội 😀'] } }).select.regions).toEqual(['Hà Nội 😀']);
  });

  it('refuses an output named like a column of the table but for case, on every executor', () => {
    const rows = [{ indicator: 'poverty_rate', region: '42', period: '2016', value: 5, denominator: 10, series: null, Population: 7 }];
    const spec = { derive: [{ op: 'share', as: 'population' }] };
    const runs: (() => unknown)[] = [
      () => executeQuery(rows, spec),
      () => runQuery(rows as never, spec),
      () => compileQuery(spec, { dialect: 'duckdb', table: { extraColumns: [{ name: 'Population', type: 'double' }] } }),
      () => compileQuery(spec, { dialect: 'postgres', table: { extraColumns: [{ name: 'Population', type: 'double' }] } }),
    ];
    for (const run of runs) {
      const e = refusal(run);
      expect(e.code).toBe('QUERY_NAME_COLLISION');
      expect(e.diagnostics[0].en).toContain('"Population"');
    }
    expect(executeQuery(rows, { derive: [{ op: 'share', as: 'Population' }] })[0].Population).toBe(50);
  });

  it('reaches a query endpoint as a 400 with its code, from a small body', async () => {
    const { handleQueryRequest } = await import('../../src/connectors/serve.js');
    const { ExecutorConnector } = await import('../../src/connectors/executor.js');
    const connector = new ExecutorConnector({ rows: [] });
    for (const [body, code] of [
      ['{"spec":{"limit":1e20}}', 'QUERY_OUT_OF_RANGE'],
      [JSON.stringify({ spec: { derive: Array.from({ length: 4000 }, () => ({ op: 'change' })) } }), 'QUERY_TOO_MANY'],
      ['{"spec":{"select":{"regions":["\\u0000"]}}}', 'QUERY_BAD_CHARACTER'],
      [`{"spec":{"select":{"regions":${'['.repeat(10_000)}${']'.repeat(10_000)}}}}`, 'QUERY_TOO_DEEP'],
    ] as const) {
      const answer = await handleQueryRequest(connector, body);
      expect(answer.status, code).toBe(400);
      expect((answer.body as { error: { code: string } }).error.code).toBe(code);
    }
  });
});

