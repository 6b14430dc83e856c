/**
 * The notebook and report pages in a real Chromium: Vite's dev server on 127.0.0.1 (random port),
 * with the pages' dependencies optimized up front so the first load never meets a re-optimization,
 * and one browser per test file.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, type TestServer } from '../browser/harness.js';

export { ROOT, launchBrowser };

/** Dependencies the example pages import, some only dynamically (Vega on first draw). */
const DEPS = [
  'arquero', 'vega-embed', 'vega-interpreter', 'topojson-client', 'read-excel-file/browser', 'read-excel-file/universal', 'lit', '@lit/context',
  '@lit/task', 'd3-array', 'd3-dsv', 'd3-format', 'd3-scale', 'vega-statistics', 'fflate',
];

/** `hmr: true` keeps Vite's hot reload on (off by default: a test's page must not reload under it). */
export async function startExamplesServer(options: { hmr?: boolean } = {}): Promise<TestServer> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: options.hmr ?? false },
    optimizeDeps: { include: DEPS },
    // One dependency cache per test worker (see startDevServer in test/browser/harness.ts).
    cacheDir: join(ROOT, 'node_modules/.vite', `test-examples-${process.env.VITEST_POOL_ID ?? process.pid}`),
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

/** A page that records uncaught errors and console errors for the test to assert on. */
export async function openPage(browser: Browser, viewport = { width: 1200, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  return { page, errors };
}

export interface CellRecord {
  title: string;
  state: 'waiting' | 'running' | 'done' | 'error';
  outputs: (
    | { kind: 'table'; rows: number; columns: string[] }
    | { kind: 'chart'; rows: number; regions: string[]; names: string[] }
    | { kind: 'note'; tone: 'info' | 'refusal'; text: string }
    | { kind: 'node' }
    | { kind: 'text'; text: string }
  )[];
  error?: { vi: string; en: string };
}

/** Opens a notebook page and waits until every cell has run; returns the cells' records. */
export async function runNotebook(page: Page, url: string): Promise<CellRecord[]> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { chisoNotebook?: { done: boolean } }).chisoNotebook?.done === true, undefined, { timeout: 60_000 });
  return page.evaluate(() => (window as unknown as { chisoNotebook: { cells: CellRecord[] } }).chisoNotebook.cells);
}
