// The report author's example: the build script exports the numbered figures with `chiso render` and
// writes the A4 page; the page prints from Chromium to one figure a page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, openPage } from './helpers.js';

const SHOTS = join(ROOT, 'test/examples/screenshots');
const config = JSON.parse(readFileSync(join(ROOT, 'examples/report/figures.json'), 'utf8')) as { charts: { id: string; title: string }[] };
let out: string;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  out = mkdtempSync(join(tmpdir(), 'chiso-report-'));
  // The script as a report author runs it, in a process of its own, into a temporary folder.
  execFileSync(process.execPath, [join(ROOT, 'examples/report/build.mjs'), '--out', out], { cwd: ROOT, stdio: 'pipe' });
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('examples/report/build.mjs', () => {
  test('writes an SVG and a PNG for every configured chart, and the page', () => {
    const files = readdirSync(join(out, 'figures')).sort();
    expect(files).toEqual(config.charts.flatMap((c) => [`${c.id}.png`, `${c.id}.svg`]).sort());
    for (const c of config.charts) {
      const svg = readFileSync(join(out, 'figures', `${c.id}.svg`), 'utf8');
      expect(svg).toContain(`<title>${c.title}</title>`);
      expect(svg).toMatch(/<desc>[^<]{40,}<\/desc>/);
      const png = readFileSync(join(out, 'figures', `${c.id}.png`));
      expect(png.subarray(1, 4).toString()).toBe('PNG');
    }
    expect(existsSync(join(out, 'index.html'))).toBe(true);
  });

  test('Hình 5: the longest bar (Đồng Nai, 35) ends on the last tick, and the figure fits the A4 text column', () => {
    const svg = readFileSync(join(out, 'figures', '05-khen-thuong-chi-thi-05.svg'), 'utf8');
    const ticks = [...svg.matchAll(/<text[^>]*>(\d+)<\/text>/g)].map((m) => Number(m[1]));
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(35);
    // 210 mm less 18 mm margins each side, at 96 px an inch: 657 px.
    const width = Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).toBeLessThanOrEqual((174 / 25.4) * 96);
  });

  test('the committed page shows the configured figures, so it opens without building', () => {
    // A snapshot refreshed by `npm run report`; its figures follow figures.json one for one.
    const html = readFileSync(join(ROOT, 'examples/report/index.html'), 'utf8');
    const shown = [...html.matchAll(/<img src="figures\/([^"]+)\.svg"/g)].map((m) => m[1]);
    expect(shown).toEqual(config.charts.map((c) => c.id));
    for (const id of shown) {
      expect(existsSync(join(ROOT, 'examples/report/figures', `${id}.svg`)), id).toBe(true);
      expect(existsSync(join(ROOT, 'examples/report/figures', `${id}.png`)), id).toBe(true);
    }
  });

  test('the page numbers every figure, with its description and source note, and no console errors', async () => {
    const { page, errors } = await openPage(browser, { width: 1000, height: 1200 });
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    const figures = await page.$$eval('figure.fig', (els) =>
      els.map((f) => ({
        caption: f.querySelector('figcaption')?.textContent?.replace(/\s+/g, ' ').trim(),
        loaded: (f.querySelector('img') as HTMLImageElement).naturalWidth > 0,
        description: f.querySelector('.fig-description')?.textContent ?? '',
        source: f.querySelector('.fig-source')?.textContent ?? '',
      })),
    );
    expect(figures.map((f) => f.caption)).toEqual(config.charts.map((c, i) => `Hình ${i + 1}. ${c.title}`));
    for (const f of figures) {
      expect(f.loaded).toBe(true);
      expect(f.description.length).toBeGreaterThan(40);
      expect(f.description).not.toMatch(/Nguồn:/);
      expect(f.source).toMatch(/^Nguồn: /);
    }
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'report-screen.png'), fullPage: false });
  });

  test('prints to A4 with one figure a page (the cover shares the first)', async () => {
    const { page } = await openPage(browser);
    await page.goto(pathToFileURL(join(out, 'index.html')).href);
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const file = join(out, 'report.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBe(config.charts.length);
    // A4 is 595 x 842 points.
    expect(info).toMatch(/Page size:\s+595\.\d* x 841\.\d*|Page size:\s+595\.\d* x 842/);
    execFileSync('pdftoppm', ['-png', '-r', '60', file, join(SHOTS, 'report-page')]);
    const pages = readdirSync(SHOTS).filter((f) => f.startsWith('report-page'));
    expect(pages).toHaveLength(config.charts.length);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    for (let i = 1; i <= config.charts.length; i++) expect(text).toContain(`Hình ${i}.`);
  });
});
