/**
 * The portal example, as `npm run demo` serves it: the built one-file embed, the strict CSP header,
 * Vietnamese, five views on real data, usable by keyboard and at phone width.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, itemPoint, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';

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

describe('examples/portal', () => {
  it('is served with the strict CSP and loads nothing but the embed', async () => {
    const res = await fetch(`${server.url}/examples/portal/?bake=0`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    const html = await res.text();
    // Exactly one script, external, and no inline style anywhere.
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" src="/dist/chiso.embed.js">']);
    expect(html).not.toMatch(/\sstyle=/);
    expect(html).not.toMatch(/<style\b/);
    expect(html).not.toContain('@vite/client');
  });

  it('draws its five views on real data with zero CSP violations', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    const views = await page.evaluate(() => {
      type Chart = HTMLElement & { state: string; shown: { region: string; period: string; value: number | null }[] };
      const charts = [...document.querySelectorAll('chiso-chart, chiso-map')] as Chart[];
      const kpis = [...document.querySelectorAll('chiso-kpi')] as (HTMLElement & { shown?: { region: string; value: number | null; indicator: string } })[];
      return {
        charts: charts.map((c) => ({ tag: c.localName, type: c.getAttribute('type'), state: c.state, regions: [...new Set(c.shown.map((o) => o.region))].sort(), n: c.shown.length })),
        kpis: kpis.map((k) => ({ indicator: k.shown?.indicator, region: k.shown?.region, value: k.shown?.value, text: k.shadowRoot?.textContent ?? '' })),
        violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
      };
    });
    expect(views.violations).toEqual([]);
    expect(errors).toEqual([]);
    for (const c of views.charts) expect(c.state, `${c.tag} ${c.type}`).toBe('ready');
    const line = views.charts.find((c) => c.type === 'line')!;
    expect(line.regions).toEqual(['42', 'VN']);
    const map = views.charts.find((c) => c.tag === 'chiso-map')!;
    expect(map.n).toBeGreaterThanOrEqual(63);
    const bar = views.charts.find((c) => c.type === 'bar')!;
    expect(bar.n).toBeGreaterThanOrEqual(63);
    const progress = views.charts.find((c) => c.type === 'progress')!;
    expect(progress.regions).toEqual(['42-tx-ky-anh']);
    // Đức Thọ's poverty rate, as the seed report writes it, in Vietnamese number format.
    const poverty = views.kpis.find((k) => k.indicator === 'poverty_rate')!;
    expect(poverty.region).toBe('42-duc-tho');
    expect(poverty.value).toBe(3.58);
    expect(poverty.text).toContain('3,58');
    await page.screenshot({ path: join(SHOTS, 'portal-desktop.png'), fullPage: true });
    await page.context().close();
  });

  it('a click on a province in the map leaves the article chart whose regions the author fixed as it was', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    const article = () =>
      page.evaluate(() => {
        const line = document.querySelector('chiso-chart[type=line]') as HTMLElement & { shown: { region: string }[] };
        return { regions: [...new Set(line.shown.map((o) => o.region))].sort(), text: line.shadowRoot!.querySelector('.chart svg')!.textContent ?? '' };
      });
    const before = await article();
    expect(before.text).toContain('Tỷ lệ hộ nghèo: Hà Tĩnh và cả nước');
    // Several selections in a row: Nghệ An, then Hà Nội added, then Nghệ An alone again.
    await page.locator('chiso-map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    for (const [region, shift] of [['40', false], ['01', true], ['40', false]] as const) {
      const p = await itemPoint(page, 'chiso-map', region);
      if (shift) await page.keyboard.down('Shift');
      await page.mouse.click(p.x, p.y);
      if (shift) await page.keyboard.up('Shift');
      await page.waitForFunction((r) => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { selectedRegions(): string[] } } }).coordinator.selection.selectedRegions().includes(r), region);
      await waitForCharts(page);
      const after = await article();
      expect(after.regions, `after ${region}`).toEqual(['42', 'VN']);
      expect(after.text).toContain('Tỷ lệ hộ nghèo: Hà Tĩnh và cả nước');
      expect(after.text).not.toContain('Nghệ An');
    }
    expect(await page.evaluate(() => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { selectedRegions(): string[] } } }).coordinator.selection.selectedRegions())).toEqual(['40']);
    await page.screenshot({ path: join(SHOTS, 'portal-selected.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is readable at phone width and usable by keyboard', async () => {
    const { page, errors } = await newPage(browser, { width: 390, height: 844 });
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    // Nothing wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    // The first Tab reaches the skip link, which moves focus to the main content.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain('Bỏ qua');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => location.hash)).toBe('#noi-dung');
    // Tabbing on reaches controls inside the charts (their export menus and data tables).
    const reached = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const host = await page.evaluate(() => {
        let el: Element | null = document.activeElement;
        while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
        const root = el?.getRootNode();
        return root instanceof ShadowRoot ? (root.host as HTMLElement).localName : el?.localName ?? '';
      });
      reached.add(host);
    }
    expect([...reached].some((h) => h === 'chiso-chart' || h === 'chiso-map')).toBe(true);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portal-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('stays short enough to copy into a CMS', () => {
    const html = readFileSync(join(ROOT, 'examples/portal/index.html'), 'utf8');
    const tags = html.split('\n').filter((l) => /<\/?chiso-|<script/.test(l));
    // The embed itself: one script line and the tags, no configuration code.
    expect(tags.length).toBeLessThanOrEqual(14);
  });
});
