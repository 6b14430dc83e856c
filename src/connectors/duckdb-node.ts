/**
 * DuckDB in Node through `@duckdb/node-api` (an in-memory or file database). The package is an
 * optional peer dependency with a native binding: it is loaded when a connector is created, so
 * importing this module costs nothing, and a project that never uses DuckDB need not install it.
 */
import '../messages/sql.js';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import { fail } from '../errors.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { SqlParam } from '../sql/dialect.js';
import type { SqlDriver } from '../sql/run.js';
import { periodStartColumn, periodStartOf, sqlTable, type SqlTableOptions } from '../sql/table.js';
import { attachCompressedMemorySql, COMPRESSED_MEMORY, createTableSql, fillPeriodStartSql } from './observations-table.js';
import { SqlConnector } from './sql.js';

export interface DuckDBConnectorOptions {
  /** Database file, or `':memory:'`. Default `':memory:'`. */
  path?: string;
  /**
   * The table read. Default: `observations` with the eleven observation columns. A table that
   * `load()` fills has its start-year column read by period ranges; for a table loaded before, by
   * `loadIntoDuckDB`, declare it (`periodStart: 'period_start'`).
   */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /** Milliseconds a statement may run before it is interrupted. Default: no limit. */
  statementTimeout?: number;
  /** Loads the DuckDB package. Default: `import('@duckdb/node-api')`. */
  load?: () => Promise<typeof import('@duckdb/node-api')>;
}

export interface DuckDBDriverOptions {
  /** Milliseconds a statement may run before the connection is interrupted. Default: no limit. */
  statementTimeout?: number;
}

/**
 * A driver over one connection; statements run one after another, as a connection requires. An
 * aborted signal, or a statement past `statementTimeout`, interrupts the connection; a statement
 * still waiting its turn when its signal aborts never starts.
 */
export function duckdbDriver(connection: DuckDBConnection, options: DuckDBDriverOptions = {}): SqlDriver {
  const { statementTimeout } = options;
  if (statementTimeout !== undefined && !(Number.isFinite(statementTimeout) && statementTimeout >= 0)) fail('SQL_BAD_TIMEOUT', { value: String(statementTimeout) });
  let queue: Promise<unknown> = Promise.resolve();
  return (sql: string, params: readonly SqlParam[], statement = {}) => {
    const { signal } = statement;
    const run = queue.then(async () => {
      signal?.throwIfAborted();
      const interrupt = () => connection.interrupt();
      let late = false;
      signal?.addEventListener('abort', interrupt, { once: true });
      const timer = statementTimeout ? setTimeout(() => ((late = true), interrupt()), statementTimeout) : undefined;
      try {
        return (await connection.runAndReadAll(sql, [...params])).getRowObjectsJS() as Record<string, unknown>[];
      } catch (e) {
        if (late && !signal?.aborted) fail('SQL_CANCELLED', { engine: 'duckdb', reason: `longer than ${statementTimeout} ms`, reasonVi: `lâu hơn ${statementTimeout} ms` });
        throw e;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener('abort', interrupt);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

/** A `SqlConnector` that owns a DuckDB instance and connection; `close()` frees them. */
export class DuckDBNodeConnector extends SqlConnector {
  readonly connection: DuckDBConnection;
  private tableOptions: SqlTableOptions;
  readonly #checkpointSql: string;

  constructor(instance: DuckDBInstance, connection: DuckDBConnection, options: DuckDBConnectorOptions, database: string | null = null) {
    super({
      dialect: 'duckdb',
      driver: duckdbDriver(connection, { statementTimeout: options.statementTimeout }),
      table: options.table,
      registry: options.registry,
      name: 'duckdb',
      onClose: () => {
        connection.closeSync();
        instance.closeSync();
      },
    });
    this.connection = connection;
    this.tableOptions = options.table ?? {};
    // The name is chiso's own constant, never from a caller.
    this.#checkpointSql = database ? `CHECKPOINT ${database}` : 'CHECKPOINT';
  }

  /**
   * Writes what was added since the last checkpoint in its compressed form. `load()` does it; call it
   * after creating or filling tables through `connection` yourself (`CREATE TABLE ... AS SELECT`).
   */
  async checkpoint(): Promise<void> {
    await this.connection.run(this.#checkpointSql);
  }

  /**
   * Creates the observation table (if needed) and appends rows to it. From then on, period ranges
   * read the start-year column the load wrote.
   */
  async load(rows: Iterable<Record<string, unknown>>): Promise<number> {
    const n = await loadIntoDuckDB(this.connection, rows, this.tableOptions);
    await this.checkpoint();
    const ps = periodStartColumn(sqlTable(this.tableOptions));
    if (ps && this.tableOptions.periodStart === undefined) {
      this.tableOptions = { ...this.tableOptions, periodStart: ps };
      this.useTable(this.tableOptions);
    }
    return n;
  }
}

export async function createDuckDBConnector(options: DuckDBConnectorOptions = {}): Promise<DuckDBNodeConnector> {
  let duckdb: typeof import('@duckdb/node-api');
  try {
    duckdb = await (options.load ?? (() => import('@duckdb/node-api')))();
  } catch (e) {
    return fail('SQL_DUCKDB_NODE_MISSING', { detail: e instanceof Error ? e.message : String(e) });
  }
  const { DuckDBInstance } = duckdb;
  const path = options.path ?? ':memory:';
  const instance = await DuckDBInstance.create(path);
  const connection = await instance.connect();
  // In memory, tables are stored compressed, as a database file's are (see COMPRESSED_MEMORY).
  const compressed = path === ':memory:';
  if (compressed) for (const sql of attachCompressedMemorySql) await connection.run(sql);
  return new DuckDBNodeConnector(instance, connection, options, compressed ? COMPRESSED_MEMORY : null);
}

/**
 * Creates the observation table if it does not exist and appends rows through DuckDB's appender
 * (no SQL text carries a value), then fills the start-year column (`period_start`) once. Returns the
 * number of rows appended. On your own connection, run `CHECKPOINT` afterwards so that the table is
 * stored compressed (a connector's `load()` does both).
 */
export async function loadIntoDuckDB(connection: DuckDBConnection, rows: Iterable<Record<string, unknown>>, table: SqlTableOptions = {}): Promise<number> {
  const t = sqlTable(table);
  await connection.run(createTableSql('duckdb', table).replace(/^CREATE TABLE/, 'CREATE TABLE IF NOT EXISTS'));
  const appender = await connection.createAppender(t.name[t.name.length - 1], t.name.length > 1 ? t.name[0] : null);
  let n = 0;
  const withStart = periodStartColumn(t) !== null;
  for (const r of rows) {
    for (const c of t.columns) {
      const v = r[c.name];
      if (v === null || v === undefined) appender.appendNull();
      else if (c.type === 'double') appender.appendDouble(Number(v));
      else if (c.type === 'integer') appender.appendInteger(Number(v));
      else if (c.type === 'boolean') appender.appendBoolean(Boolean(v));
      else appender.appendVarchar(String(v));
    }
    if (withStart) {
      const y = periodStartOf(r.period);
      if (y === null) appender.appendNull();
      else appender.appendBigInt(y);
    }
    appender.endRow();
    n++;
  }
  appender.flushSync();
  appender.closeSync();
  // The start year travels with each row (a column written in place scans faster than one updated
  // afterwards); the engine then fills whatever the row reading left empty, by its own reading.
  const fill = fillPeriodStartSql('duckdb', table);
  if (fill) await connection.run(fill);
  return n;
}
