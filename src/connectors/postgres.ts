/**
 * A PostgreSQL driver over a `pg` client or pool the host creates (chiso does not depend on `pg`).
 * Compiled queries return only text, double precision, integer and boolean columns, which `pg` reads
 * as JavaScript strings, numbers and booleans without type parsers.
 */
import '../messages/sql.js';
import { fail } from '../errors.js';
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

/** The part of a `pg` `Pool` used to stop a statement: a client of its own, whose backend can be cancelled from another. */
export interface PgPoolLike extends PgQueryable {
  connect(): Promise<PgQueryable & { processID?: number | null; release(err?: Error | boolean): void }>;
  /** A pool's count of clients; a single `pg.Client` has `connect()` too, but not this. */
  totalCount: number;
}

function isPool(client: PgQueryable): client is PgPoolLike {
  const p = client as Partial<PgPoolLike>;
  return typeof p.connect === 'function' && typeof p.totalCount === 'number';
}

export interface PostgresDriverOptions {
  /**
   * Milliseconds a statement may run before PostgreSQL stops it (`statement_timeout`, set on the
   * pool's client before each statement). Default: none, the server's own setting. Needs a pool.
   */
  statementTimeout?: number;
}

/**
 * Runs each statement on the client or pool. With a pool (`pg.Pool`), each statement takes a client
 * of its own, so a statement timeout applies to it alone and an aborted signal stops it in the server
 * (`pg_cancel_backend` sent through another client of the pool); a single client can only be waited for.
 */
export function postgresDriver(client: PgQueryable, options: PostgresDriverOptions = {}): SqlDriver {
  const { statementTimeout } = options;
  if (statementTimeout !== undefined && !(Number.isInteger(statementTimeout) && statementTimeout >= 0)) fail('SQL_BAD_TIMEOUT', { value: String(statementTimeout) });
  return async (sql, params, statement = {}) => {
    const { signal } = statement;
    if (!isPool(client) || (statementTimeout === undefined && !signal)) return (await client.query(sql, [...params])).rows;
    signal?.throwIfAborted();
    const own = await client.connect();
    let broken = false;
    const cancel = () => {
      // Through the pool, not `own`: `own` is busy with the statement being cancelled.
      if (typeof own.processID === 'number') client.query('SELECT pg_cancel_backend($1)', [own.processID]).catch(() => undefined);
    };
    try {
      // Session-wide on this client, and reset after: the pool's other users keep their own setting.
      if (statementTimeout !== undefined) await own.query('SELECT set_config($1, $2, false)', ['statement_timeout', String(statementTimeout)]);
      signal?.throwIfAborted();
      signal?.addEventListener('abort', cancel, { once: true });
      const { rows } = await own.query(sql, [...params]);
      if (statementTimeout !== undefined) await own.query('RESET statement_timeout', []);
      return rows;
    } catch (e) {
      // A client whose statement failed may still hold this connector's timeout, or get a cancel late: the pool drops it.
      broken = signal?.aborted === true || statementTimeout !== undefined;
      // 57014: query_canceled, here by statement_timeout (a cancel the caller asked for is told by the connector).
      if (!signal?.aborted && (e as { code?: unknown }).code === '57014') fail('SQL_CANCELLED', { engine: 'postgres', reason: `longer than ${statementTimeout} ms`, reasonVi: `lâu hơn ${statementTimeout} ms` });
      throw e;
    } finally {
      signal?.removeEventListener('abort', cancel);
      own.release(broken);
    }
  };
}

export interface PostgresConnectorOptions {
  client: PgQueryable;
  table?: SqlTableOptions;
  registry?: QueryRegistry;
  /** Milliseconds a statement may run (`statement_timeout`); needs a pool. Default: the server's setting. */
  statementTimeout?: number;
  /** Called by `close()` (e.g. `() => pool.end()`). Default: nothing. */
  onClose?: () => Promise<void> | void;
}

/** A `SqlConnector` for PostgreSQL through a `pg` client or pool. */
export function postgresConnector(options: PostgresConnectorOptions): SqlConnector {
  const driver = postgresDriver(options.client, { statementTimeout: options.statementTimeout });
  return new SqlConnector({ dialect: 'postgres', driver, table: options.table, registry: options.registry, onClose: options.onClose, name: 'postgres' });
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
