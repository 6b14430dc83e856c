/** `ArqueroConnector` (`chiso/arquero`): the query spec on Arquero, for Node and for pages that allow `eval` (no strict CSP). */
import type { ColumnTable } from 'arquero';
import { runQuery } from '../query/arquero.js';
import type { QueryRegistry } from '../query/registry-view.js';
import type { QuerySpec, Row } from '../query/spec.js';
import type { Observation } from '../types.js';
import type { Connector, ConnectorQueryOptions } from './connector.js';
import { rowsOf } from './rows.js';

export interface ArqueroConnectorOptions {
  /** The observations: an Arquero table or an array. */
  table: ColumnTable | readonly Observation[];
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
}

export class ArqueroConnector implements Connector {
  readonly name = 'arquero';
  private readonly options: ArqueroConnectorOptions;

  constructor(options: ArqueroConnectorOptions) {
    this.options = options;
  }

  async query(spec: QuerySpec, options: ConnectorQueryOptions = {}): Promise<Row[]> {
    const t = runQuery(this.options.table, spec, { registry: this.options.registry, onDiagnostic: options.onDiagnostic });
    return rowsOf(t.objects() as Record<string, unknown>[]);
  }
}
