/**
 * SQL dialects the query compiler speaks. Each dialect says how to quote a name, write a bound
 * parameter, name a type and spell the few functions that differ between engines. Nothing here takes
 * a value from a spec or from data: values only ever travel as bound parameters.
 */

/** Engines a query spec compiles for. */
export const SqlDialect = { duckdb: 'duckdb', postgres: 'postgres', clickhouse: 'clickhouse' } as const;
export type SqlDialect = keyof typeof SqlDialect;
export function isSqlDialect(value: unknown): value is SqlDialect {
  return typeof value === 'string' && Object.hasOwn(SqlDialect, value);
}

/** Column types the compiler tracks. */
export const SqlColumnType = { text: 'text', double: 'double', integer: 'integer', boolean: 'boolean' } as const;
export type SqlColumnType = keyof typeof SqlColumnType;
export function isSqlColumnType(value: unknown): value is SqlColumnType {
  return typeof value === 'string' && Object.hasOwn(SqlColumnType, value);
}

/** A value bound to a placeholder. */
export type SqlParam = string | number | boolean;

export interface DialectRules {
  name: SqlDialect;
  /** A validated identifier, quoted. */
  quote(name: string): string;
  /** The placeholder of the `n`-th parameter (1-based) of a given type. */
  placeholder(n: number, type: SqlColumnType): string;
  /** A type name usable in `CAST(x AS ...)`, nullable. */
  type(t: SqlColumnType | 'bigint'): string;
  /** The start year of a period text, as JavaScript's `parseInt` reads it; NULL where it has none. */
  yearOf(e: string): string;
  /** Text comparisons in code-point order, as JavaScript compares strings. */
  binary(e: string): string;
  /** `string_agg(value, sep ORDER BY key)`, skipping NULL values; NULL when none. */
  orderedConcat(value: string, key: string, sep: string): string;
  /** A year as text padded to four digits, as `String(y).padStart(4, '0')`. */
  padYear(y: string): string;
  /** `lag(value)` over a window. */
  lag(value: string, window: string): string;
  /** Text after the statement (ClickHouse settings). */
  suffix: string;
  /**
   * How a common table expression is computed once rather than inlined into the next (`MATERIALIZED`;
   * PostgreSQL 12 or later). Chains of window steps inlined into each other cost the optimizer time
   * that grows exponentially with their number (DuckDB: ten `latest` steps, 10 s on 3,500 rows).
   */
  materialized: string;
}

const PERIOD_YEAR = "'^[[:space:]]*([+-]?[0-9]+)'";

const duckdb: DialectRules = {
  name: 'duckdb',
  quote: (n) => `"${n}"`,
  placeholder: (n) => `$${n}`,
  type: (t) => ({ text: 'VARCHAR', double: 'DOUBLE', integer: 'INTEGER', boolean: 'BOOLEAN', bigint: 'BIGINT' })[t],
  // A period that is exactly an integer's text (`2016`) skips the pattern match: half the time of a
  // range filter. Anything else (`2021-2023`, `+5`, `1e3`) is read by the pattern, as parseInt reads it.
  yearOf: (e) =>
    `CASE WHEN CAST(TRY_CAST(${e} AS BIGINT) AS VARCHAR) = ${e} THEN TRY_CAST(${e} AS BIGINT) ELSE TRY_CAST(NULLIF(regexp_extract(${e}, ${PERIOD_YEAR}, 1), '') AS BIGINT) END`,
  binary: (e) => e,
  orderedConcat: (v, k, sep) => `string_agg(${v}, '${sep}' ORDER BY ${k})`,
  padYear: (y) => `CASE WHEN ${y} >= 1000 THEN CAST(${y} AS VARCHAR) ELSE lpad(CAST(${y} AS VARCHAR), 4, '0') END`,
  lag: (v, w) => `lag(${v}) OVER (${w})`,
  suffix: '',
  materialized: 'MATERIALIZED ',
};

const postgres: DialectRules = {
  name: 'postgres',
  quote: (n) => `"${n}"`,
  placeholder: (n, t) => `CAST($${n} AS ${postgres.type(t)})`,
  type: (t) => ({ text: 'TEXT', double: 'DOUBLE PRECISION', integer: 'INTEGER', boolean: 'BOOLEAN', bigint: 'BIGINT' })[t],
  yearOf: (e) => `CAST(substring(${e} from ${PERIOD_YEAR}) AS BIGINT)`,
  binary: (e) => `${e} COLLATE "C"`,
  orderedConcat: (v, k, sep) => `string_agg(${v}, '${sep}' ORDER BY ${k})`,
  padYear: (y) => `CASE WHEN ${y} >= 1000 THEN CAST(${y} AS TEXT) ELSE lpad(CAST(${y} AS TEXT), 4, '0') END`,
  lag: (v, w) => `lag(${v}) OVER (${w})`,
  suffix: '',
  materialized: 'MATERIALIZED ',
};

const clickhouse: DialectRules = {
  name: 'clickhouse',
  quote: (n) => `\`${n}\``,
  placeholder: (n, t) => `{p${n}:${({ text: 'String', double: 'Float64', integer: 'Int64', boolean: 'Bool' } as const)[t]}}`,
  type: (t) => `Nullable(${({ text: 'String', double: 'Float64', integer: 'Int32', boolean: 'Bool', bigint: 'Int64' } as const)[t]})`,
  yearOf: (e) => `toInt64OrNull(extract(${e}, ${PERIOD_YEAR}))`,
  binary: (e) => e,
  orderedConcat: (v, k, sep) => `nullIf(arrayStringConcat(arrayMap(x -> x.2, arraySort(x -> x.1, groupArrayIf(tuple(${k}, ${v}), ${v} IS NOT NULL))), '${sep}'), '')`,
  padYear: (y) => `CASE WHEN ${y} >= 1000 THEN toString(${y}) ELSE leftPad(toString(${y}), 4, '0') END`,
  lag: (v, w) => `lagInFrame(${v}) OVER (${w} ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)`,
  // LEFT JOINs must give NULL, not a type's default, where nothing matches; and a name means the
  // column, not an alias of the same name (`sum(value) AS value`), as in standard SQL.
  suffix: ' SETTINGS join_use_nulls = 1, prefer_column_name_to_alias = 1',
  // ClickHouse computes each WITH subquery where it is used; it has no such keyword.
  materialized: '',
};

export const dialects: Record<SqlDialect, DialectRules> = { duckdb, postgres, clickhouse };
