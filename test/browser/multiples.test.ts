// Keyboard and screen reader paths beyond the data table, on the built embed: the small multiples'
// panel grid (arrow keys, Home/End, Enter selects), the walk through a line chart's figures (each
// announced through a live region, read in Chromium's accessibility tree) and the year range chooser
// that stands in for the drag (WCAG 2.5.7). Keyboard events only; axe with the WCAG 2.2 A/AA rules.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { Observation } from '../../src/types.js';
import { downloadFrom, launchBrowser, newPage, ROOT, scrollThrough, startStaticServer, STRICT_CSP, waitForCharts, type TestServer } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const shots = ROOT + 'node_modules/.cache/chiso/';

let server: TestServer;
let browser: Browser;
let page: Page;

async function open(width = 1280): Promise<Page> {
  const { page } = await newPage(browser, { width, height: 900 });
  await page.goto(server.url + '/test/browser/pages/multiples.html');
  await scrollThrough(page);
  await waitForCharts(page);
  // The grid is laid over the panels once they are drawn.
  await page.waitForFunction(() => (document.getElementById('multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]').length) > 0);
  return page;
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  // Under the strict policy portals use: the grid and the walk's ring are placed through CSSOM.
  server = await startStaticServer((path) => ({ 'content-security-policy': path.endsWith('.html') ? STRICT_CSP : undefined }));
  browser = await launchBrowser();
  page = await open();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What has the keyboard focus, through shadow roots: host id, role, label and tag. */
const focused = () =>
  page.evaluate(() => {
    let el: Element | null = document.activeElement;
    let host = '';
    while (el?.shadowRoot?.activeElement) {
      host = el.id || host;
      el = el.shadowRoot.activeElement;
    }
    return { host, tag: el?.localName ?? '', role: el?.getAttribute('role') ?? '', label: el?.getAttribute('aria-label') ?? '', text: el?.textContent?.trim() ?? '', region: el?.getAttribute('data-region') ?? '' };
  });

async function tabTo(match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80): Promise<Awaited<ReturnType<typeof focused>>> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (match(f)) return f;
  }
  throw new Error('focus never got there');
}

/** The live region's text of an element. */
const said = (id: string) => page.evaluate((id) => document.getElementById(id)!.shadowRoot!.querySelector('[role=status][aria-live]')!.textContent ?? '', id);

interface AXNode { nodeId: string; childIds?: string[]; role?: { value: string }; name?: { value: string }; ignored?: boolean; properties?: { name: string; value: { value: unknown } }[] }
async function axTree(): Promise<AXNode[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: AXNode[] };
  await cdp.detach();
  return nodes.filter((n) => !n.ignored);
}

const panelRegions = () => page.evaluate(() => [...document.getElementById('multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]')].map((c) => c.getAttribute('data-region')!));

describe('small multiples', () => {
  it('draws one panel per province of the Red River Delta, ordered by the latest figure, each over its panel', async () => {
    const regions = await panelRegions();
    expect(regions.length).toBe(11);
    const latest = await page.evaluate((regions) => {
      const rows = (document.getElementById('multiples') as unknown as { shown: Observation[] }).shown;
      return regions.map((r) => rows.filter((o) => o.region === r && o.period === '2016')[0]?.value ?? null);
    }, regions);
    expect(latest).toEqual([...latest].sort((a, b) => (b as number) - (a as number)));
    // What the data table, the CSV and the walk hold: the panels' rows, no other province's.
    const shownRegions = await page.evaluate(() => [...new Set((document.getElementById('multiples') as unknown as { shown: Observation[] }).shown.map((o) => o.region))].sort());
    expect(shownRegions).toEqual([...regions].sort());
    // Each cell sits over a panel: inside the drawing, none overlapping the next in its row.
    const boxes = await page.locator('#multiples').evaluate((el) => [...el.shadowRoot!.querySelectorAll('[role=gridcell]')].map((c) => c.getBoundingClientRect().toJSON() as DOMRect));
    const svg = await page.locator('#multiples').evaluate((el) => el.shadowRoot!.querySelector('.chart svg')!.getBoundingClientRect().toJSON() as DOMRect);
    for (const b of boxes) {
      expect(b.left).toBeGreaterThanOrEqual(svg.left - 4);
      expect(b.right).toBeLessThanOrEqual(svg.right + 4);
      expect(b.width).toBeGreaterThan(60);
    }
    expect(boxes[1].left).toBeGreaterThan(boxes[0].right - 8);
  });

  it('is one Tab stop; arrow keys, Home and End move between panels, each read with its own description', async () => {
    const first = await tabTo((f) => f.host === 'multiples' && f.role === 'gridcell');
    const regions = await panelRegions();
    expect(first.region).toBe(regions[0]);
    expect(first.label).toMatch(/^Tỷ lệ hộ nghèo của Hà Nam/);
    // Written for the ear: no per-cent sign, the rank in words.
    expect(first.label).toContain('phần trăm');
    expect(first.label).not.toContain('%');
    expect(first.label).toContain('Ô 1 trên 11');
    await page.keyboard.press('ArrowRight');
    expect((await focused()).region).toBe(regions[1]);
    const perRow = await page.evaluate(() => Number(document.getElementById('multiples')!.shadowRoot!.querySelector('[role=grid]')!.getAttribute('aria-colcount')));
    expect(perRow).toBeGreaterThan(1);
    await page.keyboard.press('ArrowDown');
    expect((await focused()).region).toBe(regions[1 + perRow]);
    await page.keyboard.press('Home');
    expect((await focused()).region).toBe(regions[perRow]);
    await page.keyboard.press('End');
    expect((await focused()).region).toBe(regions[Math.min(regions.length, 2 * perRow) - 1]);
    await page.keyboard.press('Control+End');
    const last = await focused();
    expect(last.region).toBe(regions[regions.length - 1]);
    expect(last.label).toContain('Ô 11 trên 11');
    await page.keyboard.press('Control+Home');
    expect((await focused()).region).toBe(regions[0]);
    // Tab leaves the grid: one stop, not eleven.
    await page.keyboard.press('Tab');
    expect((await focused()).role).not.toBe('gridcell');
    await page.keyboard.press('Shift+Tab');
    expect((await focused()).region).toBe(regions[0]);
  });

  it('Enter selects the focused panel’s province in the other views', async () => {
    await page.keyboard.press('ArrowRight');
    const f = await focused();
    await page.keyboard.press('Enter');
    await page.waitForFunction((r) => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.every((o) => o.region === r), f.region);
    expect(await page.evaluate(() => document.getElementById('multiples')!.shadowRoot!.querySelector('[aria-selected=true]')?.getAttribute('data-region'))).toBe(f.region);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => new Set((document.getElementById('table') as unknown as { shown: Observation[] }).shown.map((o) => o.region)).size > 1);
  });

  it('the download menu saves the whole grid as one SVG and one PNG', async () => {
    const chart = page.locator('#multiples');
    const save = (label: RegExp) => downloadFrom(page, chart, label);
    const svg = await save(/SVG/);
    expect(svg.name).toMatch(/\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect((text.match(/<svg\b/g) ?? []).length).toBe(1);
    // Every panel's header is in the one drawing.
    for (const name of ['Hà Nội', 'Hải Phòng', 'Quảng Ninh', 'Bắc Ninh', 'Hà Nam']) expect(text).toContain(name);
    expect(text).toContain('<desc>Biểu đồ nhỏ thể hiện tỷ lệ hộ nghèo của 11 địa phương');
    const png = await save(/PNG/);
    expect(png.name).toMatch(/\.png$/);
    expect(png.bytes.subarray(1, 4).toString()).toBe('PNG');
  });

  it('shows in Chromium’s accessibility tree as a grid of named cells', async () => {
    const nodes = await axTree();
    const grid = nodes.find((n) => n.role?.value === 'grid');
    expect(grid?.name?.value).toMatch(/11 ô/);
    const cells = nodes.filter((n) => n.role?.value === 'gridcell');
    expect(cells.length).toBe(11);
    expect(cells.every((c) => /^Tỷ lệ hộ nghèo của .+ phần trăm/.test(c.name?.value ?? ''))).toBe(true);
    expect(nodes.filter((n) => n.role?.value === 'row').length).toBeGreaterThanOrEqual(2);
  });
});

describe('walking through a line chart’s figures', () => {
  it('arrow keys move along a region’s figures and across regions, each announced with period, value, unit and status', async () => {
    const chart = await tabTo((f) => f.host === 'line' && f.role === 'application');
    expect(chart.label).toMatch(/mũi tên/);
    await page.keyboard.press('ArrowRight');
    expect(await said('line')).toMatch(/^Hà Tĩnh, năm 2006: [\d,]+ phần trăm\. Số 1 trên 8, dãy 1 trên 2$/);
    await page.keyboard.press('ArrowRight');
    expect(await said('line')).toMatch(/^Hà Tĩnh, năm 2008: /);
    await page.keyboard.press('End');
    const end = await said('line');
    // GSO's 2016 column is preliminary: said so.
    expect(end).toMatch(/^Hà Tĩnh, năm 2016: [\d,]+ phần trăm, sơ bộ\./);
    await page.keyboard.press('ArrowDown');
    expect(await said('line')).toMatch(/^Cả nước, năm 2016: [\d,]+ phần trăm, sơ bộ\. Số \d+ trên \d+, dãy 2 trên 2$/);
    await page.keyboard.press('Home');
    expect(await said('line')).toMatch(/^Cả nước, năm 2006: 15,5 phần trăm\./);
    // A ring marks the walked figure for sighted keyboard users.
    expect(await page.evaluate(() => !!document.getElementById('line')!.shadowRoot!.querySelector('.walk-mark'))).toBe(true);
  });

  it('walks a multiples grid too: Up and Down go from panel to panel in their order', async () => {
    const regions = await panelRegions();
    const walk = await tabTo((f) => f.host === 'multiples' && f.role === 'application');
    expect(walk.label).toMatch(/mũi tên/);
    await page.keyboard.press('End');
    expect(await said('multiples')).toMatch(/^Hà Nam, năm 2016: 4,4 phần trăm, sơ bộ\. Số 8 trên 8, dãy 1 trên 11$/);
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate((r) => document.getElementById('multiples')!.shadowRoot!.querySelector(`[data-region="${r}"]`)!.getAttribute('aria-label')!.split(',')[0], regions[1]);
    expect(await said('multiples')).toContain(second.replace(/^Tỷ lệ hộ nghèo của /, '') + ', năm 2016');
  });

  it('the announcement is a polite live region in the accessibility tree, and the description is written for the ear', async () => {
    const nodes = await axTree();
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const text = (n: AXNode): string => (n.role?.value === 'StaticText' ? (n.name?.value ?? '') : (n.childIds ?? []).map((id) => byId.get(id)).filter((c): c is AXNode => !!c).map(text).join(''));
    const status = nodes.find((n) => n.role?.value === 'status' && /^Cả nước, năm 2006: 15,5 phần trăm/.test(text(n)));
    expect(status).toBeDefined();
    expect(status!.properties?.find((p) => p.name === 'live')?.value.value).toBe('polite');
    const app = nodes.find((n) => n.role?.value === 'application');
    expect(app?.name?.value).toMatch(/Đi qua từng số liệu/);
    // The figure's description, as a screen reader gets it: per cent in words.
    const spoken = await page.evaluate(() => document.getElementById('line')!.shadowRoot!.getElementById('spoken-description')!.textContent ?? '');
    expect(spoken).toMatch(/phần trăm/);
    expect(spoken).not.toMatch(/%/);
    expect(nodes.some((n) => n.role?.value === 'figure' && (n as { description?: { value: string } }).description?.value === spoken)).toBe(true);
    // The drawing's own ARIA label (Vega's, from the spec's description) is the spoken form too.
    const drawing = await page.evaluate(() => document.getElementById('bar')!.shadowRoot!.querySelector('.chart')!.getAttribute('aria-label') ?? '');
    expect(drawing).toContain('phần trăm');
    expect(drawing).not.toContain('%');
  });
});

describe('the year range without dragging (WCAG 2.5.7)', () => {
  const periods = () => page.evaluate(() => [...new Set((document.getElementById('table') as unknown as { shown: Observation[] }).shown.map((o) => o.period))].sort());

  it('chooses the first and last year from the keyboard, moves them by a period, clears them; each announced', async () => {
    const summary = await tabTo((f) => f.host === 'line' && f.tag === 'summary' && /Chọn khoảng năm/.test(f.text));
    expect(summary.text).toBe('Chọn khoảng năm');
    await page.keyboard.press('Enter');
    const from = await tabTo((f) => f.host === 'line' && f.tag === 'select');
    expect(from.tag).toBe('select');
    // A closed list takes the arrow keys: 2006 -> 2008 -> 2010.
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.every((o) => o.period >= '2008'));
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.every((o) => o.period >= '2010'));
    expect(await said('line')).toBe('Đã chọn từ năm 2010 đến năm 2016: các biểu đồ khác chỉ hiện khoảng này');
    await page.keyboard.press('Tab');
    expect((await focused()).tag).toBe('select');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.every((o) => o.period <= '2015'));
    expect(await periods()).toEqual(['2010', '2012', '2013', '2014', '2015']);
    // "Lùi một kỳ": both ends one period earlier.
    const earlier = await tabTo((f) => f.host === 'line' && f.tag === 'button' && /Lùi một kỳ/.test(f.text), 5);
    expect(earlier.tag).toBe('button');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.every((o) => o.period >= '2008' && o.period <= '2014'));
    expect(await said('line')).toBe('Đã chọn từ năm 2008 đến năm 2014: các biểu đồ khác chỉ hiện khoảng này');
    // The line itself keeps every year, as after a drag.
    expect(await page.evaluate(() => new Set((document.getElementById('line') as unknown as { shown: Observation[] }).shown.map((o) => o.period)).size)).toBe(8);
    const clear = await tabTo((f) => f.host === 'line' && f.tag === 'button' && /Bỏ chọn/.test(f.text), 5);
    expect(clear.tag).toBe('button');
    await page.keyboard.press('Space');
    await page.waitForFunction(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown.some((o) => o.period === '2006'));
    expect(await said('line')).toBe('Đã bỏ chọn khoảng năm');
  });
});

describe('the page', () => {
  it('breaks nothing of the strict CSP', async () => {
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
  });

  it('passes axe with the WCAG 2.2 A and AA rules', async () => {
    await page.evaluate(`${axeSource};0`);
    const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} }, resultTypes: ['violations'] })`)) as {
      violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
    };
    expect(result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`)).toEqual([]);
  });

  it('at 360 px the panels reflow (two a row, no sideways scrolling); screenshots at 1280 and 360 px', async () => {
    await page.locator('#multiples').screenshot({ path: `${shots}multiples-1280.png` });
    const narrow = await open(360);
    expect(await narrow.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    const cols = await narrow.evaluate(() => Number(document.getElementById('multiples')!.shadowRoot!.querySelector('[role=grid]')!.getAttribute('aria-colcount')));
    expect(cols).toBe(2);
    const svg = await narrow.locator('#multiples').evaluate((el) => el.shadowRoot!.querySelector('.chart svg')!.getBoundingClientRect().right);
    expect(svg).toBeLessThanOrEqual(360);
    await narrow.locator('#multiples').screenshot({ path: `${shots}multiples-360.png` });
    await narrow.context().close();
  });
});
