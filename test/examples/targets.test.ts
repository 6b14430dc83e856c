// WCAG 2.2 on every example page (the portal both baked and drawn live): every interactive target (buttons, inputs, selects, summaries,
// links, focusable boxes, in the page and inside the elements' shadow roots, with every disclosure
// opened) measures at least 24 x 24 CSS px (2.5.8), at 1280 and at 360 px wide; and axe-core with the
// WCAG 2.0/2.1/2.2 A and AA rules finds nothing. A link inside a sentence is exempt (2.5.8's inline
// exception); a radio button or checkbox is measured by the label around it, which is what a finger hits.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, runNotebook, startExamplesServer } from './helpers.js';
import { scrollThrough, waitForCharts, type TestServer } from '../browser/harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
const EXAMPLES = [
  'index.html', 'portal/index.html', 'portal/index.html?bake=0', 'dashboard/index.html', 'notebook/index.html', 'notebook/poverty.html', 'notebook/income.html',
  'notebook/directive05.html', 'notebook/press.html', 'notebook/your-data.html', 'report/index.html',
];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startExamplesServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(page: Page, path: string): Promise<void> {
  const url = `${server.url}/examples/${path}`;
  if (/notebook\/(?!index)/.test(path)) {
    await runNotebook(page, url);
  } else {
    await page.goto(url);
  }
  if (await page.locator('chiso-chart, chiso-map').count()) {
    await page.waitForFunction(() => customElements.get('chiso-chart') !== undefined, undefined, { timeout: 60_000 });
    await scrollThrough(page);
    // The baked portal shows its charts as SVG and draws them live only when a reader reaches for one.
    if (/portal\/index\.html$/.test(path)) return;
    await waitForCharts(page, 60_000);
  }
}

/** Opens every disclosure, in the page and in shadow roots, so what they hold is measured too. */
async function openDisclosures(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const all = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    for (const el of all(document)) if (el instanceof HTMLDetailsElement) el.open = true;
    // The elements build what a disclosure holds on its toggle event, in their next update.
    await new Promise((r) => setTimeout(r, 300));
    await Promise.all(all(document).map((el) => (el as unknown as { updateComplete?: Promise<unknown> }).updateComplete));
  });
}

/** Every visible interactive target smaller than 24 x 24 CSS px, named by its host, tag and text. */
function smallTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const all = (root: Document | ShadowRoot): Element[] => [...root.querySelectorAll('*')].flatMap((el) => [el, ...(el.shadowRoot ? all(el.shadowRoot) : [])]);
    const interactive = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"]), [role=button], [role=option], [role=tab], [role=link]';
    const small: string[] = [];
    for (const el of all(document)) {
      if (!el.matches(interactive)) continue;
      if ((el as HTMLInputElement).type === 'hidden') continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      let target: Element = el;
      // A radio button or checkbox is hit through its label.
      if (el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')) target = el.closest('label') ?? el.labels?.[0] ?? el;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      // Hidden by an ancestor (a closed listbox, a collapsed panel): not a target now.
      if ((target as HTMLElement).offsetParent === null && style.position !== 'fixed') continue;
      // 2.5.8's inline exception: a link in a sentence, its size set by the line of text.
      if (el.localName === 'a' && style.display === 'inline') {
        const parentText = [...(el.parentElement?.childNodes ?? [])].filter((n) => n !== el && n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).length;
        const siblings = [...(el.parentElement?.children ?? [])].some((s) => s !== el && getComputedStyle(s).display === 'inline' && s.localName !== 'a');
        if (parentText || siblings || el.parentElement?.localName === 'li' || el.parentElement?.localName === 'p') continue;
      }
      if (box.width >= 23.5 && box.height >= 23.5) continue;
      const host = (el.getRootNode() as ShadowRoot).host?.localName ?? 'page';
      small.push(`${host} ${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} "${(el.textContent ?? (el as HTMLInputElement).value ?? '').trim().slice(0, 30)}" ${Math.round(box.width)}x${Math.round(box.height)}`);
    }
    return small;
  });
}

async function axe(page: Page): Promise<string[]> {
  // Evaluated, not added as a script tag: the portal's CSP allows no inline script.
  await page.evaluate(`${axeSource};0`);
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG)} }, resultTypes: ['violations'] })`)) as {
    violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
  };
  return result.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
}

describe('touch targets and WCAG 2.2 AA on every example page', () => {
  for (const path of EXAMPLES) {
    it(`${path}: every target at least 24 x 24 CSS px at 1280 and 360 px; axe finds nothing`, async () => {
      const found: Record<string, string[]> = {};
      for (const width of [1280, 360]) {
        const { page, errors } = await openPage(browser, { width, height: 900 });
        // A missing file is named by its address (the browser asks for /favicon.ico by itself).
        page.on('response', (r) => {
          if (r.status() >= 400 && !r.url().endsWith('/favicon.ico')) errors.push(`${r.status()} ${r.url()}`);
        });
        await open(page, path);
        if (width === 1280) found.axe = await axe(page);
        await openDisclosures(page);
        found[`small at ${width}`] = await smallTargets(page);
        if (width === 1280) found['axe, disclosures open'] = await axe(page);
        found[`errors at ${width}`] = errors.filter((e) => !e.startsWith('console: Failed to load resource'));
        await page.context().close();
      }
      if (process.env.CHISO_TARGETS_LOG) console.log(`targets ${path} ${JSON.stringify(found)}`);
      expect(found).toEqual({ axe: [], 'axe, disclosures open': [], 'small at 1280': [], 'small at 360': [], 'errors at 1280': [], 'errors at 360': [] });
    }, 240_000);
  }
});
