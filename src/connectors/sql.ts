/**
 * `SqlConnector`: a query spec compiled to SQL and sent through a driver function the host provides
 * (`(sql, params) => Promise<rows>`), for DuckDB, PostgreSQL or ClickHouse. The driver receives only
 * SELECT statements with bound parameters.
 */
import '../messages/sql.js';
import { fail, isChisoError } from '../errors.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { SqlDialect } from '../sql/dialect.js';
import { runSqlQuery, type SqlDriver } from '../sql/run.js';
import type { SqlTableOptions } from '../sql/table.js';
import type { Connector, ConnectorQueryOptions } from './connector.js';

export interface SqlConnectorOptions {
  dialect: SqlDialect;
  /** Runs one SELECT with its bound parameters. */
  driver: SqlDriver;
  /** The table read. Default: `observations` with the eleven observation columns. */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /** Name in logs. Default: the dialect. */
  name?: string;
  /** Called by `close()`. Default: nothing. */
  onClose?: () => Promise<void> | void;
}

/** Why a signal was aborted, in both languages: a timeout (`AbortSignal.timeout`, or a `TimeoutError` reason) or the caller. */
export function cancelReason(signal: AbortSignal): { reason: string; reasonVi: string } {
  const r = signal.reason as { name?: unknown } | undefined;
  return r?.name === 'TimeoutError' ? { reason: 'time ran out', reasonVi: 'hết thời gian' } : { reason: 'no longer wanted', reasonVi: 'không còn cần nữa' };
}

export class SqlConnector implements Connector {
  readonly name: string;
  private options: SqlConnectorOptions;
  private closed = false;

  constructor(options: SqlConnectorOptions) {
    this.options = options;
    this.name = options.name ?? options.dialect;
  }

  async query(spec: QuerySpec, options: ConnectorQueryOptions = {}): Promise<Row[]> {
    if (this.closed) fail('SQL_CONNECTOR_CLOSED', { name: this.name });
    const { dialect, driver, table, registry } = this.options;
    const engine = this.name;
    // Engine failures (a missing table, a lost connection) become ChisoErrors naming the engine.
    const guarded: SqlDriver = async (sql, params, statement) => {
      try {
        return await driver(sql, params, statement);
      } catch (e) {
        if (isChisoError(e)) throw e;
        // The caller stopped the query: say so, not what the engine said about being interrupted.
        if (options.signal?.aborted) return fail('SQL_CANCELLED', { engine, ...cancelReason(options.signal) });
        return fail('SQL_ENGINE_FAILED', { engine, detail: e instanceof Error ? e.message : String(e) });
      }
    };
    try {
      return await runSqlQuery(guarded, spec, { dialect, table, registry, onDiagnostic: options.onDiagnostic, signal: options.signal });
    } catch (e) {
      if (!isChisoError(e) && options.signal?.aborted) return fail('SQL_CANCELLED', { engine, ...cancelReason(options.signal) });
      throw e;
    }
  }

  /** Reads the table as `table` says from now on (a connector that loaded it knows its columns). */
  protected useTable(table: SqlTableOptions): void {
    this.options = { ...this.options, table };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.options.onClose?.();
  }
}
