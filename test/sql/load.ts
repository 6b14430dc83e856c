/** Loading observations into the test engines: PostgreSQL by arrays bound to one INSERT, DuckDB by its appender. */
import type pg from 'pg';
import { createTableSql } from '../../src/connectors/observations-table.js';
import { dialects } from '../../src/sql/dialect.js';
import { sqlTable, type SqlTableOptions } from '../../src/sql/table.js';

export async function loadIntoPostgres(client: pg.Client, rows: readonly Record<string, unknown>[], table: SqlTableOptions): Promise<void> {
  const t = sqlTable(table);
  const d = dialects.postgres;
  await client.query(createTableSql('postgres', table));
  const name = t.name.map((p) => d.quote(p)).join('.');
  const arrays = t.columns.map((c) => rows.map((r) => (r[c.name] === undefined ? null : r[c.name])));
  const casts = t.columns.map((c, i) => `CAST($${i + 1} AS ${d.type(c.type)}[])`).join(', ');
  await client.query(`INSERT INTO ${name} (${t.columns.map((c) => d.quote(c.name)).join(', ')}) SELECT * FROM unnest(${casts})`, arrays);
}
