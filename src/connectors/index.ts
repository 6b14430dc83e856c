/**
 * Public exports of the connectors: one interface for every engine a dashboard's coordinator can
 * query. Modules that load an engine (DuckDB in Node, DuckDB-Wasm) are separate entry points, so a
 * page that does not use them never downloads them:
 * - `src/connectors/duckdb-node.ts` (Node only): `createDuckDBConnector`, `loadIntoDuckDB`.
 * - `src/connectors/duckdb-wasm.ts` (browser): `createDuckDBWasmConnector`, imports DuckDB-Wasm on first use.
 * - `src/connectors/arquero.ts`: `ArqueroConnector` (loads Arquero), public as `chiso/arquero`.
 */
export type { Connector, ConnectorQueryOptions } from './connector.js';
export { ExecutorConnector } from './executor.js';
export type { ExecutorConnectorOptions } from './executor.js';
export { SqlConnector } from './sql.js';
export type { SqlConnectorOptions } from './sql.js';
export { HttpQueryConnector, HttpSqlConnector, httpSqlDriver } from './http.js';
export type { FetchLike, HttpQueryConnectorOptions, HttpSqlConnectorOptions } from './http.js';
export { handleQueryRequest, REQUEST_LIMITS } from './serve.js';
export type { QueryAnswer, QueryRequestOptions } from './serve.js';
export { postgresConnector, postgresDriver, loadIntoPostgres } from './postgres.js';
export type { PgQueryable, PgPoolLike, PostgresConnectorOptions, PostgresDriverOptions } from './postgres.js';
export { createTableSql } from './observations-table.js';
