// A selection that leaves a chart's spec the same shape (one province for another) updates the drawn
// Vega view in place: same view, new rows, new y domain, new description, a redrawn picture.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, regionPoint, scrollThrough, startStaticServer, waitForCharts, type TestServer } from './harness.js';

let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startStaticServer();
  browser = await launchBrowser();
  ({ page } = await newPage(browser));
  await page.goto(server.url + '/test/browser/pages/linked.html');
  await scrollThrough(page);
  await waitForCharts(page);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Selects `region` from the map and resolves with the line chart's render detail once it shows it. */
const select = (region: string) =>
  page.evaluate(async (region) => {
    const line = document.getElementById('line') as unknown as HTMLElement & { shown: { region: string }[] };
    const rendered = new Promise<{ embedded: boolean }>((r) => line.addEventListener('chiso-render', (e) => r((e as CustomEvent).detail), { once: true }));
    (document.getElementById('map') as unknown as { selectRegions(r: string[]): void }).selectRegions([region]);
    const detail = await rendered;
    return { detail, regions: [...new Set(line.shown.map((o) => o.region))] };
  }, region);

type Line = HTMLElement & { view: { scale(n: string): { domain(): number[] }; container(): HTMLElement | null }; description: string };

describe('in-place updates', () => {
  it('one province for another: the line keeps its Vega view and shows the new rows', async () => {
    // In view, as a reader looking at it (a chart off screen redraws when it comes into view).
    await page.locator('#line').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    const first = await select('01');
    expect(first.regions).toEqual(['01']);
    const before = await page.evaluate(() => {
      const line = document.getElementById('line') as unknown as Line;
      (window as unknown as { __view: unknown }).__view = line.view;
      return { domain: line.view.scale('y').domain(), text: line.shadowRoot!.querySelector('svg')!.textContent, description: line.description };
    });
    expect(before.text).toContain('Hà Nội');

    const second = await select('14');
    expect(second.regions).toEqual(['14']);
    expect(second.detail.embedded).toBe(false);
    const after = await page.evaluate(() => {
      const line = document.getElementById('line') as unknown as Line;
      return {
        same: line.view === (window as unknown as { __view: unknown }).__view,
        domain: line.view.scale('y').domain(),
        text: line.shadowRoot!.querySelector('svg')!.textContent,
        // Vega names its container with the chart's description.
        label: line.view.container()?.getAttribute('aria-label'),
        description: line.description,
        caption: line.shadowRoot!.querySelector('figcaption')!.textContent,
      };
    });
    expect(after.same).toBe(true);
    // Sơn La's rates are far above Hà Nội's: the y domain follows the data.
    expect(after.domain[1]).toBeGreaterThan(before.domain[1]);
    expect(after.text).toContain('Sơn La');
    expect(after.text).not.toContain('Hà Nội');
    expect(after.description).not.toBe(before.description);
    expect(after.description).toContain('Sơn La');
    expect(after.caption).toContain('Sơn La');
    expect(after.label ?? '').toContain('Sơn La');
  });
});

type Drawn = {
  rebuilt: string[];
  same: boolean;
  line: string[];
  lineText: string;
  highlighted: string[];
  accentBars: number;
  title: string;
  subtitle: string;
  subtitleDrawn: string;
  axisLabels: string[];
  periodLabels: string[];
  far: { regions: string[]; renders: number };
};

describe('selections in a row', () => {
  let own: Page;
  beforeAll(async () => {
    ({ page: own } = await newPage(browser, { width: 1280, height: 2000 }));
    await own.goto(server.url + '/test/browser/pages/selection.html');
    await scrollThrough(own);
    // The chart far below the others is drawn once, then left off screen.
    await own.locator('#far').evaluate((el) => el.scrollIntoView());
    await waitForCharts(own);
    await own.evaluate(() => window.scrollTo(0, 0));
    await own.evaluate(() => {
      const w = window as unknown as { __rebuilt: string[]; __farRenders: number; __views: Record<string, unknown> };
      w.__rebuilt = [];
      w.__farRenders = 0;
      w.__views = {};
      for (const id of ['map', 'line', 'slope', 'bar']) {
        const el = document.getElementById(id) as unknown as HTMLElement & { view: unknown };
        w.__views[id] = el.view;
        el.addEventListener('chiso-render', (e) => {
          if ((e as CustomEvent<{ embedded: boolean }>).detail.embedded) w.__rebuilt.push(id);
        });
      }
      document.getElementById('far')!.addEventListener('chiso-render', () => w.__farRenders++);
      // Passes of each view's dataflow (a second one is Vega laying the chart out again), and the bar
      // chart's marks handed to its renderer to draw again.
      const c = window as unknown as { __runs: Record<string, number>; __barDirty: number };
      c.__runs = {};
      c.__barDirty = 0;
      for (const id of ['line', 'slope', 'bar']) {
        const view = (document.getElementById(id) as unknown as { view: { evaluate: (...a: unknown[]) => Promise<unknown> } }).view;
        const evaluate = view.evaluate.bind(view);
        view.evaluate = (...a) => ((c.__runs[id] = (c.__runs[id] ?? 0) + 1), evaluate(...a));
      }
      const renderer = (document.getElementById('bar') as unknown as { view: { _renderer: { dirty: (item: unknown) => void } } }).view._renderer;
      const dirty = renderer.dirty.bind(renderer);
      renderer.dirty = (item) => (c.__barDirty++, dirty(item));
    });
  });

  const resetRuns = () => own.evaluate(() => Object.assign(window, { __runs: {}, __barDirty: 0 }));
  const runs = () =>
    own.evaluate(() => {
      const w = window as unknown as { __runs: Record<string, number>; __barDirty: number };
      return { runs: w.__runs, barDirty: w.__barDirty };
    });

  /** What the linked views draw now, read from their Vega views and their SVG. */
  const drawn = () =>
    own.evaluate((): Drawn => {
      type El = HTMLElement & {
        view: { signal(n: string): unknown; scenegraph(): { root: unknown } };
        shown: { region: string }[];
        shownSpec: { title: { text: string; subtitle?: string | string[] }; params?: { name: string; value: unknown }[] };
      };
      const el = (id: string) => document.getElementById(id) as unknown as El;
      const w = window as unknown as { __rebuilt: string[]; __farRenders: number; __views: Record<string, unknown> };
      const svg = (id: string) => el(id).shadowRoot!.querySelector('svg')!;
      type Item = { datum?: Record<string, unknown>; items?: Item[]; mark?: { marktype: string; role?: string }; fill?: string };
      const bars: Item[] = [];
      const visit = (n: Item) => {
        if (n.mark?.marktype === 'rect' && n.mark.role === 'mark' && n.datum?.region) bars.push(n);
        for (const c of n.items ?? []) visit(c);
      };
      visit(el('bar').view.scenegraph().root as Item);
      const slope = el('slope');
      const sub = slope.shownSpec.title.subtitle;
      const param = (name: string) => slope.shownSpec.params?.find((p) => p.name === name)?.value as string[];
      return {
        rebuilt: [...w.__rebuilt],
        same: ['map', 'line', 'slope', 'bar'].every((id) => el(id).view === w.__views[id]),
        line: [...new Set(el('line').shown.map((o) => o.region))],
        lineText: svg('line').textContent ?? '',
        highlighted: el('bar').view.signal('chiso_highlight') as string[],
        accentBars: bars.filter((b) => b.fill?.toLowerCase() === '#0072b2').map((b) => b.datum!.region as string).length,
        title: svg('slope').querySelector('.role-title-text')?.textContent ?? '',
        subtitle: sub === undefined ? '' : ([] as string[]).concat(sub).join(''),
        subtitleDrawn: svg('slope').querySelector('.role-title-subtitle')?.textContent ?? '',
        axisLabels: [...svg('slope').querySelectorAll('.role-axis-label text')].map((t) => t.textContent ?? ''),
        periodLabels: param('chiso_period_labels'),
        far: { regions: [...new Set(el('far').shown.map((o) => o.region))], renders: w.__farRenders },
      };
    });

  it('clicked through province after province on the map, no view is rebuilt and each shows the selection', async () => {
    // Provinces with and without preliminary figures, source lines and break notes.
    const provinces: [string, string][] = [['01', 'Hà Nội'], ['79', 'Hồ Chí Minh'], ['42', 'Hà Tĩnh'], ['48', 'Đà Nẵng'], ['11', 'Điện Biên'], ['91', 'Kiên Giang'], ['01', 'Hà Nội']];
    const subtitles = new Set<string>();
    for (const [i, [region, name]] of provinces.entries()) {
      const p = await regionPoint(own, '#map', region);
      await resetRuns();
      await own.mouse.click(p.x, p.y);
      // Each view asks for its rows on its own: wait for both the line and the chart off screen to have them.
      await own.waitForFunction(
        (region) =>
          ['line', 'far'].every((id) => {
            const shown = (document.getElementById(id) as unknown as { shown: { region: string }[] }).shown;
            return shown.length > 0 && shown.every((o) => o.region === region);
          }),
        region,
      );
      await own.evaluate(() => Promise.all(['line', 'slope', 'bar', 'kpi', 'table', 'far'].map((id) => (document.getElementById(id) as unknown as { updateComplete: Promise<unknown> }).updateComplete)));
      const d = await drawn();
      expect(d.rebuilt, `views rebuilt after selecting ${region}`).toEqual([]);
      expect(d.same).toBe(true);
      expect(d.line).toEqual([region]);
      expect(d.lineText).toContain(name);
      // The bar chart: the selected province alone in the accent colour, the rest grey.
      expect(d.highlighted).toEqual([region]);
      expect(d.accentBars).toBe(1);
      // The slope: the subtitle drawn is the recipe's for these rows (empty when it has none), the
      // period labels those of the rows shown ("(sơ bộ)" where a figure is preliminary).
      expect(d.subtitleDrawn).toBe(d.subtitle);
      expect(d.axisLabels).toEqual(d.periodLabels);
      expect(d.title).toContain('Tỷ lệ hộ nghèo');
      subtitles.add(d.subtitle);
      // Off screen: the far chart's rows follow, its picture waits.
      expect(d.far.regions).toEqual([region]);
      expect(d.far.renders).toBe(0);
      // Once the line and slope follow a province (the first click gives them the room any province's
      // labels need), a click changes their rows, not their layout: Vega runs once. (Hà Nội's note on
      // the 2008 merger sticks out left of the plot, past the axis labels' room: it takes its own.)
      // The bar chart draws the highlight's few marks again, not its 63 bars and labels.
      await own.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const counted = await runs();
      if (i > 0) expect(counted.runs, `Vega runs after selecting ${region}`).toEqual({ line: region === '01' ? counted.runs.line : 1, slope: 1, bar: 1 });
      if (i > 0) expect(counted.barDirty).toBeLessThan(30);
    }
    // The sequence did change what the slope's subtitle says (not one text throughout).
    expect(subtitles.size).toBeGreaterThan(1);
  });

  it('a chart off screen draws the selection when it comes into view, in place', async () => {
    await own.locator('#far').evaluate((el) => el.scrollIntoView());
    await own.waitForFunction(() => (window as unknown as { __farRenders: number }).__farRenders > 0);
    const far = await own.evaluate(() => {
      const el = document.getElementById('far')!;
      return el.shadowRoot!.querySelector('svg')!.textContent ?? '';
    });
    expect(far).toContain('Hà Nội');
    expect(far).not.toContain('Kiên Giang');
    expect(await own.evaluate(() => (window as unknown as { __rebuilt: string[] }).__rebuilt)).toEqual([]);
  });

  it('a chart off screen, printed, is drawn with the selection on paper', async () => {
    await own.evaluate(() => window.scrollTo(0, 0));
    // The far chart has left the view once its observer says so.
    await own.waitForFunction(() => document.getElementById('far')!.getBoundingClientRect().top > innerHeight + 400);
    await own.waitForTimeout(200);
    const before = await own.evaluate(() => (window as unknown as { __farRenders: number }).__farRenders);
    const p = await regionPoint(own, '#map', '79');
    await own.mouse.click(p.x, p.y);
    await own.waitForFunction(() => (document.getElementById('far') as unknown as { shown: { region: string }[] }).shown.every((o) => o.region === '79'));
    const farText = () => own.evaluate(() => document.getElementById('far')!.shadowRoot!.querySelector('svg')!.textContent ?? '');
    expect(await farText()).not.toContain('Hồ Chí Minh');
    expect(await own.evaluate(() => (window as unknown as { __farRenders: number }).__farRenders)).toBe(before);
    await own.pdf();
    const printed = await farText();
    expect(printed).toContain('Hồ Chí Minh');
    expect(printed).not.toContain('Hà Nội');
    expect(await own.evaluate(() => (window as unknown as { __rebuilt: string[] }).__rebuilt)).toEqual([]);
  });

  it('a new view of a shape the page compiled before runs no Vega-Lite: SVG to canvas and back, the second view compiles nothing', async () => {
    const compiles = () => page.evaluate(() => performance.getEntriesByName('chiso:compile').length);
    const redraw = (renderer: string) =>
      page.evaluate(async (renderer) => {
        const line = document.getElementById('line') as unknown as HTMLElement & { renderer: string; view: unknown };
        const before = line.view;
        const drawn = new Promise<{ embedded: boolean }>((r) => line.addEventListener('chiso-render', (e) => r((e as CustomEvent).detail), { once: true }));
        line.setAttribute('renderer', renderer);
        const detail = await drawn;
        return { embedded: detail.embedded, newView: line.view !== before, canvas: !!line.shadowRoot!.querySelector('canvas') };
      }, renderer);
    const text = () => page.evaluate(() => (document.getElementById('line') as unknown as HTMLElement).shadowRoot!.querySelector('svg')!.textContent);
    const picture = await text();
    expect(await redraw('canvas')).toEqual({ embedded: true, newView: true, canvas: true });
    // Back to SVG: a new view of a shape compiled for an earlier one, and Vega-Lite runs no more.
    const afterCanvas = await compiles();
    expect(await redraw('svg')).toEqual({ embedded: true, newView: true, canvas: false });
    expect(await compiles()).toBe(afterCanvas);
    expect(afterCanvas).toBeGreaterThan(0);
    expect(await text()).toBe(picture);
  });
});
