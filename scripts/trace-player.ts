// Where a period player's steps go on the main thread: the demo dashboard (examples/dashboard, dev
// server) plays its eight periods 400 ms apart with the map in view, under a Chromium trace. Prints
// each task of the renderer's main thread longer than 4 ms while it plays, with its CPU time (the
// trace's thread time, less noisy than wall time on a busy machine) and what it did, then a summary:
// tasks over 10 and 16 ms of CPU, the longest, and the frame gaps seen by requestAnimationFrame.
// `npx tsx scripts/trace-player.ts` (`RUNS=3` plays it that many times in one page).
import type { CDPSession } from 'playwright-core';
import { launchBrowser, scrollThrough, startDevServer, waitForCharts } from '../test/browser/harness.js';

const RUNS = Number(process.env.RUNS ?? 2);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: Record<string, unknown>;
}

interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const KINDS = ['TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'FunctionCall', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'MinorGC', 'MajorGC', 'ParseHTML', 'HitTest'];

const server = await startDevServer();
const browser = await launchBrowser();
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'no-preference' });
  const page = await context.newPage();
  // tsx names functions with a helper the page does not have.
  await page.addInitScript('window.__name = (f) => f');
  await page.goto(`${server.url}/examples/dashboard/`);
  await page.waitForFunction(() => customElements.get('chiso-player') !== undefined, undefined, { timeout: 60_000 });
  await scrollThrough(page);
  await waitForCharts(page, 60_000);
  await page.waitForFunction(() => (document.querySelector('chiso-player') as unknown as { periods: string[] }).periods.length > 0, undefined, { timeout: 30_000, polling: 100 });
  await page.locator('chiso-map').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
  await waitForCharts(page);
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  const profiling = process.env.PROFILE === '1';
  if (profiling) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,toplevel', transferMode: 'ReportEvents' });
  const gaps: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const g = await page.evaluate(async () => {
      const player = document.querySelector('chiso-player') as unknown as HTMLElement & { interval: number; playing: boolean; play(): void };
      const frames: number[] = [];
      let on = true;
      const tick = (t: number) => {
        frames.push(t);
        if (on) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      performance.mark('play-start');
      player.interval = 400;
      player.play();
      while (player.playing) await new Promise((r) => setTimeout(r, 100));
      await new Promise((r) => setTimeout(r, 600));
      performance.mark('play-end');
      on = false;
      return frames.slice(1).map((t, i) => t - frames[i]);
    });
    gaps.push(...g);
  }
  const profile = profiling ? ((await cdp.send('Profiler.stop')) as unknown as { profile: Profile }).profile : null;
  await cdp.send('Tracing.end');
  await traced;

  const main = events.find((e) => e.name === 'thread_name' && (e.args as { name?: string })?.name === 'CrRendererMain');
  if (!main) throw new Error('no renderer main thread in the trace');
  const starts = events.filter((e) => e.name === 'play-start').map((e) => e.ts).sort((a, b) => a - b);
  const ends = events.filter((e) => e.name === 'play-end').map((e) => e.ts).sort((a, b) => a - b);
  const playing = (ts: number) => starts.some((s, i) => ts >= s && ts <= (ends[i] ?? s));
  const onMain = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // One event a task (Chromium records a task under two names, one inside the other).
  const taskName = onMain.some((e) => e.name === 'ThreadControllerImpl::RunTask') ? 'ThreadControllerImpl::RunTask' : 'RunTask';
  const tasks = onMain.filter((e) => e.name === taskName && playing(e.ts));
  const cpu = (e: TraceEvent) => (e.tdur ?? e.dur ?? 0) / 1000;
  const wall = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const t0 = starts[0] ?? 0;
  for (const task of tasks.filter((e) => wall(e) > 4 && process.env.QUIET !== '1').sort((a, b) => a.ts - b.ts)) {
    const inner = onMain.filter((e) => e !== task && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= task.ts + (task.dur ?? 0) && KINDS.includes(e.name));
    const what = new Map<string, number>();
    for (const e of inner) what.set(e.name, (what.get(e.name) ?? 0) + wall(e));
    const measures = events.filter((e) => e.name.startsWith('chiso:') && e.ts >= task.ts && e.ts <= task.ts + (task.dur ?? 0)).map((e) => e.name);
    console.log(`+${((task.ts - t0) / 1000).toFixed(0).padStart(6)} ms  wall ${wall(task).toFixed(1).padStart(5)}  cpu ${cpu(task).toFixed(1).padStart(5)}  ${[...what].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}${measures.length ? `  [${[...new Set(measures)].join(' ')}]` : ''}`);
  }
  if (process.env.LAYOUTS === '1') {
    // What each long layout laid out, and what asked for it.
    for (const e of onMain.filter((e) => e.name === 'Layout' && wall(e) > 2 && playing(e.ts))) {
      const begin = (e.args?.beginData ?? {}) as { dirtyObjects?: number; totalObjects?: number; partialLayout?: boolean; stackTrace?: { functionName: string; url: string; lineNumber: number }[] };
      const end = (e.args?.endData ?? {}) as { layoutRoots?: { nodeId?: number; depth?: number }[] };
      console.log(`layout +${((e.ts - t0) / 1000).toFixed(0)} ${wall(e).toFixed(1)} ms cpu ${cpu(e).toFixed(1)}: ${begin.dirtyObjects}/${begin.totalObjects} objects, roots ${end.layoutRoots?.length ?? '?'}${begin.stackTrace ? ` < ${begin.stackTrace.slice(0, 3).map((f) => `${f.functionName}@${f.url.replace(/.*\//, '')}:${f.lineNumber}`).join(' < ')}` : ''}`);
    }
  }
  if (profile) {
    // JavaScript self time inside the tasks that updated the map (chiso:update), per function.
    const updates = events.filter((e) => e.name === 'chiso:update' && e.ph !== 'e').map((e) => tasks.find((t) => e.ts >= t.ts && e.ts <= t.ts + (t.dur ?? 0))).filter((t): t is TraceEvent => !!t);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<string, number>();
    let t = profile.startTime;
    for (let i = 0; i < profile.samples.length; i++) {
      t += profile.timeDeltas[i];
      if (!updates.some((u) => t >= u.ts && t <= u.ts + (u.dur ?? 0))) continue;
      const f = byId.get(profile.samples[i])!.callFrame;
      const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\//, '').replace(/\?.*/, '')}:${f.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i + 1] ?? 100));
    }
    console.log(`JS self time in ${updates.length} update tasks, per task:`);
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${(v / 1000 / Math.max(1, updates.length)).toFixed(2).padStart(6)} ms  ${k}`);
  }
  const cpus = tasks.map(cpu).sort((a, b) => b - a);
  const sorted = [...gaps].sort((a, b) => a - b);
  console.log(JSON.stringify({
    runs: RUNS,
    tasks: tasks.length,
    cpuOver10: cpus.filter((c) => c > 10).length,
    cpuOver16: cpus.filter((c) => c > 16).length,
    longestCpu: Number((cpus[0] ?? 0).toFixed(1)),
    wallOver16: tasks.filter((e) => wall(e) > 16).length,
    longestWall: Number(Math.max(0, ...tasks.map(wall)).toFixed(1)),
    frames: gaps.length + RUNS,
    gapsOver25: gaps.filter((g) => g > 25).length,
    worstGap: Number((sorted.at(-1) ?? 0).toFixed(1)),
    load: (await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' '),
  }));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
