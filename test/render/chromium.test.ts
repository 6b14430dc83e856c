/**
 * The embedded subsets are real fonts to a browser: two exported charts inlined in one page load
 * their faces, Chromium sets each text at the width chiso measured with fontkit (so the subset was
 * used, not a fallback), and no id is shared between the two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../browser/harness.js';
import { cssWeight, defaultFontSet, faceFor, measureText } from '../../src/render/node/fonts.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('exported SVG in Chromium', () => {
  it('loads the embedded faces and sets the text at the measured width', async () => {
    const names = ['ky-anh-party-registration', 'duc-tho-kpi-poverty', 'ha-tinh-poverty-trend'];
    const svgs = names.map((n) => readFileSync(`test/output/${n}.svg`, 'utf8'));
    const page = await (await browser.newContext()).newPage();
    await page.setContent(`<!doctype html><meta charset="utf-8"><body>${svgs.join('\n')}</body>`);
    const result = await page.evaluate(async () => {
      await document.fonts.ready;
      const faces = [...document.fonts].map((f) => ({ family: f.family, status: f.status, weight: f.weight }));
      const texts = [...document.querySelectorAll('text')]
        .filter((t) => (t.getAttribute('font-family') ?? '').startsWith('chiso-') && t.children.length === 0)
        .map((t) => ({
          text: t.textContent ?? '',
          size: parseFloat(t.getAttribute('font-size') ?? '11'),
          weight: t.getAttribute('font-weight'),
          style: t.getAttribute('font-style'),
          width: t.getComputedTextLength(),
        }));
      const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
      return { faces, texts, ids };
    });
    expect(result.faces.length).toBeGreaterThan(3);
    expect(result.faces.every((f) => f.family.startsWith('"chiso-') || f.family.startsWith('chiso-'))).toBe(true);
    expect(result.faces.filter((f) => f.status === 'loaded').length).toBeGreaterThan(3);
    const fonts = defaultFontSet();
    expect(result.texts.length).toBeGreaterThan(10);
    for (const t of result.texts) {
      const expected = measureText(faceFor(fonts, cssWeight(t.weight ?? undefined), t.style ?? undefined), t.text.trim(), t.size);
      // Chromium kerns; chiso's measure sums advances: within 3% and one pixel.
      expect(Math.abs(t.width - expected), `${t.text} ${t.width} vs ${expected}`).toBeLessThan(Math.max(1, expected * 0.03));
    }
    expect(new Set(result.ids).size).toBe(result.ids.length);
  });
});
