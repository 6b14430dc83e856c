/**
 * A throwaway PostgreSQL server for the tests: initdb into a temp dir, started on loopback on a free
 * port, removed after. As root, the server runs as the `postgres` user (PostgreSQL refuses root).
 * Without PostgreSQL the tests fail with a message saying so, unless CHISO_SKIP_POSTGRES=1.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const skipPostgres = process.env.CHISO_SKIP_POSTGRES === '1';

function binDir(): string {
  if (process.env.CHISO_PG_BIN) return process.env.CHISO_PG_BIN;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (!versions.length) {
    throw new Error(
      'PostgreSQL was not found (no /usr/lib/postgresql/*/bin/initdb). Install the Debian package `postgresql` ' +
        '(apt-get install postgresql), point CHISO_PG_BIN at its bin directory, or set CHISO_SKIP_POSTGRES=1 to skip these tests on purpose.',
    );
  }
  return join(root, versions[0], 'bin');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface TestPostgres {
  client: pg.Client;
  port: number;
  stop(): Promise<void>;
}

export async function startPostgres(): Promise<TestPostgres> {
  const bin = binDir();
  const root = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'chiso-pg-'));
  if (root) chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  const run = (cmd: string, args: string[]) =>
    execFileSync(root ? 'runuser' : join(bin, cmd), root ? ['-u', 'postgres', '--', join(bin, cmd), ...args] : args, { stdio: 'pipe', cwd: dir });
  const port = await freePort();
  try {
    run('initdb', ['-D', data, '-A', 'trust', '-U', 'chiso', '--no-locale', '-E', 'UTF8']);
    run('pg_ctl', ['-D', data, '-l', log, '-w', '-o', `-k ${dir} -p ${port} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  } catch (e) {
    const detail = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : String((e as { stderr?: Buffer }).stderr ?? e);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL could not be started from ${bin}: ${detail}`);
  }
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'chiso', database: 'postgres' });
  await client.connect();
  return {
    client,
    port,
    async stop() {
      await client.end().catch(() => undefined);
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
