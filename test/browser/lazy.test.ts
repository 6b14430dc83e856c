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
    // A built-in recipe's shape: its Vega compiled ahead of time, no Vega-Lite downloaded or run.
    expect(scripts.some((s) => /chiso\.embed\.vega-lite-/.test(s))).toBe(false);
    expect(scripts.some((s) => /chiso\.embed\.line-/.test(s))).toBe(true);
    const measures = await page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
    expect(measures).toContain('chiso:template');
    expect(measures).not.toContain('chiso:compile');
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('loads Vega-Lite for a spec of a shape no recipe makes, and draws it', async () => {
    await page.evaluate(() => {
      const chart = document.createElement('chiso-chart');
      chart.id = 'own';
      chart.setAttribute('indicator', 'poverty_rate');
      chart.setAttribute('region', 'VN');
      chart.setAttribute('spec', '{"config":{"line":{"strokeCap":"square"}}}');
      document.querySelector('chiso-dashboard')!.append(chart);
      chart.scrollIntoView();
    });
    await page.waitForFunction(() => (document.getElementById('own') as unknown as { state: string }).state === 'ready', undefined, { timeout: 30_000 });
    expect(scripts.some((s) => /chiso\.embed\.vega-lite-/.test(s))).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByType('measure').some((m) => m.name === 'chiso:compile'))).toBe(true);
    expect(await page.evaluate(() => document.getElementById('own')!.shadowRoot!.querySelector('svg path[stroke-linecap="square"]') !== null)).toBe(true);
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
