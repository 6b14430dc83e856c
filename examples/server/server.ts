/**
 * A dashboard served from PostgreSQL: a small Node server that loads data/observations/*.csv into a
 * PostgreSQL table and answers POST /query. The page posts a query spec (JSON), never SQL; the server
 * validates it, compiles it to one SELECT with bound parameters, runs it and answers `{ rows }`.
 *
 *   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=chiso PGDATABASE=chiso npx tsx examples/server/server.ts
 *
 * Options by environment: PORT (default 8787), HOST (default 127.0.0.1), CHISO_TABLE (default
 * `observations`), CHISO_LOAD=0 to use an existing table, CHISO_ALLOW_ORIGIN to let a page on another
 * origin (the Vite dev server) call it. The limits (body size, time, queries at once, statement
 * timeout) are `queryListener`'s; see docs/en/deploy.md for running it behind a reverse proxy.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadIntoPostgres, postgresConnector, type PgQueryable } from '../../src/connectors/index.js';
import { queryListener, type QueryListenerOptions } from '../../src/connectors/listener.js';
import { loadObservations } from '../../src/data/index.js';
import { sqlTable } from '../../src/sql/index.js';
import type { Observation } from '../../src/types.js';

const root = new URL('../../', import.meta.url);

/** Every file of data/observations, read by chiso's loader. */
export function readObservations(): Observation[] {
  const dir = new URL('data/observations/', root);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .flatMap((f) => loadObservations(new Uint8Array(readFileSync(new URL(f, dir))), { file: `data/observations/${f}` }).observations);
}

/** Creates the table and loads the observations (in batches, each one INSERT with bound arrays). */
export async function loadTable(client: PgQueryable, table: string, rows: readonly Observation[]): Promise<void> {
  const batch = 5000;
  for (let i = 0; i < rows.length; i += batch) {
    await loadIntoPostgres(client, rows.slice(i, i + batch) as unknown as Record<string, unknown>[], { name: table }, { create: i === 0 });
  }
}

export interface ServerOptions extends Omit<QueryListenerOptions, 'onOther'> {
  /** A `pg` client or pool. A pool lets the server stop a query in PostgreSQL when its client goes or its time runs out. */
  client: PgQueryable;
  /** Default `observations`. */
  table?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Milliseconds one SQL statement may run in PostgreSQL (`statement_timeout`; needs a pool). Default 5,000. */
  statementTimeout?: number;
}

/** Starts the HTTP server; resolves to its address and a way to stop it. */
export async function startServer(options: ServerOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const { client, table, port, host, statementTimeout = 5000, ...limits } = options;
  const connector = postgresConnector({ client, table: { name: table ?? 'observations' }, statementTimeout });
  const server = createServer(queryListener(connector, limits));
  // Node's own guards for what comes before the listener: slow headers, idle sockets.
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(port ?? 8787, host ?? '127.0.0.1', resolve));
  const address = server.address() as { port: number };
  return {
    url: `http://${host ?? '127.0.0.1'}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}

// Run directly: connect with the PG* environment variables, load, serve.
async function main(): Promise<void> {
  const pool = new pg.Pool();
  const table = process.env.CHISO_TABLE ?? 'observations';
  if (process.env.CHISO_LOAD !== '0') {
    // The name is checked (letters, digits, `_`) and quoted like every name the compiler writes.
    await pool.query(`DROP TABLE IF EXISTS ${sqlTable({ name: table }).name.map((p) => `"${p}"`).join('.')}`);
    const rows = readObservations();
    await loadTable(pool, table, rows);
    console.log(`loaded ${rows.length} observations into ${table}`);
  }
  const s = await startServer({ client: pool, table, port: Number(process.env.PORT ?? 8787), host: process.env.HOST, allowOrigin: process.env.CHISO_ALLOW_ORIGIN });
  console.log(`chiso query server on ${s.url} (POST /query)`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
