/** The observation table's definition in each dialect, for loading data into an engine. */
import { dialects, type SqlDialect } from '../sql/dialect.js';
import { periodStartColumn, sqlTable, type SqlTableOptions } from '../sql/table.js';

/**
 * `CREATE TABLE` for the observation table (names validated and quoted; no value from data). After
 * the declared columns comes the start-year column (`period_start`, or the one `periodStart` names),
 * which the loaders fill once; ClickHouse computes it itself (`MATERIALIZED`).
 */
export function createTableSql(dialect: SqlDialect, table: SqlTableOptions = {}): string {
  const d = dialects[dialect];
  const t = sqlTable(table);
  const parts = t.columns.map((c) => `${d.quote(c.name)} ${d.type(c.type)}`);
  const ps = periodStartColumn(t);
  if (ps) parts.push(`${d.quote(ps)} ${d.type('bigint')}${dialect === 'clickhouse' ? ` MATERIALIZED ${d.yearOf(d.quote('period'))}` : ''}`);
  const cols = parts.join(', ');
  const name = t.name.map((p) => d.quote(p)).join('.');
  return dialect === 'clickhouse' ? `CREATE TABLE ${name} (${cols}) ENGINE = MergeTree ORDER BY tuple()` : `CREATE TABLE ${name} (${cols})`;
}

/** The engine's reading of a period's start year, for `CREATE TABLE ... AS SELECT ..., <this> AS period_start`. */
export function periodStartSql(dialect: SqlDialect, column = 'period'): string {
  const d = dialects[dialect];
  return d.yearOf(d.quote(column));
}

/**
 * The statement that fills the start-year column of rows loaded without it (DuckDB-Wasm loads
 * rows, then runs this once), or `null` when the table has no period. The engine reads the
 * year as range filters otherwise would, so both ways select the same rows.
 */
export function fillPeriodStartSql(dialect: SqlDialect, table: SqlTableOptions = {}): string | null {
  const d = dialects[dialect];
  const t = sqlTable(table);
  const ps = periodStartColumn(t);
  if (!ps || dialect === 'clickhouse') return null;
  const name = t.name.map((p) => d.quote(p)).join('.');
  return `UPDATE ${name} SET ${d.quote(ps)} = ${d.yearOf(d.quote('period'))} WHERE ${d.quote(ps)} IS NULL AND ${d.quote('period')} IS NOT NULL`;
}

/**
 * The in-memory database DuckDB connectors attach and use: with COMPRESS, a table is stored as in a
 * database file once checkpointed, so it scans about twice as fast (a string filter reads a
 * dictionary, not every string) and takes less memory. Statements to run once, in order, on a new
 * connection; then `CHECKPOINT chiso_memory` after loading.
 */
export const COMPRESSED_MEMORY = 'chiso_memory';
export const attachCompressedMemorySql = [`ATTACH ':memory:' AS ${COMPRESSED_MEMORY} (COMPRESS)`, `USE ${COMPRESSED_MEMORY}`] as const;
