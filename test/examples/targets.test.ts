// WCAG 2.2 on every example page (the portal both baked and drawn live): every interactive target (buttons, inputs, selects, summaries,
// links, focusable boxes, in the page and inside the elements' shadow roots, with every disclosure
// opened) measures at least 24 x 24 CSS px (2.5.8), at 1280 and at 360 px wide; and axe-core with the
// WCAG 2.0/2.1/2.2 A and AA rules finds nothing. A link inside a sentence is exempt (2.5.8's inline
// exception); a radio button or checkbox is measured by the label around it, which is what a finger hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, runNotebook, startExamplesServer } from './helpers.js';
import { axe, openDisclosures, smallTargets } from './wcag.js';
import { scrollThrough, waitForCharts, type TestServer } from '../browser/harness.js';

const EXAMPLES = [
  'index.html', 'portal/index.html', 'portal/index.html?bake=0', 'dashboard/index.html', 'notebook/index.html', 'notebook/poverty.html', 'notebook/income.html',
  'notebook/directive05.html', 'notebook/press.html', 'notebook/your-data.html', 'report/index.html',
];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startExamplesServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, path: string): Promise<void> {
  const url = `${server.url}/examples/${path}`;
  if (/notebook\/(?!index)/.test(path)) {
    await runNotebook(page, url);
  } else {
    await page.goto(url);
  }
  if (await page.locator('chiso-chart, chiso-map').count()) {
    await page.waitForFunction(() => customElements.get('chiso-chart') !== undefined, undefined, { timeout: 60_000 });
    await scrollThrough(page);
    // The baked portal shows its charts as SVG and draws them live only when a reader reaches for one.
    if (/portal\/index\.html$/.test(path)) return;
    await waitForCharts(page, 60_000);
  }
}

describe('touch targets and WCAG 2.2 AA on every example page', () => {
  for (const path of EXAMPLES) {
    it(`${path}: every target at least 24 x 24 CSS px at 1280 and 360 px; axe finds nothing`, async () => {
      const found: Record<string, string[]> = {};
      for (const width of [1280, 360]) {
        const { page, errors } = await openPage(browser, { width, height: 900 });
        // A missing file is named by its address (the browser asks for /favicon.ico by itself).
        page.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
        });
        await open(page, path);
        if (width === 1280) found.axe = await axe(page);
        await openDisclosures(page);
        found[`small at ${width}`] = await smallTargets(page);
        if (width === 1280) found['axe, disclosures open'] = await axe(page);
        found[`errors at ${width}`] = errors.filter((e) => !e.startsWith('console: Failed to load resource'));
        await page.context().close();
      }
      if (process.env.CHISO_TARGETS_LOG) console.log(`targets ${path} ${JSON.stringify(found)}`);
      expect(found).toEqual({ axe: [], 'axe, disclosures open': [], 'small at 1280': [], 'small at 360': [], 'errors at 1280': [], 'errors at 360': [] });
    }, 240_000);
  }
});
