// The press layer of the demo dashboard (examples/dashboard/press.ts): data/press/poverty_2021_2025.csv
// marked "as reported by the press", drawn on the 63-province map and on the 34-unit map where the old
// provinces' figures combine honestly, with the reason where they do not; in Chromium, at 1280 and 360 px.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { loadObservations } from '../../src/data/index.js';
import type { Observation } from '../../src/types.js';
import { latestWeights, pressTo34, type Weights } from '../../examples/dashboard/press-34.js';
import { launchBrowser, newPage, ROOT, startDevServer, type TestServer } from './harness.js';

const rate = (region: string, period: string, value: number, series: string | null = null): Observation => ({
  indicator: 'poverty_rate', region, period, value, qualifier: null, denominator: null, unit: '%', series, status: 'final', source: `https://example.vn/${region}`, quote: null,
});

describe('the press series on the 34 units', () => {
  const weights: Weights = { byProvince: new Map([['02', 850], ['08', 780], ['42', 1270]]), period: '2016' };

  it('keeps an unchanged province, combines a merged unit by population only when every old province has a figure', () => {
    const rows = [rate('02', '2023', 31.12), rate('08', '2023', 10), rate('42', '2023', 5.9), rate('42', '2023', 1.2, 'urban')];
    const units = pressTo34(rows, weights, 'poverty_rate', '2023');
    expect(units).toHaveLength(34);
    expect(units.find((u) => u.unit === '34:42')).toMatchObject({ value: 5.9, how: 'unchanged' });
    // Tuyên Quang took Hà Giang and Tuyên Quang: (850 × 31.12 + 780 × 10) / 1630.
    expect(units.find((u) => u.unit === '34:08')).toMatchObject({ from: ['02', '08'], value: Math.round(((850 * 31.12 + 780 * 10) / 1630) * 100) / 100, how: 'combined' });
    const without = pressTo34([rate('02', '2023', 31.12)], weights, 'poverty_rate', '2023');
    expect(without.find((u) => u.unit === '34:08')).toMatchObject({ value: null, how: 'missing-figures', missing: ['08'] });
    const noWeight = pressTo34(rows, { byProvince: new Map([['02', 850]]), period: '2016' }, 'poverty_rate', '2023');
    expect(noWeight.find((u) => u.unit === '34:08')).toMatchObject({ value: null, how: 'missing-weights', missing: ['08'] });
    // A figure of another year is not this year's.
    expect(pressTo34([rate('02', '2023', 31.12), rate('08', '2022', 10)], weights, 'poverty_rate', '2023').find((u) => u.unit === '34:08')?.how).toBe('missing-figures');
  });

  it('takes a figure the press gave for a 34 unit itself before combining its old provinces', () => {
    const rows = [rate('34:08', '2025', 7.5), rate('02', '2025', 31.12), rate('08', '2025', 10)];
    const units = pressTo34(rows, weights, 'poverty_rate', '2025');
    expect(units.find((u) => u.unit === '34:08')).toMatchObject({ value: 7.5, how: 'reported', sources: [rows[0]] });
    // A unit reported for another year is not this year's.
    expect(pressTo34(rows, weights, 'poverty_rate', '2024').find((u) => u.unit === '34:08')?.how).toBe('missing-figures');
  });

  it('weights by the latest bundled population of each province', () => {
    const people = loadObservations(readFileSync(new URL('../../data/weights/population.csv', import.meta.url), 'utf8'), { file: 'population.csv' }).observations;
    const w = latestWeights(people);
    expect(w.period).toBe('2016');
    expect(w.byProvince.size).toBe(63);
    expect(w.byProvince.get('42')).toBe(people.find((o) => o.region === '42' && o.period === '2016')!.value);
  });
});

const shots = ROOT + 'node_modules/.cache/chiso/';
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPress(lang: 'vi' | 'en', width: number): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(browser, { width, height: 900 });
  await page.goto(`${server.url}/examples/dashboard/?lang=${lang}`);
  await page.waitForSelector('#press[data-ready=true]', { timeout: 60_000 });
  await page.locator('#press').scrollIntoViewIfNeeded();
  await page.locator('#press-34').scrollIntoViewIfNeeded();
  await waitForPressMaps(page, '2021');
  return { page, errors };
}

/** What a press map drew: its state, the observations it shows, its caption. */
async function drawn(page: Page, id: string): Promise<{ state: string; rows: number; regions: string[]; caption: string; title: string }> {
  return page.evaluate((id) => {
    const map = document.getElementById(id) as HTMLElement & { state: string; shown: { region: string }[] };
    return { state: map.state, rows: map.shown.length, regions: map.shown.map((o) => o.region).sort(), caption: map.shadowRoot!.querySelector('figcaption')?.textContent ?? '', // A title wrapped on a phone is one <text> of several <tspan>s: compared without spaces.
      title: [...map.shadowRoot!.querySelectorAll('svg text')].map((t) => (t.textContent ?? '').replace(/\s+/g, '')).join('|') };
  }, id);
}

/** Waits until both press maps have drawn (the dashboard's other views are lazy and may be out of view). */
async function waitForPressMaps(page: Page, year: string): Promise<void> {
  await page.waitForFunction((year) => ['press-63', 'press-34'].every((id) => {
    const map = document.getElementById(id) as HTMLElement & { state: string };
    return map.state === 'ready' && (map.shadowRoot!.querySelector('figcaption')?.textContent ?? '').includes(year);
  }), year, { timeout: 60_000, polling: 100 });
}

describe('the press layer in the demo dashboard', () => {
  it('shows the press figures on both maps, labelled as reported, with the 34-unit rule and reasons (vi, 1280 px)', async () => {
    const { page, errors } = await openPress('vi', 1280);
    expect(await page.locator('#press .press-label').textContent()).toBe('Theo báo chí');
    expect(await page.locator('#press-year').inputValue()).toBe('2021');
    const m63 = await drawn(page, 'press-63');
    const m34 = await drawn(page, 'press-34');
    expect(m63).toMatchObject({ state: 'ready', rows: 8 });
    expect(m63.title).toContain('Tỷlệhộnghèo2021,63tỉnh(theobáochí)');
    expect(m63.caption).toContain('cao nhất Lai Châu (27,90%)');
    // 2021: Lai Châu, Thanh Hóa and Hà Tĩnh kept their territory; no merged unit has all its provinces.
    expect(m34).toMatchObject({ state: 'ready', rows: 3, regions: ['34:12', '34:38', '34:42'] });
    const rule = await page.locator('[data-press-rule]').textContent();
    expect(rule).toContain('mọi tỉnh cũ đều có số cùng năm');
    expect(rule).toContain('dân số trung bình năm 2016');
    expect(await page.locator('#press-units tr[data-unit="34:42"] td').allTextContents()).toEqual(['Hà Tĩnh', '5,9%', 'giữ nguyên tỉnh cũ']);
    // Đồng Tháp took Tiền Giang (reported) and Đồng Tháp (not): empty, and the row says why.
    expect(await page.locator('#press-units tr[data-unit="34:82"] td').last().textContent()).toBe('không gộp: thiếu số của Đồng Tháp');
    expect(await page.locator('#press-units tr[data-how=combined]').count()).toBe(0);
    // Eight figures from five pages: one national paper reported four provinces.
    expect(await page.locator('#press-sources li').count()).toBe(5);
    expect(await page.locator('#press-sources li').first().textContent()).toBe('Lai Châu, Hòa Bình, Thanh Hóa, Hà Tĩnh: xaydungdang.org.vn');
    expect(await page.locator('#press-sources a').first().getAttribute('href')).toMatch(/^https?:\/\//);
    await page.locator('#press').screenshot({ path: `${shots}press-vi-1280.png` });

    await page.selectOption('#press-year', '2023');
    await waitForPressMaps(page, '2023');
    expect((await drawn(page, 'press-63')).rows).toBe(5);
    expect(await page.locator('#press-units tr[data-unit="34:08"] td').last().textContent()).toBe('không gộp: thiếu số của Tuyên Quang');

    // 2025, after the reform: Hồ Chí Minh City was reported as the new unit itself; no old province was.
    await page.selectOption('#press-year', '2025');
    await page.waitForFunction(() => (document.getElementById('press-34')!.shadowRoot!.querySelector('figcaption')?.textContent ?? '').includes('2025'), undefined, { timeout: 60_000, polling: 100 });
    expect(await drawn(page, 'press-34')).toMatchObject({ state: 'ready', regions: ['34:79'] });
    expect((await drawn(page, 'press-63')).rows).toBe(0);
    expect(await page.locator('#press-units tr[data-unit="34:79"] td').allTextContents()).toEqual(['Bình Dương, Bà Rịa - Vũng Tàu, Hồ Chí Minh', '0,03%', 'báo đưa cho chính đơn vị']);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('follows the language switch, and fits a 360 px phone without sideways scrolling', async () => {
    const { page, errors } = await openPress('en', 360);
    expect(await page.locator('#press .press-label').textContent()).toBe('As reported by the press');
    expect(await page.locator('[data-press-rule]').textContent()).toContain('only when every old province has one for the same year and a weight');
    expect((await drawn(page, 'press-63')).title).toContain('Povertyrate2021,63provinces(asreportedbythepress)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.locator('#press').screenshot({ path: `${shots}press-en-360.png` });
    // What a phone shows at once: the top of the section, and the table of the 34 units.
    for (const [part, selector] of [['top', '#press'], ['table', '#press-units']] as const) {
      await page.locator(selector).evaluate((e) => e.scrollIntoView());
      await page.screenshot({ path: `${shots}press-en-360-${part}.png` });
    }
    await page.selectOption('#lang', 'vi');
    await page.waitForFunction(() => document.querySelector('#press .press-label')?.textContent === 'Theo báo chí');
    expect(await page.locator('#press-units tr[data-unit="34:42"] td').last().textContent()).toBe('giữ nguyên tỉnh cũ');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
