// Every element renders the bundled data, in the built embed, on a page served with a strict CSP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { loadObservations } from '../../src/data/index.js';
import type { Observation } from '../../src/types.js';
import { launchBrowser, newPage, scrollThrough, startStaticServer, STRICT_CSP, waitForCharts, ROOT, type TestServer } from './harness.js';

const poverty: Observation[] = loadObservations(readFileSync(ROOT + 'data/observations/poverty_rate.csv', 'utf8'), { file: 'poverty_rate.csv' }).observations;
const seeds: Observation[] = loadObservations(readFileSync(ROOT + 'data/observations/seeds.csv', 'utf8'), { file: 'seeds.csv' }).observations;
const income: Observation[] = loadObservations(readFileSync(ROOT + 'data/observations/income_per_capita.csv', 'utf8'), { file: 'income_per_capita.csv' }).observations;

let server: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];

beforeAll(async () => {
  server = await startStaticServer((p) => (p.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {}));
  browser = await launchBrowser();
  ({ page, errors } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/elements.html');
  await scrollThrough(page);
  await waitForCharts(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Shown = Pick<Observation, 'region' | 'period' | 'value' | 'series'>;
const shown = (id: string) =>
  page.evaluate((id) => (document.getElementById(id) as unknown as { shown: Shown[] }).shown.map(({ region, period, value, series }) => ({ region, period, value, series })), id);

describe('elements on real data, strict CSP', () => {
  it('draws the line chart from the observations of Hà Tĩnh and the country', async () => {
    const rows = await shown('line');
    const expected = poverty.filter((o) => o.region === '42' || o.region === 'VN');
    expect(rows.length).toBe(expected.length);
    // Each poverty figure carries its standard.
    expect(rows).toContainEqual({ region: '42', period: '2006', value: 31.5, series: '2006-2010' });
    const svg = await page.evaluate(() => document.getElementById('line')!.shadowRoot!.querySelector('.chart svg')?.outerHTML ?? '');
    expect(svg).toContain('Hà Tĩnh');
  });

  it('ranks 2016 income over the 63 provinces and the regions in the bar chart', async () => {
    const rows = await shown('bar');
    const expected = income.filter((o) => o.period === '2016' && o.series === 'total');
    expect(rows.length).toBe(expected.length);
    const hcm = expected.find((o) => o.region === '79')!;
    expect(rows).toContainEqual({ region: '79', period: '2016', value: hcm.value, series: 'total' });
  });

  it('shows the Đức Thọ poverty rate as written in the report', async () => {
    const text = await page.evaluate(() => document.getElementById('kpi')!.shadowRoot!.textContent ?? '');
    expect(text).toContain('3,58');
    expect(text).toContain('tỷ lệ hộ nghèo còn 3,58%');
  });

  it('draws Kỳ Anh 30/31 as progress', async () => {
    const rows = await page.evaluate(() => (document.getElementById('progress') as unknown as { shown: Observation[] }).shown);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ region: '42-tx-ky-anh', value: 30, denominator: 31 });
  });

  it('pages the table over every poverty observation and profiles its columns', async () => {
    const info = await page.evaluate(() => {
      const t = document.getElementById('table') as unknown as { shown: unknown[]; shadowRoot: ShadowRoot };
      return { rows: t.shown.length, bodyRows: t.shadowRoot.querySelectorAll('tbody tr').length, profile: t.shadowRoot.querySelector('tr.profile')?.textContent ?? '' };
    });
    const all = [...poverty, ...seeds].filter((o) => o.indicator === 'poverty_rate');
    expect(info.rows).toBe(all.length);
    expect(info.bodyRows).toBe(20);
    expect(info.profile).toContain(`${all.filter((o) => o.value !== null).length} giá trị`);
  });

  it('profiles statuses and names in the reader\'s words, not as codes', async () => {
    const profile = await page.evaluate(() => document.getElementById('table')!.shadowRoot!.querySelector('tr.profile')?.textContent ?? '');
    expect(profile).toContain('sơ bộ');
    expect(profile).toContain('chính thức');
    expect(profile).not.toMatch(/\bfinal \(|\bpreliminary \(|\bpoverty_rate \(/);
    const headings = await page.evaluate(() => document.getElementById('table')!.shadowRoot!.querySelector('thead tr')?.textContent ?? '');
    expect(headings).toContain('Phân tổ');
    expect(headings).not.toContain('Series');
  });

  it('writes a figure in the chart\'s table as the chart writes it (7,0%, not 7%)', async () => {
    await page.evaluate(() => ((document.getElementById('line')!.shadowRoot!.querySelector('details.data') as HTMLDetailsElement).open = true));
    await page.waitForFunction(() => document.getElementById('line')!.shadowRoot!.querySelectorAll('details.data td.num').length > 0);
    const text = await page.evaluate(() => [...document.getElementById('line')!.shadowRoot!.querySelectorAll('details.data td.num')].map((td) => td.textContent!.trim()));
    // Closed again, as the reader found it.
    await page.evaluate(() => ((document.getElementById('line')!.shadowRoot!.querySelector('details.data') as HTMLDetailsElement).open = false));
    expect(text).toContain('7,0%');
    expect(text).not.toContain('7%');
    for (const cell of text) expect(cell).toMatch(/^\d+,\d%$/);
  });

  it('sorts the table by value with the keyboard', async () => {
    const button = page.locator('#table').getByRole('button', { name: /Giá trị/ });
    await button.focus();
    await page.keyboard.press('Enter');
    const first = await page.evaluate(() => (document.getElementById('table') as unknown as { shown: Observation[] }).shown[0].value);
    const max = Math.max(...[...poverty, ...seeds].filter((o) => o.indicator === 'poverty_rate').map((o) => o.value ?? -Infinity));
    expect(first).toBe(max);
    await page.keyboard.press('Enter');
  });

  it('finds provinces without diacritics in the filter', async () => {
    const input = page.locator('#filter').getByRole('combobox', { name: /Tìm tỉnh/ });
    await input.fill('da nang');
    await expect.poll(() => page.locator('#filter').getByRole('option').first().textContent()).toContain('Đà Nẵng');
    await input.fill('hcm');
    await expect.poll(() => page.locator('#filter').getByRole('option').first().textContent()).toContain('Hồ Chí Minh');
    await input.fill('');
  });

  it('names the sources of the figures', async () => {
    const text = await page.evaluate(() => document.getElementById('source')!.shadowRoot!.textContent ?? '');
    // Named by agency (and outlet and date for reports), never by a path of the repository.
    expect(text).toContain('Tổng cục Thống kê');
    expect(text).not.toContain('data/gso/raw/');
    expect(text).not.toContain('data/seeds/raw/');
    expect(text).toContain('trên 98% đảng viên tham gia học tập');
  });

  it('gives each chart a label, a description and a data table', async () => {
    // The table opens from the keyboard: Tab to its summary, Enter.
    for (const id of ['line', 'bar', 'slope', 'progress', 'map']) {
      await page.locator(`#${id} details.data > summary`).focus();
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(() => document.getElementById('map')!.shadowRoot!.querySelectorAll('details.data tbody tr').length > 0);
    const info = await page.evaluate(() =>
      [...document.querySelectorAll('chiso-chart')].filter((c) => (c as unknown as { state: string }).state === 'ready').map((c) => ({
        label: c.shadowRoot!.querySelector('figure')?.getAttribute('aria-label') ?? '',
        description: c.shadowRoot!.querySelector('figcaption')?.textContent ?? '',
        rows: c.shadowRoot!.querySelectorAll('details.data tbody tr').length,
      })),
    );
    expect(info.length).toBeGreaterThanOrEqual(4);
    for (const c of info) {
      expect(c.label.length).toBeGreaterThan(8);
      expect(c.description.length).toBeGreaterThan(20);
      expect(c.rows).toBeGreaterThan(0);
    }
  });

  it('reports an error in one chart without blanking the others', async () => {
    await page.evaluate(() => {
      const bad = document.createElement('chiso-chart');
      bad.id = 'bad';
      bad.setAttribute('type', 'pie');
      bad.setAttribute('indicator', 'poverty_rate');
      document.getElementById('d')!.prepend(bad);
      bad.scrollIntoView();
    });
    await page.waitForFunction(() => (document.getElementById('bad') as unknown as { state: string }).state === 'error');
    const text = await page.evaluate(() => document.getElementById('bad')!.shadowRoot!.textContent ?? '');
    expect(text).toContain('Loại biểu đồ không hợp lệ: "pie"');
    expect(text).not.toContain('Unknown chart type');
    const states = await page.evaluate(() => ['bar', 'line', 'progress'].map((id) => (document.getElementById(id) as unknown as { state: string }).state));
    expect(states).toEqual(['ready', 'ready', 'ready']);
  });

  it('a box collapsed for a moment (the page laid out again, a capture) does not redraw its chart as a sliver', async () => {
    await waitForCharts(page);
    const seen = await page.evaluate(async () => {
      const el = document.getElementById('bar') as unknown as HTMLElement & { updateComplete: Promise<boolean> };
      const width = () => el.shadowRoot!.querySelector('.chart svg')!.getAttribute('width');
      const renders: (string | null)[] = [];
      el.addEventListener('chiso-render', () => renders.push(width()));
      // Resolves once the element's own ResizeObserver (made earlier, so called first) saw the new size.
      const resized = () => new Promise<void>((r) => { const ro = new ResizeObserver(() => { ro.disconnect(); r(); }); ro.observe(el); });
      const frames = () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
      const before = width();
      el.style.setProperty('width', '26px');
      await resized();
      await el.updateComplete;
      await frames();
      const during = width();
      el.style.removeProperty('width');
      await resized();
      await el.updateComplete;
      await frames();
      return { before, during, after: width(), renders };
    });
    expect(Number(seen.before)).toBeGreaterThan(300);
    expect(seen).toEqual({ before: seen.before, during: seen.before, after: seen.before, renders: [] });
  });

  it('raised no securitypolicyviolation and no uncaught error', async () => {
    const violations = await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    expect(violations).toEqual([]);
    expect(errors).toEqual([]);
  });
});
