/**
 * A PostgreSQL driver over a `pg` client or pool the host creates (chiso does not depend on `pg`).
 * Compiled queries return only text, double precision, integer and boolean columns, which `pg` reads
 * as JavaScript strings, numbers and booleans without type parsers.
 */
import { dialects, type SqlParam } from '../sql/dialect.js';
import type { SqlDriver } from '../sql/run.js';
import { periodStartColumn, sqlTable, type SqlTableOptions } from '../sql/table.js';
import { createTableSql } from './observations-table.js';
import type { QueryRegistry } from '../query/registry-view.js';
import { SqlConnector } from './sql.js';

/** The part of a `pg` `Client` or `Pool` used. */
export interface PgQueryable {
  query(text: string, values: SqlParam[]): Promise<{ rows: Record<string, unknown>[] }>;
}

export function postgresDriver(client: PgQueryable): SqlDriver {
  return async (sql, params) => (await client.query(sql, [...params])).rows;
}

export interface PostgresConnectorOptions {
  client: PgQueryable;
  table?: SqlTableOptions;
  registry?: QueryRegistry;
  /** Called by `close()` (e.g. `() => pool.end()`). Default: nothing. */
  onClose?: () => Promise<void> | void;
}

/** A `SqlConnector` for PostgreSQL through a `pg` client or pool. */
export function postgresConnector(options: PostgresConnectorOptions): SqlConnector {
  return new SqlConnector({ dialect: 'postgres', driver: postgresDriver(options.client), table: options.table, registry: options.registry, onClose: options.onClose, name: 'postgres' });
}

/**
 * Creates the observation table and inserts rows in one statement: each column travels as one bound
 * array (`unnest`), so no value is ever part of SQL text. The start-year column (`period_start`) is
 * computed by the same statement, once per row; declare it (`periodStart: 'period_start'`) in the
 * connector's table so period ranges read it. For large loads, call it per batch.
 */
export async function loadIntoPostgres(client: PgQueryable, rows: readonly Record<string, unknown>[], table: SqlTableOptions = {}, options: { create?: boolean } = {}): Promise<void> {
  const t = sqlTable(table);
  const d = dialects.postgres;
  if (options.create !== false) await client.query(createTableSql('postgres', table), []);
  const name = t.name.map((p) => d.quote(p)).join('.');
  const arrays = t.columns.map((c) => rows.map((r) => (r[c.name] === undefined ? null : r[c.name]))) as unknown as SqlParam[];
  const casts = t.columns.map((c, i) => `CAST($${i + 1} AS ${d.type(c.type)}[])`).join(', ');
  const ps = periodStartColumn(t);
  const into = [...t.columns.map((c) => d.quote(c.name)), ...(ps ? [d.quote(ps)] : [])].join(', ');
  const alias = t.columns.map((c) => d.quote(c.name)).join(', ');
  const start = ps ? `, ${d.yearOf(`u.${d.quote('period')}`)}` : '';
  await client.query(`INSERT INTO ${name} (${into}) SELECT u.*${start} FROM unnest(${casts}) AS u(${alias})`, arrays);
}
