// "About this data" and "Download everything" under the strict CSP: the panel opens from the keyboard
// beside the chart and under the table, and the ZIP holds the rows (BOM, region names), metadata.json,
// a bilingual README and a citation, with no CSP violation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Browser, Download, Page } from 'playwright-core';
import { launchBrowser, newPage, scrollThrough, startStaticServer, STRICT_CSP, waitForCharts, ROOT, type TestServer } from './harness.js';

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
  await page.locator('#line').evaluate((el) => el.scrollIntoView({ block: 'center' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const violations = () => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

describe('About this data', () => {
  it('opens from the keyboard beside the chart and names the standards and the agency', async () => {
    const chart = page.locator('#line');
    const summary = chart.locator('details.about > summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const panel = chart.locator('details.about dl');
    await panel.waitFor();
    const text = await panel.innerText();
    expect(text).toContain('Định nghĩa');
    expect(text).toMatch(/Chuẩn nghèo/);
    expect(text).toContain('Tổng cục Thống kê');
    expect(text).toContain('Kỳ mới nhất');
    expect(await chart.locator('details.about').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
  });

  it('is under the table view too', async () => {
    const table = page.locator('#table');
    await table.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await table.locator('details.about > summary').focus();
    await page.keyboard.press('Enter');
    expect(await table.locator('details.about dl').innerText()).toContain('Tỷ lệ hộ nghèo');
  });

  it('keeps its code and the zip library out of the first script', () => {
    const first = readFileSync(ROOT + 'dist/chiso.embed.js', 'utf8');
    // A field name of aboutData and an error text of fflate survive minification.
    expect(first).not.toContain('lastUpdated');
    expect(first).not.toContain('invalid zip data');
  });
});

describe('Download everything', () => {
  it('saves one ZIP with the CSV (BOM, region names), metadata.json, README and citation, under the strict CSP', async () => {
    const chart = page.locator('#line');
    await chart.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await chart.getByText(/Tải xuống/).click();
    const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: /Tải tất cả/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.zip$/);
    const files = unzipSync(new Uint8Array(readFileSync(await (download as Download).path())));
    expect(Object.keys(files).sort()).toEqual(['CITATION.txt', 'README.md', 'data.csv', 'metadata.json']);
    const csv = Buffer.from(files['data.csv']);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.toString('utf8')).toMatch(/^\uFEFFindicator,region,region_name,/);
    expect(csv.toString('utf8')).toContain(',42,Hà Tĩnh,');
    const shown = await chart.evaluate((el) => (el as unknown as { shown: unknown[] }).shown.length);
    expect(csv.toString('utf8').trim().split('\r\n')).toHaveLength(shown + 1);
    const meta = JSON.parse(Buffer.from(files['metadata.json']).toString('utf8'));
    expect(meta.about.vi[0].indicator).toBe('poverty_rate');
    expect(meta.about.en[0].breaks.length).toBeGreaterThan(0);
    expect(meta.query).toMatchObject({ type: 'line', indicator: 'poverty_rate', region: '42, VN' });
    expect(String(meta.spec.$schema)).toContain('vega-lite');
    const readme = Buffer.from(files['README.md']).toString('utf8');
    expect(readme).toContain('## Tiếng Việt');
    expect(readme).toContain('## English');
    const citation = Buffer.from(files['CITATION.txt']).toString('utf8');
    expect(citation).toMatch(/^Tỷ lệ hộ nghèo, .*Nguồn: .*Truy xuất từ http:\/\/.*elements\.html ngày \d\d\/\d\d\/\d{4}, bằng chiso\./);
    expect(citation).toContain('with chiso.');
    expect(await violations()).toEqual([]);
    expect(errors).toEqual([]);
  });
});
