/**
 * Browser test harness: a server on 127.0.0.1 with a random port (Vite's dev server for the examples,
 * or a static server of the repository for the built embed, with headers such as a strict CSP), and
 * one headless Chromium per test file.
 */
import { createServer as createHttpServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** Vite's dev server on the repository (what `npm run demo` serves), on a random port. */
export async function startDevServer(): Promise<TestServer> {
  const { createServer } = await import('vite');
  const server = await createServer({
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', hmr: false },
    optimizeDeps: { noDiscovery: false },
    // One dependency cache per test worker: two servers optimizing into one folder at once (the test
    // files run two at a time) overwrote each other's files under a page that was loading them.
    cacheDir: join(ROOT, 'node_modules/.vite', `test-dev-${process.env.VITEST_POOL_ID ?? process.pid}`),
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, close: () => server.close() };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** The strict policy portals use: nothing inline, nothing evaluated, everything from the page's own origin. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'";

/** A static server of the repository's files (the built `dist/` included). */
export async function startStaticServer(
  headers: (path: string) => Record<string, string | undefined> = () => ({}),
  /**
   * Answers POST requests: given the path, the body and a signal that aborts when the client goes away,
   * the status and a JSON body (or raw HTML in `html`).
   */
  post?: (path: string, body: string, gone: AbortSignal) => Promise<{ status: number; body?: unknown; html?: string }>,
): Promise<TestServer> {
  const server: Server = createHttpServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (req.method === 'POST' && post) {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const gone = new AbortController();
      res.on('close', () => {
        if (!res.writableFinished) gone.abort();
      });
      const answer = await post(path, Buffer.concat(chunks).toString('utf8'), gone.signal);
      if (gone.signal.aborted) return;
      const html = answer.html !== undefined;
      res.writeHead(answer.status, { 'content-type': html ? 'text/html; charset=utf-8' : 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(html ? answer.html : JSON.stringify(answer.body));
      return;
    }
    let file = normalize(join(ROOT, path));
    if (!file.startsWith(ROOT)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      const extra = Object.fromEntries(Object.entries(headers(path)).filter((e): e is [string, string] => e[1] !== undefined));
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store', ...extra });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHISO_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** A page that records CSP violations and uncaught errors for the test to assert on. */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  return { page, errors };
}

/** Waits until every `<chiso-chart>`/`<chiso-map>`/`<chiso-multiples>` in the page has drawn (or reported empty or error). */
export async function waitForCharts(page: Page, timeout = 30_000): Promise<void> {
  try {
    await page.waitForFunction(
      () => {
        const charts = [...document.querySelectorAll('chiso-chart, chiso-map, chiso-multiples')] as unknown as { state: string }[];
        return charts.length > 0 && charts.every((c) => c.state === 'ready' || c.state === 'empty' || c.state === 'error');
      },
      undefined,
      // Checked on a timer rather than on animation frames: a page starved of frames on a busy machine
      // would otherwise not be checked at all.
      { timeout, polling: 100 },
    );
  } catch (e) {
    // Which charts were still on their way, and in what state: a timeout alone says nothing of that.
    const waiting = await page
      .evaluate(() =>
        [...document.querySelectorAll('chiso-chart, chiso-map, chiso-multiples')]
          .map((c) => ({ name: `${c.localName}${c.id ? '#' + c.id : ''}[${c.getAttribute('type') ?? ''}]`, state: (c as unknown as { state: string }).state }))
          .filter((c) => c.state !== 'ready' && c.state !== 'empty' && c.state !== 'error')
          .map((c) => `${c.name} ${c.state}`),
      )
      .catch(() => ['(the page did not answer)']);
    throw new Error(`charts not drawn after ${timeout} ms: ${waiting.join(', ') || 'none found'} (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
  }
}

/** Scrolls through the page so lazy views come into view. */
export async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Two frames at each stop, not a fixed pause: intersection observers are checked when a frame is
    // drawn, and on a busy machine several timers can run between two frames, so a view passed over
    // between them would never be seen and never drawn.
    const frame = () => new Promise((r) => requestAnimationFrame(() => r(undefined)));
    // Each element's code arrives on its own: an element still undefined when the scroll passes it
    // would never see itself in view. Wait for every chiso tag in the page first (30 s at most).
    const tags = [...new Set([...document.querySelectorAll('*')].map((el) => el.localName).filter((n) => n.startsWith('chiso-')))];
    await Promise.race([Promise.all(tags.map((t) => customElements.whenDefined(t))), new Promise((r) => setTimeout(r, 30_000))]);
    for (let y = 0; y < document.body.scrollHeight; y += 400) {
      window.scrollTo(0, y);
      await frame();
      await frame();
    }
    window.scrollTo(0, 0);
  });
}

/**
 * Page coordinates of the centre of the mark of a chart whose datum names `region` (a bar, a map
 * shape), found in the Vega scenegraph, so a test can click it with the mouse like a reader.
 */
export async function itemPoint(page: Page, selector: string, region: string, name?: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(
    ({ selector, region, name }) => {
      const host = document.querySelector(selector) as unknown as HTMLElement & { view: { scenegraph(): { root: unknown } } | null };
      const view = host.view;
      if (!view) return null;
      type Item = { x?: number; y?: number; datum?: Record<string, unknown>; bounds?: { x1: number; y1: number; x2: number; y2: number }; items?: Item[]; mark?: { marktype: string; group?: Item }; marktype?: string };
      let found: Item | null = null;
      const visit = (node: Item): void => {
        if (found) return;
        const d = node.datum;
        const props = d?.properties as Record<string, unknown> | undefined;
        const r = d?.region ?? props?.id;
        if ((r === region || (name !== undefined && d?.name === name)) && node.bounds && node.mark && (node.mark.marktype === 'rect' || node.mark.marktype === 'shape' || node.mark.marktype === 'symbol')) {
          found = node;
          return;
        }
        for (const child of node.items ?? []) visit(child);
      };
      visit(view.scenegraph().root as Item);
      if (!found) return null;
      // Vega's SVG renderer keeps each item's element on the item.
      const el = (found as { _svg?: Element })._svg;
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    },
    { selector, region, name },
  );
  if (!point) throw new Error(`no mark for region ${region} in ${selector}`);
  return point;
}

/**
 * Page coordinates of a point inside a region's shape on a map (`<chiso-map>`), near the centre of
 * its box (the box's centre itself where it falls inside the shape: not so for a crescent or a
 * coast), so a click lands on that province as a reader's would.
 */
export async function regionPoint(page: Page, selector: string, region: string): Promise<{ x: number; y: number }> {
  // A tooltip stays a moment after the pointer leaves its mark (WCAG 1.4.13) and may cover the next
  // province: a reader's pointer travels to it, a test's jumps. The pointer leaves and the tooltip goes first.
  await page.mouse.move(1, 1);
  await page.waitForFunction(
    (selector) => {
      const tip = document.querySelector(selector)?.shadowRoot?.querySelector<HTMLElement>('.tooltip');
      return !tip || tip.hidden;
    },
    selector,
    { timeout: 10_000, polling: 50 },
  );
  const point = await page.evaluate(
    ({ selector, region }) => {
      const host = document.querySelector(selector) as unknown as HTMLElement & { view: { scenegraph(): { root: unknown } } | null };
      type Item = { datum?: { properties?: Record<string, unknown> }; items?: Item[]; mark?: { marktype: string; role?: string }; _svg?: SVGPathElement };
      const shapes: SVGPathElement[] = [];
      const visit = (node: Item): void => {
        const p = node.datum?.properties;
        if (p && (p.region ?? p.id) === region && p.part == null && node.mark?.marktype === 'shape' && node._svg && node._svg.getAttribute('fill') !== 'none' && node._svg.getAttribute('fill') !== null) shapes.push(node._svg);
        for (const child of node.items ?? []) visit(child);
      };
      if (!host.view) return null;
      visit(host.view.scenegraph().root as Item);
      const path = shapes[0];
      if (!path) return null;
      const box = path.getBBox();
      const ctm = path.getScreenCTM();
      if (!ctm) return null;
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      let best: { x: number; y: number; d: number } | null = null;
      const n = 24;
      for (let i = 0; i <= n; i++) {
        for (let j = 0; j <= n; j++) {
          const x = box.x + (box.width * i) / n;
          const y = box.y + (box.height * j) / n;
          const d = (x - cx) ** 2 + (y - cy) ** 2;
          if ((!best || d < best.d) && path.isPointInFill(new DOMPoint(x, y))) best = { x, y, d };
        }
      }
      if (!best) return null;
      const at = new DOMPoint(best.x, best.y).matrixTransform(ctm);
      // The topmost element there must be this province's own shape (not a label, not another shape).
      const hit = host.shadowRoot?.elementFromPoint(at.x, at.y);
      return hit === path ? { x: at.x, y: at.y } : null;
    },
    { selector, region },
  );
  if (!point) throw new Error(`no shape for region ${region} in ${selector}`);
  return { x: point.x, y: point.y };
}

/** Mounts `html` (a `<chiso-dashboard>`) in the page's fresh `#main` under `lang`, and waits for it to load or fail. */
export async function mountDashboard(page: Page, html: string, lang = 'vi'): Promise<void> {
  await page.evaluate(
    async ({ html, lang }) => {
      const main = document.getElementById('main')!;
      main.replaceChildren();
      main.setAttribute('lang', lang);
      const box = document.createElement('div');
      box.innerHTML = html;
      const d = box.querySelector('chiso-dashboard')!;
      const done = new Promise((r) => {
        d.addEventListener('chiso-load', r, { once: true });
        d.addEventListener('chiso-error', r, { once: true });
      });
      main.append(...box.childNodes);
      await done;
    },
    { html, lang },
  );
}

/** A static server, a browser and its page on the blank test page with the elements defined; `close` ends them. */
export async function openBlankPage(): Promise<{ server: TestServer; browser: Browser; page: Page; close: () => Promise<void> }> {
  const server = await startStaticServer();
  const browser = await launchBrowser();
  const { page } = await newPage(browser);
  await page.goto(server.url + '/test/browser/pages/blank.html');
  await page.waitForFunction(() => customElements.get('chiso-dashboard') !== undefined);
  return { server, browser, page, close: async () => { await browser.close(); await server.close(); } };
}

/** Saves what a chiso element's download menu offers under `label`: the file's suggested name and its bytes. */
export async function downloadFrom(page: Page, element: Locator, label: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await element.locator('details.export > summary').click();
  const [download] = await Promise.all([page.waitForEvent('download'), element.getByRole('button', { name: label }).click()]);
  return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
}
