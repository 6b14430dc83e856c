// queryListener against strangers, on loopback: body caps while reading, a time limit that stops the
// query, the query stopped when its client goes, a limit on queries at once, diagnostics and log lines
// for every refusal. Then a bounded load test mixing abusive and normal clients.
import { createServer, request, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { ExecutorConnector, handleQueryRequest, type Connector } from '../../src/connectors/index.js';
import { queryListener, type QueryListenerOptions } from '../../src/connectors/listener.js';
import { readObservations } from '../../examples/server/server.js';
import { runQuery } from '../../src/arquero.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(connector: Connector, options: QueryListenerOptions = {}): Promise<{ url: string; logs: Record<string, unknown>[] }> {
  const logs: Record<string, unknown>[] = [];
  const server = createServer(queryListener(connector, { log: (line) => logs.push(JSON.parse(line) as Record<string, unknown>), ...options }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}/query`, logs };
}

const post = async (url: string, body: unknown) => {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as { rows?: unknown[]; error?: { code: string; vi: string; en: string } } };
};

/** A connector whose queries wait until released, or until their signal aborts (then they reject, as SQL connectors do). */
function waiting(): Connector & { started: AbortSignal[]; release(): void } {
  let releases: (() => void)[] = [];
  const started: AbortSignal[] = [];
  return {
    name: 'waiting',
    started,
    release() {
      for (const r of releases.splice(0)) r();
    },
    query(_spec, options = {}) {
      const signal = options.signal as AbortSignal;
      started.push(signal);
      return new Promise((resolve, reject) => {
        releases.push(() => resolve([{ n: 1 }]));
        signal.addEventListener('abort', () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' })), { once: true });
      });
    },
  };
}

const until = async (test: () => boolean) => {
  for (let i = 0; i < 500 && !test(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(test()).toBe(true);
};

describe('queryListener', () => {
  it('answers a busy server 503 with Retry-After, then serves again', async () => {
    const c = waiting();
    const { url, logs } = await serve(c, { maxConcurrent: 2, retryAfter: 3 });
    const first = [post(url, { spec: {} }), post(url, { spec: {} })];
    await until(() => c.started.length === 2);
    const busy = await post(url, { spec: {} });
    expect(busy.status).toBe(503);
    expect(busy.headers.get('retry-after')).toBe('3');
    expect(busy.body.error?.code).toBe('SQL_SERVER_BUSY');
    expect(busy.body.error?.vi).toMatch(/máy chủ đang bận/);
    c.release();
    expect((await Promise.all(first)).map((r) => r.status)).toEqual([200, 200]);
    const again = post(url, { spec: {} });
    await until(() => c.started.length === 3);
    c.release();
    expect((await again).status).toBe(200);
    expect(logs.map((l) => l.code)).toEqual(['SQL_SERVER_BUSY']);
  });

  it('stops a query past its time: 503 with a diagnostic, the connector told through its signal', async () => {
    const c = waiting();
    const { url, logs } = await serve(c, { timeout: 100 });
    const r = await post(url, { spec: {} });
    expect(r.status).toBe(503);
    expect(r.body.error?.code).toBe('SQL_SERVER_TIMEOUT');
    expect(r.body.error?.en).toMatch(/did not finish within 0\.1 s/);
    expect(c.started[0].aborted).toBe(true);
    expect((c.started[0].reason as DOMException).name).toBe('TimeoutError');
    expect(logs.at(-1)?.code).toBe('SQL_SERVER_TIMEOUT');
  });

  it('stops the query of a client that went away', async () => {
    const c = waiting();
    const { url, logs } = await serve(c);
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json' } });
    req.on('error', () => undefined);
    req.end(JSON.stringify({ spec: {} }));
    await until(() => c.started.length === 1);
    req.destroy();
    await until(() => c.started[0].aborted);
    await until(() => logs.some((l) => l.code === 'SQL_CLIENT_GONE'));
  });

  it('a body that never ends is cut at the time limit (408), its connection closed', async () => {
    const { url } = await serve(new ExecutorConnector({ rows: [] }), { timeout: 100 });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '1000' } });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write('{"spec":');
    });
    expect(status).toBe(408);
  });

  it('answers what is not a query with a diagnostic and a log line of escaped JSON', async () => {
    const { url, logs } = await serve(new ExecutorConnector({ rows: [] }));
    const r = await post(url, '{"spec": {"select": {"regions": ["\\u001b[31m\\u0000"]}}}');
    expect(r.status).toBe(400);
    expect(r.body.error?.en).toMatch(/NUL/);
    // A refusal that quotes the value: the log line holds it escaped.
    const region = await post(url, { spec: { select: { regions: ['\u001b[31mX\u0007'] } } });
    expect(region.body.error?.code).toBe('QUERY_UNKNOWN_REGION');
    expect((await fetch(url)).status).toBe(404);
    expect((await fetch(url.replace('/query', '/other'))).status).toBe(404);
    const line = JSON.stringify(logs);
    expect(line).not.toMatch(/[\u0000-\u001f]/);
    expect(logs.map((l) => l.code)).toEqual(['QUERY_BAD_CHARACTER', 'QUERY_UNKNOWN_REGION']);
    expect(String(logs[1].message)).toContain('\\u001b[31mX');
  });
});

describe('handleQueryRequest with a body a framework has parsed', () => {
  it('refuses nesting past the limit there too, with a diagnostic', async () => {
    let deep: unknown = {};
    for (let i = 0; i < 50; i++) deep = { a: deep };
    const answer = await handleQueryRequest(new ExecutorConnector({ rows: [] }), { spec: deep }, { log: () => undefined });
    expect(answer.status).toBe(400);
    // The spec's own depth budget (validateQuery, as in every executor) refuses it first.
    expect('error' in answer.body && answer.body.error.code).toBe('QUERY_TOO_DEEP');
    expect('error' in answer.body && answer.body.error.en).toMatch(/nested deeper than \d+ levels/);
  });
});

describe('queryListener under load (loopback, bounded)', () => {
  // Normal clients post real dashboard specs; abusive ones post huge bodies, bodies cut off midway,
  // nesting 50,000 deep, NULs and 1e400, and hang up before their answer. Bounded: a fixed number of
  // requests, each with its own time limit; nothing here waits on a clock.
  it('keeps answering normal clients correctly, stays up, and holds its memory', async () => {
    const rows = readObservations();
    const { url } = await serve(new ExecutorConnector({ rows }), { maxConcurrent: 4, timeout: 5000 });
    const spec = { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 5 };
    const want = JSON.parse(JSON.stringify(runQuery(rows, spec, { onDiagnostic: () => undefined }).objects())) as unknown[];
    const timeNormal = async () => {
      const t = performance.now();
      const r = await post(url, { spec });
      return { ms: performance.now() - t, r };
    };
    // Quiet figures first.
    const quiet: number[] = [];
    for (let i = 0; i < 20; i++) {
      const { ms, r } = await timeNormal();
      expect(r.status).toBe(200);
      quiet.push(ms);
    }
    const heapBefore = process.memoryUsage().heapUsed;
    const raw = (head: Record<string, string>, write: (req: ReturnType<typeof request>) => void) =>
      new Promise<void>((resolve) => {
        const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...head } });
        req.on('response', (res) => (res.resume(), res.on('end', resolve), res.on('error', () => resolve())));
        req.on('error', () => resolve());
        req.on('close', () => resolve());
        write(req);
      });
    const abusive: (() => Promise<unknown>)[] = [
      // 32 MB announced as chunks: refused after 64 KiB.
      () => raw({}, (req) => { const mb = Buffer.alloc(1 << 20, 32); for (let i = 0; i < 32; i++) req.write(mb); req.end(); }),
      // A body cut off midway.
      () => raw({ 'content-length': '5000' }, (req) => { req.write('{"spec":{'); setImmediate(() => req.destroy()); }),
      // Deep nesting, NUL, a number past any engine.
      () => post(url, '{"spec":' + '['.repeat(50_000) + ']'.repeat(50_000) + '}'),
      () => post(url, { spec: { select: { regions: ['\u0000'] } } }),
      () => post(url, '{"spec": {"limit": 1e400}}'),
      // Hangs up right after sending its query.
      () => raw({}, (req) => { req.end(JSON.stringify({ spec })); setImmediate(() => req.destroy()); }),
    ];
    const loaded: number[] = [];
    const statuses = new Map<number, number>();
    for (let round = 0; round < 20; round++) {
      const normal = Array.from({ length: 3 }, () => timeNormal());
      const bad = abusive.map((f) => f().catch(() => undefined));
      for (const { ms, r } of await Promise.all(normal)) {
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status === 200) {
          expect(r.body.rows).toEqual(want);
          loaded.push(ms);
        } else {
          // The only refusal a normal client may meet is "busy, try again".
          expect(r.status).toBe(503);
          expect(r.headers.get('retry-after')).toBe('2');
        }
      }
      await Promise.all(bad);
    }
    const heapAfter = process.memoryUsage().heapUsed;
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    console.log(JSON.stringify({ requests: 20 + 20 * (3 + abusive.length), quietMedianMs: +median(quiet).toFixed(1), loadedMedianMs: +median(loaded).toFixed(1), loadedMaxMs: +Math.max(...loaded).toFixed(1), normalStatuses: Object.fromEntries(statuses), heapGrowthMB: +((heapAfter - heapBefore) / 2 ** 20).toFixed(1) }));
    // Most normal requests were served, with the right rows; the server still answers.
    expect(loaded.length).toBeGreaterThan(30);
    expect((await post(url, { spec })).body.rows).toEqual(want);
    // 32 MB bodies were not kept: the heap grew by far less than what was sent (20 x 32 MB).
    expect(heapAfter - heapBefore).toBeLessThan(64 * 2 ** 20);
  }, 120_000);
});
