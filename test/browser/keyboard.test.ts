// Selecting a province from the keyboard inside a chart: Tab to the bar chart's data table, open it,
// Tab to a province's "Chọn" button and press it. The other views follow, as after a click on its bar.
// Keyboard events only (Tab, Enter, Space), on the built embed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Observation } from '../../src/types.js';
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

/** What has the keyboard focus, through shadow roots: host id, tag, text and label. */
const focused = () =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let host = '';
    while (el?.shadowRoot?.activeElement) {
      host = el.id || host;
      el = el.shadowRoot.activeElement;
    }
    return { host, tag: el?.localName ?? '', text: el?.textContent?.trim() ?? '', label: el?.getAttribute('aria-label') ?? '', pressed: el?.getAttribute('aria-pressed') ?? null };
  });

/** Presses Tab until `match` says the focus is where it should be; fails after `max` presses. */
async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 120): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (match(f)) return f;
  }
  throw new Error('focus never got there');
}

const regions = (id: string) =>
  page.evaluate((id) => [...new Set((document.getElementById(id) as unknown as { shown: Observation[] }).shown.map((o) => o.region))].sort(), id);

describe('keyboard selection inside a chart', () => {
  it('a province chosen in the bar chart data table with Enter filters the other views', async () => {
    expect(await regions('line')).toEqual(['42', 'VN']);
    const tableBefore = await page.evaluate(() => (document.getElementById('table') as unknown as { shown: unknown[] }).shown.length);

    await tabTo((f) => f.host === 'bar' && f.tag === 'summary' && /bảng số liệu/.test(f.text));
    await page.keyboard.press('Enter');
    const button = await tabTo((f) => f.host === 'bar' && f.tag === 'button' && f.label.includes('Hà Nội'));
    expect(button.text).toBe('Chọn');
    expect(button.pressed).toBe('false');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'));

    expect(await regions('line')).toEqual(['01']);
    expect(await regions('table')).toEqual(['01']);
    expect(await page.evaluate(() => (document.getElementById('kpi') as unknown as { shown: Observation }).shown.region)).toBe('01');
    expect(await page.evaluate(() => (document.getElementById('table') as unknown as { shown: unknown[] }).shown.length)).toBeLessThan(tableBefore);
    // The bar chart published the clause: it keeps every province, highlights the one chosen, and
    // the focus stays on the pressed button.
    expect((await regions('bar')).length).toBeGreaterThan(60);
    const after = await focused();
    expect(after.label).toContain('Hà Nội');
    expect(after.pressed).toBe('true');
    expect(new URL(page.url()).searchParams.get('d.region')).toBe('01');
  });

  it('Space on the same button clears the selection', async () => {
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.some((o) => o.region === 'VN'));
    expect(await regions('line')).toEqual(['42', 'VN']);
    expect((await focused()).pressed).toBe('false');
  });

  it('Shift+Enter on another province adds it to the selection', async () => {
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'));
    await tabTo((f) => f.host === 'bar' && f.tag === 'button' && f.label.includes('Hà Tĩnh'), 80);
    await page.keyboard.press('Shift+Enter');
    await page.waitForFunction(() => new Set((document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.map((o) => o.region)).size === 2);
    expect(await regions('line')).toEqual(['01', '42']);
  });
});
