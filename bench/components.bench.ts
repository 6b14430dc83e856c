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

  // Main-thread CPU time (Chrome's TaskDuration) beside wall time: on a busy machine the wall clock
  // also counts time other processes took, the CPU time only what the page did.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpu = async () => {
    const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
    return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
  };
  await page.evaluate(async () => {
    const mod = (await import('/dist/chiso.embed.js' as string)) as { loadVega(): Promise<unknown>; loadExpressionInterpreter(): Promise<unknown> };
    await Promise.all([mod.loadVega(), mod.loadExpressionInterpreter()]);
  });

  // 1. First paint: <chiso-chart> against vega-embed with the spec chiso drew.
  const first = { chiso: [] as number[], direct: [] as number[], chisoCpu: [] as number[], directCpu: [] as number[] };
  for (let i = 0; i < RUNS + 2; i++) {
    let c0 = await cpu();
    const chiso = await page.evaluate(async () => {
      const d = document.getElementById('d')!;
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // chiso: attach, wait for the view, then for the frame that paints it.
      const c = document.createElement('chiso-chart') as HTMLElement & { embeddedSpec: unknown };
      c.setAttribute('type', 'line');
      c.setAttribute('indicator', 'poverty_rate');
      c.setAttribute('region', '42, VN, 01, 79');
      const t = performance.now();
      const rendered = new Promise((r) => c.addEventListener('chiso-render', r, { once: true }));
      d.append(c);
      await rendered;
      await frame();
      const ms = performance.now() - t;
      const w = window as unknown as { __spec: unknown; __width: number };
      w.__spec = c.embeddedSpec;
      w.__width = c.shadowRoot!.querySelector('.chart')!.clientWidth;
      c.remove();
      return ms;
    });
    const chisoCpu = (await cpu()) - c0;
    c0 = await cpu();
    const direct = await page.evaluate(async () => {
      const mod = (await import('/dist/chiso.embed.js' as string)) as {
        loadVega(): Promise<{ default: (el: HTMLElement, spec: unknown, opts: object) => Promise<{ finalize(): void }> }>;
        loadExpressionInterpreter(): Promise<unknown>;
      };
      const { default: embed } = await mod.loadVega();
      const expr = await mod.loadExpressionInterpreter();
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const w = window as unknown as { __spec: unknown; __width: number };
      // vega-embed directly, same spec and options, in a box of the same width.
      const box = document.createElement('div');
      box.style.setProperty('width', `${w.__width}px`);
      document.getElementById('stage')!.append(box);
      const t = performance.now();
      const result = await embed(box, w.__spec, { mode: 'vega-lite', renderer: 'svg', actions: false, defaultStyle: false, ast: true, expr, tooltip: false, hover: false });
      await frame();
      const ms = performance.now() - t;
      result.finalize();
      box.remove();
      return ms;
    });
    const directCpu = (await cpu()) - c0;
    if (i >= 2) {
      first.chiso.push(chiso);
      first.direct.push(direct);
      first.chisoCpu.push(chisoCpu);
      first.directCpu.push(directCpu);
    }
  }

  // 2. A selection on the map until the five linked views show it.
  const provinces = ['42', '01', '79', '48', '91', '06', '75', '38', '92', '11', '02', '46', '31', '64', '94', '15', '22'];
  const selection: number[] = [];
  const selectionCpu: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    const region = provinces[i % provinces.length];
    const c0 = await cpu();
    const elapsed = await page.evaluate(async (region) => {
      const ids = ['line', 'slope', 'bar', 'kpi', 'table'];
      const map = document.getElementById('map') as unknown as { selectRegions(r: string[]): void };
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const renders = ['line', 'slope', 'bar'].map((id) => new Promise((r) => document.getElementById(id)!.addEventListener('chiso-render', r, { once: true })));
      const t = performance.now();
      map.selectRegions([region]);
      await Promise.all(renders);
      await Promise.all(ids.map((id) => (document.getElementById(id) as unknown as { updateComplete: Promise<unknown> }).updateComplete));
      await frame();
      const ms = performance.now() - t;
      const ok =
        (document.getElementById('line') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === region) &&
        (document.getElementById('kpi') as unknown as { shown: { region: string } }).shown.region === region;
      if (!ok) throw new Error(`views did not follow the selection of ${region}`);
      return ms;
    }, region);
    const used = (await cpu()) - c0;
    if (i >= 2) {
      selection.push(elapsed);
      selectionCpu.push(used);
    }
  }

  const chisoMs = median(first.chiso);
  const directMs = median(first.direct);
  const selectMs = median(selection);
  const f = (x: number) => x.toFixed(1);
  record([
    entry(
      'chart-first-paint-vs-vega-embed',
      chisoMs,
      'vega-embed, same spec and options',
      directMs,
      `median of ${RUNS}; line chart of 4 regions x 8 periods, svg renderer, Chromium headless; chiso includes query, recipe and fit; main-thread CPU ${f(median(first.chisoCpu))} ms vs ${f(median(first.directCpu))} ms`,
    ),
    entry(
      'map-selection-5-views-vs-frame',
      selectMs,
      '16ms frame',
      16,
      `median of ${RUNS}; 63-province map, 5 linked views (line, slope, bar, KPI, table), until painted; main-thread CPU ${f(median(selectionCpu))} ms`,
    ),
  ]);
  console.log(`first paint CPU: chiso ${f(median(first.chisoCpu))} ms, vega-embed ${f(median(first.directCpu))} ms (ratio ${(median(first.chisoCpu) / median(first.directCpu)).toFixed(3)}); selection CPU ${f(median(selectionCpu))} ms`);
} finally {
  await browser.close();
  await server.close();
}
