/**
 * Continuous maps (a linear ramp; change around a midpoint) under Windows contrast themes
 * (`forced-colors: active`, emulated in Chromium): a ramp cannot be told apart without colour, so
 * there it is drawn as classes, equal steps of the figures (two either side of a midpoint), each
 * with its pattern, the legend naming each class's bounds. Each class's provinces share one pattern,
 * the legend's squares show the same ones, each darker in grey than the one before, and the SVG
 * export carries the patterns' definitions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, downloadFrom, type TestServer } from '../browser/harness.js';
import { legendSquares, meanGrey } from '../render/map-legend.js';

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

/** Figure of a province's label: `Hà Giang, 30,1%` → 30.1. */
const value = (label: string) => Number(/, ([\d.,]+)%/.exec(label)![1].replace(/\./g, '').replace(',', '.'));

describe('continuous maps in forced colours', () => {
  for (const width of [1280, 360]) {
    it(`at ${width} px: drawn as classes, one pattern each, the legend naming their bounds`, async () => {
      const { page, errors } = await newPage(browser, { width, height: 900 });
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${server.url}/test/browser/pages/map-continuous.html`);
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      for (const [id, count] of [['linear', 5], ['diverging', 4]] as const) {
        const map = page.locator(`#${id}`);
        await map.scrollIntoViewIfNeeded();
        await map.evaluate(
          (el) =>
            new Promise<void>((resolve, reject) => {
              const until = performance.now() + 30_000;
              const check = () => {
                const n = el.shadowRoot!.querySelectorAll('.chart svg path[fill^="url(#chiso-pattern-"]').length;
                if (n >= 60 && el.shadowRoot!.querySelectorAll('svg.patterns pattern').length) return resolve();
                if (performance.now() > until) return reject(new Error(`${el.id} drew ${n} patterned provinces`));
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
            .map((p) => ({ label: p.getAttribute('aria-label') ?? '', fill: p.getAttribute('fill') ?? '', computed: getComputedStyle(p).fill }));
          const legend = [...svg.querySelectorAll('.role-legend-symbol path')].map((p) => p.getAttribute('fill') ?? '');
          const labels = [...svg.querySelectorAll('.role-legend-label text')].map((t) => t.textContent ?? '');
          // No colour ramp is left in the drawing: a gradient legend would be one.
          const gradients = svg.querySelectorAll('linearGradient').length;
          const defined = [...root.querySelectorAll('svg.patterns pattern')].map((p) => p.id);
          return { provinces, legend, labels, gradients, defined };
        });
        const classes = seen.legend.filter((f) => f.startsWith('url('));
        expect(seen.gradients).toBe(0);
        expect(classes.length, id).toBe(count);
        expect(new Set(classes).size).toBe(count);
        for (const f of classes) expect(seen.defined).toContain(/#([^)]+)/.exec(f)![1]);
        // The legend names each class by its bounds; around the midpoint, one class ends on it and the next starts there.
        const bounds = seen.labels.filter((l) => /\d–\d|^[<≥]/.test(l));
        expect(bounds.length).toBe(count);
        if (id === 'diverging') {
          expect(bounds[1]).toMatch(/–10,0$/);
          expect(bounds[2]).toMatch(/^10,0–/);
        }
        // Each province with a figure takes its class's pattern; a higher class's figures are all at least a lower one's.
        const patterned = seen.provinces.filter((p) => p.fill.startsWith('url(#chiso-pattern-'));
        expect(patterned.length).toBeGreaterThanOrEqual(60);
        for (const p of patterned) expect(p.computed).toContain('chiso-pattern-');
        const byClass = classes.map((f) => patterned.filter((p) => p.fill === f).map((p) => value(p.label))).filter((vs) => vs.length);
        for (let k = 1; k < byClass.length; k++) expect(Math.min(...byClass[k])).toBeGreaterThanOrEqual(Math.max(...byClass[k - 1]));
        // Each legend square darker in grey than the one before.
        const squares = map.locator('.chart svg .role-legend-symbol path');
        const greys: number[] = [];
        for (let k = 0; k < classes.length; k++) greys.push(meanGrey(await squares.nth(k).screenshot()));
        for (let k = 1; k < greys.length; k++) expect(greys[k - 1] - greys[k], greys.map((g) => g.toFixed(0)).join(', ')).toBeGreaterThan(12);
        await map.screenshot({ path: join(SHOTS, `map-${id}-forced-colors-${width}.png`) });
        if (width === 1280) {
          // Exported as SVG: the patterns' definitions come with it, the legend's squares in the same order.
          const svg = (await downloadFrom(page, map, /SVG/)).bytes.toString('utf8');
          for (const f of classes) expect(svg).toContain(`<pattern id="${/#([^)]+)/.exec(f)![1]}"`);
          expect(legendSquares(svg).map((s) => `url(#${s.pattern})`)).toEqual(classes);
        }
      }
      expect(errors).toEqual([]);
      await page.context().close();
    }, 180_000);
  }
});
