/**
 * `runSqlQuery`: a query spec on a SQL engine through a driver function. It compiles the spec, runs
 * the checks, then the query, and gives rows shaped as the other executors give them.
 */
import type { Diagnostic } from '../errors.js';
import { warn } from '../query/execute.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { Row } from '../query/spec.js';
import { validateQuery } from '../query/validate.js';
import type { SqlDialect, SqlParam } from './dialect.js';
import { compileIndicatorProbe, compileQuery, needsIndicatorFacts } from './compile.js';
import type { SqlTableOptions } from './table.js';

/**
 * Runs one SQL statement with its bound parameters and gives its rows as objects keyed by column
 * name. For DuckDB and PostgreSQL the placeholders are `$1, $2, ...` and `params[0]` binds `$1`;
 * for ClickHouse they are `{p1:Type}, {p2:Type}, ...` and `params[0]` binds `p1`.
 */
export type SqlDriver = (sql: string, params: readonly SqlParam[], options?: SqlStatementOptions) => Promise<readonly Record<string, unknown>[]>;

export interface SqlStatementOptions {
  /** Aborted when the answer is no longer wanted (the client went, the request timed out): a driver that can stops the statement in the engine. */
  signal?: AbortSignal;
}

export interface SqlRunOptions {
  dialect: SqlDialect;
  /** The table read. Default: `observations` with the eleven observation columns. */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /** Receives warnings (e.g. a 34-unit left without a value by `reaggregate`). Default: `console.warn`, as the executors do. */
  onDiagnostic?: (d: Diagnostic) => void;
  /** Passed to the driver with every statement; no statement starts once it is aborted. */
  signal?: AbortSignal;
}

/** A value from a driver as the query layer gives it: numbers, not 64-bit integers; `null`, not `undefined`. */
export function normalizeValue(v: unknown): string | number | boolean | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

export function normalizeRow(r: Record<string, unknown>, columns?: readonly string[]): Row {
  const o: Row = {};
  for (const c of columns ?? Object.keys(r)) o[c] = normalizeValue(r[c]);
  return o;
}

/** Runs a query spec through a SQL driver: indicator probe if needed, checks, then the query. */
export async function runSqlQuery(sqlDriver: SqlDriver, spec: unknown, options: SqlRunOptions): Promise<Row[]> {
  const { signal } = options;
  const driver = (sql: string, params: readonly SqlParam[]) => {
    signal?.throwIfAborted();
    return sqlDriver(sql, params, { signal });
  };
  const q = validateQuery(spec);
  const compileOptions = { dialect: options.dialect, table: options.table, registry: options.registry };
  let indicators = q.select.indicators;
  if (!indicators && needsIndicatorFacts(q)) {
    const probe = compileIndicatorProbe(q, compileOptions);
    const rows = await driver(probe.sql, probe.params);
    indicators = rows.map((r) => r.indicator).filter((x): x is string => typeof x === 'string');
  }
  const compiled = compileQuery(q, { ...compileOptions, indicators });
  const diagnostics: Diagnostic[] = [];
  for (const check of compiled.checks) check.verify(await driver(check.sql, check.params), diagnostics);
  const rows = await driver(compiled.sql, compiled.params);
  const out = rows.map((r) => normalizeRow(r, compiled.columns));
  for (const d of diagnostics) (options.onDiagnostic ?? warn)(d);
  return out;
}
