// Loading, empty and error states in the page's language; `.data`, `config` and the container's
// width as inputs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mountDashboard, openBlankPage } from './harness.js';

let page: Page;
let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ page, close } = await openBlankPage());
});

afterAll(async () => {
  await close?.();
});

/** Mounts `html` in a fresh main and waits for the dashboard to load or fail. */
const mount = (html: string, lang = 'vi') => mountDashboard(page, html, lang);

// Read once the element has finished its update, its question's answer included (a KPI waits for its recipe too).
const text = (selector: string) =>
  page.evaluate(async (s) => {
    const el = document.querySelector(s) as HTMLElement & { updateComplete?: Promise<unknown> };
    await el.updateComplete;
    return el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
  }, selector);
const state = (selector: string) => page.waitForFunction((s) => (document.querySelector(s) as unknown as { state: string }).state !== 'idle' && (document.querySelector(s) as unknown as { state: string }).state !== 'drawing', selector).then(() => page.evaluate((s) => (document.querySelector(s) as unknown as { state: string }).state, selector));

describe('states and inputs', () => {
  it('says in the page language that a file could not be loaded', async () => {
    await mount('<chiso-dashboard src="/data/observations/missing.csv"><chiso-chart id="c" indicator="poverty_rate"></chiso-chart><chiso-kpi id="k" indicator="poverty_rate"></chiso-kpi></chiso-dashboard>');
    expect(await text('chiso-dashboard')).toContain('Không tải được /data/observations/missing.csv: HTTP 404');
    expect(await text('chiso-dashboard')).not.toContain('Could not load');
    await mount('<chiso-dashboard lang="en" src="/data/observations/missing.csv"><chiso-kpi id="k" indicator="poverty_rate"></chiso-kpi></chiso-dashboard>', 'en');
    expect(await text('chiso-dashboard')).toContain('Could not load /data/observations/missing.csv: HTTP 404');
    expect(await text('#k')).toContain('Could not load');
  });

  it('says when a selection leaves a view without figures', async () => {
    await mount('<chiso-dashboard src="/data/observations/poverty_rate.csv"><chiso-chart id="c" indicator="poverty_rate" region="42" period="2030"></chiso-chart></chiso-dashboard>');
    expect(await state('#c')).toBe('empty');
    expect(await text('#c')).toContain('Không có số liệu về Tỷ lệ hộ nghèo với lựa chọn hiện tại.');
    expect(await text('#c')).not.toContain('poverty_rate');
  });

  it('names a misspelled indicator, with the one meant, instead of "no figures for this selection"', async () => {
    await mount('<chiso-dashboard src="/data/observations/poverty_rate.csv"><chiso-chart id="c" indicator="poverty_ratee"></chiso-chart></chiso-dashboard>');
    expect(await state('#c')).toBe('empty');
    const shown = await text('#c');
    expect(shown).toContain('Không có chỉ số "poverty_ratee" trong danh mục lẫn trong dữ liệu; có phải: poverty_rate (Tỷ lệ hộ nghèo)');
    expect(shown).not.toContain('với lựa chọn hiện tại');
  });

  it('names a bad follow attribute instead of drawing', async () => {
    await mount('<chiso-dashboard src="/data/observations/poverty_rate.csv"><chiso-chart id="c" indicator="poverty_rate" region="42" follow="regions"></chiso-chart></chiso-dashboard>');
    expect(await state('#c')).toBe('error');
    expect(await text('#c')).toContain('Thuộc tính follow không hợp lệ: "regions"');
  });

  it('takes observations or an Arquero-like table through .data', async () => {
    const shown = await page.evaluate(async () => {
      const main = document.getElementById('main')!;
      main.replaceChildren();
      const d = document.createElement('chiso-dashboard') as HTMLElement & { data: unknown };
      const rows = [2019, 2020, 2021].map((y, i) => ({ indicator: 'poverty_rate', region: '42', period: String(y), value: 5 - i, qualifier: null, denominator: null, unit: '%', series: null, status: 'final', source: 'test', quote: null }));
      d.data = { objects: () => rows };
      const c = document.createElement('chiso-chart') as HTMLElement & { shown: { value: number }[] };
      c.setAttribute('indicator', 'poverty_rate');
      d.append(c);
      const drawn = new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
      main.append(d);
      await drawn;
      return c.shown.map((o) => o.value);
    });
    expect(shown).toEqual([5, 4, 3]);
  });

  it('loads a dashboard from a JSON config, language included', async () => {
    await mount('<chiso-dashboard config="/test/browser/pages/config/dashboard.json"><chiso-kpi id="k" indicator="poverty_rate" region="42"></chiso-kpi></chiso-dashboard>');
    expect(await text('#k')).toContain('Poverty rate');
    expect(await text('#k')).toMatch(/11\.0%|11%/);
  });

  it('redraws to the width of its container, not of the window', async () => {
    await mount('<div id="box"><chiso-dashboard src="/data/observations/poverty_rate.csv"><chiso-chart id="c" indicator="poverty_rate" region="42"></chiso-chart></chiso-dashboard></div>');
    await state('#c');
    const width = () => page.evaluate(() => Number(document.getElementById('c')!.shadowRoot!.querySelector('.chart svg')!.getAttribute('width')));
    const wide = await width();
    const redrawn = page.evaluate(() => new Promise((r) => document.getElementById('c')!.addEventListener('chiso-render', r, { once: true })));
    await page.evaluate(() => document.getElementById('box')!.style.setProperty('width', '420px'));
    await redrawn;
    const narrow = await width();
    expect(narrow).toBeLessThan(420);
    expect(wide).toBeGreaterThan(narrow + 200);
  });
});
