// Pre-aggregation in the page: on a large seeded table (64,000 synthetic observations), maps, bars and
// KPIs answer from a cube each, and a click on the map changes the other views' data exactly as the
// query path does (the same page with preaggregate="never").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { itemPoint, launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Seen {
  cubes: Record<string, boolean>;
  before: Record<string, string[]>;
  after: Record<string, string[]>;
  errors: string[];
}

const VIEWS = ['map', 'bar', 'kpi', 'line', 'table'];

async function snapshot(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate((ids) => {
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const el = document.getElementById(id) as unknown as { shown: unknown };
      const shown = Array.isArray(el.shown) ? el.shown : el.shown ? [el.shown] : [];
      out[id] = (shown as Record<string, unknown>[]).map((o) => JSON.stringify([o.region, o.period, o.series, o.value, o.status]));
    }
    return out;
  }, VIEWS);
}

async function run(mode: 'always' | 'never' | 'auto', connector = false): Promise<Seen & { years: number }> {
  const { page, errors } = await newPage(browser);
  await page.goto(`${server.url}/test/browser/pages/preaggregate.html?preaggregate=${mode}${connector ? '&connector=slow' : ''}`);
  // The dashboard's code arrives on its own: until then the element has no coordinator.
  if (connector) await page.waitForFunction(() => (document.getElementById('d') as unknown as { coordinator?: { connector: { name: string } } }).coordinator?.connector.name === 'slow', undefined, { timeout: 60_000 });
  else await page.waitForFunction(() => ((document.getElementById('d') as unknown as { coordinator?: { observations: unknown[] } }).coordinator?.observations.length ?? 0) > 0);
  await scrollThrough(page);
  await waitForCharts(page);
  await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: unknown[] }).shown.length > 0);
  const before = await snapshot(page);
  await page.locator('#map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const p = await itemPoint(page, '#map', '01');
  await page.mouse.click(p.x, p.y);
  try {
    await page.waitForFunction(() => {
      const line = document.getElementById('line') as unknown as { shown: { region: string }[] };
      return line.shown.length > 0 && line.shown.every((o) => o.region === '01');
    }, undefined, { polling: 100 });
  } catch (e) {
    // What the page shows when the line did not follow: the selection, the line's state and regions.
    const state = await page.evaluate(() => {
      const d = document.getElementById('d') as unknown as { coordinator: { selection: { clauses: { field: string; values?: string[] }[] }; connector: { name: string } } };
      const line = document.getElementById('line') as unknown as { state: string; shown: { region: string }[]; queryCount: number; error: unknown };
      return JSON.stringify({
        clauses: d.coordinator.selection.clauses.map((c) => [c.field, c.values]),
        connector: d.coordinator.connector.name,
        line: { state: line.state, regions: [...new Set(line.shown.map((o) => o.region))], queries: line.queryCount, error: String(line.error ?? '') },
      });
    });
    throw new Error(`the line did not follow the click on Hà Nội: ${state}`, { cause: e });
  }
  await waitForCharts(page);
  await page.waitForFunction(() => (document.getElementById('kpi') as unknown as { shown?: { region: string } }).shown?.region === '01', undefined, { polling: 100 });
  const after = await snapshot(page);
  const cubes = await page.evaluate((ids) => Object.fromEntries(ids.map((id) => [id, (document.getElementById(id) as unknown as { cubeBuilt: boolean }).cubeBuilt])), VIEWS);
  // The period range offers the years in the data (asked of the connector when there is one).
  await page.waitForFunction(() => (document.getElementById('filter')!.shadowRoot!.querySelectorAll('select option').length ?? 0) > 2);
  const years = await page.evaluate(() => document.getElementById('filter')!.shadowRoot!.querySelector('select')!.querySelectorAll('option').length - 1);
  await page.close();
  return { cubes, before, after, errors, years };
}

describe('pre-aggregated views on a large table', () => {
  it('a click on the map changes the other views exactly as the query path does', async () => {
    const cubed = await run('always');
    const queried = await run('never');
    // Maps, bars and KPIs answer from cubes; lines and tables query.
    expect(cubed.cubes).toEqual({ map: true, bar: true, kpi: true, line: false, table: false });
    expect(queried.cubes).toEqual({ map: false, bar: false, kpi: false, line: false, table: false });
    expect(cubed.before).toEqual(queried.before);
    expect(cubed.after).toEqual(queried.after);
    // The click did change them: the line and the KPI follow the map, the table narrows to Hà Nội.
    expect(cubed.after.line).not.toEqual(cubed.before.line);
    expect(cubed.after.kpi[0]).toContain('"01"');
    expect(cubed.after.table.length).toBeLessThan(cubed.before.table.length);
    expect(cubed.before.map.length).toBe(63);
    expect(cubed.errors).toEqual([]);
    expect(queried.errors).toEqual([]);
  }, 120_000);

  it('behind a connector that answers late and out of order, the views end as on the query path', async () => {
    const queried = await run('never');
    const slow = await run('auto', true);
    // With a connector the engine answers: no cube in the page.
    expect(slow.cubes).toEqual({ map: false, bar: false, kpi: false, line: false, table: false });
    expect(slow.before).toEqual(queried.before);
    expect(slow.after).toEqual(queried.after);
    expect(slow.years).toBe(20);
    expect(queried.years).toBe(20);
    expect(slow.errors).toEqual([]);
  }, 120_000);

  it('turns on by itself past 50,000 observations (auto)', async () => {
    const auto = await run('auto');
    expect(auto.cubes.map).toBe(true);
    expect(auto.cubes.kpi).toBe(true);
  }, 120_000);
});
