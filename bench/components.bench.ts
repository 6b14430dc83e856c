// Components in a real page (headless Chromium, the built embed):
// - chart-first-paint-vs-vega-embed: attaching <chiso-chart> until its SVG is painted, against
//   vega-embed called directly with the spec chiso handed it (same CSP-safe options, same page,
//   same width), so the difference is chiso's own work: query, recipe, element and lifecycle.
// - map-selection-5-views-vs-frame: a province selected on the 63-province map until the five
//   linked views (line, slope, bar, KPI, table) have updated and painted, against a 16 ms frame.
// Run `npm run build` first (the page loads dist/chiso.embed.js).
import { existsSync } from 'node:fs';
import { entry, record } from './results.js';
import { launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts, ROOT } from '../test/browser/harness.js';

if (!existsSync(ROOT + 'dist/chiso.embed.js')) {
  console.error('chiso: build the embed first: npm run build');
  process.exit(1);
}

const RUNS = 15;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startStaticServer();
const browser = await launchBrowser();
try {
  const { page } = await newPage(browser, { width: 1280, height: 2400 });
  // tsx names functions with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(server.url + '/bench/pages/components.html');
  await scrollThrough(page);
  await waitForCharts(page, 60_000);

  // 1. First paint: <chiso-chart> against vega-embed with the spec chiso drew.
  const first = await page.evaluate(async (runs) => {
    const mod = (await import('/dist/chiso.embed.js' as string)) as {
      loadVega(): Promise<{ default: (el: HTMLElement, spec: unknown, opts: object) => Promise<{ finalize(): void }> }>;
      loadExpressionInterpreter(): Promise<unknown>;
    };
    const { default: embed } = await mod.loadVega();
    const expr = await mod.loadExpressionInterpreter();
    const d = document.getElementById('d')!;
    const stage = document.getElementById('stage')!;
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const chiso: number[] = [];
    const direct: number[] = [];
    let spec: unknown = null;
    for (let i = 0; i < runs + 2; i++) {
      // chiso: attach, wait for the view, then for the frame that paints it.
      const c = document.createElement('chiso-chart') as HTMLElement & { embeddedSpec: unknown };
      c.setAttribute('type', 'line');
      c.setAttribute('indicator', 'poverty_rate');
      c.setAttribute('region', '42, VN, 01, 79');
      let t = performance.now();
      const rendered = new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
      d.append(c);
      await rendered;
      await frame();
      const tc = performance.now() - t;
      spec = c.embeddedSpec;
      const width = c.shadowRoot!.querySelector('.chart')!.clientWidth;
      c.remove();
      // vega-embed directly, same spec and options, in a box of the same width.
      const box = document.createElement('div');
      box.style.setProperty('width', `${width}px`);
      stage.append(box);
      t = performance.now();
      const result = await embed(box, spec, { mode: 'vega-lite', renderer: 'svg', actions: false, defaultStyle: false, ast: true, expr, tooltip: false, hover: false });
      await frame();
      const td = performance.now() - t;
      result.finalize();
      box.remove();
      if (i >= 2) {
        chiso.push(tc);
        direct.push(td);
      }
    }
    return { chiso, direct };
  }, RUNS);

  // 2. A selection on the map until the five linked views show it.
  const selection = await page.evaluate(async (runs) => {
    const provinces = ['42', '01', '79', '48', '91', '06', '75', '38', '92', '11', '02', '46', '31', '64', '94', '15', '22'];
    const ids = ['line', 'slope', 'bar', 'kpi', 'table'];
    const map = document.getElementById('map') as unknown as { selectRegions(r: string[]): void };
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const times: number[] = [];
    for (let i = 0; i < runs + 2; i++) {
      const region = provinces[i % provinces.length];
      const renders = ['line', 'slope', 'bar'].map(
        (id) => new Promise((r) => document.getElementById(id)!.addEventListener('chiso-render', r, { once: true })),
      );
      const t = performance.now();
      map.selectRegions([region]);
      await Promise.all(renders);
      await Promise.all(ids.map((id) => (document.getElementById(id) as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      await frame();
      const elapsed = performance.now() - t;
      const ok =
        (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === region) &&
        (document.getElementById('kpi') as unknown as { shown: { region: string } }).shown.region === region;
      if (!ok) throw new Error(`views did not follow the selection of ${region}`);
      if (i >= 2) times.push(elapsed);
    }
    return times;
  }, RUNS);

  const chisoMs = median(first.chiso);
  const directMs = median(first.direct);
  const selectMs = median(selection);
  record([
    entry('chart-first-paint-vs-vega-embed', chisoMs, 'vega-embed, same spec and options', directMs, `median of ${RUNS}; line chart of 4 regions x 8 periods, svg renderer, Chromium headless; chiso includes query, recipe and fit`),
    entry('map-selection-5-views-vs-frame', selectMs, '16ms frame', 16, `median of ${RUNS}; 63-province map, 5 linked views (line, slope, bar, KPI, table), until painted`),
  ]);
} finally {
  await browser.close();
  await server.close();
}
