/** The observation table's definition in each dialect, for loading data into an engine. */
import { dialects, type SqlDialect } from '../sql/dialect.js';
import { sqlTable, type SqlTableOptions } from '../sql/table.js';

/** `CREATE TABLE` for the observation table (names validated and quoted; no value from data). */
export function createTableSql(dialect: SqlDialect, table: SqlTableOptions = {}): string {
  const d = dialects[dialect];
  const t = sqlTable(table);
  const cols = t.columns.map((c) => `${d.quote(c.name)} ${d.type(c.type)}`).join(', ');
  const name = t.name.map((p) => d.quote(p)).join('.');
  return dialect === 'clickhouse' ? `CREATE TABLE ${name} (${cols}) ENGINE = MergeTree ORDER BY tuple()` : `CREATE TABLE ${name} (${cols})`;
}


