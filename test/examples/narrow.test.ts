// Every example page and every page of the documentation site fits a 360 px phone: the document never
// scrolls sideways (a wide table or chart scrolls inside its own box), and no line-chart note is cut.
// Screenshots at 360 and 1280 px go to test/examples/screenshots/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, runNotebook, startExamplesServer } from './helpers.js';
import { scrollThrough, waitForCharts, type TestServer } from '../browser/harness.js';

const SHOTS = join(ROOT, 'test/examples/screenshots/');
const EXAMPLES = ['index.html', 'portal/index.html', 'dashboard/index.html', 'notebook/index.html', 'notebook/poverty.html', 'notebook/income.html', 'notebook/directive05.html', 'notebook/your-data.html', 'report/index.html'];

let server: TestServer;
let browser: Browser;
let docs: string[] = [];

beforeAll(async () => {
  const { buildDocs, pages } = (await import(join(ROOT, 'scripts/docs.mjs'))) as { buildDocs: (o?: { log?: (m: string) => void }) => Promise<void>; pages: { slug: string }[] };
  await buildDocs({ log: () => {} });
  docs = ['vi', 'en'].flatMap((lang) => pages.map((p) => `docs/site/${lang}/${p.slug}.html`));
  server = await startExamplesServer();
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page and waits until what it draws is drawn. */
async function open(page: Page, path: string): Promise<void> {
  const url = `${server.url}/${path}`;
  if (/notebook\/(?!index)/.test(path)) {
    await runNotebook(page, url);
    return;
  }
  await page.goto(url);
  if (await page.locator('chiso-chart, chiso-map').count()) {
    await scrollThrough(page);
    // The baked portal shows its charts as SVG and draws them live only when a reader reaches for one.
    if (/portal\/index\.html$/.test(path)) return;
    await waitForCharts(page, 60_000);
  }
}

/** How far the document reaches past the viewport, and the outermost elements that stick out. */
function overflow(page: Page): Promise<{ scrollWidth: number; width: number; culprits: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const culprits: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.right <= width + 0.5 || box.width === 0) continue;
      let inside = false;
      for (let p = el.parentElement; p && !inside; p = p.parentElement) inside = ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(p).overflowX);
      if (!inside && !(el.parentElement && el.parentElement.getBoundingClientRect().right > width + 0.5)) culprits.push(`${el.tagName.toLowerCase()}${el.className ? '.' + String(el.className).split(' ')[0] : ''} to ${Math.round(box.right)} px`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, width, culprits: culprits.slice(0, 5) };
  });
}

/** Text of every chart's SVG that Vega cut with an ellipsis (a note or label that did not fit). */
function cutTexts(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('chiso-chart')].flatMap((c) => [...(c.shadowRoot?.querySelectorAll('.chart svg text') ?? [])].map((t) => t.textContent ?? '').filter((t) => t.includes('…'))),
  );
}

describe('pages on a 360 px phone', () => {
  it('every example page fits with no sideways scroll, and no chart note is cut', async () => {
    const { page } = await openPage(browser, { width: 360, height: 740 });
    const wide: string[] = [];
    const cut: string[] = [];
    for (const path of EXAMPLES) {
      await open(page, `examples/${path}`);
      const o = await overflow(page);
      if (o.scrollWidth > o.width) wide.push(`examples/${path}: ${o.scrollWidth} px (${o.culprits.join('; ')})`);
      cut.push(...(await cutTexts(page)).map((t) => `examples/${path}: ${t}`));
      await page.screenshot({ path: join(SHOTS, `narrow-360-${path.replace(/\W+/g, '-')}.png`), fullPage: true });
    }
    await page.context().close();
    expect(wide).toEqual([]);
    expect(cut).toEqual([]);
  }, 300_000);

  it('every page of the documentation site fits with no sideways scroll', async () => {
    const { page } = await openPage(browser, { width: 360, height: 740 });
    const wide: string[] = [];
    for (const path of docs) {
      await open(page, path);
      const o = await overflow(page);
      if (o.scrollWidth > o.width) wide.push(`${path}: ${o.scrollWidth} px (${o.culprits.join('; ')})`);
    }
    await page.screenshot({ path: join(SHOTS, 'narrow-360-docs-en-api.png'), fullPage: false });
    await page.context().close();
    expect(docs.length).toBeGreaterThan(20);
    expect(wide).toEqual([]);
  }, 300_000);

  it('the same pages still fill a 1280 px screen (screenshots)', async () => {
    const { page } = await openPage(browser, { width: 1280, height: 900 });
    for (const path of ['examples/portal/index.html', 'examples/report/index.html', 'examples/notebook/poverty.html', 'docs/site/vi/index.html']) {
      await open(page, path);
      const o = await overflow(page);
      expect(o.scrollWidth, path).toBeLessThanOrEqual(o.width);
      await page.screenshot({ path: join(SHOTS, `wide-1280-${path.replace(/\W+/g, '-')}.png`), fullPage: false });
    }
    // The report's sheet keeps its A4 width on a screen that has room for it.
    await open(page, 'examples/report/index.html');
    const sheet = await page.evaluate(() => document.querySelector('.sheet')!.getBoundingClientRect().width);
    expect(Math.round(sheet)).toBe(794);
    await page.context().close();
  }, 300_000);
});
