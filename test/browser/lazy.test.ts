// Vega is fetched only when the first chart comes into view; text views do not need it. Each element's
// own code is fetched only when the page holds that element.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, startStaticServer, STRICT_CSP, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;
const scripts: string[] = [];

beforeAll(async () => {
  server = await startStaticServer((p) => (p.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {}));
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const vegaLoaded = () => scripts.some((s) => /chiso\.embed\.(vega-lite|vega-lean|embed)-/.test(s));

describe('lazy Vega', () => {
  it('loads the page, the data and the KPI without Vega', async () => {
    await page.goto(server.url + '/test/browser/pages/lazy.html');
    await page.waitForFunction(() => (document.getElementById('kpi') as unknown as { shown?: unknown }).shown !== undefined);
    await page.waitForTimeout(500);
    expect(scripts).toContain('/dist/chiso.embed.js');
    expect(vegaLoaded()).toBe(false);
    // A dashboard, a KPI and a chart: no other element's code, no Vega-Lite.
    const own = (tag: string) => scripts.some((s) => s.startsWith(`/dist/chiso.embed.${tag}.component-`));
    expect(own('kpi')).toBe(true);
    for (const tag of ['filter', 'table', 'player', 'source', 'map', 'multiples']) expect(own(tag), tag).toBe(false);
    expect(await page.evaluate(() => (document.getElementById('c') as unknown as { state: string }).state)).toBe('idle');
  });

  it('loads Vega and draws when the chart scrolls into view', async () => {
    await page.locator('#c').evaluate((el) => el.scrollIntoView());
    await page.waitForFunction(() => (document.getElementById('c') as unknown as { state: string }).state === 'ready');
    expect(vegaLoaded()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('defines an element a script adds later, loading its code then', async () => {
    expect(await page.evaluate(() => customElements.get('chiso-table') === undefined)).toBe(true);
    await page.evaluate(() => {
      const table = document.createElement('chiso-table');
      table.id = 't';
      table.setAttribute('indicator', 'poverty_rate');
      table.setAttribute('region', '42');
      document.querySelector('chiso-dashboard')!.append(table);
      table.scrollIntoView();
    });
    await page.waitForFunction(() => (document.getElementById('t') as unknown as { shown?: unknown[] }).shown?.length, undefined, { timeout: 30_000 });
    expect(scripts.some((s) => s.startsWith('/dist/chiso.embed.table.component-'))).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
