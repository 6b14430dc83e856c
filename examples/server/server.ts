/**
 * A dashboard served from PostgreSQL: a small Node server that loads data/observations/*.csv into a
 * PostgreSQL table and answers POST /query. The page posts a query spec (JSON), never SQL; the server
 * validates it, compiles it to one SELECT with bound parameters, runs it and answers `{ rows }`.
 *
 *   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=chiso PGDATABASE=chiso npx tsx examples/server/server.ts
 *
 * Options by environment: PORT (default 8787), HOST (default 127.0.0.1), CHISO_TABLE (default
 * `observations`), CHISO_LOAD=0 to use an existing table, CHISO_ALLOW_ORIGIN to let a page on another
 * origin (the Vite dev server) call it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { handleQueryRequest, loadIntoPostgres, postgresConnector, type PgQueryable } from '../../src/connectors/index.js';
import { loadObservations } from '../../src/data/index.js';
import { diagnostic } from '../../src/errors.js';
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

export interface ServerOptions {
  /** A `pg` client or pool. */
  client: PgQueryable;
  /** Default `observations`. */
  table?: string;
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** An origin allowed to call POST /query from another page (CORS). Default: none. */
  allowOrigin?: string;
  /** Largest request body accepted, in bytes. Default 64 KiB: a spec is small. */
  maxBody?: number;
}

function readBody(req: IncomingMessage, max: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      // Too large: keep reading to the end without keeping anything, then refuse.
      if (size <= max) chunks.push(c);
    });
    req.on('end', () => resolve(size > max ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Starts the HTTP server; resolves to its address and a way to stop it. */
export async function startServer(options: ServerOptions): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const connector = postgresConnector({ client: options.client, table: { name: options.table ?? 'observations' } });
  const server = createServer(async (req, res) => {
    const cors: Record<string, string> = options.allowOrigin ? { 'access-control-allow-origin': options.allowOrigin, vary: 'origin' } : {};
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...cors });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'OPTIONS' && req.url === '/query') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' });
      return res.end();
    }
    if (req.method === 'POST' && req.url === '/query') {
      const refuse = (status: number, detail: string, detailVi: string) => {
        const d = diagnostic('SQL_BAD_REQUEST', { detail, detailVi });
        send(status, { error: { code: d.code, vi: d.vi, en: d.en } });
      };
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return refuse(415, 'the body must be JSON', 'nội dung phải là JSON');
      const body = await readBody(req, options.maxBody ?? 64 * 1024);
      if (body === null) return refuse(413, 'the body is too large', 'nội dung quá lớn');
      const answer = await handleQueryRequest(connector, body);
      if (answer.status === 500) console.error('query failed', body);
      return send(answer.status, answer.body);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    server,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
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
