// DuckDB-Wasm in headless Chromium, under a Content-Security-Policy that allows WebAssembly
// ('wasm-unsafe-eval') and nothing else beyond the page's own origin: the page loads the real
// observations and runs specs whose rows must equal Arquero's in Node. Without 'wasm-unsafe-eval'
// the connector cannot start, which is why the docs ask for it.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runQuery } from '../../src/arquero.js';
import { launchBrowser } from '../browser/harness.js';
import { expectSameRows, realObservations } from '../sql/fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WITH_WASM = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; connect-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
const WITHOUT_WASM = "default-src 'self'; script-src 'self'; worker-src 'self'; connect-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";

let dir: string;
let server: Server;
let url: string;
let browser: Browser;
/** The policy every response carries, the worker's included (WebAssembly compiles in the worker). */
let policy = WITH_WASM;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'chiso-wasm-'));
  const { build } = await import('vite');
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    build: {
      outDir: join(dir, 'app'),
      emptyOutDir: true,
      minify: false,
      lib: { entry: join(ROOT, 'test/connectors/pages/duckdb-wasm.ts'), formats: ['es'], fileName: 'page' },
    },
  });
  mkdirSync(join(dir, 'duckdb'));
  const dist = join(ROOT, 'node_modules/@duckdb/duckdb-wasm/dist');
  for (const f of ['duckdb-mvp.wasm', 'duckdb-eh.wasm', 'duckdb-browser-mvp.worker.js', 'duckdb-browser-eh.worker.js']) copyFileSync(join(dist, f), join(dir, 'duckdb', f));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><script type="module" src="/app/page.js"></script></head><body></body></html>');
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  server = createServer(async (req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    const path = u.pathname === '/' ? '/index.html' : u.pathname;
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) return void res.writeHead(403).end();
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream', 'content-security-policy': policy });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const specs: [string, unknown][] = [
  ['latest poverty by province', { select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: 'latest' } }],
  ['income rank 2016', { select: { indicators: ['income_per_capita'], regions: { level: 'province' }, periods: ['2016'], series: ['total'] }, derive: [{ op: 'rank' }], orderby: ['rank'], limit: 10 }],
  ['communes into the 34 units', { select: { indicators: ['admin_units'], series: ['communes'], regions: { level: 'province' } }, derive: [{ op: 'reaggregate' }] }],
  ['mean by period', { select: { indicators: ['poverty_rate'], regions: { level: 'region' } }, derive: [{ op: 'summarize', by: ['period'], measures: { mean: { fn: 'mean' }, n: { fn: 'count' } } }] }],
  ['refused', { select: { indicators: ['poverty_rate'], periods: ['2008'] }, derive: [{ op: 'reaggregate' }] }],
];

describe('DuckDB-Wasm in Chromium', () => {
  it('gives the rows Arquero gives, under a CSP with only wasm-unsafe-eval added', async () => {
    const rows = realObservations();
    const page = await browser.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text());
    });
    await page.goto(`${url}/`);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const results = await page.evaluate(([r, s]) => (window as unknown as { chisoRun: (r: unknown, s: unknown) => Promise<{ rows?: Record<string, unknown>[]; code?: string; warnings: string[] }[]> }).chisoRun(r, s), [rows, specs.map((x) => x[1])] as const);
    specs.forEach(([label, spec], i) => {
      const warnings: string[] = [];
      let code: string | undefined;
      let want: Record<string, unknown>[] = [];
      try {
        want = runQuery(rows, spec, { onDiagnostic: (d) => warnings.push(`${d.code} ${d.en}`) }).objects() as Record<string, unknown>[];
      } catch (e) {
        code = (e as { code?: string }).code;
      }
      expect(results[i].code, label).toBe(code);
      if (!code) {
        expect(results[i].rows!.length, label).toBeGreaterThan(0);
        expectSameRows(results[i].rows!, want, (spec as { orderby?: unknown }).orderby !== undefined, label);
        expect(results[i].warnings, label).toEqual(warnings);
      }
    });
    // The table is stored compressed once loaded (the connector checkpoints its compressed database).
    const storage = results[specs.length].rows as unknown as string[];
    expect(storage.length).toBeGreaterThan(0);
    expect(storage).not.toContain('Uncompressed');
    expect(violations).toEqual([]);
    await page.close();
  }, 120_000);

  it('cannot start without wasm-unsafe-eval in the policy', async () => {
    policy = WITHOUT_WASM;
    const page = await browser.newPage();
    await page.goto(`${url}/`);
    await page.waitForSelector('body[data-ready="yes"]', { state: 'attached' });
    const outcome = await page.evaluate(() => (window as unknown as { chisoStart: () => Promise<string> }).chisoStart());
    policy = WITH_WASM;
    expect(outcome).not.toBe('started');
    expect(outcome).toMatch(/^SQL_DUCKDB_WASM_MISSING .*wasm-unsafe-eval/);
    await page.close();
  }, 60_000);
});
