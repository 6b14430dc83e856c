// A portal reader's first chart (headless Chromium, cold: a fresh browser context per sample, the
// contenders' order alternating from one sample to the next, medians of RUNS):
// - portal-first-chart-bytes-vs-vega-embed: bytes on the wire (Chromium's encodedDataLength, gzip)
//   until the chart is painted, on the slow link below, the page baked by `bakePage` (its chart in the
//   HTML, the embed script deferred) against a bare vega-embed + vega-interpreter page drawing the same
//   chart from the same CSV (one bundled script, the CSV). On the slow link what arrives before the
//   paint is what the paint waited for; on a fast link the deferred script races the paint and lands
//   first (that figure is in the note).
// - portal-first-chart-ms-slow-link-vs-vega-embed: time from navigation to that paint on an emulated
//   slow link (1.6 Mbps down, 150 ms latency: Network.emulateNetworkConditions).
// - portal-interactive-bytes-vs-vega-embed: bytes until the chart answers a hover with its tooltip
//   (the baked chart hydrates on that hover: Vega and its interpreter, no Vega-Lite).
// "Painted": the second animation frame after the chart's point marks are in the document. Both pages
// are served gzipped by the same server, without a CSP header. Run `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { entry, headCommit, record } from './results.js';
import { launchBrowser, ROOT } from '../test/browser/harness.js';
import { bakePage } from '../src/render/node/bake.js';

if (!existsSync(ROOT + 'dist/chiso.embed.js')) {
  console.error('chiso: build the embed first: npm run build');
  process.exit(1);
}
const RUNS = Number(process.env.RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const SLOW = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

// The two pages, made once: the baked page (and its stylesheet) and the bundled baseline.
const out = mkdtempSync(join(tmpdir(), 'chiso-portal-bench-'));
const baked = await bakePage(readFileSync(join(ROOT, 'bench/pages/portal-line.html'), 'utf8'), { root: ROOT, page: '/bench/pages/portal-line.html' });
writeFileSync(join(out, 'baked.html'), baked.html);
writeFileSync(join(out, baked.stylesheet), baked.css);
writeFileSync(join(out, 'vega-embed.html'), readFileSync(join(ROOT, 'bench/pages/vega-embed-line.html')));
await build({ entryPoints: [join(ROOT, 'bench/pages/vega-embed-line.js')], bundle: true, format: 'esm', minify: true, outfile: join(out, 'vega-embed-line.js'), logLevel: 'warning' });

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json' };
const gzipped = new Map<string, Buffer>();
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.startsWith('/bench-out/') ? join(out, path.slice('/bench-out/'.length)) : normalize(join(ROOT, path));
  if (!file.startsWith(ROOT) && !file.startsWith(out)) return res.writeHead(403).end();
  let body = gzipped.get(file);
  if (!body) {
    try {
      body = gzipSync(readFileSync(file), { level: 6 });
    } catch {
      return res.writeHead(404).end();
    }
    gzipped.set(file, body);
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const PAGES = { baked: `http://127.0.0.1:${port}/bench-out/baked.html`, vegaEmbed: `http://127.0.0.1:${port}/bench-out/vega-embed.html` };
type Contender = keyof typeof PAGES;
const MARKS: Record<Contender, string> = { baked: 'chiso-chart .chiso-baked-chart svg .mark-symbol.role-mark path', vegaEmbed: '#vis svg .mark-symbol.role-mark path' };

// Marks the paint: a string, so the page needs none of tsx's helpers.
const PAINT_PROBE = (selector: string) => `(() => {
  const check = () => {
    if (document.querySelector(${JSON.stringify(selector)})) requestAnimationFrame(() => { window.__paintedAt = performance.now(); });
    else requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
})();`;

interface Wire {
  /** Monotonic seconds of the first request, and its wall time: maps the page's clock onto the network's. */
  offset: number | null;
  finished: { t: number; bytes: number }[];
  partial: Map<string, { t: number; bytes: number }[]>;
  done: Set<string>;
  urls: string[];
}

async function watch(cdp: CDPSession): Promise<Wire> {
  const wire: Wire = { offset: null, finished: [], partial: new Map(), done: new Set(), urls: [] };
  const local = new Set<string>();
  cdp.on('Network.requestWillBeSent', (e: { wallTime: number; timestamp: number; request: { url: string } }) => {
    wire.offset ??= e.wallTime - e.timestamp;
    // A data: URL (the stylesheet's fonts) is decoded in the page, not fetched: its bytes came with the stylesheet.
    if (e.request.url.startsWith('data:')) local.add((e as unknown as { requestId: string }).requestId);
    wire.urls.push(e.request.url);
  });
  cdp.on('Network.dataReceived', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    if (local.has(e.requestId)) return;
    const list = wire.partial.get(e.requestId) ?? [];
    list.push({ t: e.timestamp, bytes: e.encodedDataLength });
    wire.partial.set(e.requestId, list);
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; timestamp: number; encodedDataLength: number }) => {
    if (local.has(e.requestId)) return;
    wire.finished.push({ t: e.timestamp, bytes: e.encodedDataLength });
    wire.done.add(e.requestId);
  });
  await cdp.send('Network.enable');
  return wire;
}

/** Bytes on the wire up to monotonic time `t` (requests still loading: the chunks received by then). */
function bytesUntil(wire: Wire, t: number): number {
  let sum = 0;
  for (const f of wire.finished) if (f.t <= t) sum += f.bytes;
  for (const [id, chunks] of wire.partial) if (!wire.done.has(id) || !wire.finished.length) for (const c of chunks) if (c.t <= t) sum += c.bytes;
  return sum;
}

interface Sample {
  paintMs: number;
  paintBytes: number;
  marks: number;
  interactiveBytes?: number;
}

const logs: string[] = [];
async function sample(browser: Browser, who: Contender, slow: boolean): Promise<Sample> {
  logs.length = 0;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    page.on('console', (m) => logs.push(`${m.type()}: ${m.text()}`));
    page.on('pageerror', (e) => logs.push(`pageerror: ${String(e)}`));
    const cdp = await context.newCDPSession(page);
    const wire = await watch(cdp);
    if (slow) await cdp.send('Network.emulateNetworkConditions', SLOW);
    await page.addInitScript(PAINT_PROBE(MARKS[who]));
    await page.goto(PAGES[who], { waitUntil: 'commit' });
    await page.waitForFunction('window.__paintedAt !== undefined', undefined, { timeout: 60_000, polling: 50 });
    const { at, wall, marks } = (await page.evaluate(`({ at: window.__paintedAt, wall: performance.timeOrigin + window.__paintedAt, marks: document.querySelectorAll(${JSON.stringify(MARKS[who])}).length })`)) as { at: number; wall: number; marks: number };
    const paintBytes = bytesUntil(wire, wall / 1000 - (wire.offset ?? 0));
    const result: Sample = { paintMs: at, paintBytes, marks };
    if (!slow) result.interactiveBytes = await hover(page, who, wire);
    return result;
  } finally {
    await context.close();
  }
}

/** Points at the chart's first point until its tooltip shows; the bytes on the wire by then. */
async function hover(page: Page, who: Contender, wire: Wire): Promise<number> {
  const point = async () =>
    (await page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(MARKS[who])}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as { x: number; y: number };
  let p = await point();
  await page.mouse.move(p.x, p.y);
  if (who === 'baked') {
    // The pointer moves on the chart, as a reader's does, until the chart (its script fetched at low
    // priority) has hydrated.
    for (let i = 0; ; i++) {
      const done = await page.waitForFunction("document.querySelector('chiso-chart').hydrated === true", undefined, { timeout: 2_000, polling: 50 }).then(() => true, () => false);
      if (done) break;
      if (i === 30) throw new Error(`not hydrated: ${logs.join(' | ')}`);
      await page.mouse.move(p.x + (i % 2 ? 2 : -2), p.y);
    }
    p = await point();
    await page.mouse.move(p.x + 1, p.y);
    await page.waitForFunction("(() => { const t = document.querySelector('chiso-chart').shadowRoot.querySelector('.tooltip'); return t && !t.hidden && t.textContent.length > 0; })()", undefined, { timeout: 30_000, polling: 50 });
  } else {
    await page.waitForFunction("(() => { const t = document.getElementById('vg-tooltip-element'); return t && t.classList.contains('visible') && t.textContent.length > 0; })()", undefined, { timeout: 30_000, polling: 50 });
  }
  // What was fetched, for a reader of the figure: CHISO_BENCH_URLS=1.
  if (process.env.CHISO_BENCH_URLS) console.log(`${who}:\n  ${wire.urls.join('\n  ')}`);
  return bytesUntil(wire, Number.POSITIVE_INFINITY);
}

const browser = await launchBrowser();
try {
  // The same chart on both sides before anything is timed: the same number of points drawn.
  const check = { baked: await sample(browser, 'baked', false), vegaEmbed: await sample(browser, 'vegaEmbed', false) };
  if (check.baked.marks !== check.vegaEmbed.marks || check.baked.marks < 10) throw new Error(`not the same chart: ${check.baked.marks} points baked, ${check.vegaEmbed.marks} with vega-embed`);

  const fast: Record<Contender, Sample[]> = { baked: [], vegaEmbed: [] };
  const slow: Record<Contender, Sample[]> = { baked: [], vegaEmbed: [] };
  for (let i = 0; i < RUNS; i++) {
    const order: Contender[] = i % 2 ? ['vegaEmbed', 'baked'] : ['baked', 'vegaEmbed'];
    for (const who of order) fast[who].push(await sample(browser, who, false));
    for (const who of [...order].reverse()) slow[who].push(await sample(browser, who, true));
  }
  const kb = (xs: number[]) => median(xs) / 1024;
  const commit = headCommit();
  const note = `${RUNS} cold loads each, order alternating; gzip; baked page ${(baked.html.length / 1024).toFixed(1)} KB of HTML + ${(baked.css.length / 1024).toFixed(1)} KB stylesheet before compression`;
  const bytesNote = `KB (not ms) on the wire until painted on the slow link (1.6 Mbps, 150 ms). On a fast link (the deferred embed script racing the paint): baked ${kb(fast.baked.map((s) => s.paintBytes)).toFixed(1)} KB, vega-embed ${kb(fast.vegaEmbed.map((s) => s.paintBytes)).toFixed(1)} KB; painted at ${median(fast.baked.map((s) => s.paintMs)).toFixed(0)} ms vs ${median(fast.vegaEmbed.map((s) => s.paintMs)).toFixed(0)} ms. ${note}`;
  record([
    { ...entry('portal-first-chart-bytes-vs-vega-embed', kb(slow.baked.map((s) => s.paintBytes)), 'bare vega-embed + vega-interpreter page, same chart from the same CSV (KB until painted, 1.6 Mbps / 150 ms)', kb(slow.vegaEmbed.map((s) => s.paintBytes)), bytesNote), commit },
    { ...entry('portal-first-chart-ms-slow-link-vs-vega-embed', median(slow.baked.map((s) => s.paintMs)), 'bare vega-embed + vega-interpreter page, same chart from the same CSV, 1.6 Mbps / 150 ms', median(slow.vegaEmbed.map((s) => s.paintMs)), `ms from navigation to the chart painted; KB by then: baked ${kb(slow.baked.map((s) => s.paintBytes)).toFixed(1)}, vega-embed ${kb(slow.vegaEmbed.map((s) => s.paintBytes)).toFixed(1)}. ${note}`), commit },
    { ...entry('portal-interactive-bytes-vs-vega-embed', kb(fast.baked.map((s) => s.interactiveBytes ?? 0)), 'bare vega-embed + vega-interpreter page (KB until its tooltip answers a hover)', kb(fast.vegaEmbed.map((s) => s.interactiveBytes ?? 0)), `KB (not ms) on the wire until the chart answers a hover with its tooltip (the baked chart hydrates on it: Vega and its interpreter, no Vega-Lite). ${note}`), commit },
  ]);
} finally {
  await browser.close();
  server.close();
}
