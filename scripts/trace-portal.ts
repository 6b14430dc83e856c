// What the baked portal page downloads until its chart answers a hover: every request with its
// gzipped size on the wire (Chromium's encodedDataLength), in the order asked for.
// `npm run build && npx tsx scripts/trace-portal.ts [page]` (default bench/pages/portal-line.html).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser, ROOT } from '../test/browser/harness.js';
import { bakePage } from '../src/render/node/bake.js';

const pagePath = process.argv[2] ?? 'bench/pages/portal-line.html';
const out = mkdtempSync(join(tmpdir(), 'chiso-portal-trace-'));
const baked = await bakePage(readFileSync(join(ROOT, pagePath), 'utf8'), { root: ROOT, page: '/' + pagePath });
writeFileSync(join(out, 'baked.html'), baked.html);
writeFileSync(join(out, baked.stylesheet), baked.css);
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.json': 'application/json' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.startsWith('/out/') ? join(out, path.slice(5)) : normalize(join(ROOT, path));
  let body: Buffer;
  try {
    body = gzipSync(readFileSync(file), { level: 6 });
  } catch {
    return res.writeHead(404).end();
  }
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-encoding': 'gzip', 'cache-control': 'no-store' });
  res.end(body);
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const port = (server.address() as { port: number }).port;
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const rows = new Map<string, { url: string; bytes: number; phase: string }>();
  let phase = 'load';
  cdp.on('Network.requestWillBeSent', (e: { requestId: string; request: { url: string } }) => {
    if (!e.request.url.startsWith('data:')) rows.set(e.requestId, { url: e.request.url.replace(`http://127.0.0.1:${port}`, '').replace(/^\/dist\/chiso\.embed\./, ''), bytes: 0, phase });
  });
  cdp.on('Network.loadingFinished', (e: { requestId: string; encodedDataLength: number }) => {
    const r = rows.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength;
  });
  await cdp.send('Network.enable');
  await page.goto(`http://127.0.0.1:${port}/out/baked.html`, { waitUntil: 'networkidle' });
  phase = 'hover';
  const sel = 'chiso-chart .chiso-baked-chart svg .mark-symbol.role-mark path';
  const p = (await page.evaluate(`(() => { const r = document.querySelector(${JSON.stringify(sel)}).getBoundingClientRect(); return { x: r.x + r.width / 2, y: r.y + r.height / 2 }; })()`)) as { x: number; y: number };
  await page.mouse.move(p.x, p.y);
  await page.waitForFunction("document.querySelector('chiso-chart').hydrated === true", undefined, { timeout: 60_000 });
  await page.mouse.move(p.x + 1, p.y);
  await page.waitForFunction("(() => { const t = document.querySelector('chiso-chart').shadowRoot.querySelector('.tooltip'); return t && !t.hidden && t.textContent.length > 0; })()", undefined, { timeout: 30_000 });
  await page.waitForTimeout(300);
  let total = 0;
  for (const r of rows.values()) {
    total += r.bytes;
    console.log(`${r.phase.padEnd(6)} ${(r.bytes / 1024).toFixed(1).padStart(7)} KB  ${r.url}`);
  }
  console.log(`${rows.size} requests, ${(total / 1024).toFixed(1)} KB on the wire until the tooltip`);
  await context.close();
} finally {
  await browser.close();
  server.close();
}
