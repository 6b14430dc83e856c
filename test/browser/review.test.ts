// The review page of `chiso extract --review` in Chromium under its own strict CSP: every figure shown
// with its quote, markup from a report shown as text, and the corrections file it saves applies.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { main, type CliIO } from '../../src/cli/index.js';
import { parseCorrections } from '../../src/extract/index.js';
import { ROOT, launchBrowser, newPage, startStaticServer, type TestServer } from './harness.js';

// Under the repository (the static server serves only it), in a folder no one commits.
const dir = join(ROOT, 'test', 'browser', 'screenshots', 'review');
let browser: Browser;
let server: TestServer;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'reports'), { recursive: true });
  writeFileSync(join(dir, 'reports', 'ca-mau.txt'), 'Cà Mau, 09/04/2024\n\nCuối năm 2023, toàn tỉnh Cà Mau còn 9.604 hộ nghèo, chiếm tỷ lệ 3,14%; hộ cận nghèo là 6.943 hộ, chiếm tỷ lệ 2,27% <img src=x onerror="window.pwned=1">\n');
  const io: CliIO = { stdout: () => {}, stderr: () => {}, isTTY: false, cwd: dir };
  expect(await main(['extract', 'reports', '--review', 'review.html'], io)).toBe(0);
  browser = await launchBrowser();
  server = await startStaticServer();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the review page', () => {
  it('shows each figure with its quote and reasons, under its CSP, with markup from the report as text', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/test/browser/screenshots/review/review.html`);
    await page.waitForSelector('.figure');
    expect(await page.locator('.figure').count()).toBe(4);
    expect(await page.locator('.figure mark').first().textContent()).toBe('9.604 hộ nghèo');
    expect(await page.locator('.figure .why li').first().textContent()).toMatch(/^rule /);
    // The report's markup is shown as text, never run.
    expect(await page.locator('.figure img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(dir, 'review.png'), fullPage: true });

    // Reject the first figure, correct the second's period, save: the file parses as corrections.
    await page.locator('.figure').nth(0).locator('input[value="reject"]').check();
    await page.locator('.figure').nth(1).locator('input[value="edit"]').check();
    const period = page.locator('.figure').nth(1).locator('.edit label', { hasText: 'period' }).locator('input');
    await period.fill('2023-12-31');
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('button.save').click()]);
    expect(download.suggestedFilename()).toBe('ca-mau.txt.corrections.json');
    const saved = join(dir, 'reports', 'ca-mau.txt.corrections.json');
    await download.saveAs(saved);
    const doc = parseCorrections(readFileSync(saved, 'utf8'), saved);
    expect(doc.corrections.map((c) => [c.action, 'set' in c ? c.set : null])).toEqual([['reject', null], ['edit', { period: '2023-12-31' }]]);

    // The next run applies it.
    let out = '';
    const io: CliIO = { stdout: (t) => (out += t), stderr: () => {}, isTTY: false, cwd: dir };
    await main(['extract', 'reports', '--json'], io);
    const next = JSON.parse(out) as { value: number; period: string }[];
    expect(next.map((o) => [o.value, o.period])).toEqual([[3.14, '2023-12-31'], [6943, '2023'], [2.27, '2023']]);
  });
});
