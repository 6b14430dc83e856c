// Components in a real page (Debian's Chromium, headless, the built embed):
// - chart-first-paint-vs-vega-embed: a cold page with one <chiso-chart> (line chart of 4 regions
//   from the 17-line poverty CSV) until its chart is painted, against a cold page with vega-embed
//   and its CSP-safe expression interpreter (one bundle built here with esbuild) drawing the spec
//   chiso drew, fetched as JSON, in a box of the same width. Every sample is a fresh browser context
//   (nothing cached, the server answers no-store), the two contenders alternate which goes first, and
//   both pages must draw the same texts before any time counts.
// - map-selection-5-views-vs-frame: a province clicked with the pointer (page.mouse.click on a point
//   inside its shape) on the 63-province map until the five linked views (line, slope, bar, KPI,
//   table) show it and the next frame is painted, against a 16.7 ms frame: p50 and p95.
// - The same clicks with the line, slope and bar drawn on canvas instead of SVG, for the note.
// Run `npm run build` first, then `node scripts/bench.mjs components`.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { build } from 'esbuild';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { TOOLTIP_GRACE_MS } from '../src/render/browser.js';
import { entry, headCommit, record } from './results.js';
import { launchBrowser, newPage, regionPoint, scrollThrough, startStaticServer, waitForCharts, ROOT } from '../test/browser/harness.js';

if (!existsSync(ROOT + 'dist/chiso.embed.js')) {
  console.error('chiso: build the embed first: npm run build');
  process.exit(1);
}

const FIRST_RUNS = Number(process.env.FIRST_RUNS ?? 15);
const CLICKS = Number(process.env.CLICKS ?? 40);
const FRAME = 1000 / 60;
const pick = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))];
const median = (xs: number[]) => pick(xs, 0.5);
const f = (x: number) => x.toFixed(1);
const commit = headCommit();

// The baseline's one bundle: vega-embed, Vega, Vega-Lite and the interpreter, minified.
mkdirSync(ROOT + 'dist/bench', { recursive: true });
await build({ entryPoints: [ROOT + 'bench/pages/vega-embed-entry.js'], bundle: true, format: 'esm', minify: true, target: 'es2022', outfile: ROOT + 'dist/bench/vega-embed.js', logLevel: 'warning' });

const server = await startStaticServer();
const browser = await launchBrowser();

/** CPU time of the page's main thread so far (Chromium's ThreadTime), in ms: what a busy machine does not inflate. */
async function threadTime(cdp: CDPSession): Promise<number> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? 0) * 1000;
}

/**
 * The pointer moved off the map and the last click's tooltip gone (it stays a moment after the pointer
 * leaves), so the next province is not under it: a reader's pointer travels, the bench's jumps.
 */
async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(1275, 2);
  await page.waitForTimeout(TOOLTIP_GRACE_MS + 50);
}

/** A cold load of `path` in a fresh context: ms from navigation start to the chart's painted frame, and the chart's texts. */
async function coldLoad(b: Browser, path: string): Promise<{ ms: number; cpu: number; texts: string[] }> {
  const { page } = await newPage(b, { width: 1280, height: 900 });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(server.url + path);
    await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, undefined, { timeout: 60_000, polling: 50 });
    // The renderer's main-thread CPU time for the whole load (a little after the paint, the same for both).
    const cpu = await threadTime(cdp);
    return await page.evaluate((cpu) => {
      const host = document.getElementById('chart')!;
      const svg = (host.shadowRoot ?? host).querySelector('svg')!;
      const texts = [...svg.querySelectorAll('text')].map((t) => t.textContent ?? '').filter((t) => t.trim() !== '');
      return { ms: (window as unknown as { __painted: number }).__painted, cpu, texts };
    }, cpu);
  } finally {
    await page.context().close();
  }
}

try {
  // 1. The spec chiso draws, for the baseline (an untimed load), then the two pages compared.
  {
    const { page } = await newPage(browser, { width: 1280, height: 900 });
    await page.goto(server.url + '/bench/pages/first-chart.html');
    await page.waitForFunction(() => (window as unknown as { __painted?: number }).__painted !== undefined, undefined, { timeout: 60_000 });
    const spec = await page.evaluate(() => (document.getElementById('chart') as unknown as { shownSpec: unknown }).shownSpec);
    writeFileSync(ROOT + 'dist/bench/line-spec.json', JSON.stringify(spec));
    await page.context().close();
  }
  const a = await coldLoad(browser, '/bench/pages/first-chart.html');
  const b = await coldLoad(browser, '/bench/pages/vega-embed.html');
  if (JSON.stringify([...a.texts].sort()) !== JSON.stringify([...b.texts].sort())) {
    throw new Error(`the two pages draw different charts:\n${a.texts.join(' | ')}\n${b.texts.join(' | ')}`);
  }
  const first = { chiso: [] as number[], embed: [] as number[], chisoCpu: [] as number[], embedCpu: [] as number[] };
  for (let i = 0; i < FIRST_RUNS; i++) {
    // Rotated: even samples chiso first, odd samples vega-embed first.
    const order = i % 2 === 0 ? (['chiso', 'embed'] as const) : (['embed', 'chiso'] as const);
    for (const who of order) {
      const r = await coldLoad(browser, who === 'chiso' ? '/bench/pages/first-chart.html' : '/bench/pages/vega-embed.html');
      first[who].push(r.ms);
      first[who === 'chiso' ? 'chisoCpu' : 'embedCpu'].push(r.cpu);
    }
  }
  console.log(`first paint, cold: chiso p50 ${f(median(first.chiso))} ms [${first.chiso.map(f).join(' ')}]; vega-embed p50 ${f(median(first.embed))} ms [${first.embed.map(f).join(' ')}]`);
  console.log(`main-thread CPU of the load: chiso p50 ${f(median(first.chisoCpu))} ms, vega-embed p50 ${f(median(first.embedCpu))} ms`);

  // 2. Pointer clicks on the map until five linked views show the province, SVG and canvas.
  const provinces = ['01', '79', '42', '48', '91', '06', '75', '38', '92', '11', '02', '46', '31', '64', '94', '15', '22'];
  async function clicks(canvas: string): Promise<{ ms: number[]; cpu: number[]; layout: string }> {
    const { page } = await newPage(browser, { width: 1280, height: 3200 });
    try {
      await page.addInitScript('window.__name = (f) => f');
      await page.goto(server.url + '/bench/pages/components.html' + (canvas ? `?canvas=${canvas}` : ''));
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      const offScreen = await page.evaluate(() =>
        ['map', 'line', 'slope', 'bar', 'kpi', 'table'].filter((id) => document.getElementById(id)!.getBoundingClientRect().bottom > innerHeight),
      );
      if (offScreen.length) throw new Error(`views off screen (they would not redraw): ${offScreen.join(', ')}`);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const cpu = () => threadTime(cdp);
      const ms: number[] = [];
      const used: number[] = [];
      const warmup = 3;
      for (let i = 0; i < CLICKS + warmup; i++) {
        const region = provinces[i % provinces.length];
        await pointerAway(page);
        const point = await regionPoint(page, '#map', region);
        // Armed before the click: from the pointer's press to the frame painted after every view shows it.
        await page.evaluate((region) => {
          const w = window as unknown as { __done: Promise<number> };
          const el = (id: string) => document.getElementById(id) as unknown as HTMLElement & { updateComplete: Promise<unknown>; shown: unknown };
          const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          const pressed = new Promise<number>((r) => document.addEventListener('pointerdown', (e) => r(e.timeStamp), { once: true, capture: true }));
          const drawn = ['line', 'slope', 'bar'].map((id) => new Promise((r) => el(id).addEventListener('chiso-render', r, { once: true })));
          w.__done = (async () => {
            const t0 = await pressed;
            await Promise.all(drawn);
            await Promise.all(['line', 'slope', 'bar', 'kpi', 'table'].map((id) => el(id).updateComplete));
            // The KPI answers from its cube in a task of its own, which may end after the charts drew:
            // the time runs until it shows the province too (a few frames at most, else the click failed).
            const follows = () => (el('line').shown as { region: string }[]).every((o) => o.region === region) && (el('kpi').shown as { region: string } | undefined)?.region === region;
            for (let i = 0; i < 120 && !follows(); i++) await frame();
            await frame();
            const t = performance.now() - t0;
            if (!follows()) throw new Error(`views did not follow the selection of ${region}`);
            return t;
          })();
        }, region);
        const c0 = await cpu();
        await page.mouse.click(point.x, point.y);
        const t = await page.evaluate(() => (window as unknown as { __done: Promise<number> }).__done);
        const c = (await cpu()) - c0;
        if (i >= warmup) {
          ms.push(t);
          used.push(c);
        }
      }
      // How much of the page each click lays out again: Chromium's Layout events over 5 more clicks
      // (objects marked dirty, of all the layout objects), summed per click.
      const events: { name: string; ph: string; args?: { beginData?: { dirtyObjects: number; totalObjects: number } } }[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
      const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
      for (let i = 0; i < 5; i++) {
        await pointerAway(page);
        const point = await regionPoint(page, '#map', provinces[(i + 7) % provinces.length]);
        await page.mouse.click(point.x, point.y);
        await page.waitForTimeout(400);
      }
      await cdp.send('Tracing.end');
      await traced;
      const layouts = events.filter((e) => e.name === 'Layout' && e.args?.beginData);
      const dirty = layouts.reduce((n, e) => n + e.args!.beginData!.dirtyObjects, 0) / 5;
      const total = Math.max(0, ...layouts.map((e) => e.args!.beginData!.totalObjects));
      return { ms, cpu: used, layout: `${Math.round(dirty)} of ${total} layout objects laid out again per click` };
    } finally {
      await page.context().close();
    }
  }
  const svg = await clicks('');
  const canvasRuns: [string, { ms: number[]; cpu: number[]; layout: string }][] = [];
  for (const which of ['all', 'line', 'slope', 'bar']) canvasRuns.push([which, await clicks(which)]);
  const canvas = canvasRuns[0][1];
  const line = (name: string, r: { ms: number[]; cpu: number[] }) =>
    `${name}: p50 ${f(median(r.ms))} ms, p95 ${f(pick(r.ms, 0.95))} ms, main-thread CPU time p50 ${f(median(r.cpu))} ms`;
  console.log(line('selection, svg', svg), `; ${svg.layout}`);
  for (const [which, r] of canvasRuns) console.log(line(`selection, canvas (${which === 'all' ? 'line, slope, bar' : which})`, r));
  const perChart = canvasRuns
    .slice(1)
    .map(([which, r]) => `${which} alone on canvas p50 ${f(median(r.ms))} ms, CPU ${f(median(r.cpu))} ms`)
    .join('; ');

  const machine = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
  const firstNote = `median of ${FIRST_RUNS} cold loads each, every one in a fresh browser context, order alternated; from navigation start to the frame after the chart is drawn; line chart of 4 regions x 8 periods from the 17-line poverty CSV, 720 px box, svg; vega-embed: one esbuild bundle of vega-embed + vega-interpreter drawing chiso's spec fetched as JSON; chiso p50 ${f(median(first.chiso))} ms, vega-embed ${f(median(first.embed))} ms; main-thread CPU time of the load (ThreadTime) p50 chiso ${f(median(first.chisoCpu))} ms, vega-embed ${f(median(first.embedCpu))} ms (ratio ${(median(first.chisoCpu) / median(first.embedCpu)).toFixed(3)}); ${machine}`;
  const selNote = (p: string) =>
    `${p} of ${CLICKS} pointer clicks (page.mouse.click inside each province's shape, 3 clicks of warm-up), from pointerdown to the frame painted after line, slope, bar, KPI and table show the province; 63-province map; svg p50 ${f(median(svg.ms))} / p95 ${f(pick(svg.ms, 0.95))} ms (main-thread CPU time p50 ${f(median(svg.cpu))} ms; ${svg.layout}); the same clicks with line, slope and bar on canvas: p50 ${f(median(canvas.ms))} / p95 ${f(pick(canvas.ms, 0.95))} ms (main-thread CPU time p50 ${f(median(canvas.cpu))} ms); ${perChart}; every chart stays SVG: its marks carry ARIA descriptions in the reader's language, which canvas drops; ${machine}`;
  record(
    [
      entry('chart-first-paint-vs-vega-embed', median(first.chiso), 'vega-embed page, cold, same spec and width', median(first.embed), firstNote),
      entry('map-selection-5-views-vs-frame', median(svg.ms), '16.7ms frame', FRAME, selNote('median')),
      entry('map-selection-5-views-p95-vs-frame', pick(svg.ms, 0.95), '16.7ms frame', FRAME, selNote('95th percentile')),
    ].map((e) => ({ ...e, commit })),
  );
} finally {
  await browser.close();
  await server.close();
}
