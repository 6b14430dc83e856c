/**
 * The demo dashboard printed to PDF in Chromium on A4, as a reader's "Print" does: the pages are
 * counted with pdfinfo, and pdftotext shows the selection line and each view's title, source and
 * description on one page (a view is never cut between two pages).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';

const OUT = join(ROOT, 'test/examples/screenshots');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(OUT, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Words only: pdftotext breaks lines where the page did, and writes spaces its own way. */
const words = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ').trim();

describe('the demo dashboard on paper', () => {
  it('prints on A4 pages, each view whole on one page, with the selection and the sources', async () => {
    const { page, errors } = await newPage(browser);
    // A shared link: Hà Tĩnh selected, 2010 to 2016.
    await page.goto(`${server.url}/examples/dashboard/?demo.region=42&demo.period=2010-2016`);
    await page.waitForFunction(() => customElements.get('chiso-chart') !== undefined, undefined, { timeout: 60_000 });
    await scrollThrough(page);
    await waitForCharts(page, 60_000);
    // What each chart shows on screen: its title (the spec's), its source line and its description.
    const views = await page.evaluate(() =>
      [...document.querySelectorAll('chiso-chart, chiso-map')].map((c) => {
        // A line wrapped into <tspan>s (a long source line) reads with a space between its parts, as printed.
        const texts = [...c.shadowRoot!.querySelectorAll('.chart svg text')].map((t) => {
          const spans = [...t.querySelectorAll('tspan')];
          return spans.length ? spans.map((s) => s.textContent ?? '').join(' ') : t.textContent ?? '';
        });
        const spec = (c as unknown as { shownSpec: { title?: { text?: string | string[] } } }).shownSpec;
        const title = [spec.title?.text ?? ''].flat().join(' ');
        return {
          type: c.getAttribute('type') ?? c.localName,
          title,
          source: texts.find((t) => /^Nguồn/.test(t)) ?? '',
          description: (c.shadowRoot!.querySelector('.description')?.textContent ?? '').trim(),
        };
      }),
    );
    expect(views.length).toBeGreaterThanOrEqual(4);
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '12mm', right: '12mm' } });
    const file = join(OUT, 'dashboard-print.pdf');
    writeFileSync(file, pdf);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
    // A4 portrait in points.
    expect(info).toMatch(/Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
    // One view a page at most, plus the header's page and the pages a long table runs on to (the press
    // section's 34 units); never a chart over two pages (more pages).
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(pages).toBeLessThanOrEqual(views.length + 4);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const sheets = text.split('\f').map(words);
    // The selection is printed, with the address that shows it again.
    const selection = sheets.findIndex((s) => s.includes('Lựa chọn khi in: Hà Tĩnh; 2010–2016'));
    expect(selection).toBeGreaterThanOrEqual(0);
    expect(sheets[selection]).toContain('demo.region=42');
    // The switch and the export buttons stay on screen.
    expect(text).not.toContain('Tương phản cao');
    expect(text).not.toContain('Tải xuống');
    for (const v of views) {
      expect(v.title, v.type).not.toBe('');
      expect(v.source, v.type).not.toBe('');
      const where = sheets.findIndex((s) => s.includes(words(v.title)));
      expect(where, `${v.type}: "${v.title}" printed`).toBeGreaterThanOrEqual(0);
      // Source line and the end of the description on the title's page: the view is whole there.
      expect(sheets[where], `${v.type}: source with its title`).toContain(words(v.source));
      expect(sheets[where], `${v.type}: description with its title`).toContain(words(v.description).slice(-40));
    }
    expect(errors).toEqual([]);
    await page.context().close();
    console.log(`demo dashboard printed on ${pages} A4 pages, ${views.length} charts`);
  }, 180_000);
});
