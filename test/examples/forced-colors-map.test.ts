/**
 * The dashboard's map under Windows contrast themes (`forced-colors: active`, emulated in Chromium):
 * its classes are told apart by patterns, not colour alone. Each class's provinces share one pattern,
 * the legend's squares show the same ones, the patterns (defined in the element's shadow root) are
 * drawn there, each class darker in grey than the one before, and missing figures keep their own look.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, downloadFrom, type TestServer } from '../browser/harness.js';
import { decodePng } from '../render/png-pixels.js';
import { grey, legendSquares, meanGrey } from '../render/map-legend.js';

const SHOTS = join(ROOT, 'test/examples/screenshots');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('examples/dashboard: the map in forced colours', () => {
  for (const width of [1280, 360]) {
    it(`at ${width} px: one pattern a class, the legend's the same, drawn from the shadow root's definitions`, async () => {
      const { page, errors } = await newPage(browser, { width, height: 900 });
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${server.url}/examples/dashboard/`);
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      const map = page.locator('chiso-map').first();
      await map.scrollIntoViewIfNeeded();
      // Brought into view, the map draws what it missed: wait for its provinces' fills.
      await map.evaluate(
        (el) =>
          new Promise<void>((resolve, reject) => {
            const until = performance.now() + 30_000;
            const check = () => {
              const n = el.shadowRoot!.querySelectorAll('.chart svg path[fill^="url(#chiso-pattern-"]').length;
              if (n >= 60) return resolve();
              if (performance.now() > until) return reject(new Error(`the map drew ${n} patterned provinces: ${[...new Set([...el.shadowRoot!.querySelectorAll('.chart svg path')].map((p) => p.getAttribute('fill')))].join(' ')}`));
              setTimeout(check, 100);
            };
            check();
          }),
      );
      const seen = await map.evaluate((el) => {
        const root = el.shadowRoot!;
        const svg = root.querySelector('.chart svg')!;
        const provinces = [...svg.querySelectorAll('path[aria-roledescription=geoshape]')]
          .filter((p) => p.getAttribute('fill') !== 'none')
          .map((p) => ({
            label: p.getAttribute('aria-label') ?? '',
            fill: p.getAttribute('fill') ?? '',
            computed: getComputedStyle(p).fill,
            dash: p.getAttribute('stroke-dasharray'),
          }));
        const legend = [...svg.querySelectorAll('.role-legend-symbol path')].map((p) => p.getAttribute('fill') ?? '');
        const defined = [...root.querySelectorAll('svg.patterns pattern')].map((p) => p.id);
        return { provinces, legend, defined };
      });
      const patterned = seen.provinces.filter((p) => p.fill.startsWith('url(#chiso-pattern-'));
      const missing = seen.provinces.filter((p) => !p.fill.startsWith('url('));
      const classes = seen.legend.filter((f) => f.startsWith('url('));
      // Five classes, five different patterns, each defined in the shadow root.
      expect(classes.length).toBe(5);
      expect(new Set(classes).size).toBe(5);
      for (const f of classes) expect(seen.defined).toContain(/#([^)]+)/.exec(f)![1]);
      // Every province with a figure takes one of the legend's patterns, and the system does not force it away.
      expect(patterned.length).toBeGreaterThanOrEqual(60);
      expect(new Set(patterned.map((p) => p.fill))).toEqual(new Set(classes));
      for (const p of patterned) expect(p.computed).toContain('chiso-pattern-');
      // One class a pattern: a higher class's provinces all have figures at least those of a lower one.
      const value = (label: string) => Number(/, ([\d.,]+)%/.exec(label)![1].replace(/\./g, '').replace(',', '.'));
      const byClass = classes.map((f) => patterned.filter((p) => p.fill === f).map((p) => value(p.label)));
      for (let k = 1; k < byClass.length; k++) expect(Math.min(...byClass[k])).toBeGreaterThanOrEqual(Math.max(...byClass[k - 1]));
      // Missing figures: plain paper in a dashed outline, like no class.
      expect(missing.length).toBeGreaterThanOrEqual(1);
      for (const p of missing) {
        expect(p.label).toContain('Không có số liệu');
        expect(classes).not.toContain(p.fill);
        expect(p.dash).toBeTruthy();
      }
      // Drawn: each legend square, seen in grey, darker than the one before (a pattern not found draws nothing).
      const squares = map.locator('.chart svg .role-legend-symbol path');
      const greys: number[] = [];
      for (let k = 0; k < classes.length; k++) greys.push(meanGrey(await squares.nth(k).screenshot()));
      for (let k = 1; k < greys.length; k++) expect(greys[k - 1] - greys[k], greys.map((g) => g.toFixed(0)).join(', ')).toBeGreaterThan(12);
      expect(greys[0]).toBeLessThan(250);
      expect(errors).toEqual([]);
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      await map.screenshot({ path: join(SHOTS, `map-forced-colors-${width}.png`) });
      if (width === 1280) {
        // Downloaded as SVG: the patterns' definitions come with it. As PNG (drawn from that SVG, Vega's
        // canvas knows no patterns): each class's square darker than the one before.
        const svg = (await downloadFrom(page, map, /SVG/)).bytes.toString('utf8');
        for (const f of classes) expect(svg).toContain(`<pattern id="${/#([^)]+)/.exec(f)![1]}"`);
        const squares = legendSquares(svg);
        expect(squares.map((s) => `url(#${s.pattern})`)).toEqual(classes);
        const png = (await downloadFrom(page, map, /PNG/)).bytes;
        writeFileSync(join(SHOTS, 'map-forced-colors-export.png'), png);
        const pixels = decodePng(new Uint8Array(png));
        expect(pixels.width).toBe(2 * Number(/<svg[^>]* width="([\d.]+)"/.exec(svg)![1]));
        const exported = squares.map((s) => grey(pixels, s.x, s.y, 2));
        for (let k = 1; k < exported.length; k++) expect(exported[k - 1] - exported[k], exported.map((g) => g.toFixed(0)).join(', ')).toBeGreaterThan(12);
      }
      await page.context().close();
    }, 180_000);
  }
});
