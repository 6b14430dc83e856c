/** Public exports of the SQL layer: the query spec compiled for DuckDB, PostgreSQL and ClickHouse. */
export { SqlDialect, isSqlDialect, SqlColumnType, isSqlColumnType } from './dialect.js';
export type { SqlParam } from './dialect.js';
export type { SqlStatement } from './builder.js';
export { sqlTable, observationType, periodStartColumn, PERIOD_START } from './table.js';
export type { SqlTable, SqlTableOptions, SqlColumn, ExtraColumn } from './table.js';
export { compileQuery, compileIndicatorProbe, needsIndicatorFacts } from './compile.js';
export type { CompiledQuery, SqlCheck, SqlCompileOptions } from './compile.js';
export { runSqlQuery, normalizeRow, normalizeValue } from './run.js';
export type { SqlDriver, SqlRunOptions } from './run.js';
