// Strings from data never become markup: region names, indicators, sources, quotes and series that
// carry HTML are shown as text in charts, tooltips, tables, descriptions and exports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { itemPoint, launchBrowser, newPage, startStaticServer, waitForCharts, type TestServer } from './harness.js';

const IMG = '<img src=x onerror="window.__xss=1">';
const SVG = '"><svg onload="window.__xss=2"></svg>';
const SCRIPT = '<script>window.__xss=3</script>';
const LINK = 'javascript:window.__xss=4';
const FORMULA = '=HYPERLINK("http://example.invalid","x")';

const base = { indicator: 'poverty_rate', qualifier: null, denominator: null, unit: '%', series: null, status: 'final' };
const data = [
  { ...base, region: IMG, period: '2016', value: 5, source: LINK, quote: SVG },
  { ...base, region: '42', period: '2016', value: 7, source: IMG, quote: SCRIPT },
  { ...base, region: '42', period: '2014', value: 9, source: FORMULA, quote: FORMULA },
  { ...base, region: SVG, period: '2016', value: 3, source: SCRIPT, quote: IMG, series: null },
  { ...base, indicator: IMG, region: '01', period: '2016', value: 4, source: 'x', quote: null, unit: SCRIPT },
];

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/blank.html');
  await page.waitForFunction(() => customElements.get('chiso-dashboard') !== undefined);
  await page.evaluate(
    ({ data, IMG }) => {
      const d = document.createElement('chiso-dashboard');
      d.innerHTML = `
        <chiso-filter></chiso-filter>
        <chiso-chart id="bar" type="bar" indicator="poverty_rate" period="2016"></chiso-chart>
        <chiso-chart id="line" type="line" indicator="poverty_rate"></chiso-chart>
        <chiso-chart id="bad-ind" type="bar"></chiso-chart>
        <chiso-kpi id="kpi" indicator="poverty_rate" region="42"></chiso-kpi>
        <chiso-table id="table"></chiso-table>
        <chiso-source id="source"></chiso-source>`;
      d.querySelector('#bad-ind')!.setAttribute('indicator', IMG);
      (d as unknown as { data: unknown }).data = data;
      document.getElementById('main')!.append(d);
    },
    { data, IMG },
  );
  await waitForCharts(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Every element under `root`, shadow roots included. */
const markupCount = () =>
  page.evaluate(() => {
    const found: string[] = [];
    const walk = (root: Document | ShadowRoot) => {
      for (const el of root.querySelectorAll('*')) {
        const tag = el.localName;
        const ownScript = tag === 'script' && (el.getAttribute('src') ?? '').endsWith('/dist/chiso.embed.js');
        if (tag === 'img' || (tag === 'script' && !ownScript) || (tag === 'svg' && el.hasAttribute('onload')) || [...el.attributes].some((a) => a.name.startsWith('on'))) found.push(tag);
        if (tag === 'a' && (el.getAttribute('href') ?? '').startsWith('javascript:')) found.push('a[href=javascript:]');
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return found;
  });

describe('strings from data stay text', () => {
  it('draws every view with the hostile strings as text', async () => {
    const states = await page.evaluate(() => [...document.querySelectorAll('chiso-chart')].map((c) => (c as unknown as { state: string }).state));
    expect(states).toContain('ready');
    const text = await page.evaluate(() => document.getElementById('table')!.shadowRoot!.textContent ?? '');
    expect(text).toContain('<img src=x onerror=');
    const source = await page.evaluate(() => document.getElementById('source')!.shadowRoot!.textContent ?? '');
    expect(source).toContain('<script>window.__xss=3</script>');
    expect(await markupCount()).toEqual([]);
  });

  it('shows tooltips as text inside the chart, with nothing added to the document', async () => {
    const p = await itemPoint(page, '#bar', IMG, IMG);
    await page.mouse.move(p.x, p.y);
    await page.mouse.move(p.x + 1, p.y + 1);
    await page.waitForFunction(() => !!document.getElementById('bar')!.shadowRoot!.querySelector('.tooltip:not([hidden])'));
    const tip = await page.evaluate(() => document.getElementById('bar')!.shadowRoot!.querySelector('.tooltip')!.textContent);
    expect(tip).toContain('<img src=x');
    expect(await page.evaluate(() => document.querySelectorAll('#vg-tooltip-element, .vg-tooltip').length)).toBe(0);
    expect(await markupCount()).toEqual([]);
  });

  it('searches hostile names in the filter as text', async () => {
    const input = page.getByRole('combobox', { name: /Tìm tỉnh/ });
    await input.fill(IMG);
    await input.fill(SVG);
    expect(await markupCount()).toEqual([]);
  });

  it('neutralizes formulas in the CSV export', async () => {
    // A string, so the test runner leaves the page's own dynamic import alone.
    const csv = await page.evaluate<string>(`import('/dist/chiso.embed.js').then((m) => m.observationsToCSV(document.getElementById('line').shown))`);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(`'=HYPERLINK(""http://example.invalid"",""x"")`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('executed nothing', async () => {
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  });
});
