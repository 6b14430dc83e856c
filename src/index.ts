/**
 * chiso: Vietnamese indicator data to embeddable, accessible Vega-Lite charts.
 *
 * The root entry is what most users need, in browser and Node alike (no DOM, no file system, no
 * Arquero): load and validate observations, ask a query, make and describe a chart, format numbers,
 * look up the registries. Everything else has a sub-path, listed with its names in api/entries.json:
 * `chiso/data`, `chiso/registry`, `chiso/query`, `chiso/format`, `chiso/charts`, `chiso/render`,
 * `chiso/extract`, `chiso/connectors`, `chiso/sql`, `chiso/cube`, `chiso/load-large`, `chiso/arquero`
 * (the query on Arquero), `chiso/node` (files, SVG and PNG), `chiso/components` (the elements),
 * `chiso/duckdb-wasm` and `chiso/cli`. A test keeps each list as committed.
 */

// The observation, errors and messages
export { Qualifier, Status } from './types.js';
export type { Observation } from './types.js';
export { ChisoError, isChisoError, formatDiagnostic } from './errors.js';
export type { Diagnostic } from './errors.js';
export { message } from './messages/index.js';
export type { Lang } from './messages/index.js';

// Load and validate
export { loadObservations } from './data/load.js';
export type { LoadOptions, LoadResult } from './data/load.js';

// Ask a query (the eval-free executor; `chiso/arquero` runs the same spec on Arquero)
export { validateQuery } from './query/validate.js';
export { executeQuery } from './query/execute.js';
export type { QueryOptions } from './query/execute.js';
export { QUERY_LIMITS } from './query/limits.js';
export type { QuerySpec, Row } from './query/spec.js';

// Chart and describe
export { chart, describe, ChartType } from './charts/index.js';
export type { ChartOptions, ChartSpec } from './charts/index.js';
export { validateConfig } from './render/config.js';
export type { ChisoConfig } from './render/config-types.js';

// Format
export { formatNumber, formatValue, formatPeriod, formatUnit } from './format/index.js';

// Registry look-ups
export { getRegion, listRegions, matchRegion, getIndicator, listIndicators, convertUnit } from './registry/index.js';
export type { Region, Indicator } from './registry/index.js';

// Engines
export type { Connector, ConnectorQueryOptions } from './connectors/connector.js';
export { ExecutorConnector } from './connectors/executor.js';
export { HttpQueryConnector } from './connectors/http.js';
