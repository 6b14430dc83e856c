/**
 * The map's export in high contrast: the SVG carries the definitions of the patterns its classes are
 * filled with, and both resvg (the PNG export) and Chromium draw them: each class's legend square,
 * seen in grey, has more ink than the one before. The default map's SVG has no patterns at all.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { mapChart } from '../../src/charts/map.js';
import { renderSvg } from '../../src/render/node/svg.js';
import { renderPng } from '../../src/render/node/png.js';
import { ROOT, launchBrowser } from '../browser/harness.js';
import { decodePng } from './png-pixels.js';
import { grey, legendSquares } from './map-legend.js';
import { query } from './snapshots.js';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';

const SHOTS = join(ROOT, 'test/examples/screenshots');
const vn63 = JSON.parse(readFileSync(join(ROOT, 'data/geo/vn63_provinces_odv.topojson.json'), 'utf8')) as Topology;
const rows = () => query('poverty', { select: { regions: { level: 'province' }, periods: ['2016'] } });

let browser: Browser;
beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Lighter to darker, each step at least `step` greys darker. */
function darkening(greys: number[], step: number): void {
  for (let k = 1; k < greys.length; k++) expect(greys[k - 1] - greys[k], `class ${k} against ${k - 1}: ${greys.map((g) => g.toFixed(0)).join(', ')}`).toBeGreaterThan(step);
}

describe('the map exported in high contrast', () => {
  it('carries its patterns, and resvg and Chromium draw them: each class darker in grey than the one before', async () => {
    const svg = await renderSvg(mapChart(rows(), { topology: vn63, contrast: 'high' }, 'vi'));
    writeFileSync(join(SHOTS, 'map-high-contrast-export.svg'), svg);
    // Its own definitions, once, and no fill pointing at a pattern it does not define.
    expect(svg.match(/<defs>/g)?.length).toBeGreaterThanOrEqual(1);
    const defined = new Set([...svg.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]));
    const used = new Set([...svg.matchAll(/fill="url\(#(chiso-pattern-[^)]+)\)"/g)].map((m) => m[1]));
    expect(used.size).toBe(5);
    for (const id of used) expect(defined.has(id), id).toBe(true);
    // Provinces of every class are filled with the class's pattern; missing figures are not.
    const squares = legendSquares(svg);
    expect(squares.map((s) => s.pattern)).toEqual([...used].sort((a, b) => Number(a.split('-').pop()) - Number(b.split('-').pop())));

    const png = decodePng(await renderPng(svg, { scale: 2 }));
    writeFileSync(join(SHOTS, 'map-high-contrast-export.png'), await renderPng(svg, { scale: 2 }));
    const resvgGreys = squares.map((s) => grey(png, s.x, s.y, 2));
    darkening(resvgGreys, 12);
    // Without its definitions, resvg would draw no square at all: the first is not plain paper.
    expect(resvgGreys[0]).toBeLessThan(250);

    const page = await browser.newPage({ viewport: { width: 700, height: 700 } });
    await page.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const shot = await page.locator('svg').first().screenshot({ path: join(SHOTS, 'map-high-contrast-export-chromium.png') });
    const chromium = decodePng(new Uint8Array(shot));
    const chromiumGreys = squares.map((s) => grey(chromium, s.x, s.y, 1));
    darkening(chromiumGreys, 12);
    await page.close();
    // The two draw the same squares alike.
    for (let k = 0; k < squares.length; k++) expect(Math.abs(resvgGreys[k] - chromiumGreys[k])).toBeLessThan(25);
  }, 120_000);

  for (const [name, options, count] of [['linear', { scale: 'linear' as const }, 5], ['around a midpoint', { midpoint: 10 }, 4]] as const) {
    it(`a continuous map (${name}) is exported in classes, with their patterns, each darker in grey`, async () => {
      const svg = await renderSvg(mapChart(rows(), { topology: vn63, contrast: 'high', ...options }, 'vi'));
      const defined = new Set([...svg.matchAll(/<pattern id="([^"]+)"/g)].map((m) => m[1]));
      const squares = legendSquares(svg);
      expect(squares.length).toBe(count);
      for (const s of squares) expect(defined.has(s.pattern), s.pattern).toBe(true);
      expect(svg).not.toContain('linearGradient');
      const png = decodePng(await renderPng(svg, { scale: 2 }));
      darkening(squares.map((s) => grey(png, s.x, s.y, 2)), 12);
    }, 60_000);
  }

  it('a default map has no patterns and no definitions of them', async () => {
    const svg = await renderSvg(mapChart(rows(), { topology: vn63 }, 'vi'));
    expect(svg).not.toContain('chiso-pattern');
  }, 60_000);
});
