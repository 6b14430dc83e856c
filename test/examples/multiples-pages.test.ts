/**
 * The example pages that show small multiples and the walk: the demo dashboard (North Central's provinces,
 * the line chart walked) and the poverty notebook (the 34 units). axe-core with the WCAG 2.0/2.1/2.2 A and AA
 * rules finds nothing on either, and the dashboard's panels reflow at 360 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}${path}`);
  await page.waitForSelector('chiso-multiples', { timeout: 90_000 });
  await scrollThrough(page);
  await page.locator('chiso-multiples').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('chiso-multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]').length) > 0, undefined, { timeout: 90_000 });
  await waitForCharts(page, 60_000);
  return { page, errors };
}

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} }, resultTypes: ['violations'] })`)) as {
    violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
}

describe('pages with small multiples', () => {
  for (const path of ['/examples/dashboard/', '/examples/notebook/poverty.html']) {
    it(`${path}: axe with the WCAG 2.2 A and AA rules finds nothing`, async () => {
      const { page, errors } = await open(path, 1280);
      expect(await axe(page)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    }, 180_000);
  }

  it('the dashboard at 360 px: North Central’s 14 provinces two a row, no sideways scrolling', async () => {
    const { page, errors } = await open('/examples/dashboard/', 360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const grid = await page.evaluate(() => {
      const g = document.querySelector('chiso-multiples')!.shadowRoot!.querySelector('[role=grid]')!;
      return { cols: g.getAttribute('aria-colcount'), cells: g.querySelectorAll('[role=gridcell]').length };
    });
    expect(grid).toEqual({ cols: '2', cells: 14 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
