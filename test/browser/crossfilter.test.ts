// Linked views: a click on a province selects it everywhere, a brush on the line narrows the others,
// a view never filters itself, and the page address carries the selection when asked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Observation } from '../../src/types.js';
import { itemPoint, launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = ''): Promise<void> {
  await page.goto(server.url + '/test/browser/pages/linked.html' + query);
  await scrollThrough(page);
  await waitForCharts(page);
}

const shown = (id: string) => page.evaluate((id) => (document.getElementById(id) as unknown as { shown: Observation[] }).shown.map((o) => `${o.region}|${o.period}`), id);
const regions = async (id: string) => [...new Set((await shown(id)).map((s) => s.split('|')[0]))].sort();
const periods = async (id: string) => [...new Set((await shown(id)).map((s) => s.split('|')[1]))].sort();
const renders = () => page.evaluate(() => (window as unknown as { __renders: number }).__renders ?? 0);

describe('linked views', () => {
  it('a click on a province bar changes the data of the other views, not of the bar chart', async () => {
    await open();
    expect(await regions('line')).toEqual(['42', 'VN']);
    const barBefore = await shown('bar');
    const tableBefore = await page.evaluate(() => (document.getElementById('table') as unknown as { shown: unknown[] }).shown.length);

    const p = await itemPoint(page, '#bar', '01', 'Hà Nội');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'));

    expect(await regions('line')).toEqual(['01']);
    expect(await regions('table')).toEqual(['01']);
    const kpi = await page.evaluate(() => (document.getElementById('kpi') as unknown as { shown: Observation }).shown);
    expect(kpi.region).toBe('01');
    expect(await page.evaluate(() => (document.getElementById('table') as unknown as { shown: unknown[] }).shown.length)).toBeLessThan(tableBefore);
    // The bar chart published the clause, so it still shows every province.
    expect(await shown('bar')).toEqual(barBefore);
    // The filter names the selection.
    expect(await page.evaluate(() => document.getElementById('filter')!.shadowRoot!.textContent)).toContain('Hà Nội');
    // And the page address carries it.
    expect(new URL(page.url()).searchParams.get('d.region')).toBe('01');
  });

  it('clicking the same bar again clears the selection', async () => {
    const p = await itemPoint(page, '#bar', '01', 'Hà Nội');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.some((o) => o.region === 'VN'));
    expect(await regions('line')).toEqual(['42', 'VN']);
    expect(new URL(page.url()).searchParams.get('d.region')).toBeNull();
  });

  it('choosing a province in the filter selects it everywhere', async () => {
    const input = page.locator('#filter').getByRole('combobox', { name: /Tìm tỉnh/ });
    await input.fill('ha tinh');
    await input.press('Enter');
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '42'));
    expect(await regions('table')).toEqual(['42']);
    expect(await regions('bar')).toContain('01');
  });

  it('brushing periods on the line narrows the other views, not the line', async () => {
    await page.locator('#filter').getByRole('button', { name: /Bỏ chọn/ }).click();
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.some((o) => o.region === 'VN'));
    const linePeriods = await periods('line');
    // Drag across the line chart from 2012 to 2015 along its x axis.
    await page.locator('#line').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const box = await page.evaluate(() => {
      const host = document.getElementById('line') as unknown as HTMLElement & { view: { scale(n: string): (v: number) => number; origin(): [number, number] } };
      const svg = host.shadowRoot!.querySelector('.chart svg')!;
      const r = svg.getBoundingClientRect();
      const x = host.view.scale('x');
      const [ox, oy] = host.view.origin();
      return { x1: r.left + ox + x(2011.9), x2: r.left + ox + x(2015.1), y: r.top + oy + 40 };
    });
    await page.mouse.move(box.x1, box.y);
    await page.mouse.down();
    await page.mouse.move((box.x1 + box.x2) / 2, box.y, { steps: 4 });
    await page.mouse.move(box.x2, box.y, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: { period: string }[] }).shown.every((o) => o.period >= '2012' && o.period <= '2015'));
    expect(await periods('table')).toEqual(['2012', '2013', '2014', '2015']);
    expect(await periods('line')).toEqual(linePeriods);
    expect(new URL(page.url()).searchParams.get('d.period')).toBe('2012-2015');
  });

  it('a shared link restores the selection', async () => {
    await open('?d.region=79&d.period=2010-2014');
    expect(await regions('line')).toEqual(['79']);
    expect(await periods('table')).toEqual(['2010', '2012', '2013', '2014']);
  });

  it('a click on a province on the map selects it everywhere', async () => {
    await open();
    await page.locator('#map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const p = await itemPoint(page, '#map', '42');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '42'));
    expect(await regions('table')).toEqual(['42']);
    // The map and the bar chart still show every province; the bar chart highlights the selection.
    expect((await regions('map')).length).toBeGreaterThanOrEqual(63);
    expect((await regions('bar')).length).toBeGreaterThanOrEqual(63);
  });

  it('switches the map to the 34 units of 2025', async () => {
    await page.locator('#map').getByRole('radio', { name: /34 tỉnh/ }).check();
    await page.waitForFunction(() => (document.getElementById('map') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region.startsWith('34:')));
    const units = await regions('map');
    // Hà Tĩnh kept its territory, so its figure stands for 34:42.
    expect(units).toContain('34:42');
    expect(units.length).toBeLessThanOrEqual(34);
    await page.locator('#map').getByRole('radio', { name: /63 tỉnh/ }).check();
  });

  it('a selection re-queries only the views whose own filter it changes; refresh() re-queries all', async () => {
    await open();
    const ids = ['map', 'bar', 'kpi', 'line', 'table'];
    const counts = () => page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, (document.getElementById(id) as unknown as { queryCount: number }).queryCount])), ids);
    // The KPI follows region selections only.
    await page.evaluate(() => document.getElementById('kpi')!.setAttribute('filter-by', 'region'));
    await page.waitForFunction(() => (document.getElementById('kpi') as unknown as { updateComplete: Promise<boolean> }).updateComplete.then(() => true));
    const before = await counts();
    // A period range from some other view, published as the line's brush would.
    await page.evaluate(() => {
      const d = document.getElementById('d') as unknown as { coordinator: { selection: { update(c: unknown): void } } };
      (window as unknown as { brush: object }).brush = {};
      d.coordinator.selection.update({ source: (window as unknown as { brush: object }).brush, field: 'period', range: ['2012', '2015'] });
    });
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: { period: string }[] }).shown.every((o) => o.period >= '2012' && o.period <= '2015'));
    await waitForCharts(page);
    const brushed = await counts();
    expect(brushed.kpi).toBe(before.kpi);
    expect(brushed.table).toBeGreaterThan(before.table);
    expect(brushed.line).toBeGreaterThan(before.line);
    // The same clause again changes no view's filter: nothing is asked.
    await page.evaluate(() => {
      const d = document.getElementById('d') as unknown as { coordinator: { selection: { update(c: unknown): void } } };
      d.coordinator.selection.update({ source: (window as unknown as { brush: object }).brush, field: 'period', range: ['2012', '2015'] });
    });
    await page.evaluate((ids) => Promise.all(ids.map((id) => (document.getElementById(id) as unknown as { updateComplete: Promise<boolean> }).updateComplete)).then(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)))), ids);
    await waitForCharts(page);
    expect(await counts()).toEqual(brushed);
    // After the data behind a connector changed, the page says so and every view asks again.
    await page.evaluate(() => (document.getElementById('d') as unknown as { refresh(): void }).refresh());
    await page.waitForFunction((b) => ['map', 'bar', 'kpi', 'line', 'table'].every((id) => (document.getElementById(id) as unknown as { queryCount: number }).queryCount > b[id]), brushed);
  });

  it('a province clicked on the map and another added in the search box: the line shows both, as the same address reloaded does', async () => {
    await open();
    await page.locator('#map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const p = await itemPoint(page, '#map', '42');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '42'));
    const input = page.locator('#filter').getByRole('combobox', { name: /Tìm tỉnh/ });
    await input.fill('da nang');
    await input.press('Enter');
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.some((o) => o.region !== '42'));
    await waitForCharts(page);
    const live = { line: await regions('line'), table: await regions('table'), url: new URL(page.url()).searchParams.get('d.region') };
    expect(live).toEqual({ line: ['42', '48'], table: ['42', '48'], url: '42,48' });
    // No district report dated 07/05/2024 slips into a chart of provinces.
    expect((await periods('line')).every((p) => /^\d{4}$/.test(p))).toBe(true);
    await open('?d.region=42,48');
    expect(await regions('line')).toEqual(live.line);
    expect(await regions('table')).toEqual(live.table);
  });

  it('a chart that follows the selection never keeps a title naming other regions', async () => {
    await open();
    const title = () => page.evaluate(() => (document.getElementById('line') as unknown as { shownSpec: { title: { text: string | string[] } } }).shownSpec.title.text);
    const text = (t: string | string[]) => (Array.isArray(t) ? t.join(' ') : t);
    await page.evaluate(() => document.getElementById('line')!.setAttribute('chart-title', 'Tỷ lệ hộ nghèo: Hà Tĩnh và cả nước'));
    await page.waitForFunction(() => JSON.stringify((document.getElementById('line') as unknown as { shownSpec: unknown }).shownSpec).includes('Hà Tĩnh và cả nước'));
    await page.evaluate(() => (document.getElementById('map') as unknown as { selectRegions(r: string[]): void }).selectRegions(['40', '01']));
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '40' || o.region === '01'));
    await waitForCharts(page);
    expect(text(await title())).toBe('Tỷ lệ hộ nghèo: Hà Nội, Nghệ An');
    await page.evaluate(() => (document.getElementById('map') as unknown as { selectRegions(r: string[]): void }).selectRegions([]));
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.some((o) => o.region === 'VN'));
    await waitForCharts(page);
    expect(text(await title())).toBe('Tỷ lệ hộ nghèo: Hà Tĩnh và cả nước');
  });

  it('two dashboards on one page stay independent', async () => {
    await open();
    const p = await itemPoint(page, '#bar', '01', 'Hà Nội');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'));
    expect(await regions('line2')).toEqual(['42', 'VN']);
    void renders;
  });
});
