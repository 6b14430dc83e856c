/**
 * A PostgreSQL driver over a `pg` client or pool the host creates (chiso does not depend on `pg`).
 * Compiled queries return only text, double precision, integer and boolean columns, which `pg` reads
 * as JavaScript strings, numbers and booleans without type parsers.
 */
import type { SqlParam } from '../sql/dialect.js';
import type { SqlDriver } from '../sql/run.js';
import type { SqlTableOptions } from '../sql/table.js';
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
