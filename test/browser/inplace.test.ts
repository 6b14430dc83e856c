// A selection that leaves a chart's spec the same shape (one province for another) updates the drawn
// Vega view in place: same view, new rows, new y domain, new description, a redrawn picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/linked.html');
  await scrollThrough(page);
  await waitForCharts(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Selects `region` from the map and resolves with the line chart's render detail once it shows it. */
const select = (region: string) =>
  page.evaluate(async (region) => {
    const line = document.getElementById('line') as unknown as HTMLElement & { shown: { region: string }[] };
    const rendered = new Promise<{ embedded: boolean }>((r) => line.addEventListener('chiso-render', (e) => r((e as CustomEvent).detail), { once: true }));
    (document.getElementById('map') as unknown as { selectRegions(r: string[]): void }).selectRegions([region]);
    const detail = await rendered;
    return { detail, regions: [...new Set(line.shown.map((o) => o.region))] };
  }, region);

type Line = HTMLElement & { view: { scale(n: string): { domain(): number[] }; container(): HTMLElement | null }; description: string };

describe('in-place updates', () => {
  it('one province for another: the line keeps its Vega view and shows the new rows', async () => {
    const first = await select('01');
    expect(first.regions).toEqual(['01']);
    const before = await page.evaluate(() => {
      const line = document.getElementById('line') as unknown as Line;
      (window as unknown as { __view: unknown }).__view = line.view;
      return { domain: line.view.scale('y').domain(), text: line.shadowRoot!.querySelector('svg')!.textContent, description: line.description };
    });
    expect(before.text).toContain('Hà Nội');

    const second = await select('14');
    expect(second.regions).toEqual(['14']);
    expect(second.detail.embedded).toBe(false);
    const after = await page.evaluate(() => {
      const line = document.getElementById('line') as unknown as Line;
      return {
        same: line.view === (window as unknown as { __view: unknown }).__view,
        domain: line.view.scale('y').domain(),
        text: line.shadowRoot!.querySelector('svg')!.textContent,
        // Vega names its container with the chart's description.
        label: line.view.container()?.getAttribute('aria-label'),
        description: line.description,
        caption: line.shadowRoot!.querySelector('figcaption')!.textContent,
      };
    });
    expect(after.same).toBe(true);
    // Sơn La's rates are far above Hà Nội's: the y domain follows the data.
    expect(after.domain[1]).toBeGreaterThan(before.domain[1]);
    expect(after.text).toContain('Sơn La');
    expect(after.text).not.toContain('Hà Nội');
    expect(after.description).not.toBe(before.description);
    expect(after.description).toContain('Sơn La');
    expect(after.caption).toContain('Sơn La');
    expect(after.label ?? '').toContain('Sơn La');
  });
});
