// The analyst notebook pages in Chromium: every cell runs without errors and shows the data it should.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, openPage, runNotebook, startExamplesServer, type CellRecord } from './helpers.js';
import type { TestServer } from '../browser/harness.js';

const SHOTS = join(ROOT, 'test/examples/screenshots');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  [server, browser] = await Promise.all([startExamplesServer(), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Output = CellRecord['outputs'][number];
const tables = (c: CellRecord) => c.outputs.filter((o): o is Extract<Output, { kind: 'table' }> => o.kind === 'table');
const charts = (c: CellRecord) => c.outputs.filter((o): o is Extract<Output, { kind: 'chart' }> => o.kind === 'chart');
const notes = (c: CellRecord) => c.outputs.filter((o): o is Extract<Output, { kind: 'note' }> => o.kind === 'note');

/** The rows of the n-th table output (0-based) of the cell at `index` (0-based). */
function tableData(page: Page, index: number, n = 0): Promise<Record<string, unknown>[]> {
  return page.evaluate(([i, k]) => (document.querySelectorAll('section.cell')[i].querySelectorAll('.table-output')[k] as unknown as { data: Record<string, unknown>[] }).data, [index, n]);
}

async function shoot(page: Page, name: string): Promise<void> {
  const cells = page.locator('section.cell');
  const n = await cells.count();
  for (let i = 0; i < n; i++) await cells.nth(i).screenshot({ path: join(SHOTS, `${name}-${i + 1}.png`) });
}

async function open(name: string): Promise<{ page: Page; errors: string[]; cells: CellRecord[] }> {
  const { page, errors } = await openPage(browser);
  const cells = await runNotebook(page, `${server.url}/examples/notebook/${name}.html`);
  return { page, errors, cells };
}

describe('Tỷ lệ hộ nghèo 2006-2016', () => {
  let page: Page;
  let errors: string[];
  let cells: CellRecord[];
  beforeAll(async () => ({ page, errors, cells } = await open('poverty')));

  test('every cell runs, nothing in the console', () => {
    expect(cells.map((c) => [c.title, c.state, c.error?.en])).toEqual(cells.map((c) => [c.title, 'done', undefined]));
    expect(errors).toEqual([]);
  });

  test('the raw export reads into 568 observations, 8 missing, nothing rejected', async () => {
    expect(tables(cells[0])[0].rows).toBe(568);
    expect(notes(cells[0])[0].text).toMatch(/568 quan sát, 8 ô thiếu, 0 ô bị loại/);
    // Shown in chiso's own <chiso-table>, inside a dashboard holding the observations.
    await page.waitForFunction(() => ((document.querySelector('section.cell chiso-table') as unknown as { shown?: unknown[] })?.shown?.length ?? 0) > 0);
    const rows = await page.evaluate(() => (document.querySelector('section.cell chiso-table') as unknown as { shown: Record<string, unknown>[] }).shown);
    expect(rows).toHaveLength(568);
    expect(rows.filter((r) => r.value === null)).toHaveLength(8);
    expect(rows.find((r) => r.region === '42' && r.period === '2016')).toMatchObject({ value: 11, status: 'preliminary' });
  });

  test('the profile has one row per period, with 2016 preliminary', async () => {
    const rows = await tableData(page, 1);
    expect(rows.map((r) => r.period)).toEqual(['2006', '2008', '2010', '2012', '2013', '2014', '2015', '2016']);
    expect(rows.find((r) => r.period === '2016')).toMatchObject({ status: 'preliminary', rows: 71 });
  });

  test('the map joins all 63 provinces, 62 with a 2016 figure', () => {
    const [map] = charts(cells[2]);
    expect(map.regions).toHaveLength(63);
    expect(map.regions).toContain('48'); // Đà Nẵng, which carries Hoàng Sa
    expect(map.regions).toContain('56'); // Khánh Hòa, which carries Trường Sa
  });

  test('the ranking leaves out missing figures and puts the lowest rate first', async () => {
    const rows = await tableData(page, 3);
    expect(rows).toHaveLength(62);
    expect(rows.every((r) => typeof r.rank === 'number')).toBe(true);
    const first = rows.reduce((a, b) => ((a.rank as number) < (b.rank as number) ? a : b));
    expect(first.value).toBe(Math.min(...rows.map((r) => r.value as number)));
    const [bars] = charts(cells[3]);
    expect(bars.names).toContain('Lai Châu');
  });

  test('changes are computed within one standard only', async () => {
    const rows = await tableData(page, 4);
    expect(new Set(rows.map((r) => r.standard))).toEqual(new Set(['2006-2010', '2011-2015']));
    expect(rows.find((r) => r.region === 'VN' && r.standard === '2011-2015')).toMatchObject({ from: 2012, to: 2015 });
  });

  test('34 units: the 11 unchanged pass through, merged ones are refused with the reason', async () => {
    const rows = await tableData(page, 5);
    expect(rows).toHaveLength(34);
    const kept = rows.filter((r) => r.value !== null);
    expect(kept).toHaveLength(11);
    expect(kept.find((r) => r.unit === '34:42')).toMatchObject({ value: 11 });
    const [refusal] = notes(cells[5]).filter((n) => n.tone === 'refusal');
    expect(refusal.text).toContain('QUERY_REAGGREGATE_NEEDS_WEIGHT');
    // The 34-unit map draws every unit; only the unchanged ones carry a figure.
    const [map34] = charts(cells[5]);
    expect(map34.regions).toHaveLength(34);
    expect(map34.regions.every((r) => r.startsWith('34:'))).toBe(true);
  });

  test('the 34 units weighted by the bundled population: every merged unit with all its figures gets one, Tuyên Quang with Hà Giang by hand', async () => {
    const i = cells.findIndex((c) => c.title === 'Gộp về 34 đơn vị theo dân số');
    expect(i).toBeGreaterThan(0);
    const rows = await tableData(page, i);
    expect(rows).toHaveLength(34);
    // data/observations/poverty_rate.csv and data/weights/population.csv, 2016: 20.8 % x 816.1 and 12 % x 766.9 thousand people.
    expect(rows.find((r) => r.unit === '34:08')?.value).toBeCloseTo((20.8 * 816.1 + 12 * 766.9) / (816.1 + 766.9), 2);
    // TP Hồ Chí Minh has no 2016 figure: its unit stays empty, never a partial mean.
    expect(rows.find((r) => r.unit === '34:79')?.value).toBeNull();
    expect(rows.filter((r) => typeof r.value === 'number')).toHaveLength(33);
    const [map] = charts(cells[i]);
    expect(map.regions).toHaveLength(34);
  });

  test('the weighted illustration differs from the plain mean', async () => {
    const parts = await tableData(page, 6, 0);
    const [merged] = await tableData(page, 6, 1);
    const rates = parts.map((r) => r.poverty_rate as number);
    const communes = parts.map((r) => r.communes as number);
    const weighted = (rates[0] * communes[0] + rates[1] * communes[1]) / (communes[0] + communes[1]);
    expect(merged.region).toBe('34:19');
    expect(merged.value).toBeCloseTo(weighted, 9);
    expect(merged.value).not.toBeCloseTo((rates[0] + rates[1]) / 2, 2);
  });

  test('a table cell can be inspected by click and by arrow keys', async () => {
    const table = page.locator('section.cell').nth(1).locator('.table-output');
    await table.locator('tbody td').nth(0).click();
    await expect.poll(() => table.locator('.inspector').textContent()).toMatch(/row 1, column period: "2006" \(string\)/);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => table.locator('.inspector').textContent()).toMatch(/row 1, column rows: 71 \(number\)/);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => table.locator('.inspector').textContent()).toMatch(/row 2, column rows: 71 \(number\)/);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement).tagName)).toBe('TD');
  });

  test('the 34 units as small multiples: 34 panels, 33 with figures, one keyboard grid', async () => {
    await page.locator('chiso-multiples').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.querySelector('chiso-multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]').length) === 34, undefined, { timeout: 60_000 });
    const labels = await page.evaluate(() => [...document.querySelector('chiso-multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]')].map((c) => c.getAttribute('aria-label') ?? ''));
    expect(labels.filter((l) => /chưa có số liệu/.test(l)).length).toBeLessThanOrEqual(1);
    expect(labels[0]).toMatch(/Ô 1 trên 34\.$/);
    expect(await page.evaluate(() => (document.querySelector('chiso-multiples') as unknown as { state: string }).state)).toBe('ready');
  });

  test('the code shown is the page source, types and all', async () => {
    const code = await page.locator('section.cell').nth(6).locator('pre.code').textContent();
    expect(code).toContain("weight: { indicator: 'admin_units', series: 'communes' }");
    await shoot(page, 'poverty');
  });
});

describe('Thu nhập và nghèo', () => {
  let page: Page;
  let errors: string[];
  let cells: CellRecord[];
  beforeAll(async () => ({ page, errors, cells } = await open('income')));

  test('every cell runs, nothing in the console', () => {
    expect(cells.map((c) => c.state)).toEqual(cells.map(() => 'done'));
    expect(errors).toEqual([]);
  });

  test('units are converted with the registry', async () => {
    const rows = await tableData(page, 1);
    const ductho = rows.find((r) => r.region === 'Đức Thọ')!;
    expect(ductho['as written']).toBe(60.2);
    expect(ductho['nghìn đồng/người/tháng']).toBe(5017);
    const hatinh = rows.find((r) => r.region === 'Hà Tĩnh' && r.period === '2016')!;
    expect(hatinh['triệu đồng/người/năm']).toBe(24.9);
  });

  test('tables write numbers as a Vietnamese reader does: thousands grouped, decimal comma, years as written', async () => {
    const shown = await page.evaluate(() => {
      const out = document.querySelectorAll('section.cell')[1].querySelector('.table-output')!;
      const columns = out.getAttribute('data-columns')!.split(',');
      return [...out.querySelectorAll('tbody tr')].map((tr) => Object.fromEntries([...tr.querySelectorAll('td')].map((td, i) => [columns[i], td.textContent!])));
    });
    const cells = (column: string) => shown.map((r) => r[column]).filter((t) => t !== undefined && t !== '∅');
    expect(cells('period').length).toBeGreaterThan(0);
    for (const period of cells('period')) expect(period).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const amounts = cells('nghìn đồng/người/tháng');
    expect(amounts.length).toBeGreaterThan(0);
    for (const text of amounts) expect(text).toMatch(/^\d{1,3}(\.\d{3})*(,\d+)?$/);
    expect(amounts.some((t) => t.includes('.'))).toBe(true);
  });

  test('income and poverty are strongly negatively correlated each year', async () => {
    const rows = await tableData(page, 2, 0);
    expect(rows.map((r) => r.period)).toEqual(['2010', '2012', '2014', '2016']);
    for (const r of rows) expect(r.r as number).toBeLessThan(-0.6);
  });

  test('the scatter has 62 provinces and names the outliers the residuals find', async () => {
    const [scatter] = charts(cells[3]);
    expect(scatter.names).toHaveLength(62);
    const far = await tableData(page, 3, 0);
    expect(far.map((r) => r.region)).toContain('12'); // Lai Châu
    await shoot(page, 'income');
  });
});

describe('Chỉ thị 05 qua các báo cáo', () => {
  let page: Page;
  let errors: string[];
  let cells: CellRecord[];
  beforeAll(async () => ({ page, errors, cells } = await open('directive05')));

  test('every cell runs, nothing in the console', () => {
    expect(cells.map((c) => c.state)).toEqual(cells.map(() => 'done'));
    expect(errors).toEqual([]);
  });

  test('five reports, their places read from the text', async () => {
    const rows = await tableData(page, 0);
    expect(rows.map((r) => r.region)).toEqual(['91', '75', '42-duc-tho', '42-tx-ky-anh', '06']);
  });

  test('the extractor agrees with the curated figures', async () => {
    const rows = await tableData(page, 1, 0);
    const total = (k: string) => rows.reduce((s, r) => s + (r[k] as number), 0);
    expect(total('curated')).toBe(25);
    expect(total('extracted')).toBe(25);
    expect(total('matched')).toBe(25);
    // Four phrases are cut differently by hand and by the extractor ("tổng số 36 mô hình/điển hình").
    expect(total('same phrase exactly')).toBe(21);
  });

  test('every figure sits beside its quote, and the paragraph marks exactly that phrase', async () => {
    const figures = await page.evaluate(() =>
      [...document.querySelectorAll('.evidence')].flatMap((ev) => {
        const quotes = [...ev.querySelectorAll('li.figure-item q')].map((q) => q.textContent);
        const marks = [...ev.querySelectorAll('blockquote mark')].map((m) => m.firstChild?.textContent);
        return quotes.map((q, i) => [q, marks[i]]);
      }),
    );
    expect(figures.length).toBeGreaterThanOrEqual(24);
    for (const [quote, mark] of figures) expect(mark).toBe(quote);
    // Built from text nodes: no markup inside the paragraphs but <mark> and its number.
    const tags = await page.evaluate(() => [...new Set([...document.querySelectorAll('blockquote.paragraph *')].map((e) => e.tagName))]);
    expect(tags.sort()).toEqual(['MARK', 'SUP']);
  });

  test('commendations are compared across Đồng Nai, Đức Thọ and Bắc Kạn', async () => {
    const [bars] = charts(cells[3]);
    expect(bars.regions).toEqual(['06', '42-duc-tho', '75']);
    expect(bars.rows).toBe(6);
  });

  test('<chiso-source> lists the five reports with all 25 phrases', async () => {
    await page.waitForFunction(() => ((document.querySelector('chiso-source') as unknown as { entries?: unknown[] })?.entries?.length ?? 0) > 0);
    const entries = await page.evaluate(() => (document.querySelector('chiso-source') as unknown as { entries: { source: string; quotes: string[] }[] }).entries);
    expect(entries.map((e) => e.source)).toHaveLength(5);
    expect(entries.reduce((n, e) => n + e.quotes.length, 0)).toBe(25);
    await shoot(page, 'directive05');
  });
});

describe('Dữ liệu của bạn', () => {
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ page, errors } = await open('your-data'));
  });
  type Live = { run: string; state: string; record: CellRecord };
  const views = () =>
    page.evaluate(() => [...document.querySelectorAll('.live')].map((l) => ({ run: (l as HTMLElement).dataset.run, state: (l as HTMLElement).dataset.state, record: (l as unknown as { record: CellRecord }).record })) as Live[]);
  const settled = (run: number) =>
    page.waitForFunction((n) => [...document.querySelectorAll<HTMLElement>('.live')].every((l) => l.dataset.run === String(n) && l.dataset.state !== 'running'), run);

  test('an Excel workbook through the keyboard-reachable file input: the note row is rejected with its row and column', async () => {
    await page.locator('#file').focus();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('file');
    await page.setInputFiles('#file', join(ROOT, 'examples/notebook/samples/bac-trung-bo-poverty.xlsx'));
    await settled(2);
    let [preview, , read, drawn] = await views();
    expect(tables(preview.record)[0].rows).toBe(8);
    // A wide sheet names no indicator: chiso says so rather than guess.
    expect(notes(read.record).map((n) => n.text).join('\n')).toContain('DATA_MISSING_INDICATOR');
    expect(notes(drawn.record)[0].text).toMatch(/Chưa có số liệu/);

    await page.selectOption('#map-indicator', 'poverty_rate');
    await page.click('#map-apply');
    await settled(3);
    [, , read, drawn] = await views();
    expect(tables(read.record).map((t) => t.rows)).toEqual([1, 24]);
    const diagnostics = await page.evaluate(() => (document.querySelectorAll('.live')[2].querySelector('.table-output') as unknown as { data: Record<string, unknown>[] }).data);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'DATA_UNKNOWN_REGION', row: 8, column: 'Tỉnh', level: 'error' })]);
    expect(diagnostics[0].vi).toMatch(/Không nhận ra địa phương/);
    expect(diagnostics[0].en).toMatch(/Unknown region/);
    expect(charts(drawn.record)[0].names).toEqual(['Hà Tĩnh', 'Nghệ An', 'Quảng Bình', 'Quảng Trị', 'Thanh Hóa', 'Thừa Thiên Huế']);
    await shoot(page, 'your-data-xlsx');
  });

  test('a CSV whose headers chiso does not know, read after the reader maps its columns', async () => {
    await page.click('button[data-sample="income-2016.csv"]');
    await settled(4);
    let [, , read] = await views();
    expect(tables(read.record)[1].rows).toBe(0);
    await page.selectOption('#map-indicator', 'income_per_capita');
    await page.selectOption('#map-region-column', '0');
    await page.selectOption('#map-period-column', '1');
    await page.selectOption('#map-value-column', '2');
    await page.click('#map-apply');
    await settled(5);
    let drawn: Live;
    [, , read, drawn] = await views();
    expect(tables(read.record).map((t) => t.rows)).toEqual([0, 6]);
    expect(charts(drawn.record)[0].names).toHaveLength(6);
    const obs = await page.evaluate(() => (document.querySelectorAll('.live')[2].querySelectorAll('.table-output')[1] as unknown as { data: Record<string, unknown>[] }).data);
    expect(obs.find((o) => o.region === '42')).toMatchObject({ value: 2074, unit: 'nghìn đồng/người/tháng', period: '2016' });
    await shoot(page, 'your-data-csv');
    expect(errors).toEqual([]);
  });

  test('a file dropped on the zone is read like a chosen one', async () => {
    const bytes = [...readFileSync(join(ROOT, 'examples/notebook/samples/income-2016.csv'))];
    const transfer = await page.evaluateHandle((b) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(b)], 'keo-tha.csv', { type: 'text/csv' }));
      return dt;
    }, bytes);
    await page.dispatchEvent('#dropzone', 'dragover', { dataTransfer: transfer });
    await page.dispatchEvent('#dropzone', 'drop', { dataTransfer: transfer });
    await settled(6);
    const [preview] = await views();
    expect(notes(preview.record)[0].text).toMatch(/^keo-tha\.csv \(CSV\): 7 dòng, 3 cột/);
    expect(errors).toEqual([]);
  });

  test('an OpenDocument sheet (.ods) through the file input, read by the reader `chiso load` uses', async () => {
    await page.setInputFiles('#file', join(ROOT, 'test/data/fixtures/immunisation.ods'));
    await settled(7);
    const [preview] = await views();
    expect(notes(preview.record)[0].text).toMatch(/^immunisation\.ods \(OpenDocument, trang tính đầu tiên\): 3 dòng, 3 cột/);
    const grid = await page.evaluate(() => (document.querySelectorAll('.live')[0].querySelector('.table-output') as unknown as { data: Record<string, unknown>[] }).data);
    // Cells as the sheet holds them (typed numbers with a decimal point), each row with its sheet row; key order aside.
    expect(grid.map((r) => Object.values(r).map(String).sort())).toEqual([
      ['1', 'Tỉnh', '2014', '2015'].sort(),
      ['2', 'Hà Tĩnh', '97.5', '98.1'].sort(),
      ['3', 'Quảng Ngãi', '95.2', '96.4'].sort(),
    ]);
    expect(errors).toEqual([]);
  });
});

describe('Nghèo đa chiều 2021–2025 theo báo chí', () => {
  let page: Page;
  let errors: string[];
  let cells: CellRecord[];
  beforeAll(async () => ({ page, errors, cells } = await open('press')));

  test('every cell runs, nothing in the console', () => {
    expect(cells.map((c) => [c.title, c.state, c.error?.en])).toEqual(cells.map((c) => [c.title, 'done', undefined]));
    expect(errors).toEqual([]);
  });

  test('the press series reads whole, every figure with its page and phrase', () => {
    const lines = readFileSync(new URL('../../data/press/poverty_2021_2025.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
    const rows = lines.length;
    const provinces = new Set(lines.map((l) => l.split(',')[1]).filter((r) => /^\d\d$/.test(r))).size;
    expect(provinces).toBeGreaterThan(15);
    expect(notes(cells[0])[0].text).toMatch(new RegExp(`^${rows} số liệu, ${provinces} tỉnh có số`));
    expect(tables(cells[0])[0].rows).toBe(rows);
  });

  test('one map per year, each joining all 63 provinces', () => {
    const maps = charts(cells[1]);
    expect(maps).toHaveLength(4);
    for (const map of maps) expect(map.regions).toHaveLength(63);
  });

  test('the 34-unit maps, one a year, keep unchanged units, take figures reported for a new unit and never mix years', async () => {
    const rows = await tableData(page, 3, 0);
    // Hà Tĩnh was not merged: it keeps its reported rate of 2021; Hồ Chí Minh City was reported as the new unit in 2025.
    expect(rows.find((r) => r.unit === '34:42' && r.period === '2021')).toMatchObject({ value: 5.9, how: 'unchanged' });
    expect(rows.find((r) => r.unit === '34:79' && r.period === '2025')).toMatchObject({ value: 0.029, how: 'reported' });
    // Tiền Giang was merged into Đồng Tháp with no same-year figure beside it.
    expect(rows.find((r) => r.unit === '34:82')).toBeUndefined();
    // One map for each year with a unit's figure (none in 2022, whose provinces were all merged since).
    const years = [...new Set(rows.map((r) => r.period))];
    const maps = charts(cells[3]);
    expect(maps).toHaveLength(years.length);
    expect(years).toContain('2025');
    for (const map of maps) expect(map.regions).toHaveLength(34);
  });
});

test('a failing cell shows its error in both languages and the other cells still run', async () => {
  const { page, errors } = await openPage(browser);
  const cells = await runNotebook(page, `${server.url}/test/examples/fixtures/broken.html`);
  expect(cells.map((c) => c.state)).toEqual(['done', 'error', 'error', 'done']);
  expect(cells[1].error!.vi).toContain('REGISTRY_');
  expect(cells[1].error!.en).toContain('99-nowhere');
  expect(cells[2].error).toEqual({ vi: 'Ô này gặp lỗi: TypeError: boom', en: 'This cell failed: TypeError: boom' });
  expect(tables(cells[3])[0].rows).toBe(2);
  expect(await page.locator('section.cell[data-state="error"] .error[role="alert"]').count()).toBe(2);
  expect(errors).toEqual([]);
});

test('the examples index links to the notebooks, and the notebook index to each page, all served by the dev server', async () => {
  const { page, errors } = await openPage(browser);
  const missing: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400) missing.push(new URL(r.url()).pathname);
  });
  await page.goto(`${server.url}/examples/`);
  await page.click('a[href="./notebook/"]');
  const links = await page.$$eval('main a', (as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
  expect(links).toEqual(['./poverty.html', './income.html', './directive05.html', './press.html', './your-data.html']);
  await page.goto(`${server.url}/examples/report/`);
  const loaded = await page.$$eval('figure.fig img', (imgs) => imgs.map((i) => (i as HTMLImageElement).complete && (i as HTMLImageElement).naturalWidth > 0));
  expect(loaded).toEqual([true, true, true, true, true]);
  // The browser asks for /favicon.ico on pages that name no icon (the examples index); nothing else may be missing.
  expect(missing.filter((p) => p !== '/favicon.ico')).toEqual([]);
  expect(errors.filter((e) => !/404 \(Not Found\)/.test(e) || missing.some((p) => p !== '/favicon.ico'))).toEqual([]);
});
