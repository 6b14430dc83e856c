/**
 * `ExecutorConnector`: the eval-free executor, for portal pages whose Content-Security-Policy
 * forbids `eval` (and so Arquero). This module and its imports never load Arquero.
 */
import { executeQuery } from '../query/execute.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { Observation } from '../types.js';
import type { Connector, ConnectorQueryOptions } from './connector.js';

export interface ExecutorConnectorOptions {
  /** The observations (or any rows with the columns the specs name). */
  rows: readonly Observation[] | readonly Record<string, unknown>[];
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
}

export class ExecutorConnector implements Connector {
  readonly name = 'executor';
  private readonly options: ExecutorConnectorOptions;

  constructor(options: ExecutorConnectorOptions) {
    this.options = options;
  }

  async query(spec: QuerySpec, options: ConnectorQueryOptions = {}): Promise<Row[]> {
    return executeQuery(this.options.rows, spec, { registry: this.options.registry, onDiagnostic: options.onDiagnostic });
  }
}
