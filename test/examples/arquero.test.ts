// Arquero on the analyst's path: in a page that allows eval, an Arquero table goes to a chart as it is
// (with or without a dashboard), and a dashboard's views run their queries on Arquero through
// `chiso/arquero`. The portal path, under the strict CSP, never loads Arquero.
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, startExamplesServer } from './helpers.js';
import { scrollThrough, waitForCharts, type TestServer } from '../browser/harness.js';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startExamplesServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

test('Arquero tables go to elements as they are; views query Arquero through ArqueroConnector', async () => {
  const { page, errors } = await openPage(browser);
  await page.goto(`${server.url}/test/examples/fixtures/arquero.html`);
  const shown = await page.evaluate(() => (window as unknown as { chisoArquero: Promise<unknown> }).chisoArquero);
  expect(shown).toEqual({
    // region 91 only, doubled by Arquero: 24, 20, 16, 12
    standalone: [24, 20, 16, 12].map((value) => ({ region: '91', value })),
    fromQuery: [{ region: '91', value: 12 }],
    connected: [9, 8, 7, 6].map((value) => ({ region: '42', value })),
  });
  expect(errors).toEqual([]);
}, 60_000);

test('the portal page under the strict CSP never requests Arquero', async () => {
  const { page, errors } = await openPage(browser);
  const requested: string[] = [];
  const missing: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
  });
  const response = await page.goto(`${server.url}/examples/portal/?bake=0`);
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await waitForCharts(page);
  await scrollThrough(page);
  await waitForCharts(page);
  expect(requested.filter((u) => u.includes('chiso.embed')).length).toBeGreaterThan(1);
  expect(requested.filter((u) => /arquero/i.test(u))).toEqual([]);
  // The browser's own request for an icon is the only miss.
  expect(missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
  expect(errors.filter((e) => !e.includes('Failed to load resource'))).toEqual([]);
}, 60_000);
