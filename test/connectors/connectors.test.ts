// The connector interface over each engine that needs no server: Arquero, the eval-free executor,
// DuckDB in Node, and the HTTP connectors against in-process endpoints.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ArqueroConnector } from '../../src/connectors/arquero.js';
import { createDuckDBConnector, duckdbDriver, type DuckDBNodeConnector } from '../../src/connectors/duckdb-node.js';
import { ExecutorConnector, handleQueryRequest, HttpQueryConnector, HttpSqlConnector, SqlConnector, type Connector, type FetchLike } from '../../src/connectors/index.js';
import { ChisoError } from '../../src/errors.js';
import { realObservations } from '../sql/fixtures.js';
import { expectSameRows } from '../sql/fixtures.js';

const rows = realObservations();
const spec = { select: { indicators: ['poverty_rate'], regions: { level: 'province' as const }, periods: { from: 2010, to: 2016 } }, derive: [{ op: 'rank' as const }, { op: 'share' as const, denominator: { indicator: 'income_per_capita', series: 'total' } }] };
let duck: DuckDBNodeConnector;

beforeAll(async () => {
  duck = await createDuckDBConnector();
  await duck.load(rows as unknown as Record<string, unknown>[]);
}, 60_000);
afterAll(async () => duck?.close());

/** A `fetch` that hands the request to a function in the same process. */
function inProcess(handler: (body: unknown) => Promise<{ status: number; body: unknown }>): FetchLike {
  return async (_url, init) => {
    const answer = await handler(JSON.parse(init.body));
    return { ok: answer.status < 400, status: answer.status, text: async () => JSON.stringify(answer.body) };
  };
}

describe('every connector gives the same rows', () => {
  const connectors = (): Connector[] => [
    new ArqueroConnector({ table: rows }),
    new ExecutorConnector({ rows }),
    duck,
    new HttpQueryConnector({ url: '/query', fetch: inProcess((b) => handleQueryRequest(duck, b)) }),
    new HttpSqlConnector({
      url: '/sql',
      dialect: 'duckdb',
      // A trusted gateway: it runs what the compiler sent, with the parameters bound.
      fetch: inProcess(async (b) => {
        const { sql, params } = b as { sql: string; params: (string | number)[] };
        const reader = await duck.connection.runAndReadAll(sql, params);
        return { status: 200, body: { rows: JSON.parse(JSON.stringify(reader.getRowObjectsJS(), (_, v) => (typeof v === 'bigint' ? Number(v) : v))) } };
      }),
    }),
  ];

  it('on the real poverty rates, 2010-2016, ranked and over income', async () => {
    const all = connectors();
    expect(all.map((c) => c.name)).toEqual(['arquero', 'executor', 'duckdb', 'http', 'http-duckdb']);
    const reference = await all[0].query(spec);
    expect(reference.filter((r) => r.rank === 1).length).toBeGreaterThan(3);
    for (const c of all.slice(1)) expectSameRows(await c.query(spec), reference, false, c.name);
  });

  it('fail alike, with the same code', async () => {
    for (const c of connectors()) {
      await expect(c.query({ select: { regions: ['99'] } }), c.name).rejects.toMatchObject({ code: 'QUERY_UNKNOWN_REGION' });
      await expect(c.query({ columns: ['nope'] }), c.name).rejects.toMatchObject({ code: 'QUERY_UNKNOWN_COLUMN' });
    }
  });
});

describe('HTTP connectors when the server does not answer rows', () => {
  const answering = (status: number, text: string): FetchLike => async () => ({ ok: status < 400, status, text: async () => text });
  const cases: [string, FetchLike, string, RegExp, RegExp][] = [
    ['no answer at all', async () => { throw new TypeError('Failed to fetch'); }, 'SQL_HTTP_UNREACHABLE', /no answer from the server \/query \(Failed to fetch\).*connect-src/, /không nhận được trả lời từ máy chủ \/query/],
    ["a proxy's error page", answering(502, '<html><head><style>h1{}</style></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>'), 'SQL_HTTP_FAILED', /the server \/query answered 502: 502 Bad Gateway nginx\.$/, /máy chủ \/query trả lời 502/],
    ['a body that is not rows', answering(200, '{"data": []}'), 'SQL_BAD_RESPONSE', /expected JSON \{ rows/, /không đúng dạng/],
    ["the server's own error", answering(400, JSON.stringify({ error: { code: 'QUERY_UNKNOWN_REGION', vi: 'không có vùng 99', en: 'no region 99' } })), 'QUERY_UNKNOWN_REGION', /^no region 99$/, /^không có vùng 99$/],
  ];
  it.each(cases)('%s: a ChisoError in both languages', async (_, fetch, code, en, vi) => {
    for (const c of [new HttpQueryConnector({ url: '/query', fetch }), new HttpSqlConnector({ url: '/query', fetch, dialect: 'duckdb' })]) {
      const e = await c.query({ select: { indicators: ['poverty_rate'] } }).then(() => null, (x: unknown) => x as ChisoError);
      expect(e, c.name).toBeInstanceOf(ChisoError);
      expect(e!.code).toBe(code);
      expect(e!.diagnostics[0].en).toMatch(en);
      expect(e!.diagnostics[0].vi).toMatch(vi);
    }
  });
});

describe("HTTP connectors quoting a proxy's page", () => {
  // The quote used to go through /<(script|style)[\s\S]*?<\/\1>/ and /<[^>]*>/, each quadratic on a
  // page of unclosed tags (320 KB of `<script`: 16.7 s with the page frozen). At 2 MB those would take
  // minutes; read in one pass they take milliseconds, well inside the test's own timeout.
  const answering = (text: string): FetchLike => async () => ({ ok: false, status: 502, text: async () => text });
  it.each([
    ['unclosed <script', '<script'.repeat(300_000), ''],
    ['unclosed <', 'x<'.repeat(1_000_000), 'x'],
    ['a script then text', '<script>alert(1)</script><p>502 Bad Gateway</p>' + '<script'.repeat(200_000), '502 Bad Gateway'],
  ])('%s: quoted at once, as text', async (_, page, quoted) => {
    const e = await new HttpQueryConnector({ url: '/query', fetch: answering(page) }).query({}).then(() => null, (x: unknown) => x as ChisoError);
    expect(e?.code).toBe('SQL_HTTP_FAILED');
    expect(e?.diagnostics[0].en).toBe(`SQL: the server /query answered 502${quoted ? `: ${quoted}` : ''}.`);
  });
});

describe('HTTP connectors on a slow link', () => {
  // A server that never answers: the connector's own timeout, or the caller's signal, ends the wait.
  const never: FetchLike = () => new Promise(() => undefined);
  it('fail with SQL_HTTP_TIMEOUT after the timeout, saying how long they waited', async () => {
    for (const c of [new HttpQueryConnector({ url: '/query', fetch: never, timeout: 50 }), new HttpSqlConnector({ url: '/sql', fetch: never, timeout: 50, dialect: 'postgres' })]) {
      const e = await c.query({ select: { indicators: ['poverty_rate'] } }).then(() => null, (x: unknown) => x as ChisoError);
      expect(e?.code, c.name).toBe('SQL_HTTP_TIMEOUT');
      expect(e?.diagnostics[0].en).toMatch(/did not answer within 0\.1 s/);
      expect(e?.diagnostics[0].vi).toMatch(/không trả lời trong 0,1 giây/);
    }
  });

  it('refuse a timeout that is not milliseconds ≥ 0 when made, in both languages', () => {
    for (const timeout of [-1, Number.NaN, Infinity, '30s']) {
      for (const make of [() => new HttpQueryConnector({ url: '/query', timeout: timeout as number }), () => new HttpSqlConnector({ url: '/sql', timeout: timeout as number, dialect: 'postgres' })]) {
        let e: unknown;
        try {
          make();
        } catch (x) {
          e = x;
        }
        expect(e).toBeInstanceOf(ChisoError);
        expect((e as ChisoError).code).toBe('SQL_BAD_TIMEOUT');
        expect((e as ChisoError).diagnostics[0].en).toContain(String(timeout));
        expect((e as ChisoError).diagnostics[0].vi).toContain('mili giây');
      }
    }
    expect(() => new HttpQueryConnector({ url: '/query', timeout: 0 })).not.toThrow();
  });

  it('stop waiting when the caller aborts, and pass the signal on to fetch', async () => {
    let seen: AbortSignal | undefined;
    const listening: FetchLike = (_url, init) => {
      seen = init.signal;
      return new Promise(() => undefined);
    };
    const c = new HttpQueryConnector({ url: '/query', fetch: listening });
    const controller = new AbortController();
    const pending = c.query({ select: { indicators: ['poverty_rate'] } }, { signal: controller.signal }).then(() => null, (x: unknown) => x as ChisoError);
    controller.abort();
    expect((await pending)?.code).toBe('SQL_HTTP_ABORTED');
    expect(seen?.aborted).toBe(true);
    // Already aborted: nothing is sent.
    let sent = 0;
    const counting: FetchLike = async () => (sent++, { ok: true, status: 200, text: async () => '{"rows":[]}' });
    await expect(new HttpQueryConnector({ url: '/query', fetch: counting }).query({}, { signal: controller.signal })).rejects.toMatchObject({ code: 'SQL_HTTP_ABORTED' });
    expect(sent).toBe(0);
  });
});

describe('SqlConnector', () => {
  it('sends the driver only reads with bound parameters, and names the engine when it fails', async () => {
    const seen: string[] = [];
    const c = new SqlConnector({
      dialect: 'postgres',
      driver: async (sql) => {
        seen.push(sql);
        throw new Error('relation "observations" does not exist');
      },
    });
    await expect(c.query({ select: { indicators: ['poverty_rate'] } })).rejects.toMatchObject({ code: 'SQL_ENGINE_FAILED' });
    expect(seen[0]).toMatch(/^WITH /);
    await c.close();
    await expect(c.query({})).rejects.toMatchObject({ code: 'SQL_CONNECTOR_CLOSED' });
  });

  it('asks the engine which indicators it holds only when the spec needs their facts and does not name them', async () => {
    const seen: string[] = [];
    const driver = async (sql: string, params: readonly unknown[]) => {
      seen.push(sql);
      return (await duck.connection.runAndReadAll(sql, [...params] as never)).getRowObjectsJS() as Record<string, unknown>[];
    };
    const c = new SqlConnector({ dialect: 'duckdb', driver });
    await c.query({ select: { indicators: ['poverty_rate'] }, derive: [{ op: 'rank' }] });
    expect(seen.length).toBe(1);
    seen.length = 0;
    const ranked = await c.query({ select: { periods: ['2016'], regions: { level: 'province' } }, derive: [{ op: 'gapToTarget', target: 5 }] });
    expect(seen[0]).toMatch(/SELECT DISTINCT "indicator"/);
    expect(ranked.some((r) => r.reached === true)).toBe(true);
  });
});

describe('DuckDB in Node', () => {
  it('answers many views at once (one connection, statements in turn)', async () => {
    const specs = ['2010', '2012', '2014', '2016'].flatMap((p) => [
      { select: { indicators: ['poverty_rate'], periods: [p] }, derive: [{ op: 'rank' as const }] },
      { select: { indicators: ['income_per_capita'], periods: [p], series: ['total'] }, derive: [{ op: 'gapToTarget' as const, target: 3000 }] },
    ]);
    const together = await Promise.all(specs.map((s) => duck.query(s)));
    const arquero = new ArqueroConnector({ table: rows });
    for (let i = 0; i < specs.length; i++) expectSameRows(together[i], await arquero.query(specs[i]), false, `view ${i}`);
  });

  it('keeps an in-memory table compressed once loaded', async () => {
    // Segments of the loaded table and how each is stored: after load()'s checkpoint, none is left uncompressed.
    const storage = async (c: DuckDBNodeConnector) =>
      (await c.connection.runAndReadAll(`SELECT DISTINCT compression FROM pragma_storage_info('observations') WHERE segment_type <> 'VALIDITY'`)).getRowObjectsJS().map((r) => String(r.compression));
    const kinds = await storage(duck);
    expect(kinds.length).toBeGreaterThan(0);
    expect(kinds).not.toContain('Uncompressed');
  });

  it('compresses tables made through its connection when asked to checkpoint', async () => {
    const c = await createDuckDBConnector({ table: { columns: ['indicator', 'region', 'period', 'value'] } });
    try {
      await c.connection.run(`CREATE TABLE observations AS SELECT 'ind' || (i % 3) AS indicator, 'c' || (i // 30) AS region, CAST(2000 + i % 10 AS VARCHAR) AS period, CAST(i AS DOUBLE) AS value FROM range(300000) t(i)`);
      const before = (await c.connection.runAndReadAll(`SELECT count(*) AS n FROM pragma_storage_info('observations') WHERE compression = 'Uncompressed' AND segment_type <> 'VALIDITY'`)).getRowObjectsJS()[0].n;
      await c.checkpoint();
      const after = (await c.connection.runAndReadAll(`SELECT count(*) AS n FROM pragma_storage_info('observations') WHERE compression = 'Uncompressed' AND segment_type <> 'VALIDITY'`)).getRowObjectsJS()[0].n;
      expect(Number(before)).toBeGreaterThan(0);
      expect(Number(after)).toBe(0);
      const [r] = await c.query({ select: { indicators: ['ind1'] }, derive: [{ op: 'summarize', measures: { n: { fn: 'count' }, total: { fn: 'sum' } } }] });
      expect(r).toEqual({ n: 100000, total: 100000 * 1 + 3 * (100000 * 99999) / 2 });
    } finally {
      await c.close();
    }
  });

  it('without the optional package, fails with a ChisoError in both languages saying what to install', async () => {
    const missing = () => Promise.reject(new Error("Cannot find package '@duckdb/node-api'"));
    const e = await createDuckDBConnector({ load: missing }).then(() => null, (x: unknown) => x as ChisoError);
    expect(e).toBeInstanceOf(ChisoError);
    expect(e?.code).toBe('SQL_DUCKDB_NODE_MISSING');
    expect(e?.text('en')).toContain('npm install @duckdb/node-api');
    expect(e?.text('vi')).toContain('phụ thuộc tùy chọn');
  });

  it('is an optional peer dependency: a project that never uses DuckDB does not download it', async () => {
    const { readFile } = await import('node:fs/promises');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;
    for (const name of ['@duckdb/node-api', 'pg']) {
      expect(pkg.dependencies[name]).toBeUndefined();
      expect(pkg.peerDependencies[name]).toBeDefined();
      expect(pkg.peerDependenciesMeta[name]).toEqual({ optional: true });
    }
  });
});

describe('DuckDB statements that run too long', () => {
  // 10^10 rows: minutes of work unless interrupted.
  const slow = 'SELECT sum(a.range * b.range) AS s FROM range(100000) a, range(100000) b';
  it('are interrupted past statementTimeout, with SQL_CANCELLED', async () => {
    const e = await duckdbDriver(duck.connection, { statementTimeout: 50 })(slow, []).then(() => null, (x: unknown) => x as ChisoError);
    expect(e?.code).toBe('SQL_CANCELLED');
    expect(e?.diagnostics[0].en).toMatch(/longer than 50 ms/);
  });

  it('are interrupted when their signal aborts, and the connection serves the next query', async () => {
    const controller = new AbortController();
    const c = new SqlConnector({ dialect: 'duckdb', driver: duckdbDriver(duck.connection), name: 'duckdb', table: { periodStart: 'period_start' } });
    const driver = duckdbDriver(duck.connection);
    const running = driver(slow, [], { signal: controller.signal }).then(() => 'finished', () => 'stopped');
    setTimeout(() => controller.abort(), 50);
    expect(await running).toBe('stopped');
    // A query whose signal was aborted before it ran never starts.
    await expect(c.query({ select: { indicators: ['poverty_rate'] } }, { signal: controller.signal })).rejects.toMatchObject({ code: 'SQL_CANCELLED' });
    expect((await c.query({ select: { indicators: ['poverty_rate'] }, limit: 3 })).length).toBe(3);
  });
});
