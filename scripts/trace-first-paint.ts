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
  // Round: 1 + the latest round among the requests that had finished when this one started (the
  // page is round 0): how many answers in a row the page waited for before asking.
  const round = new Map<Row, number>();
  for (const r of list) {
    const before = list.filter((q) => q !== r && q.end !== undefined && q.end <= r.start).map((q) => round.get(q) ?? 0);
    round.set(r, r.url === path ? 0 : 1 + Math.max(0, ...before));
  }
  for (const r of list) {
    console.log(`${r.start.toFixed(0).padStart(6)} ${(r.end ?? NaN).toFixed(0).padStart(6)}  r${round.get(r)} ${r.url.padEnd(48)} ${String(r.bytes ?? "").padStart(7)} <- ${r.by}`);
  }
  console.log(`${list.length} requests in ${Math.max(...round.values())} rounds after the page, painted at ${painted.toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.close();
}
