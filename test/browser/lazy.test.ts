// Vega is fetched only when the first chart comes into view; text views do not need it.
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
    expect(await page.evaluate(() => (document.getElementById('c') as unknown as { state: string }).state)).toBe('idle');
  });

  it('loads Vega and draws when the chart scrolls into view', async () => {
    await page.locator('#c').evaluate((el) => el.scrollIntoView());
    await page.waitForFunction(() => (document.getElementById('c') as unknown as { state: string }).state === 'ready');
    expect(vegaLoaded()).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });
});
