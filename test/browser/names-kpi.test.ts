// One name for the country row on a whole page, and <chiso-kpi> saying what the exported KPI says:
// the latest figure, the change since the period before and whether it is better or worse.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mountDashboard, openBlankPage } from './harness.js';
import { readObservationsFile } from '../../src/data/read-file.js';
import { kpiChange, kpiFacts } from '../../src/charts/kpi.js';
import { root } from '../charts/helpers.js';

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

/** Every text of the page, shadow roots included. */
const pageText = () =>
  page.evaluate(() => {
    const parts: string[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
      const el = node as Element;
      if (el.shadowRoot) walk(el.shadowRoot);
      for (const c of node.childNodes) walk(c);
      for (const a of ['aria-label', 'title']) if (el.getAttribute?.(a)) parts.push(el.getAttribute(a)!);
    };
    walk(document.getElementById('main')!);
    return parts.join(' ').replace(/\s+/g, ' ');
  });

const PAGE = `<chiso-dashboard src="/data/observations/poverty_rate.csv">
  <chiso-filter id="f"></chiso-filter>
  <chiso-kpi id="k" indicator="poverty_rate" region="VN"></chiso-kpi>
  <chiso-kpi id="k14" indicator="poverty_rate" region="VN" period="2006-2014"></chiso-kpi>
  <chiso-chart id="c" type="line" indicator="poverty_rate" region="VN, 42" filter-by="none"></chiso-chart>
  <chiso-table id="t" indicator="poverty_rate" region="VN, 42"></chiso-table>
</chiso-dashboard>`;

describe('one page, one name for the country row', () => {
  for (const [lang, country] of [['vi', 'Cả nước'], ['en', 'Whole country']] as const) {
    it(`shows "${country}" and never "Việt Nam" / "Viet Nam" (${lang})`, async () => {
      await mount(PAGE, lang);
      await page.waitForFunction(() => ['ready', 'error', 'empty'].includes((document.getElementById('c') as unknown as { state: string }).state));
      await page.waitForFunction(() => (document.getElementById('k') as unknown as { facts?: unknown }).facts !== undefined);
      const text = await pageText();
      expect(text).toContain(country);
      expect(text).not.toMatch(/Việt Nam|Viet Nam/);
      // Each kind of element names the country row itself (the table and the KPI once said "Việt Nam").
      for (const id of ['k', 't', 'c']) {
        const own = await page.evaluate((id) => document.getElementById(id)!.shadowRoot!.textContent ?? '', id);
        expect(own, id).toContain(country);
      }
      // The filter names a selected country row the same way.
      await page.evaluate(() => {
        const d = document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { update(c: unknown): void } } };
        d.coordinator.selection.update({ source: {}, field: 'region', values: ['VN'] });
      });
      await page.waitForFunction((country) => document.getElementById('f')!.shadowRoot!.querySelector('[part=selected]')?.textContent?.includes(country), country);
      expect(await pageText()).not.toMatch(/Việt Nam|Viet Nam/);
    });
  }
});

describe('<chiso-kpi> shows the exported KPI facts', () => {
  const data = readObservationsFile(root + 'data/observations/poverty_rate.csv').observations;

  it('shows the change since the period before, better or worse, as kpiChange words it', async () => {
    await mount(PAGE);
    await page.waitForFunction(() => (document.getElementById('k14') as unknown as { facts?: unknown }).facts !== undefined);
    const shown = await page.evaluate(() => {
      const el = document.getElementById('k14') as unknown as HTMLElement & { facts: { change: number | null; judgement: string; current: { period: string; series: string | null } } };
      const change = el.shadowRoot!.querySelector('[part=change]');
      return { change: el.facts.change, judgement: el.facts.judgement, period: el.facts.current.period, series: el.facts.current.series, text: change?.textContent?.trim(), tone: change?.getAttribute('data-tone'), color: change ? getComputedStyle(change).color : '' };
    });
    const f = kpiFacts(data.filter((o) => Number(o.period.slice(0, 4)) <= 2014), { indicator: 'poverty_rate', region: 'VN', series: shown.series });
    const line = kpiChange(f, 'vi')!;
    expect(shown.period).toBe('2014');
    expect(shown.change).toBeCloseTo(f.change!, 9);
    expect(shown.judgement).toBe('better');
    expect(shown.text).toBe(line.text);
    expect(shown.text).toMatch(/^−1,4 điểm % so với 2013 · tốt hơn$/);
    expect(shown.tone).toBe('better');
    expect(shown.color).toBe('rgb(0, 114, 178)');
  });

  it('says a change across a methodology break is not comparable, as the exported KPI does', async () => {
    const shown = await page.evaluate(() => {
      const el = document.getElementById('k') as unknown as HTMLElement & { facts: { comparable: boolean; current: { period: string; series: string | null } } };
      const change = el.shadowRoot!.querySelector('[part=change]');
      return { comparable: el.facts.comparable, period: el.facts.current.period, series: el.facts.current.series, text: change?.textContent?.trim(), tone: change?.getAttribute('data-tone') };
    });
    // The poverty standard is the series: one history across standards, as the exported KPI reads it.
    const f = kpiFacts(data, { indicator: 'poverty_rate', region: 'VN' });
    expect(shown.period).toBe(f.current.period);
    expect(shown.series).toBe(f.current.series);
    expect(shown.comparable).toBe(false);
    expect(shown.tone).toBe('not-comparable');
    expect(shown.text).toBe(kpiChange(f, 'vi')!.text);
  });
});
