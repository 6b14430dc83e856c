/**
 * The portal example baked, as `npm run demo` serves it (bakePage per request, strict CSP): every chart,
 * description and table is in the HTML without JavaScript; with it, the elements adopt that content
 * without moving anything, load no Vega until the reader interacts, and then only Vega (no Vega-Lite);
 * a province clicked before Vega arrives is selected; the page prints with every chart whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ROOT, itemPoint, launchBrowser, newPage, scrollThrough, startDevServer, waitForCharts, type TestServer } from '../browser/harness.js';
import { bakePage } from '../../src/render/node/bake.js';

const SHOTS = join(ROOT, 'test/examples/screenshots');
let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist/chiso.embed.js')) || !existsSync(join(ROOT, 'dist/node.js'))) throw new Error('dist/ is missing: run `npm run build` first');
  mkdirSync(SHOTS, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Requests for Vega's own code: the Vega runtime chunks, the interpreter, Vega-Lite, and vega-embed's chunk. */
const isVega = (url: string) => /chiso\.embed\.(vega|embed-)/.test(url);
const isVegaLite = (url: string) => /chiso\.embed\.(vega-lite|embed)-/.test(url);

/** What a reader without JavaScript gets: per view, its picture, its words and its table. */
async function bakedViews(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('chiso-chart, chiso-map, chiso-kpi')].map((el) => {
      const svg = el.querySelector('.chiso-baked-chart svg');
      const box = svg?.getBoundingClientRect();
      return {
        tag: el.localName,
        type: el.getAttribute('type'),
        marks: svg?.querySelectorAll('path, line, rect').length ?? 0,
        width: box?.width ?? 0,
        height: box?.height ?? 0,
        role: svg?.getAttribute('role') ?? null,
        title: svg?.querySelector('title')?.textContent ?? '',
        description: el.querySelector('.chiso-baked-description')?.textContent ?? '',
        rows: el.querySelectorAll('.chiso-baked-data tbody tr').length,
        source: el.querySelector('.chiso-baked-source')?.textContent ?? '',
        kpi: el.querySelector('.chiso-baked-kpi .value')?.textContent ?? '',
      };
    }),
  );
}

describe('examples/portal, baked', () => {
  it('shows every chart, description and table with JavaScript off, at desktop and phone width', async () => {
    for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport });
      const page = await context.newPage();
      const res = await page.goto(`${server.url}/examples/portal/`);
      expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
      const views = await bakedViews(page);
      const charts = views.filter((v) => v.tag !== 'chiso-kpi');
      expect(charts.map((c) => c.type ?? c.tag)).toEqual(['line', 'chiso-map', 'bar', 'progress']);
      for (const c of charts) {
        expect(c.marks, `${c.type ?? c.tag} marks`).toBeGreaterThan(5);
        expect(c.width, `${c.type ?? c.tag} width`).toBeGreaterThan(100);
        expect(c.height).toBeGreaterThan(20);
        expect(c.role).toBe('img');
        expect(c.title.length).toBeGreaterThan(0);
        expect(c.description.length).toBeGreaterThan(40);
        expect(c.rows).toBeGreaterThan(0);
        expect(c.source).toContain('Nguồn');
      }
      expect(charts[0].description).toContain('Hà Tĩnh');
      expect(charts[1].rows).toBeGreaterThanOrEqual(63);
      // The three KPIs, with Đức Thọ's poverty rate as the report writes it.
      const kpis = views.filter((v) => v.tag === 'chiso-kpi').map((k) => k.kpi);
      expect(kpis).toHaveLength(3);
      expect(kpis[0]).toContain('3,58');
      // The table opens without a script.
      await page.locator('chiso-chart[type=line] .chiso-baked-data > summary').click();
      expect(await page.locator('chiso-chart[type=line] .chiso-baked-data table').isVisible()).toBe(true);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `sideways scroll at ${viewport.width}px`).toBeLessThanOrEqual(1);
      await page.screenshot({ path: join(SHOTS, `portal-baked-nojs-${viewport.width}.png`), fullPage: true });
      await context.close();
    }
  });

  it('adopts the baked content with no layout shift, no CSP violation and no Vega request until the reader interacts', async () => {
    const { page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') errors.push(`console ${m.type()}: ${m.text()}`);
    });
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: { value: number; input: boolean; sources: string[] }[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean; sources?: { node?: Node | null }[] }[]) {
          w.__shifts.push({ value: e.value, input: e.hadRecentInput, sources: (e.sources ?? []).map((s) => (s.node as Element | null)?.outerHTML?.slice(0, 80) ?? String(s.node)) });
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/examples/portal/`);
    // Every element upgraded and rendered its slot; the dashboard drew its switch.
    await page.evaluate(async () => {
      for (const tag of ['chiso-dashboard', 'chiso-chart', 'chiso-map', 'chiso-kpi']) await customElements.whenDefined(tag);
      const els = [...document.querySelectorAll('chiso-dashboard, chiso-chart, chiso-map, chiso-kpi')] as unknown as { updateComplete: Promise<unknown> }[];
      await Promise.all(els.map((e) => e.updateComplete));
      // Two frames: any shift the upgrade caused is reported by then.
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    });
    const state = await page.evaluate(() => ({
      baked: [...document.querySelectorAll('chiso-chart, chiso-map, chiso-kpi')].map((e) => (e as unknown as { baked: boolean }).baked),
      slots: [...document.querySelectorAll('chiso-chart, chiso-map, chiso-kpi')].map((e) => e.shadowRoot?.querySelector('slot') !== null),
      toggle: document.querySelector('chiso-dashboard')!.shadowRoot!.querySelector('button.contrast') !== null,
      shifts: (window as unknown as { __shifts: { value: number }[] }).__shifts,
      violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
    }));
    expect(state.baked.every(Boolean)).toBe(true);
    expect(state.slots.every(Boolean)).toBe(true);
    expect(state.toggle).toBe(true);
    expect(state.shifts).toEqual([]);
    expect(state.violations).toEqual([]);
    expect(requests.filter(isVega)).toEqual([]);
    // A reader who only reads loads no data either.
    expect(requests.filter((u) => u.endsWith('.csv'))).toEqual([]);

    // The reader points at the line chart: Vega (not Vega-Lite) loads and the live view takes the baked one's place.
    const line = page.locator('chiso-chart[type=line]');
    await line.scrollIntoViewIfNeeded();
    const before = await line.locator('.chiso-baked-chart svg').boundingBox();
    await line.hover();
    await page.waitForFunction(() => (document.querySelector('chiso-chart[type=line]') as unknown as { hydrated: boolean }).hydrated, undefined, { timeout: 30_000, polling: 100 });
    const after = await line.locator('.chiso-baked-chart svg').boundingBox();
    expect(after).toEqual(before);
    // The lean Vega runtime: neither the rest of Vega nor Vega-Lite.
    expect(requests.some((u) => /chiso\.embed\.vega-lean/.test(u))).toBe(true);
    expect(requests.filter((u) => /chiso\.embed\.vega\.module/.test(u))).toEqual([]);
    expect(requests.filter(isVegaLite)).toEqual([]);
    // The live view answers a hover with its tooltip.
    const point = await page.evaluate(() => {
      const el = document.querySelector('chiso-chart[type=line]')!;
      const mark = el.querySelector('.chiso-baked-chart .mark-symbol path')!;
      const r = mark.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => {
      const tip = document.querySelector('chiso-chart[type=line]')!.shadowRoot!.querySelector('.tooltip') as HTMLElement | null;
      return tip !== null && !tip.hidden && (tip.textContent ?? '').length > 0;
    }, undefined, { timeout: 10_000, polling: 100 });
    const tip = await page.evaluate(() => document.querySelector('chiso-chart[type=line]')!.shadowRoot!.querySelector('.tooltip')!.textContent);
    expect(tip).toMatch(/Cả nước|Hà Tĩnh/);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; input: boolean }[] }).__shifts.filter((s) => !s.input));
    expect(shifts).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portal-baked-hydrated.png'), fullPage: true });
    await page.context().close();
  });

  it('a province clicked on the baked map before Vega arrives is selected, and the views that follow it redraw', async () => {
    const { page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(`${server.url}/examples/portal/`);
    await page.evaluate(() => customElements.whenDefined('chiso-map'));
    const map = page.locator('chiso-map');
    await map.scrollIntoViewIfNeeded();
    const province = map.locator('.chiso-baked-chart path[data-region="40"]');
    const box = (await province.boundingBox())!;
    // Vega for the map is not there yet: the click is read from the baked mark itself.
    expect(requests.filter(isVega)).toEqual([]);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { selectedRegions(): string[] } } }).coordinator.selection.selectedRegions().includes('40'), undefined, { timeout: 10_000, polling: 100 });
    // The bar chart follows the selection: it leaves its baked form and draws with the data.
    await page.waitForFunction(() => {
      const bar = document.querySelector('chiso-chart[type=bar]') as unknown as { baked: boolean; state: string };
      return !bar.baked && bar.state === 'ready';
    }, undefined, { timeout: 30_000, polling: 100 });
    // The article chart, whose regions the author fixed, keeps its baked picture.
    expect(await page.evaluate(() => (document.querySelector('chiso-chart[type=line]') as unknown as { baked: boolean }).baked)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the baked map hydrates into the live map: drawn as the page draws it, its tooltip on hover, a province click selected in the other views', async () => {
    // The map as the page draws it without baking: its shapes and their colours.
    const drawn = (selector: string) =>
      page.evaluate((sel) => {
        const svg = document.querySelector('chiso-map')![sel === 'live' ? 'shadowRoot' : 'ownerDocument']!.querySelector(sel === 'live' ? '.chart svg' : 'chiso-map .chiso-baked-chart svg')!;
        const paths = [...svg.querySelectorAll('.mark-shape path')];
        return { paths: paths.length, fills: paths.map((p) => p.getAttribute('fill') ?? '').sort() };
      }, selector);
    let { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/examples/portal/?bake=0`);
    await scrollThrough(page);
    await waitForCharts(page);
    const live = await drawn('live');
    expect(live.paths).toBeGreaterThanOrEqual(63);
    expect(errors).toEqual([]);
    await page.context().close();

    ({ page, errors } = await newPage(browser));
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.addInitScript(() => {
      const w = window as unknown as { __shifts: { value: number; input: boolean }[] };
      w.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) w.__shifts.push({ value: e.value, input: e.hadRecentInput });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto(`${server.url}/examples/portal/`);
    await page.evaluate(async () => {
      await customElements.whenDefined('chiso-map');
      await (document.querySelector('chiso-map') as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    });
    const map = page.locator('chiso-map');
    await map.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    // Neither Vega nor the boundaries before the reader interacts.
    expect(requests.filter(isVega)).toEqual([]);
    expect(requests.filter((u) => u.includes('topojson'))).toEqual([]);
    const before = await map.locator('.chiso-baked-chart svg').boundingBox();
    await map.locator('.chiso-baked-chart svg').hover({ position: { x: 5, y: 5 } });
    await page.waitForFunction(() => (document.querySelector('chiso-map') as unknown as { hydrated: boolean }).hydrated, undefined, { timeout: 30_000, polling: 100 });
    expect(await map.locator('.chiso-baked-chart svg').boundingBox()).toEqual(before);
    // The embed's boundaries, Vega and no Vega-Lite; no data: the figures were baked.
    expect(requests.filter((u) => u.includes('chiso.embed.vn63.topojson.json'))).toHaveLength(1);
    expect(requests.filter(isVegaLite)).toEqual([]);
    expect(requests.filter((u) => u.endsWith('.csv'))).toEqual([]);
    // The same shapes in the same colours as the map drawn in the page.
    expect(await drawn('baked')).toEqual(live);

    // A hover on Hà Tĩnh shows its tooltip.
    const haTinh = await itemPoint(page, 'chiso-map', '42');
    await page.mouse.move(haTinh.x, haTinh.y);
    await page.waitForFunction(() => {
      const tip = document.querySelector('chiso-map')!.shadowRoot!.querySelector('.tooltip') as HTMLElement | null;
      return tip !== null && !tip.hidden && (tip.textContent ?? '').includes('Hà Tĩnh');
    }, undefined, { timeout: 10_000, polling: 100 });
    const tip = await page.evaluate(() => document.querySelector('chiso-map')!.shadowRoot!.querySelector('.tooltip')!.textContent ?? '');
    expect(tip).toMatch(/\d+,\d+\s*%/);
    const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number; input: boolean }[] }).__shifts.filter((s) => !s.input));
    expect(shifts).toEqual([]);

    // A click on Nghệ An selects it: the bar chart leaves its baked form and highlights it.
    const ngheAn = await itemPoint(page, 'chiso-map', '40');
    await page.mouse.click(ngheAn.x, ngheAn.y);
    await page.waitForFunction(() => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { selectedRegions(): string[] } } }).coordinator.selection.selectedRegions().includes('40'), undefined, { timeout: 10_000, polling: 100 });
    await page.waitForFunction(() => {
      const bar = document.querySelector('chiso-chart[type=bar]') as unknown as { baked: boolean; state: string; view: { signal(name: string): unknown } | null };
      if (bar.baked || bar.state !== 'ready' || !bar.view) return false;
      try {
        return JSON.stringify(bar.view.signal('chiso_highlight')).includes('"40"');
      } catch {
        return false;
      }
    }, undefined, { timeout: 30_000, polling: 100 });
    // The map stays the live map it became.
    expect(await page.evaluate(() => (document.querySelector('chiso-map') as unknown as { hydrated: boolean }).hydrated)).toBe(true);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SHOTS, 'portal-baked-map-hydrated.png'), fullPage: true });
    await page.context().close();
  });

  it('a baked map that follows a player hydrates, then its player steps recolour the live map in place, the boundaries fetched once', async () => {
    const source = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><script type="module" src="/dist/chiso.embed.js"></script></head><body>
<chiso-dashboard src="/data/observations/poverty_rate.csv">
<chiso-player indicator="poverty_rate"></chiso-player>
<chiso-map id="map" indicator="poverty_rate"></chiso-map>
</chiso-dashboard></body></html>`;
    const baked = await bakePage(source, { root: ROOT, page: '/examples/portal/player.html' });
    const { page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/examples/portal/player.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: baked.html }));
    await page.route('**/examples/portal/chiso-baked.css', (route) => route.fulfill({ contentType: 'text/css; charset=utf-8', body: baked.css }));
    await page.goto(`${server.url}/examples/portal/player.html`);
    // The player needs the periods: the dashboard loads its data, and the player is ready to step.
    await page.waitForFunction(() => (document.querySelector('chiso-player')!.shadowRoot?.textContent ?? '').includes('2016'), undefined, { timeout: 30_000, polling: 100 });
    expect(await page.evaluate(() => (document.getElementById('map') as unknown as { baked: boolean }).baked)).toBe(true);
    expect(requests.filter((u) => u.includes('topojson'))).toEqual([]);
    await page.locator('#map .chiso-baked-chart svg').hover({ position: { x: 5, y: 5 } });
    await page.waitForFunction(() => (document.getElementById('map') as unknown as { hydrated: boolean }).hydrated, undefined, { timeout: 30_000, polling: 100 });
    // A step back: the map follows the period, leaves its baked form and draws the year before 2016 live.
    await page.evaluate(() => (document.querySelector('chiso-player') as unknown as { step(d: number): void }).step(-1));
    await page.waitForFunction(() => {
      const m = document.getElementById('map') as unknown as { baked: boolean; state: string; view: unknown };
      const text = document.getElementById('map')!.shadowRoot!.querySelector('.chart svg')?.textContent ?? '';
      return !m.baked && m.state === 'ready' && m.view !== null && /Tỷ lệ hộ nghèo, 20\d\d/.test(text) && !text.includes('Tỷ lệ hộ nghèo, 2016');
    }, undefined, { timeout: 30_000, polling: 100 });
    const fills = () => page.evaluate(() => [...document.getElementById('map')!.shadowRoot!.querySelectorAll('.chart .mark-shape path')].map((p) => p.getAttribute('fill')).join(','));
    const before = await fills();
    const title = await page.evaluate(() => /Tỷ lệ hộ nghèo, 20\d\d/.exec(document.getElementById('map')!.shadowRoot!.querySelector('.chart svg')?.textContent ?? '')![0]);
    await page.evaluate(() => {
      (window as unknown as { __view: unknown }).__view = (document.getElementById('map') as unknown as { view: unknown }).view;
      (document.querySelector('chiso-player') as unknown as { step(d: number): void }).step(-1);
    });
    // Another step recolours the same view.
    await page.waitForFunction(
      ([b, t]) => {
        const root = document.getElementById('map')!.shadowRoot!;
        return !(root.querySelector('.chart svg')?.textContent ?? '').includes(t) && [...root.querySelectorAll('.chart .mark-shape path')].map((p) => p.getAttribute('fill')).join(',') !== b;
      },
      [before, title] as const,
      { timeout: 30_000, polling: 100 },
    );
    expect(await page.evaluate(() => (window as unknown as { __view: unknown }).__view === (document.getElementById('map') as unknown as { view: unknown }).view)).toBe(true);
    expect(await fills()).not.toBe(before);
    expect(requests.filter((u) => u.includes('topojson'))).toHaveLength(1);
    expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('prints on A4 with every chart whole', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${server.url}/examples/portal/`);
    await page.emulateMedia({ media: 'print' });
    // A4 less 1 cm margins at 96 px an inch: no chart taller than a page, and none allowed to break.
    const pageHeight = ((297 - 20) / 25.4) * 96;
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('chiso-chart, chiso-map')].map((el) => ({ height: el.getBoundingClientRect().height, breaks: getComputedStyle(el).breakInside })),
    );
    for (const c of charts) {
      expect(c.height).toBeLessThan(pageHeight);
      expect(c.breaks).toBe('avoid');
    }
    const pdf = await page.pdf({ format: 'A4', margin: { top: '1cm', bottom: '1cm', left: '1cm', right: '1cm' } });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(50_000);
    await context.close();
  });

  it('hydrates by its hydrate attribute: idle without a reader, visible when scrolled to, never not at all', async () => {
    const source = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><script type="module" src="/dist/chiso.embed.js"></script></head><body>
<chiso-dashboard src="/data/observations/poverty_rate.csv">
<chiso-chart id="idle" type="line" indicator="poverty_rate" region="42, VN" hydrate="idle"></chiso-chart>
<chiso-chart id="never" type="line" indicator="poverty_rate" region="VN" hydrate="never"></chiso-chart>
<div class="spacer"></div>
<chiso-chart id="visible" type="line" indicator="poverty_rate" region="42" hydrate="visible"></chiso-chart>
</chiso-dashboard></body></html>`;
    const baked = await bakePage(source, { root: ROOT, page: '/examples/portal/modes.html' });
    // A tall spacer, from a stylesheet: the third chart starts well below the fold.
    const css = `${baked.css}\n.spacer{height:3000px}`;
    const { page, errors } = await newPage(browser);
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.route('**/examples/portal/modes.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: baked.html }));
    await page.route('**/examples/portal/chiso-baked.css', (route) => route.fulfill({ contentType: 'text/css; charset=utf-8', body: css }));
    await page.goto(`${server.url}/examples/portal/modes.html`);
    const hydrated = (id: string) => page.evaluate((i) => (document.getElementById(i) as unknown as { hydrated: boolean }).hydrated, id);
    await page.waitForFunction(() => (document.getElementById('idle') as unknown as { hydrated?: boolean }).hydrated === true, undefined, { timeout: 30_000, polling: 100 });
    expect(await hydrated('never')).toBe(false);
    expect(await hydrated('visible')).toBe(false);
    await page.locator('#visible').scrollIntoViewIfNeeded();
    await page.waitForFunction(() => (document.getElementById('visible') as unknown as { hydrated?: boolean }).hydrated === true, undefined, { timeout: 30_000, polling: 100 });
    await page.locator('#never').hover();
    expect(await hydrated('never')).toBe(false);
    expect(requests.filter(isVegaLite)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
