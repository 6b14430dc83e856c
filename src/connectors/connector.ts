/**
 * The connector: what a dashboard's coordinator calls to run a view's query spec. One interface for
 * every engine: Arquero in the page or in Node (the default), the eval-free executor for strict-CSP
 * portals, DuckDB in Node or in the browser, and SQL servers behind a driver or an HTTP endpoint.
 */
import type { Diagnostic } from '../errors.js';
import type { QuerySpec, Row } from '../query/spec.js';

export interface ConnectorQueryOptions {
  /** Receives warnings (e.g. a 34-unit left without a value by `reaggregate`). Default: `console.warn`. */
  onDiagnostic?: (d: Diagnostic) => void;
  /**
   * Aborts the query when it is no longer wanted (a newer selection asked another question, the
   * client of an endpoint went away, its time ran out). Connectors that wait on a network (HTTP) stop
   * waiting and reject; SQL connectors start no further statement and stop the running one where the
   * driver can (PostgreSQL through a pool: `pg_cancel_backend`; DuckDB: interrupt); in-process
   * engines may finish the work.
   */
  signal?: AbortSignal;
}

export interface Connector {
  /** A short name for logs and error messages (`arquero`, `executor`, `duckdb`, `postgres`, ...). */
  readonly name: string;
  /**
   * Runs a query spec and resolves to its rows, the same rows whichever engine runs it (up to the
   * order of rows without `orderby`, and floating-point rounding). Rejects with a `ChisoError` for a
   * bad spec or data the spec cannot use.
   */
  query(spec: QuerySpec, options?: ConnectorQueryOptions): Promise<Row[]>;
  /** Frees the engine's resources; a closed connector rejects further queries. */
  close?(): Promise<void>;
}
