/**
 * The portal example under Windows contrast themes (`forced-colors: active`, emulated in Chromium) and
 * with the reader's high-contrast switch: the charts draw, their text takes the system's colours, the
 * two lines of the line chart are told apart by their dashes, and the switch is a keyboard-operable
 * button the page remembers, with a focus ring of at least 2 px at 3:1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';
import { contrastRatio } from '../../src/charts/contrast.js';

const SHOTS = join(ROOT, 'test/examples/screenshots');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/chiso.embed.js'))) throw new Error('dist/chiso.embed.js is missing: run `npm run build` first');
  mkdirSync(SHOTS, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `rgb(r, g, b)` as `#rrggbb`. */
const hex = (rgb: string) => '#' + (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Math.round(Number(v)).toString(16).padStart(2, '0')).join('');

/** The line chart's lines (dash patterns) and points (shapes), and the colours its text is drawn in. */
async function lineChart(page: Page) {
  return page.evaluate(() => {
    const chart = [...document.querySelectorAll('chiso-chart')].find((c) => c.getAttribute('type') === 'line')!;
    const svg = chart.shadowRoot!.querySelector('.chart svg')!;
    const lines = [...svg.querySelectorAll('.mark-line.role-mark path')];
    const probe = document.createElement('span');
    probe.style.color = 'CanvasText';
    document.body.append(probe);
    const canvasText = getComputedStyle(probe).color;
    probe.remove();
    return {
      state: (chart as unknown as { state: string }).state,
      dashes: lines.map((p) => p.getAttribute('stroke-dasharray') ?? 'solid'),
      strokes: [...new Set(lines.map((p) => getComputedStyle(p).stroke))],
      shapes: [...new Set([...svg.querySelectorAll('.mark-symbol.role-mark path')].map((p) => (p.getAttribute('d') ?? '').replace(/[-\d.]+/g, 'n')))].length,
      texts: [...new Set([...svg.querySelectorAll('text')].map((t) => getComputedStyle(t).fill))],
      // Only the chart's own paper may be filled: a layer's background filled would hide the layers under it.
      filledBackgrounds: [...svg.querySelectorAll('.background')].filter((b) => getComputedStyle(b).fill !== 'none').length,
      canvasText,
    };
  });
}

describe('examples/portal in forced colours', () => {
  it('draws every chart, text in CanvasText, lines told apart by their dashes', async () => {
    const { page, errors } = await newPage(browser);
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    const states = await page.evaluate(() => [...document.querySelectorAll('chiso-chart, chiso-map')].map((c) => (c as unknown as { state: string }).state));
    expect(states.length).toBeGreaterThanOrEqual(4);
    expect(new Set(states)).toEqual(new Set(['ready']));
    const line = await lineChart(page);
    // Hà Tĩnh and the whole country: two series, two different dash patterns (plus the dotted
    // preliminary pieces where there are any).
    const finalDashes = new Set(line.dashes.filter((d) => d !== '1,4'));
    expect(finalDashes.size).toBeGreaterThanOrEqual(2);
    // Colour no longer tells them apart: every line is drawn in the system's text colour.
    expect(line.strokes).toEqual([line.canvasText]);
    expect(line.texts).toEqual([line.canvasText]);
    expect(line.filledBackgrounds).toBe(1);
    // And each series' points have their own shape.
    expect(line.shapes).toBeGreaterThanOrEqual(2);
    expect(errors).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portal-forced-colors.png'), fullPage: true });
    await page.context().close();
  });
});

describe('examples/dashboard and its period player in forced colours', () => {
  for (const width of [1280, 360]) {
    it(`at ${width} px: the player's controls in system colours, stepped by keyboard, the map drawn; no sideways scrolling`, async () => {
      const { page, errors } = await newPage(browser, { width, height: 900 });
      await page.emulateMedia({ forcedColors: 'active' });
      await page.goto(`${server.url}/examples/dashboard/`);
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      await page.waitForFunction(() => (document.querySelector('chiso-player') as unknown as { periods: string[] }).periods.length > 0, undefined, { timeout: 30_000, polling: 100 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      const player = page.locator('chiso-player');
      await player.scrollIntoViewIfNeeded();
      const slider = player.locator('input[type=range]');
      await slider.focus();
      await page.keyboard.press('Shift+Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowLeft');
      await page.waitForFunction(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')?.textContent?.startsWith('Năm 2015'), undefined, { timeout: 30_000, polling: 100 });
      await waitForCharts(page);
      const looks = await player.evaluate((el) => {
        const root = el.shadowRoot!;
        const probe = document.createElement('span');
        document.body.append(probe);
        const system = (c: string) => {
          probe.style.color = c;
          return getComputedStyle(probe).color;
        };
        const colours = { buttonText: system('ButtonText'), canvasText: system('CanvasText'), canvas: system('Canvas'), highlight: system('Highlight') };
        probe.remove();
        const input = root.querySelector('input[type=range]')!;
        const s = getComputedStyle(input);
        return {
          colours,
          buttons: [...root.querySelectorAll('button')].map((b) => {
            const bs = getComputedStyle(b);
            return { text: bs.color, border: bs.borderTopColor, borderWidth: parseFloat(bs.borderTopWidth), width: b.getBoundingClientRect().width, height: b.getBoundingClientRect().height, disabled: b.disabled };
          }),
          ring: { focused: input.matches(':focus-visible'), width: parseFloat(s.outlineWidth), style: s.outlineStyle, color: s.outlineColor },
          announce: getComputedStyle(root.querySelector('[part=announce]')!).color,
        };
      });
      // Buttons keep a border and their text in the system's button colours (the filled Play button too).
      for (const b of looks.buttons.filter((b) => !b.disabled)) {
        expect(b.text).toBe(looks.colours.buttonText);
        expect(b.border).toBe(looks.colours.buttonText);
        expect(b.borderWidth).toBeGreaterThanOrEqual(1);
        expect(Math.min(b.width, b.height)).toBeGreaterThanOrEqual(24);
      }
      expect(looks.announce).toBe(looks.colours.canvasText);
      // The slider's focus ring: at least 2 px, solid, 3:1 against the page.
      expect(looks.ring.focused).toBe(true);
      expect(looks.ring.style).toBe('solid');
      expect(looks.ring.width).toBeGreaterThanOrEqual(2);
      expect(contrastRatio(hex(looks.ring.color), hex(looks.colours.canvas))).toBeGreaterThanOrEqual(3);
      const map = await page.evaluate(() => {
        const m = document.querySelector('chiso-map') as unknown as HTMLElement & { state: string; description: string };
        return { state: m.state, period: /năm (\d{4})/.exec(m.description)?.[1], shapes: m.shadowRoot!.querySelectorAll('.chart svg path[aria-roledescription=geoshape]').length };
      });
      expect(map).toEqual({ state: 'ready', period: '2015', shapes: expect.any(Number) });
      expect(map.shapes).toBeGreaterThanOrEqual(63);
      expect(errors).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `dashboard-forced-colors-${width}.png`) });
      await page.context().close();
    }, 180_000);
  }
});

describe('the high-contrast switch', () => {
  it('is a button operated by keyboard, remembered by the page, with a visible focus ring', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    const before = await lineChart(page);
    expect(new Set(before.dashes.filter((d) => d !== '5,4')).size).toBe(1);
    const toggle = page.locator('chiso-dashboard').locator('button.contrast');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.textContent()).toBe('Tương phản cao');
    // Reached with Tab like any control, switched with the space bar.
    await toggle.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const ring = await toggle.evaluate((b) => {
      const s = getComputedStyle(b);
      const host = (b.getRootNode() as ShadowRoot).host;
      return { focused: b.matches(':focus-visible'), width: parseFloat(s.outlineWidth), style: s.outlineStyle, color: s.outlineColor, bg: getComputedStyle(host).backgroundColor };
    });
    expect(ring.focused).toBe(true);
    expect(ring.style).toBe('solid');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    const bg = ring.bg === 'rgba(0, 0, 0, 0)' ? '#ffffff' : hex(ring.bg);
    expect(contrastRatio(hex(ring.color), bg)).toBeGreaterThanOrEqual(3);
    await page.keyboard.press('Space');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await page.evaluate(() => localStorage.getItem('chiso-contrast'))).toBe('high');
    await waitForCharts(page);
    await page.waitForFunction(() => {
      const chart = [...document.querySelectorAll('chiso-chart')].find((c) => c.getAttribute('type') === 'line')!;
      return new Set([...chart.shadowRoot!.querySelectorAll('.mark-line.role-mark path')].map((p) => p.getAttribute('stroke-dasharray') ?? 'solid')).size >= 2;
    }, undefined, { timeout: 20_000, polling: 100 });
    // Remembered: the next visit opens in high contrast.
    await page.reload();
    await scrollThrough(page);
    await waitForCharts(page);
    expect(await page.locator('chiso-dashboard').getAttribute('contrast')).toBe('high');
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const after = await lineChart(page);
    expect(new Set(after.dashes.filter((d) => d !== '1,4')).size).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(SHOTS, 'portal-high-contrast.png'), fullPage: true });
    // Switched off again, and forgotten.
    await toggle.press('Enter');
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await page.evaluate(() => localStorage.getItem('chiso-contrast'))).toBe(null);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
