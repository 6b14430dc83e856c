/**
 * DuckDB in the browser through DuckDB-Wasm, loaded only when a dashboard asks for it: the package
 * `@duckdb/duckdb-wasm` (an optional dependency) is imported on first use, so pages that never create
 * this connector never download it.
 *
 * Under a Content-Security-Policy the page needs `script-src 'self' 'wasm-unsafe-eval'` (compiling
 * WebAssembly) and `worker-src 'self'`; the `.wasm` and worker files must be served from the page's
 * own origin (copy them from `node_modules/@duckdb/duckdb-wasm/dist/`), never from a CDN.
 */
import '../messages/sql.js';
import type * as DuckDBWasm from '@duckdb/duckdb-wasm';
import { fail } from '../errors.js';
import type { QueryRegistry } from '../query/registry-view.js';
import { dialects, type SqlParam } from '../sql/dialect.js';
import type { SqlDriver } from '../sql/run.js';
import { periodStartColumn, sqlTable, type SqlTableOptions } from '../sql/table.js';
import { attachCompressedMemorySql, COMPRESSED_MEMORY, createTableSql, fillPeriodStartSql } from './observations-table.js';
import { SqlConnector } from './sql.js';

/** URLs of DuckDB-Wasm's files on the page's origin, e.g. `/vendor/duckdb/duckdb-eh.wasm`. */
export interface DuckDBWasmBundle {
  mainModule: string;
  mainWorker: string;
}

export interface DuckDBWasmConnectorOptions {
  /** The builds to choose from; `eh` (exception handling) is preferred where the browser has it. */
  bundles: { mvp: DuckDBWasmBundle; eh?: DuckDBWasmBundle };
  /** The table read. Default: `observations` with the eleven observation columns. */
  table?: SqlTableOptions;
  /** Indicator catalogue and admin units. Default: chiso's registry. */
  registry?: QueryRegistry;
  /** Loads the module. Default: `import('@duckdb/duckdb-wasm')`. */
  load?: () => Promise<typeof DuckDBWasm>;
  /**
   * Milliseconds to wait for the engine to start before failing. A policy without
   * `'wasm-unsafe-eval'` for the worker leaves it silent rather than failing. Default 30000.
   */
  startTimeout?: number;
}

type Conn = DuckDBWasm.AsyncDuckDBConnection;

/** A driver over one connection; statements run one after another, as a connection requires. */
function driver(conn: Conn): SqlDriver {
  let queue: Promise<unknown> = Promise.resolve();
  return (sql: string, params: readonly SqlParam[]) => {
    const run = queue.then(async () => {
      const stmt = await conn.prepare(sql);
      try {
        const result = await stmt.query(...params);
        return result.toArray().map((r) => (r as { toJSON(): Record<string, unknown> }).toJSON());
      } finally {
        await stmt.close();
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}

export class DuckDBWasmConnector extends SqlConnector {
  readonly db: DuckDBWasm.AsyncDuckDB;
  readonly connection: Conn;
  private tableOptions: SqlTableOptions;

  constructor(db: DuckDBWasm.AsyncDuckDB, connection: Conn, worker: Worker, options: DuckDBWasmConnectorOptions) {
    super({
      dialect: 'duckdb',
      driver: driver(connection),
      table: options.table,
      registry: options.registry,
      name: 'duckdb-wasm',
      onClose: async () => {
        await connection.close();
        await db.terminate();
        worker.terminate();
      },
    });
    this.db = db;
    this.connection = connection;
    this.tableOptions = options.table ?? {};
  }

  /**
   * Writes what was added since the last checkpoint in its compressed form. `load()` does it; call it
   * after creating or filling tables through `connection` yourself (a registered Parquet file copied
   * into a table).
   */
  async checkpoint(): Promise<void> {
    await this.connection.query(`CHECKPOINT ${COMPRESSED_MEMORY}`);
  }

  /**
   * Creates the observation table (if needed) and inserts rows in batches of prepared INSERTs with
   * bound values (Arrow's builders would need `eval`, which a strict policy forbids). For large
   * tables, register a Parquet file with DuckDB-Wasm instead.
   */
  async load(rows: readonly Record<string, unknown>[], batch = 500): Promise<number> {
    const t = sqlTable(this.tableOptions);
    const d = dialects.duckdb;
    await this.connection.query(createTableSql('duckdb', this.tableOptions).replace(/^CREATE TABLE/, 'CREATE TABLE IF NOT EXISTS'));
    const name = t.name.map((p) => d.quote(p)).join('.');
    const cols = t.columns.map((c) => d.quote(c.name)).join(', ');
    for (let i = 0; i < rows.length; i += batch) {
      const part = rows.slice(i, i + batch);
      const params: (SqlParam | null)[] = [];
      const tuples = part.map((r) => {
        const cells = t.columns.map((c) => {
          const v = r[c.name];
          params.push(v === undefined || v === null ? null : (v as SqlParam));
          return `CAST($${params.length} AS ${d.type(c.type)})`;
        });
        return `(${cells.join(', ')})`;
      });
      const stmt = await this.connection.prepare(`INSERT INTO ${name} (${cols}) VALUES ${tuples.join(', ')}`);
      try {
        await stmt.query(...params);
      } finally {
        await stmt.close();
      }
    }
    // The start year, once for the whole table; period ranges read it from then on.
    const fill = fillPeriodStartSql('duckdb', this.tableOptions);
    if (fill) await this.connection.query(fill);
    await this.checkpoint();
    const ps = periodStartColumn(t);
    if (ps && this.tableOptions.periodStart === undefined) {
      this.tableOptions = { ...this.tableOptions, periodStart: ps };
      this.useTable(this.tableOptions);
    }
    return rows.length;
  }
}

/** Starts DuckDB-Wasm in a worker from the given same-origin files and connects to it. */
export async function createDuckDBWasmConnector(options: DuckDBWasmConnectorOptions): Promise<DuckDBWasmConnector> {
  let duckdb: typeof DuckDBWasm;
  try {
    duckdb = await (options.load ?? (() => import('@duckdb/duckdb-wasm')))();
  } catch (e) {
    return fail('SQL_DUCKDB_WASM_MISSING', { detail: e instanceof Error ? e.message : String(e) });
  }
  const bundle = await duckdb.selectBundle(options.bundles as DuckDBWasm.DuckDBBundles);
  const worker = new Worker(bundle.mainWorker as string);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const silent = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the worker ${bundle.mainWorker} (does the Content-Security-Policy allow 'wasm-unsafe-eval'?)`)), options.startTimeout ?? 30000);
    worker.addEventListener('error', (e) => reject(new Error(`worker ${bundle.mainWorker}: ${e.message}`)));
  });
  try {
    await Promise.race([db.instantiate(bundle.mainModule, bundle.pthreadWorker), silent]);
  } catch (e) {
    worker.terminate();
    return fail('SQL_DUCKDB_WASM_MISSING', { detail: e instanceof Error ? e.message : String(e) });
  } finally {
    clearTimeout(timer);
  }
  const connection = await db.connect();
  // Tables are stored compressed, as in a database file (see COMPRESSED_MEMORY).
  for (const sql of attachCompressedMemorySql) await connection.query(sql);
  return new DuckDBWasmConnector(db, connection, worker, options);
}
