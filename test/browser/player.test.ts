// <chiso-player> on the demo dashboard, driven by keyboard only: Tab to it, Home/End/arrows on the
// slider, Space on Play and Pause; the live region says each step, the page address follows the
// period and a link opens on it, the map shows the period, nothing plays by itself, and reduced
// motion changes colours without fading. The frame gaps while it plays are recorded, not asserted;
// that no view is drawn anew while it plays is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { itemPoint, launchBrowser, newPage, ROOT, scrollThrough, startDevServer, startStaticServer, STRICT_CSP, waitForCharts, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startDevServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(page: Page, query = '', go = true): Promise<void> {
  if (go) await page.goto(`${server.url}/examples/dashboard/${query}`);
  await page.waitForFunction(() => customElements.get('chiso-player') !== undefined, undefined, { timeout: 60_000 });
  await scrollThrough(page);
  await waitForCharts(page, 60_000);
  await page.waitForFunction(() => (document.querySelector('chiso-player') as unknown as { periods: string[] }).periods.length > 0, undefined, { timeout: 30_000, polling: 100 });
}

/** What the reader and the page see of the player: its live region, the address, the map's periods. */
async function seen(page: Page): Promise<{ said: string; url: string | null; mapPeriods: string[]; slider: string; valuetext: string; playing: boolean }> {
  return page.evaluate(() => {
    const player = document.querySelector('chiso-player') as unknown as HTMLElement & { playing: boolean };
    const root = player.shadowRoot!;
    const map = document.querySelector('chiso-map') as unknown as { shown: { period: string }[]; state: string };
    const slider = root.querySelector('input[type=range]') as HTMLInputElement;
    return {
      said: root.querySelector('[part=announce]')!.textContent!.trim(),
      url: new URL(location.href).searchParams.get('demo.period'),
      mapPeriods: [...new Set(map.shown.map((o) => o.period))],
      slider: slider.value,
      valuetext: slider.getAttribute('aria-valuetext') ?? '',
      playing: player.playing,
    };
  });
}

/** Waits until the live region says `prefix…`, the address holds `period` and the map shows it, drawn. */
async function waitForStep(page: Page, period: string, prefix: string): Promise<void> {
  await page.waitForFunction(
    ({ period, prefix }) => {
      const player = document.querySelector('chiso-player')!;
      const said = player.shadowRoot!.querySelector('[part=announce]')?.textContent?.trim() ?? '';
      const map = document.querySelector('chiso-map') as unknown as { shown: { period: string }[]; state: string };
      const periods = new Set(map.shown.map((o) => o.period));
      return said.startsWith(prefix) && new URL(location.href).searchParams.get('demo.period') === period && map.state === 'ready' && periods.size === 1 && periods.has(period);
    },
    { period, prefix },
    { timeout: 30_000, polling: 50 },
  );
}

/** The element focused, through shadow roots: `chiso-player/play`, `chiso-player/slider`. */
function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el = document.activeElement;
    const path: string[] = [];
    while (el) {
      path.push(el.getAttribute('part') ?? el.localName);
      el = el.shadowRoot?.activeElement ?? null;
    }
    return path.join('/');
  });
}

async function tabTo(page: Page, target: string, limit = 40): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if ((await focused(page)) === target) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target}; last ${await focused(page)}`);
}

describe('<chiso-player> on the demo dashboard', () => {
  it('is operated by keyboard alone: the live region, the address and the map follow each step', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page);
    // No autoplay: nothing selected, the map on the latest period, the player paused.
    let s = await seen(page);
    expect(s.playing).toBe(false);
    expect(s.url).toBeNull();
    expect(s.said).toBe('Năm 2016: Tỷ lệ hộ nghèo, Cả nước 5,8%');
    expect(s.valuetext).toBe('2016');
    expect(await page.evaluate(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')!.getAttribute('aria-live'))).toBe('polite');

    await tabTo(page, 'chiso-player/play');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('chiso-player/back');
    // Forward is disabled on the last period: Tab goes on to the slider.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('chiso-player/slider');

    await page.keyboard.press('Home');
    await waitForStep(page, '2006', 'Năm 2006: Tỷ lệ hộ nghèo, Cả nước 15,5%');
    expect((await seen(page)).valuetext).toBe('2006');
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, '2008', 'Năm 2008: Tỷ lệ hộ nghèo, Cả nước 13,4%');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    // Two keys inside 400 ms: the views follow to the last period reached.
    await waitForStep(page, '2012', 'Năm 2012:');
    await page.keyboard.press('ArrowLeft');
    await waitForStep(page, '2010', 'Năm 2010:');
    await page.keyboard.press('End');
    await waitForStep(page, '2016', 'Năm 2016:');

    // Back to the buttons: Space on Back steps one period back.
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('chiso-player/back');
    await page.keyboard.press('Space');
    await waitForStep(page, '2015', 'Năm 2015: Tỷ lệ hộ nghèo, Cả nước 7%');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('chiso-player/forward');
    await page.keyboard.press('Enter');
    await waitForStep(page, '2016', 'Năm 2016:');

    // Play from the last period starts over from the first, and goes on by itself; Space pauses.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Shift+Tab');
    expect(await focused(page)).toBe('chiso-player/play');
    await page.keyboard.press('Space');
    expect((await seen(page)).playing).toBe(true);
    // While it plays, steps go on by themselves: wait for the period it has reached, not for one step
    // caught with every view drawn (a busy machine can pass a step between two checks).
    const reached = (year: string) =>
      page.waitForFunction(
        (year) => {
          const text = document.querySelector('chiso-player')!.shadowRoot!.querySelector('input[type=range]')!.getAttribute('aria-valuetext') ?? '';
          return text < '2016' && text >= year;
        },
        year,
        { timeout: 30_000, polling: 50 },
      );
    await reached('2006');
    await reached('2008');
    expect(await page.evaluate(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=play]')!.textContent!.trim())).toMatch(/Tạm dừng$/);
    await page.keyboard.press('Space');
    s = await seen(page);
    expect(s.playing).toBe(false);
    expect(await page.evaluate(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=play]')!.textContent!.trim())).toMatch(/Phát$/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('opens a link on its period, and speaks English', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page, '?lang=en&demo.period=2012');
    await waitForStep(page, '2012', '2012: Poverty rate, Whole country 11.1%');
    const s = await seen(page);
    expect(s.slider).toBe('3');
    expect(s.playing).toBe(false);
    const labels = await page.evaluate(() => [...document.querySelector('chiso-player')!.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent!.replace(/\s+/g, ' ').trim()));
    expect(labels).toEqual(['▶ Play', '◀ Previous', 'Next ▶']);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('under reduced motion a step changes the colours at once; otherwise they fade', async () => {
    const durations: Record<string, string> = {};
    for (const motion of ['reduce', 'no-preference'] as const) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: motion });
      const page = await context.newPage();
      await openDemo(page);
      durations[motion] = await page.evaluate(() => getComputedStyle(document.querySelector('chiso-map')!.shadowRoot!.querySelector('.chart path')!).transitionDuration);
      // Steps still happen, one period each.
      await page.evaluate(() => (document.querySelector('chiso-player') as unknown as { go(i: number): void }).go(0));
      await waitForStep(page, '2006', '');
      await context.close();
    }
    expect(durations).toEqual({ reduce: '0s', 'no-preference': '0.25s' });
  }, 180_000);

  it('plays through the 63-province map, every step updating the drawn views in place (frame gaps and long tasks recorded)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    await openDemo(page);
    // The map in view, as a reader watching it play.
    await page.locator('chiso-map').first().evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await waitForCharts(page);
    await page.evaluate(() => {
      type Rec = { frames: number[]; longTasks: { start: number; duration: number }[]; measures: { name: string; start: number; duration: number }[]; renders: { tag: string; embedded: boolean }[]; recording: boolean };
      const w = window as unknown as Rec;
      w.frames = [];
      w.longTasks = [];
      w.measures = [];
      w.renders = [];
      w.recording = true;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (w.recording) w.longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
      }).observe({ type: 'longtask' });
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (w.recording && e.name.startsWith('chiso:')) w.measures.push({ name: e.name, start: Math.round(e.startTime), duration: Math.round(e.duration) });
      }).observe({ type: 'measure' });
      // Every view's drawing: `embedded` is true where a view was drawn anew rather than updated.
      document.addEventListener('chiso-render', (e) => {
        if (w.recording) w.renders.push({ tag: (e.target as Element).localName + ((e.target as Element).id ? `#${(e.target as Element).id}` : ''), embedded: (e as CustomEvent<{ embedded?: boolean }>).detail.embedded === true });
      });
      const tick = (t: number) => {
        if (!w.recording) return;
        w.frames.push(t);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      const player = document.querySelector('chiso-player') as unknown as HTMLElement & { interval: number; play(): void };
      player.interval = 400;
      player.play();
    });
    // Played to the end: 2006 … 2016, eight periods (the steps go on by themselves: only the end is waited for).
    await page.waitForFunction(() => !(document.querySelector('chiso-player') as unknown as { playing: boolean }).playing, undefined, { timeout: 90_000, polling: 100 });
    await waitForStep(page, '2016', 'Năm 2016');
    await waitForCharts(page);
    const r = await page.evaluate(() => {
      const w = window as unknown as { frames: number[]; longTasks: { start: number; duration: number }[]; measures: { name: string; start: number; duration: number }[]; renders: { tag: string; embedded: boolean }[]; recording: boolean };
      w.recording = false;
      const gaps = w.frames.slice(1).map((t, i) => t - w.frames[i]);
      const sorted = [...gaps].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)];
      return {
        frames: w.frames.length, median, max: sorted.at(-1) ?? 0, p99: sorted[Math.floor(sorted.length * 0.99)], over: gaps.filter((g) => g > median * 1.5).length,
        longTasks: w.longTasks, measures: w.measures, renders: w.renders,
      };
    });
    const shown = await page.evaluate(() => (document.querySelector('chiso-map') as unknown as { shown: unknown[] }).shown.length);
    // The figure for the report; frame times vary with the machine, so nothing here is timed.
    const out = `${ROOT}node_modules/.cache/chiso/`;
    mkdirSync(out, { recursive: true });
    const { renders, measures, ...figures } = r;
    writeFileSync(`${out}player-frames.json`, JSON.stringify({ ...figures, provinces: shown, renders, measures }, null, 2));
    console.log(`player frames: ${JSON.stringify({ ...figures, provinces: shown, rebuilt: renders.filter((x) => x.embedded).map((x) => x.tag) })}`);
    expect(r.frames).toBeGreaterThan(10);
    expect(shown).toBeGreaterThanOrEqual(63);
    // Each of the eight steps redrew the map (the first in view), and no view was drawn anew.
    expect(renders.filter((x) => x.tag === 'chiso-map').length).toBeGreaterThanOrEqual(8);
    expect(renders.filter((x) => x.embedded)).toEqual([]);
    await context.close();
  }, 180_000);
});

/** The period selection as the page shows it: the address, the map, the player, the line chart's year range. */
async function periodsSeen(page: Page): Promise<{ period: string | null; range: string | null; map: string; said: string; steps: string[]; chosen: string[]; filter: string[] }> {
  return page.evaluate(() => {
    const params = new URL(location.href).searchParams;
    const player = document.querySelector('chiso-player') as unknown as HTMLElement & { steps: string[] };
    const line = document.querySelector('chiso-chart[type=line]')!;
    return {
      period: params.get('demo.period'),
      range: params.get('demo.range'),
      // The period the map draws (a range's rows are all shown in its table; the map draws the latest).
      map: /năm (\d{4})/.exec((document.querySelector('chiso-map') as unknown as { description: string }).description)?.[1] ?? '',
      said: player.shadowRoot!.querySelector('[part=announce]')!.textContent!.trim(),
      steps: player.steps,
      chosen: [...line.shadowRoot!.querySelectorAll<HTMLSelectElement>('details.range select')].map((s) => s.value),
      filter: [...document.querySelector('chiso-filter')!.shadowRoot!.querySelectorAll<HTMLSelectElement>('[part=period] select')].map((s) => s.value),
    };
  });
}

/** Waits until the address says `period` (and `range`), the map draws `map` (its description says so), and the player says `said…`. */
async function waitForPeriods(page: Page, want: { period: string | null; range?: string | null; map: string; said: string }): Promise<void> {
  await page.waitForFunction(
    (want) => {
      const params = new URL(location.href).searchParams;
      const map = document.querySelector('chiso-map') as unknown as { description: string; state: string };
      const said = document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')?.textContent?.trim() ?? '';
      return params.get('demo.period') === want.period && params.get('demo.range') === (want.range ?? null) && map.state === 'ready' && /năm (\d{4})/.exec(map.description)?.[1] === want.map && said.startsWith(want.said);
    },
    want,
    { timeout: 30_000, polling: 100 },
  ).catch(async (e: unknown) => {
    throw new Error(`${String(e)}; wanted ${JSON.stringify(want)}, seen ${JSON.stringify(await periodsSeen(page))}`);
  });
}

describe('<chiso-player> and the page address', () => {
  it('a step is in the address; reloading, going back and forward restore it', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page);
    await page.locator('chiso-player').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await waitForStep(page, '2008', 'Năm 2008: Tỷ lệ hộ nghèo, Cả nước 13,4%');
    const stepped = page.url();
    expect(new URL(stepped).searchParams.get('demo.period')).toBe('2008');

    // Reloaded: the player, the slider and the map on 2008 again, not playing.
    await page.reload();
    await openDemo(page, new URL(stepped).search, false);
    await waitForStep(page, '2008', 'Năm 2008: Tỷ lệ hộ nghèo, Cả nước 13,4%');
    expect((await seen(page)).slider).toBe('1');
    expect((await seen(page)).playing).toBe(false);

    // Another address, then back and forward.
    await openDemo(page, '?demo.period=2014');
    await waitForStep(page, '2014', 'Năm 2014:');
    await page.goBack();
    await waitForStep(page, '2008', 'Năm 2008:');
    await page.goForward();
    await waitForStep(page, '2014', 'Năm 2014:');

    // Entries the page itself adds: going back reads the address (popstate), and an address
    // without a period clears the step.
    await page.evaluate(() => {
      history.pushState(null, '', '?demo.period=2010');
      history.pushState(null, '', '?demo.region=42');
      history.back();
    });
    await waitForStep(page, '2010', 'Năm 2010:');
    await page.evaluate(() => history.forward());
    await page.waitForFunction(() => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { periodRange(): unknown } } }).coordinator.selection.periodRange() === null, undefined, { timeout: 30_000, polling: 100 });
    await page.waitForFunction(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')?.textContent?.startsWith('Năm 2016'), undefined, { timeout: 30_000, polling: 100 });
    expect(new URL(page.url()).searchParams.get('demo.region')).toBe('42');
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('<chiso-player> beside the line chart\'s year range', () => {
  it('steps inside the range chosen, the two in the address together, never showing a period the range leaves out', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page);
    const line = page.locator('chiso-chart[type=line]');
    await line.locator('details.range summary').click();
    const [from, to] = [line.locator('details.range select').nth(0), line.locator('details.range select').nth(1)];
    await from.selectOption('2010');
    await to.selectOption('2014');
    // A range chosen, no step: the map shows its latest period, and the player says so.
    await waitForPeriods(page, { period: '2010-2014', map: '2014', said: 'Năm 2014:' });
    let s = await periodsSeen(page);
    expect(s.steps).toEqual(['2010', '2012', '2013', '2014']);
    expect(s.chosen).toEqual(['2010', '2014']);
    // The filter names the same years: one range, whoever chose it.
    expect(s.filter).toEqual(['2010', '2014']);
    expect(await page.evaluate(() => (document.querySelector('chiso-player')!.shadowRoot!.querySelector('input[type=range]') as HTMLInputElement).max)).toBe('3');

    // Home: the first year of the range, not of the data; the range stays beside it, in the address too.
    await page.locator('chiso-player').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await waitForPeriods(page, { period: '2010', range: '2010-2014', map: '2010', said: 'Năm 2010:' });
    expect((await periodsSeen(page)).chosen).toEqual(['2010', '2014']);
    expect((await periodsSeen(page)).filter).toEqual(['2010', '2014']);
    await page.keyboard.press('End');
    await waitForPeriods(page, { period: '2014', range: '2010-2014', map: '2014', said: 'Năm 2014:' });

    // A narrower range that leaves 2014 out: the views move to its latest period, the player with them.
    await to.selectOption('2012');
    await waitForPeriods(page, { period: '2010-2012', map: '2012', said: 'Năm 2012:' });
    s = await periodsSeen(page);
    expect(s.steps).toEqual(['2010', '2012']);

    // A step and a range in a link: both restored.
    await page.locator('chiso-player').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await waitForPeriods(page, { period: '2010', range: '2010-2012', map: '2010', said: 'Năm 2010:' });
    await page.reload();
    await openDemo(page, new URL(page.url()).search, false);
    await waitForPeriods(page, { period: '2010', range: '2010-2012', map: '2010', said: 'Năm 2010:' });
    s = await periodsSeen(page);
    expect(s.steps).toEqual(['2010', '2012']);
    expect(s.chosen).toEqual(['2010', '2012']);
    expect(s.filter).toEqual(['2010', '2012']);
    // The filter widens the range again (a link's range is no floor for a new choice); the step stays.
    await page.locator('chiso-filter').locator('[part=period] select').nth(0).selectOption('2006');
    await waitForPeriods(page, { period: '2010', range: '2006-2012', map: '2010', said: 'Năm 2010:' });
    s = await periodsSeen(page);
    expect(s.steps).toEqual(['2006', '2008', '2010', '2012']);
    expect(s.chosen).toEqual(['2006', '2012']);

    // The player plays inside the range only, and stops at its end.
    await page.locator('chiso-player').locator('[part=play]').click();
    await page.waitForFunction(() => !(document.querySelector('chiso-player') as unknown as { playing: boolean }).playing, undefined, { timeout: 60_000, polling: 100 });
    await waitForPeriods(page, { period: '2012', range: '2006-2012', map: '2012', said: 'Năm 2012:' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});

describe('the map by touch and pointer', () => {
  it('lists its regions: choosing one selects it in every view, as a click would', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page);
    const select = page.locator('chiso-map').first().locator('select');
    // The 63 provinces and "none"; Hà Tây (merged in 2008) has no shape on this map.
    expect(await select.locator("option").count()).toBe(64);
    expect(await page.locator('chiso-map').first().locator('label', { hasText: 'Chọn địa phương trên bản đồ' }).count()).toBe(1);
    // By keyboard: focus the list, choose Bắc Ninh (a province too small for a finger).
    await select.focus();
    await select.selectOption({ label: 'Bắc Ninh' });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('demo.region') === '27', undefined, { timeout: 30_000, polling: 100 });
    const selected = await page.evaluate(() => (document.querySelector('chiso-dashboard') as unknown as { coordinator: { selection: { selectedRegions(): string[] } } }).coordinator.selection.selectedRegions());
    expect(selected).toEqual(['27']);
    // The other views follow: the filter names it.
    await page.waitForFunction(() => document.querySelector('chiso-filter')!.shadowRoot!.textContent!.includes('Bắc Ninh'), undefined, { timeout: 30_000, polling: 100 });
    await select.selectOption({ value: '' });
    await page.waitForFunction(() => new URL(location.href).searchParams.get('demo.region') === null, undefined, { timeout: 30_000, polling: 100 });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('a tooltip can be hovered, and Escape dismisses it without moving focus (WCAG 1.4.13)', async () => {
    const { page, errors } = await newPage(browser);
    await openDemo(page);
    await page.locator('chiso-map').first().scrollIntoViewIfNeeded();
    const tooltip = () =>
      page.evaluate(() => {
        const box = document.querySelector('chiso-map')!.shadowRoot!.querySelector<HTMLElement>('.tooltip');
        if (!box || box.hidden) return null;
        const r = box.getBoundingClientRect();
        return { text: box.textContent ?? '', x: r.left + r.width / 2, y: r.top + r.height / 2 };
      });
    // Thanh Hóa: a large province, the pointer stays on it while it moves a little.
    const p = await itemPoint(page, 'chiso-map', '38');
    await page.mouse.move(p.x - 3, p.y - 3);
    await page.mouse.move(p.x, p.y, { steps: 3 });
    await page.waitForFunction(() => !document.querySelector('chiso-map')!.shadowRoot!.querySelector<HTMLElement>('.tooltip')?.hidden, undefined, { timeout: 10_000, polling: 50 });
    const shown = await tooltip();
    expect(shown?.text).toMatch(/Thanh Hóa/);
    // Onto the tooltip: it stays, with the same text.
    await page.mouse.move(shown!.x, shown!.y, { steps: 4 });
    expect((await tooltip())?.text).toBe(shown!.text);
    // The document's own tooltip of vega-tooltip is not used: nothing outside the shadow root.
    expect(await page.evaluate(() => document.querySelectorAll('#vg-tooltip-element, .vg-tooltip').length)).toBe(0);

    // Escape: gone, focus where it was, and it stays gone while the pointer moves on the same province.
    await page.mouse.move(p.x, p.y, { steps: 4 });
    await page.waitForFunction(() => !document.querySelector('chiso-map')!.shadowRoot!.querySelector<HTMLElement>('.tooltip')?.hidden, undefined, { timeout: 10_000, polling: 50 });
    const before = await page.evaluate(() => document.activeElement?.localName ?? null);
    await page.keyboard.press('Escape');
    expect(await tooltip()).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.localName ?? null)).toBe(before);
    await page.mouse.move(p.x + 2, p.y + 1);
    expect(await tooltip()).toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});

describe('<chiso-player> from the embed bundle under the strict policy', () => {
  it('plays, steps by keyboard and moves the map and the bar, with no CSP violation', async () => {
    const strict = await startStaticServer((path) => ({ 'content-security-policy': path.endsWith('.html') ? STRICT_CSP : undefined }));
    try {
      const { page, errors } = await newPage(browser);
      await page.goto(`${strict.url}/test/browser/pages/player.html?p.period=2008`);
      await scrollThrough(page);
      await waitForCharts(page, 60_000);
      const state = () =>
        page.evaluate(() => {
          const periods = (tag: string) => [...new Set((document.querySelector(tag) as unknown as { shown: { period: string }[] }).shown.map((o) => o.period))];
          return { map: periods('chiso-map'), bar: periods('chiso-chart'), url: new URL(location.href).searchParams.get('p.period'), said: document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')!.textContent!.trim() };
        });
      await page.waitForFunction(() => document.querySelector('chiso-player')!.shadowRoot!.querySelector('[part=announce]')?.textContent?.startsWith('Năm 2008'), undefined, { timeout: 30_000, polling: 100 });
      expect(await state()).toEqual({ map: ['2008'], bar: ['2008'], url: '2008', said: 'Năm 2008: Tỷ lệ hộ nghèo, Cả nước 13,4%' });
      await page.locator('chiso-player').locator('input[type=range]').focus();
      await page.keyboard.press('ArrowRight');
      await page.waitForFunction(() => new URL(location.href).searchParams.get('p.period') === '2010', undefined, { timeout: 30_000, polling: 100 });
      await waitForCharts(page);
      await page.waitForFunction(() => (document.querySelector('chiso-chart') as unknown as { shown: { period: string }[] }).shown.every((o) => o.period === '2010'), undefined, { timeout: 30_000, polling: 100 });
      // Play goes on to the last period and stops there.
      await page.locator('chiso-player').locator('[part=play]').click();
      await page.waitForFunction(() => new URL(location.href).searchParams.get('p.period') === '2016' && !(document.querySelector('chiso-player') as unknown as { playing: boolean }).playing, undefined, { timeout: 60_000, polling: 100 });
      await waitForCharts(page);
      await page.waitForFunction(() => (document.querySelector('chiso-map') as unknown as { shown: { period: string }[] }).shown.every((o) => o.period === '2016'), undefined, { timeout: 30_000, polling: 100 });
      expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await strict.close();
    }
  }, 180_000);
});


describe('<chiso-player> of its own, outside a dashboard', () => {
  /** The player's slider text, its live region and its key in the address. */
  const standalone = (page: Page) =>
    page.evaluate(() => {
      const root = document.querySelector('chiso-player')!.shadowRoot!;
      return {
        slider: root.querySelector('input[type=range]')?.getAttribute('aria-valuetext') ?? '',
        said: root.querySelector('[part=announce]')?.textContent?.trim() ?? '',
        url: new URL(location.href).searchParams.get('p.period'),
      };
    });
  const waitFor = (page: Page, want: { slider: string; url: string | null }) =>
    page
      .waitForFunction(
        (want) => {
          const root = document.querySelector('chiso-player')?.shadowRoot;
          const slider = root?.querySelector('input[type=range]')?.getAttribute('aria-valuetext');
          const said = root?.querySelector('[part=announce]')?.textContent?.trim() ?? '';
          return slider === want.slider && said.startsWith(`Năm ${want.slider}:`) && new URL(location.href).searchParams.get('p.period') === want.url;
        },
        want,
        { timeout: 30_000, polling: 50 },
      )
      .catch(async (e: unknown) => {
        throw new Error(`${String(e)}; wanted ${JSON.stringify(want)}, seen ${JSON.stringify(await standalone(page))}`);
      });
  const open = async (page: Page, query = '') => {
    await page.goto(`${server.url}/test/browser/pages/player-standalone.html${query}`);
    await page.waitForFunction(() => ((document.querySelector('chiso-player') as unknown as { periods?: string[] }).periods?.length ?? 0) > 0, undefined, { timeout: 60_000, polling: 100 });
  };

  it('keeps its period in the address under its own key: a reload, going back and forward restore it', async () => {
    const { page, errors } = await newPage(browser);
    await open(page);
    // Nothing in the address: the latest period, and no key written for it.
    await waitFor(page, { slider: '2016', url: null });
    await page.locator('chiso-player').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await waitFor(page, { slider: '2006', url: '2006' });
    await page.keyboard.press('ArrowRight');
    await waitFor(page, { slider: '2008', url: '2008' });
    // The page hears each step (chiso-period) and no dashboard's key is written.
    expect(await page.locator('#said').textContent()).toBe('2008');
    expect(new URL(page.url()).searchParams.get('period')).toBeNull();

    await page.reload();
    await open(page, new URL(page.url()).search);
    await waitFor(page, { slider: '2008', url: '2008' });
    expect((await standalone(page)).said).toBe('Năm 2008: Tỷ lệ hộ nghèo, Cả nước 13,4%');

    await open(page, '?p.period=2014');
    await waitFor(page, { slider: '2014', url: '2014' });
    await page.goBack();
    await waitFor(page, { slider: '2008', url: '2008' });
    await page.goForward();
    await waitFor(page, { slider: '2014', url: '2014' });

    // Entries the page adds: going back reads the address; one without the key shows the latest period.
    await page.evaluate(() => {
      history.pushState(null, '', '?p.period=2010');
      history.pushState(null, '', '?other=1');
      history.back();
    });
    await waitFor(page, { slider: '2010', url: '2010' });
    await page.evaluate(() => history.forward());
    await waitFor(page, { slider: '2016', url: null });
    // A period the data does not have opens on the latest.
    await open(page, '?p.period=1999');
    await waitFor(page, { slider: '2016', url: '1999' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('without url-state leaves the address alone', async () => {
    const { page, errors } = await newPage(browser);
    await open(page, '?p.period=2010');
    await page.evaluate(() => document.querySelector('chiso-player')!.removeAttribute('url-state'));
    // The address is not read once url-state is gone, and a step writes nothing.
    await page.locator('chiso-player').locator('input[type=range]').focus();
    await page.keyboard.press('Home');
    await waitFor(page, { slider: '2006', url: '2010' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
