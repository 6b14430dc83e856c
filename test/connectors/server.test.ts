// examples/server on a throwaway PostgreSQL: the server loads data/observations, listens on loopback,
// and the page's connector (HttpQueryConnector) gets the rows Arquero gives for the same spec.
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readObservations, loadTable, startServer } from '../../examples/server/server.js';
import { HttpQueryConnector, postgresDriver } from '../../src/connectors/index.js';
import { isChisoError } from '../../src/errors.js';
import { runQuery } from '../../src/arquero.js';
import { getRegion } from '../../src/registry/index.js';
import { expectSameRows } from '../sql/fixtures.js';
import { skipPostgres, startPostgres, type TestPostgres } from '../sql/postgres-server.js';
import { axe, openDisclosures, smallTargets } from '../examples/wcag.js';
import { itemPoint, launchBrowser, newPage, ROOT, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';

const rows = readObservations();
let pgServer: TestPostgres;
let server: Awaited<ReturnType<typeof startServer>>;

describe.skipIf(skipPostgres)('examples/server on PostgreSQL', () => {
  beforeAll(async () => {
    pgServer = await startPostgres();
    await loadTable(pgServer.client, 'served', rows);
    server = await startServer({ client: pgServer.client, table: 'served', port: 0 });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await pgServer?.client.query('DROP TABLE IF EXISTS served');
    await pgServer?.stop();
  }, 60_000);

  const specs: [string, unknown][] = [
    ['lowest poverty 2016', { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 5, columns: ['region', 'value', 'rank'] }],
    ['the dashboard slice', { select: { indicators: ['poverty_rate', 'income_per_capita'] } }],
    ['communes of the 34 units', { select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate' }] }],
  ];

  it.each(specs)('%s: the served rows are the rows Arquero gives', async (_, spec) => {
    const connector = new HttpQueryConnector({ url: `${server.url}/query` });
    const got = await connector.query(spec as never, { onDiagnostic: () => undefined });
    const want = runQuery(rows, spec, { onDiagnostic: () => undefined }).objects() as Record<string, unknown>[];
    expect(got.length).toBeGreaterThan(0);
    expectSameRows(got, want, (spec as { orderby?: unknown }).orderby !== undefined, 'served');
  });

  it('passes warnings along and errors back in both languages with their code', async () => {
    const connector = new HttpQueryConnector({ url: `${server.url}/query` });
    const warnings: string[] = [];
    await connector.query({ select: { indicators: ['admin_units'], series: ['communes'] }, derive: [{ op: 'reaggregate' }] }, { onDiagnostic: (d) => warnings.push(d.code) });
    const expected: string[] = [];
    runQuery(rows, { select: { indicators: ['admin_units'], series: ['communes'] }, derive: [{ op: 'reaggregate' }] }, { onDiagnostic: (d) => expected.push(d.code) });
    expect(warnings).toEqual(expected);
    await expect(connector.query({ select: { regions: ["'); DROP TABLE served; --"] } })).rejects.toMatchObject({ code: 'QUERY_UNKNOWN_REGION' });
    await expect(connector.query({ derive: [{ op: 'nope' }] } as never)).rejects.toMatchObject({ code: 'QUERY_UNKNOWN_KEYWORD' });
    await expect(connector.query({ select: { indicators: ['poverty_rate'], periods: ['2008'] }, derive: [{ op: 'reaggregate' }] })).rejects.toMatchObject({ code: 'QUERY_REAGGREGATE_NEEDS_WEIGHT' });
    // Quảng Ngãi's 2010 poverty rate comes from two sources under two standards (GSO's, unknown; the
    // provincial yearbook's, 2011-2015): two figures of two series, not a duplicate, on the server as in Arquero.
    const spec2010 = { select: { indicators: ['poverty_rate'], regions: ['51'], periods: ['2010'] } };
    const served = await connector.query(spec2010);
    expect(served.map((r) => r.series).sort()).toEqual(['2011-2015', 'unknown']);
    expectSameRows(served, runQuery(rows, spec2010).objects() as Record<string, unknown>[], false, 'Quảng Ngãi 2010');
    // The table is still there and whole.
    const n = await connector.query({ derive: [{ op: 'summarize', measures: { n: { fn: 'count' } } }] });
    expect(n).toEqual([{ n: rows.length }]);
  });

  it('the page (Vite dev server) draws its dashboard from the server, each view asking for its rows, selections included', async () => {
    const dev: TestServer = await startDevServer();
    // The page comes from the dev server's origin; the query server allows it.
    const served = await startServer({ client: pgServer.client, table: 'served', port: 0, allowOrigin: dev.url });
    const browser = await launchBrowser();
    try {
      const { page, errors } = await newPage(browser);
      await page.goto(`${dev.url}/examples/server/index.html?endpoint=${encodeURIComponent(`${served.url}/query`)}`);
      await page.waitForFunction(() => /quan sát trên máy chủ/.test(document.querySelector('#status')?.textContent ?? ''), undefined, { timeout: 60_000 });
      const lowest = await page.$$eval('#lowest li', (items) => items.map((li) => li.textContent));
      const want = runQuery(rows, { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 5 }).objects() as { region: string }[];
      expect(lowest.map((t) => t?.split(':')[0])).toEqual(want.map((r) => getRegion(r.region)?.name));
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      const states = await page.$$eval('chiso-chart, chiso-map', (els) => els.map((e) => (e as unknown as { state: string }).state));
      expect(states).toEqual(['ready', 'ready', 'ready']);
      // The views asked the server (query-url): the page holds no observations.
      expect(await page.evaluate(() => { const c = (document.querySelector('chiso-dashboard') as unknown as { coordinator: { local: boolean; observations: unknown[] } }).coordinator; return [c.local, c.observations.length]; })).toEqual([false, 0]);
      const lineRegions = () => page.evaluate(() => [...new Set((document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.map((o) => o.region))].sort());
      expect(await lineRegions()).toEqual(['42', 'VN']);
      // A click on Hà Nội on the map: the line asks the server again, for Hà Nội alone.
      await page.locator('#map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
      const p = await itemPoint(page, '#map', '01');
      await page.mouse.click(p.x, p.y);
      await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'), undefined, { timeout: 30_000, polling: 100 });
      const line = await page.evaluate(() => (document.getElementById('line') as unknown as { shown: { period: string; value: number }[] }).shown.map((o) => `${o.period}:${o.value}`));
      const hanoi = runQuery(rows, { select: { indicators: ['poverty_rate'], regions: ['01'] } }).objects() as { period: string; value: number }[];
      expect(line.sort()).toEqual(hanoi.map((o) => `${o.period}:${o.value}`).sort());
      await waitForCharts(page, 60_000);
      await page.screenshot({ path: `${ROOT}test/connectors/screenshots/server-page.jpg`, fullPage: true, type: 'jpeg', quality: 45 });
      // WCAG 2.2 AA as on every other example page: axe finds nothing, every target 24 x 24 px at 1280
      // and 360 px, every disclosure open.
      const found: Record<string, string[]> = { axe: await axe(page) };
      await openDisclosures(page);
      found['small at 1280'] = await smallTargets(page);
      found['axe, disclosures open'] = await axe(page);
      await page.setViewportSize({ width: 360, height: 900 });
      await waitForCharts(page, 60_000);
      found['small at 360'] = await smallTargets(page);
      expect(found).toEqual({ axe: [], 'small at 1280': [], 'axe, disclosures open': [], 'small at 360': [] });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
      await served.close();
      await dev.close();
    }
  }, 180_000);

  it('refuses what is not a JSON spec', async () => {
    const post = (body: string, type = 'application/json') => fetch(`${server.url}/query`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('{"sql":"DROP TABLE served"}')).status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await post('{}', 'text/plain')).status).toBe(415);
    expect((await post(JSON.stringify({ spec: { select: { indicators: ['x'.repeat(70000)] } } }))).status).toBe(413);
    expect((await fetch(`${server.url}/query`)).status).toBe(404);
  });
});

describe.skipIf(skipPostgres)('examples/server against strangers (PostgreSQL through a pool)', () => {
  let pool: pg.Pool;
  let strict: Awaited<ReturnType<typeof startServer>>;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    pgServer = await startPostgres();
    await loadTable(pgServer.client, 'served', rows);
    pool = new pg.Pool({ host: '127.0.0.1', port: pgServer.port, user: 'chiso', database: 'postgres', max: 6 });
    strict = await startServer({ client: pool, table: 'served', port: 0, log: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  }, 120_000);
  afterAll(async () => {
    await strict?.close();
    await pool?.end();
    await pgServer?.stop();
  }, 60_000);

  const ok = async () => (await new HttpQueryConnector({ url: `${strict.url}/query` }).query({ select: { indicators: ['poverty_rate'], periods: ['2016'] } }, { onDiagnostic: () => undefined })).length;
  const postText = async (body: string) => {
    const res = await fetch(`${strict.url}/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    return { status: res.status, body: (await res.json()) as { error?: { code: string; en: string } } };
  };

  it('stays up when a client disconnects in the middle of its body', async () => {
    const before = await ok();
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => {
        const req = request(`${strict.url}/query`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        req.write('{"spec": {"sel', () => req.destroy());
      });
    }
    expect(await ok()).toBe(before);
    expect(logs.filter((l) => l.code === 'SQL_CLIENT_GONE').length).toBeGreaterThan(0);
  });

  it('answers 413 to a 300 MB body long before it is sent, and closes the connection', async () => {
    const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve) => {
      const req = request(`${strict.url}/query`, { method: 'POST', headers: { 'content-type': 'application/json' } });
      const mb = Buffer.alloc(1 << 20, 32);
      let sent = 0;
      let status = 0;
      const pump = () => {
        while (status === 0 && sent < 300 * 2 ** 20) {
          sent += mb.length;
          if (!req.write(mb)) return void req.once('drain', pump);
        }
        req.end();
      };
      req.on('response', (res) => {
        status = res.statusCode ?? 0;
        res.resume();
        resolve({ status, sent });
      });
      req.on('error', () => resolve({ status, sent }));
      pump();
    });
    expect(status).toBe(413);
    expect(sent).toBeLessThan(100 * 2 ** 20);
    // Announced too large: refused before a byte of it is read.
    const res = await new Promise<number>((resolve) => {
      const req = request(`${strict.url}/query`, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(300 * 2 ** 20) } });
      req.on('response', (r) => (r.resume(), resolve(r.statusCode ?? 0)));
      req.on('error', () => resolve(0));
      req.flushHeaders();
    });
    expect(res).toBe(413);
    expect(await ok()).toBeGreaterThan(0);
  });

  it('answers huge numbers, NUL characters and deep nesting with 400 diagnostics, never a 500', async () => {
    const bodies = [
      '{"spec": {"limit": 1e20}}',
      '{"spec": {"limit": 1e400}}',
      '{"spec": {"select": {"regions": ["01\\u0000"]}}}',
      '{"spec": {"select": {"indicators": ["poverty_rate\\u0000"]}}}',
      // 30,000 deep fits the 64 KiB body cap.
      '{"spec": ' + '['.repeat(30_000) + ']'.repeat(30_000) + '}',
      '{"spec": {"derive": ' + '['.repeat(20) + ']'.repeat(20) + '}}',
    ];
    for (const b of bodies) {
      const r = await postText(b);
      expect(r.status, b.slice(0, 60)).toBe(400);
      expect(r.body.error?.code, b.slice(0, 60)).toMatch(/^(SQL_BAD_REQUEST|QUERY_)/);
    }
    expect(await ok()).toBeGreaterThan(0);
  });

  it("a 500 gives a reference; the log line under it holds the code and the engine's own message, as JSON", async () => {
    const broken = await startServer({ client: pool, table: 'no_such_table', port: 0, log: (line) => logs.push(JSON.parse(line) as Record<string, unknown>) });
    try {
      const res = await fetch(`${broken.url}/query`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ spec: { select: { indicators: ['poverty_rate'] } } }) });
      expect(res.status).toBe(500);
      const { error } = (await res.json()) as { error: { code: string; en: string } };
      expect(error.code).toBe('SQL_SERVER_FAILED');
      const ref = /reference ([0-9a-f]{8})/.exec(error.en)?.[1];
      expect(ref).toBeDefined();
      const line = logs.find((l) => l.ref === ref);
      expect(line?.code).toBe('SQL_SERVER_FAILED');
      expect(String(line?.detail)).toMatch(/no_such_table.*does not exist/);
    } finally {
      await broken.close();
    }
  });

  it('a statement past statement_timeout is stopped by PostgreSQL; an aborted one is cancelled there', async () => {
    const timed = postgresDriver(pool, { statementTimeout: 100 });
    const e = await timed('SELECT pg_sleep(30)', []).then(() => null, (x: unknown) => x);
    expect(isChisoError(e) && e.code).toBe('SQL_CANCELLED');
    const driver = postgresDriver(pool);
    const controller = new AbortController();
    const running = driver('SELECT pg_sleep(30) AS slept', [], { signal: controller.signal }).then(() => 'finished', () => 'stopped');
    const active = async () => (await pool.query("SELECT count(*)::int AS n FROM pg_stat_activity WHERE state = 'active' AND query LIKE 'SELECT pg_sleep(30) AS slept%'")).rows[0].n as number;
    for (let i = 0; i < 500 && (await active()) === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(await active()).toBe(1);
    controller.abort();
    expect(await running).toBe('stopped');
    expect(await active()).toBe(0);
  });
});
