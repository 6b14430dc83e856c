// Where a map click's time goes on the component bench page (bench/pages/components.html): for a few
// pointer clicks, the main thread's time from pointerdown to the frame painted after the five views
// show the province, split by what Chromium did (script, style, layout, paint, garbage collection),
// by task, and by the JavaScript functions sampled. `npm run build && npx tsx scripts/trace-selection.ts`
// (`CLICKS=8`; `TRACE_OUT=file.json` also writes the raw trace, for Chromium's performance panel;
// `CHISO_EMBED_MINIFY=0 npx vite build` first for the functions' own names).
import { writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { TOOLTIP_GRACE_MS } from '../src/render/browser.js';
import { armClick } from '../bench/click-done.js';
import { launchBrowser, newPage, regionPoint, scrollThrough, startStaticServer, waitForCharts } from '../test/browser/harness.js';

const CLICKS = Number(process.env.CLICKS ?? 6);
const provinces = ['01', '79', '42', '48', '91', '06', '75', '38', '92', '11', '02', '46', '31', '64', '94', '15', '22'];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function pointerAway(page: Page): Promise<void> {
  await page.mouse.move(1275, 2);
  await page.waitForTimeout(TOOLTIP_GRACE_MS + 50);
}

/** Arms the page (bench/click-done.ts), with user-timing marks at the press and at the painted frame. */
async function arm(page: Page, region: string): Promise<void> {
  await page.evaluate(armClick, region);
  await page.evaluate(() => {
    const w = window as unknown as { __done: Promise<number>; __doneMarks: Record<string, number> };
    document.addEventListener('pointerdown', (e) => performance.mark('trace-down', { startTime: e.timeStamp }), { once: true, capture: true });
    w.__done = w.__done.then((t) => {
      performance.mark('trace-done');
      console.log(JSON.stringify({ t, marks: w.__doneMarks }));
      return t;
    });
  });
}

const server = await startStaticServer();
const browser = await launchBrowser();
try {
  const { page } = await newPage(browser, { width: 1280, height: 3200 });
  page.on('console', (m) => {
    if (m.text().startsWith('{')) console.log('  page:', m.text());
  });
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(server.url + '/bench/pages/components.html');
  await scrollThrough(page);
  await waitForCharts(page, 60_000);
  for (let i = 0; i < 3; i++) {
    await pointerAway(page);
    const p = await regionPoint(page, '#map', provinces[(i + 5) % provinces.length]);
    await arm(page, provinces[(i + 5) % provinces.length]);
    await page.mouse.click(p.x, p.y);
    await page.evaluate(() => (window as unknown as { __done: Promise<number> }).__done);
  }
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,v8,toplevel,disabled-by-default-devtools.timeline.stack',
    transferMode: 'ReportEvents',
  });
  await cdp.send('Profiler.start');
  const times: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const region = provinces[i % provinces.length];
    await pointerAway(page);
    const p = await regionPoint(page, '#map', region);
    await arm(page, region);
    await page.mouse.click(p.x, p.y);
    times.push(await page.evaluate(() => (window as unknown as { __done: Promise<number> }).__done));
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; startTime: number; samples: number[]; timeDeltas: number[] } };
  await cdp.send('Tracing.end');
  await traced;
  if (process.env.TRACE_OUT) writeFileSync(process.env.TRACE_OUT, JSON.stringify({ traceEvents: events }));
  console.log(`clicks: ${times.map((t) => t.toFixed(1)).join(' ')} ms`);

  // The renderer's main thread.
  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E' || e.ph === 'I' || e.ph === 'R' || e.ph === 'n'));
  const downs = events.filter((e) => e.name === 'trace-down').map((e) => e.ts);
  const dones = events.filter((e) => e.name === 'trace-done').map((e) => e.ts);
  // Complete events as [start, end], B/E pairs joined.
  const spans: { name: string; start: number; end: number; args?: Record<string, unknown> }[] = [];
  const open: TraceEvent[] = [];
  for (const e of onMain.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0), args: e.args });
    else if (e.ph === 'B') open.push(e);
    else if (e.ph === 'E') {
      const b = open.pop();
      if (b) spans.push({ name: b.name, start: b.ts, end: e.ts, args: b.args });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);

  // JavaScript samples with their time and stack (the profiler's clock is the trace's).
  const byId = new Map(profile.nodes.map((nd) => [nd.id, nd]));
  const parent = new Map<number, number>();
  for (const nd of profile.nodes) for (const ch of nd.children ?? []) parent.set(ch, nd.id);
  const label = (nd: ProfileNode) => `${nd.callFrame.functionName || '(anon)'} ${nd.callFrame.url.replace(server.url, '').replace(/^\/dist\//, '').replace(/^chiso\.embed\./, '').replace(/-[\w-]{8}\.js$/, '')}:${nd.callFrame.lineNumber + 1}`;
  const samples: { t: number; dt: number; stack: string[] }[] = [];
  {
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      const stack: string[] = [];
      for (let id: number | undefined = profile.samples[i]; id !== undefined; id = parent.get(id)) stack.push(label(byId.get(id)!));
      samples.push({ t, dt: profile.timeDeltas[i + 1] ?? 100, stack });
    }
  }
  const topIn = (a: number, b: number, k: number) => {
    const incl = new Map<string, number>();
    for (const s of samples) {
      if (s.t < a || s.t > b) continue;
      for (const l of new Set(s.stack)) incl.set(l, (incl.get(l) ?? 0) + s.dt);
    }
    return [...incl].filter(([l]) => !/^\((root|program|idle)\)|^(_\$\w+|scheduleUpdate|performUpdate|\(anon\)) /.test(l)).sort((x, y) => y[1] - x[1]).slice(0, k).map(([l, v]) => `${l.replace(/ .*/, '')}[${l.replace(/^\S+ /, '')}] ${(v / 1000).toFixed(1)}`).join(', ');
  };
  const total = new Map<string, number>();
  const taskRows: string[][] = [];
  for (let c = 0; c < Math.min(downs.length, dones.length); c++) {
    const [t0, t1] = [downs[c], dones.find((d) => d > downs[c]) ?? downs[c]];
    // Self time of each span in the window (children subtracted).
    const inWin = spans.filter((s) => s.end > t0 && s.start < t1);
    const stack: (typeof spans[number] & { child: number })[] = [];
    const self = new Map<string, number>();
    const flush = (s: (typeof stack)[number]) => {
      const d = Math.min(s.end, t1) - Math.max(s.start, t0) - s.child;
      self.set(s.name, (self.get(s.name) ?? 0) + d);
    };
    for (const s of inWin) {
      while (stack.length && stack[stack.length - 1].end <= s.start) flush(stack.pop()!);
      const parent = stack[stack.length - 1];
      if (parent) parent.child += Math.min(s.end, t1) - Math.max(s.start, t0);
      stack.push({ ...s, child: 0 });
    }
    while (stack.length) flush(stack.pop()!);
    for (const [k, v] of self) total.set(k, (total.get(k) ?? 0) + v);
    const tasks = inWin.filter((s) => s.name === 'RunTask' && s.end - s.start > 300);
    taskRows.push([`click ${c}: ${((t1 - t0) / 1000).toFixed(1)} ms, ${tasks.length} tasks over 0.3 ms`]);
    for (const task of tasks) {
      const inner = inWin.filter((s) => s.start >= task.start && s.end <= task.end && s !== task);
      const what = new Map<string, number>();
      for (const s of inner) {
        if (['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'HitTest', 'IntersectionObserverController::computeIntersections', 'ResizeObserverController::NotifyObservations'].includes(s.name)) {
          const d = s.end - s.start;
          what.set(s.name, (what.get(s.name) ?? 0) + d);
        }
      }
      const detail = [...what].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
      taskRows.push([`  +${((task.start - t0) / 1000).toFixed(1)} ms ${((task.end - task.start) / 1000).toFixed(1)} ms: ${detail}`]);
      if (task.end - task.start > 2000) taskRows.push([`      js: ${topIn(task.start, task.end, 14)}`]);
    }
  }
  for (const r of taskRows) console.log(r.join(''));
  // Style and layout forced by script (inside a script's call): who asked, by the stack Chromium recorded.
  const forced = new Map<string, { n: number; ms: number }>();
  for (const s of spans) {
    if (s.name !== 'Layout' && s.name !== 'UpdateLayoutTree') continue;
    if (!downs.some((d, i) => s.start >= d && s.start <= (dones.find((x) => x > d) ?? d))) continue;
    const inScript = spans.some((o) => (o.name === 'FunctionCall' || o.name === 'EventDispatch' || o.name === 'v8.callFunction') && o.start <= s.start && o.end >= s.end);
    if (!inScript) continue;
    const data = (s.args?.beginData ?? s.args?.data ?? {}) as { stackTrace?: { functionName: string; url: string; lineNumber: number }[] };
    const where = (data.stackTrace ?? []).slice(0, 4).map((f) => `${f.functionName || '(anon)'}@${f.url.replace(/.*\//, '').replace(/-[\w-]{8}\.js$/, '')}:${f.lineNumber}`).join(' < ') || '(no stack)';
    const key = `${s.name} ${where}`;
    const v = forced.get(key) ?? { n: 0, ms: 0 };
    v.n++;
    v.ms += (s.end - s.start) / 1000;
    forced.set(key, v);
  }
  console.log('\nstyle and layout forced by script, per click:');
  const nClicks = Math.min(downs.length, dones.length);
  for (const [k, v] of [...forced].sort((a, b) => b[1].ms - a[1].ms).slice(0, 15)) console.log(`  ${(v.ms / nClicks).toFixed(2).padStart(7)} ms ${(v.n / nClicks).toFixed(1)}x  ${k}`);
  const n = Math.min(downs.length, dones.length);
  console.log(`\nmain thread self time per click (mean of ${n}), by trace event:`);
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / n / 1000).toFixed(2).padStart(7)} ms  ${k}`);

  // JavaScript: self time per function in the click windows.
  const selfFn = new Map<string, number>();
  const inclFn = new Map<string, number>();
  let t = profile.startTime;
  const windows = downs.slice(0, n).map((d) => [d, dones.find((x) => x > d) ?? d]);
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i];
    if (!windows.some(([a, b]) => t >= a && t <= b)) continue;
    const dt = profile.timeDeltas[i + 1] ?? 100;
    const nd = byId.get(profile.samples[i])!;
    selfFn.set(label(nd), (selfFn.get(label(nd)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = nd.id; id !== undefined; id = parent.get(id)) {
      const l = label(byId.get(id)!);
      if (seen.has(l)) continue;
      seen.add(l);
      inclFn.set(l, (inclFn.get(l) ?? 0) + dt);
    }
  }
  console.log(`\nJavaScript self time per click (sampled):`);
  for (const [k, v] of [...selfFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${(v / n / 1000).toFixed(2).padStart(7)} ms  ${k}`);
  console.log(`\nJavaScript inclusive time per click (sampled):`);
  for (const [k, v] of [...inclFn].sort((a, b) => b[1] - a[1]).slice(0, 70)) console.log(`  ${(v / n / 1000).toFixed(2).padStart(7)} ms  ${k}`);
} finally {
  await browser.close();
  await server.close();
}
