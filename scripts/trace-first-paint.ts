// The request chain of the first-chart bench page: every request with its start and end (ms from
// navigation) and what started it (the script whose import or fetch asked for it), in Chromium.
// `npm run build && npx tsx scripts/trace-first-paint.ts [page]`.
import type { CDPSession } from 'playwright-core';
import { launchBrowser, newPage, startStaticServer } from '../test/browser/harness.js';

const path = process.argv[2] ?? '/bench/pages/first-chart.html';
const server = await startStaticServer();
const browser = await launchBrowser();
try {
  const { page } = await newPage(browser, { width: 1280, height: 900 });
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  type Row = { url: string; start: number; end?: number; by: string; bytes?: number };
  const rows = new Map<string, Row>();
  let t0 = 0;
  const short = (u: string) => u.replace(server.url, '').replace(/^\/dist\/chiso\.embed\./, '');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (!t0) t0 = e.timestamp;
    const i = e.initiator as { type: string; url?: string; stack?: { callFrames: { url: string }[]; parent?: unknown } };
    let by = i.url ?? i.stack?.callFrames?.[0]?.url ?? '';
    if (!by && i.stack) {
      let s = i.stack as { callFrames: { url: string }[]; parent?: unknown } | undefined;
      while (s && !by) {
        by = s.callFrames[0]?.url ?? '';
        s = s.parent as typeof s;
      }
    }
    rows.set(e.requestId, { url: short(e.request.url), start: (e.timestamp - t0) * 1000, by: `${i.type} ${short(by)}` });
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = rows.get(e.requestId);
    if (r) {
      r.end = (e.timestamp - t0) * 1000;
      r.bytes = e.encodedDataLength;
    }
  });
  await page.goto(server.url + path);
  await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, undefined, { timeout: 60_000 });
  const painted = await page.evaluate(() => (window as unknown as { __painted: number }).__painted);
  const list = [...rows.values()].sort((a, b) => a.start - b.start);
  // Depth: a request's depth is its initiator's depth + 1 (the page is 0).
  const depth = new Map<string, number>();
  for (const r of list) {
    const parent = r.by.split(' ')[1] ?? '';
    depth.set(r.url, (depth.get(parent) ?? 0) + (r.url === path ? 0 : 1));
  }
  for (const r of list) {
    console.log(`${r.start.toFixed(0).padStart(6)} ${(r.end ?? NaN).toFixed(0).padStart(6)}  d${depth.get(r.url)} ${r.url.padEnd(48)} <- ${r.by}`);
  }
  console.log(`${list.length} requests, depth ${Math.max(...depth.values())}, painted at ${painted.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
