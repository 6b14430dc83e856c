// The portal path to a query server: the embed bundle under the strict policy, a dashboard with
// `query-url` and no code. Every view posts its spec and draws the rows it gets back, which must be the
// rows the executor gives in Node; an endpoint that fails shows an error in the view, not a blank.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ExecutorConnector, handleQueryRequest } from '../../src/connectors/index.js';
import type { Observation } from '../../src/types.js';
import { realObservations } from '../sql/fixtures.js';
import { itemPoint, launchBrowser, newPage, scrollThrough, startStaticServer, STRICT_CSP, waitForCharts, type TestServer } from './harness.js';

const observations = realObservations() as unknown as Observation[];
const executor = new ExecutorConnector({ rows: observations });
let server: TestServer;
let browser: Browser;
let page: Page;
let errors: string[];
const posted: unknown[] = [];
const slow: { regions: string[] | null; cancelled: boolean }[] = [];

beforeAll(async () => {
  server = await startStaticServer(
    (path) => ({ 'content-security-policy': path.endsWith('.html') ? STRICT_CSP : undefined }),
    async (path, body, gone) => {
      // A server that answers with its own error, and a proxy in front of a dead one.
      if (path === '/down') return { status: 503, body: { error: { code: 'DOWN', vi: 'máy chủ đang bảo trì', en: 'the server is down for maintenance' } } };
      if (path === '/broken') return { status: 502, html: '<html><body><h1>502 Bad Gateway</h1></body></html>' };
      if (path === '/slow') {
        // A slow link: every answer takes 1.5 s, unless the page stops waiting first.
        const spec = (JSON.parse(body) as { spec: { select?: { regions?: string[] } } }).spec;
        const asked = { regions: spec.select?.regions ?? null, cancelled: false };
        slow.push(asked);
        await new Promise((resolve) => {
          const timer = setTimeout(resolve, 1500);
          gone.addEventListener('abort', () => {
            clearTimeout(timer);
            asked.cancelled = true;
            resolve(null);
          });
        });
        return handleQueryRequest(executor, body);
      }
      posted.push(JSON.parse(body));
      return handleQueryRequest(executor, body);
    },
  );
  browser = await launchBrowser();
  ({ page, errors } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/served.html');
  await scrollThrough(page);
  await waitForCharts(page);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const shown = (id: string) => page.evaluate((id) => (document.getElementById(id) as unknown as { shown: Observation[] }).shown.map((o) => `${o.region}|${o.period}|${o.value}`).sort(), id);

describe('a dashboard with query-url, from the embed bundle under the strict policy', () => {
  it('draws every view from the rows the endpoint answers, the page holding no observations', async () => {
    expect(await page.$$eval('#d chiso-chart, #d chiso-map', (els) => els.map((e) => (e as unknown as { state: string }).state))).toEqual(['ready', 'ready']);
    expect(await page.evaluate(() => (document.getElementById('d') as unknown as { coordinator: { local: boolean; observations: unknown[] } }).coordinator.observations.length)).toBe(0);
    const line = (await executor.query({ select: { indicators: ['poverty_rate'], regions: ['42', 'VN'] } })).map((o) => `${o.region}|${o.period}|${o.value}`).sort();
    expect(await shown('line')).toEqual(line);
    expect(posted.length).toBeGreaterThanOrEqual(3);
    expect(errors).toEqual([]);
  });

  it('a click on the map posts the other views\' narrowed specs, and they draw the answer', async () => {
    const before = posted.length;
    await page.locator('#map').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const p = await itemPoint(page, '#map', '01');
    await page.mouse.click(p.x, p.y);
    await page.waitForFunction(() => (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '01'));
    const hanoi = (await executor.query({ select: { indicators: ['poverty_rate'], regions: ['01'] } })).map((o) => `${o.region}|${o.period}|${o.value}`).sort();
    expect(await shown('line')).toEqual(hanoi);
    // The line and the KPI asked again; the map, which published the click, did not.
    const asked = posted.slice(before) as { spec: { select?: { regions?: unknown } } }[];
    expect(asked.length).toBe(2);
    expect(asked.every((a) => JSON.stringify(a.spec.select?.regions) === '["01"]')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('an endpoint that fails shows an error in the view, in the dashboard\'s language, never a blank', async () => {
    // The server's own error, passed on (the second dashboard speaks English).
    await page.waitForFunction(() => /maintenance/.test(document.getElementById('kpi-down')?.shadowRoot?.textContent ?? ''));
    expect(await page.evaluate(() => document.getElementById('kpi-down')!.shadowRoot!.querySelector('[role="alert"]')?.textContent)).toBe('the server is down for maintenance [DOWN]');
    // A proxy's HTML page: the status and the endpoint, in Vietnamese.
    await page.waitForFunction(() => (document.getElementById('line-broken') as unknown as { state: string }).state === 'error');
    const text = await page.evaluate(() => document.getElementById('line-broken')!.shadowRoot!.textContent ?? '');
    expect(text).toMatch(/máy chủ http:\/\/127\.0\.0\.1:\d+\/broken trả lời 502: 502 Bad Gateway\./);
    expect(text).not.toContain('<h1>');
  });

  it('on a slow link, a newer selection cancels the question still on its way, and the newest answer is drawn', async () => {
    await page.waitForFunction(() => (document.getElementById('line-slow') as unknown as { state: string }).state === 'ready', undefined, { timeout: 30_000 });
    const before = slow.length;
    await page.evaluate(() => {
      const d = document.getElementById('slow') as unknown as { coordinator: { selection: { update(c: unknown): void } } };
      const map = {};
      d.coordinator.selection.update({ source: map, field: 'region', values: ['01'] });
      // Half a second later, before the first answer (1.5 s), another province.
      setTimeout(() => d.coordinator.selection.update({ source: map, field: 'region', values: ['79'] }), 500);
    });
    await page.waitForFunction(() => {
      const shown = (document.getElementById('line-slow') as unknown as { shown: { region: string }[] }).shown;
      return shown.length > 0 && shown.every((o) => o.region === '79');
    }, undefined, { timeout: 30_000 });
    const asked = slow.slice(before);
    expect(asked.map((a) => [JSON.stringify(a.regions), a.cancelled])).toEqual([['["01"]', true], ['["79"]', false]]);
    expect(await page.evaluate(() => (document.getElementById('line-slow') as unknown as { state: string }).state)).toBe('ready');
    expect(errors).toEqual([]);
  });
});
