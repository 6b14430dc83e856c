// The export menu saves exactly what the chart shows: SVG and PNG of the drawing, CSV of the
// observations drawn (UTF-8 with BOM, loads back to the same observations), and the Vega-Lite spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { loadObservations } from '../../src/data/index.js';
import type { Observation } from '../../src/types.js';
import * as fontkit from 'fontkit';
import { textRuns } from '../../src/render/document.js';
import { pngDpi } from '../../src/render/png-resolution.js';
import { launchBrowser, newPage, scrollThrough, startStaticServer, STRICT_CSP, waitForCharts, ROOT, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer((p) => (p.endsWith('.html') ? { 'content-security-policy': STRICT_CSP } : {}));
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/elements.html');
  await scrollThrough(page);
  await waitForCharts(page);
  await page.locator('#line').evaluate((el) => el.scrollIntoView({ block: 'center' }));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function exportAs(label: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const chart = page.locator('#line');
  await chart.getByText(/Tải xuống/).click();
  const [download] = await Promise.all([page.waitForEvent('download'), chart.getByRole('button', { name: label }).click()]);
  const path = await (download as Download).path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const shown = () => page.evaluate(() => (document.getElementById('line') as unknown as { shown: Observation[] }).shown);

describe('export menu', () => {
  it('saves the SVG that is drawn', async () => {
    const { name, bytes } = await exportAs(/SVG/);
    expect(name).toMatch(/\.svg$/);
    const svg = bytes.toString('utf8');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('Hà Tĩnh');
    const drawnMarks = await page.evaluate(() => document.getElementById('line')!.shadowRoot!.querySelectorAll('.chart svg path').length);
    expect((svg.match(/<path/g) ?? []).length).toBe(drawnMarks);
  });

  it('embeds Be Vietnam Pro in the SVG, as chiso render does, with every letter the chart uses', async () => {
    const svg = (await exportAs(/SVG/)).bytes.toString('utf8');
    const faces = [...svg.matchAll(/@font-face\{font-family:"(chiso-[0-9a-f]+)";font-style:(\w+);font-weight:(\d+);src:url\(data:font\/woff2;base64,([A-Za-z0-9+/=]+)\)/g)];
    expect(faces.length).toBeGreaterThan(0);
    const family = faces[0][1];
    expect(svg).toMatch(new RegExp(`font-family="${family}, &quot;Be Vietnam Pro&quot;`));
    expect(svg).toMatch(/<title>[^<]*nghèo/i);
    expect(svg).toContain('xml:lang="vi"');
    const text = textRuns(svg).map((r) => r.text).join('');
    for (const [, , style, weight, base64] of faces) {
      const font = fontkit.create(Buffer.from(base64, 'base64')) as unknown as { glyphForCodePoint(c: number): { id: number }; characterSet: number[] };
      const missing = [...new Set(text)].filter((ch) => ch.trim() && font.glyphForCodePoint(ch.codePointAt(0)!).id === 0);
      expect(missing, `${weight} ${style}`).toEqual([]);
    }
  });

  it('loads the embedded faces only when an SVG is asked for', () => {
    const first = readFileSync(ROOT + 'dist/chiso.embed.js', 'utf8');
    expect(first).not.toContain('d09GMg'); // "wOF2" in base64: no font in the first script
  });

  it('saves a PNG at twice the size of the drawing', async () => {
    const { name, bytes } = await exportAs(/PNG/);
    expect(name).toMatch(/\.png$/);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = bytes.readUInt32BE(16);
    const drawn = await page.evaluate(() => Number(document.getElementById('line')!.shadowRoot!.querySelector('.chart svg')!.getAttribute('width')));
    expect(width).toBe(drawn * 2);
    // The file says its resolution: twice 96 dpi, so it is placed at the chart's size.
    expect(pngDpi(new Uint8Array(bytes))?.x).toBeCloseTo(192, 0);
  });

  it('saves a CSV of exactly the observations shown, which loads back to the same observations', async () => {
    const { name, bytes } = await exportAs(/CSV/);
    expect(name).toMatch(/\.csv$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const back = loadObservations(bytes.toString('utf8'), { file: name }).observations;
    const pick = (o: Observation) => [o.indicator, o.region, o.period, o.value, o.qualifier, o.denominator, o.unit, o.series, o.status, o.quote];
    expect(back.map(pick)).toEqual((await shown()).map(pick));
  });

  it('saves the Vega-Lite spec that is drawn', async () => {
    const { name, bytes } = await exportAs(/Vega-Lite/);
    expect(name).toMatch(/\.json$/);
    const spec = JSON.parse(bytes.toString('utf8'));
    const drawn = await page.evaluate(() => (document.getElementById('line') as unknown as { shownSpec: unknown }).shownSpec);
    expect(spec).toEqual(drawn);
    expect(String(spec.$schema)).toContain('vega-lite');
  });

  it('has no action that opens an editor', async () => {
    const labels = await page.locator('#line').getByRole('button').allTextContents();
    expect(labels.join(' ')).not.toMatch(/editor|biên tập/i);
  });
});
