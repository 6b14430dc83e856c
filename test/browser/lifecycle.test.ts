// 500 mount/unmount cycles leave no Vega view, listener, tooltip or node behind; a chart put back
// in the page draws again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser, newPage, startStaticServer, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;
let cdp: CDPSession;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  cdp = await page.context().newCDPSession(page);
  await page.goto(server.url + '/test/browser/pages/blank.html');
  await page.waitForFunction(() => customElements.get('chiso-dashboard') !== undefined);
  await page.evaluate(async () => {
    const d = document.createElement('chiso-dashboard');
    d.id = 'd';
    d.setAttribute('src', '/data/observations/poverty_rate.csv');
    document.getElementById('main')!.append(d);
    await new Promise((r) => d.addEventListener('chiso-load', r, { once: true }));
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Listeners registered on window and document, as DevTools counts them. */
async function listenerCount(): Promise<number> {
  let n = 0;
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
    n += listeners.length;
  }
  return n;
}

const liveViews = () => page.evaluate<number>(`import('/dist/chiso.embed.js').then((m) => m.liveViewCount())`);

const census = () =>
  page.evaluate(() => ({
    nodes: document.querySelectorAll('*').length,
    tooltips: document.querySelectorAll('#vg-tooltip-element, .vg-tooltip, [role=tooltip]').length,
    styles: document.querySelectorAll('style').length,
    clients: (document.getElementById('d') as unknown as { coordinator: { clientCount: number } }).coordinator.clientCount,
  }));

describe('mount and unmount', () => {
  it('leaves nothing behind after 500 cycles', async () => {
    const before = { ...(await census()), listeners: await listenerCount(), views: await liveViews() };
    expect(before.views).toBe(0);
    const drawn = await page.evaluate(async () => {
      const d = document.getElementById('d')!;
      let drawn = 0;
      for (let i = 0; i < 500; i++) {
        const c = document.createElement('chiso-chart');
        c.setAttribute('type', i % 2 ? 'line' : 'bar');
        c.setAttribute('indicator', 'poverty_rate');
        c.setAttribute('region', i % 2 ? '42, VN' : '');
        c.setAttribute('period', i % 2 ? '' : '2016');
        d.append(c);
        if (i % 5 === 4) {
          // Some are removed while still drawing.
          await new Promise((r) => requestAnimationFrame(r));
        } else {
          await new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
          drawn++;
        }
        c.remove();
      }
      // Let any draw that was in flight settle.
      await new Promise((r) => setTimeout(r, 500));
      return drawn;
    });
    expect(drawn).toBe(400);
    const after = { ...(await census()), listeners: await listenerCount(), views: await liveViews() };
    expect(after).toEqual(before);
  }, 240_000);

  it('draws again when put back', async () => {
    const state = await page.evaluate(async () => {
      const d = document.getElementById('d')!;
      const c = document.createElement('chiso-chart') as HTMLElement & { state: string; shown: unknown[] };
      c.setAttribute('indicator', 'poverty_rate');
      c.setAttribute('region', '42');
      d.append(c);
      await new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
      c.remove();
      const emptied = c.shadowRoot!.querySelector('.chart')!.childElementCount;
      d.append(c);
      await new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
      return { emptied, state: c.state, rows: c.shown.length, svg: !!c.shadowRoot!.querySelector('.chart svg') };
    });
    expect(state).toEqual({ emptied: 0, state: 'ready', rows: 8, svg: true });
    expect(await liveViews()).toBe(1);
  });
});
