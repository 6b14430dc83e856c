// The demo dashboard that `npm run demo` serves: it draws in both languages (screenshots saved under
// test/browser/screenshots/), and axe-core finds no accessibility violation in it (WCAG 2.2 AA and best practices).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage, ROOT, scrollThrough, startDevServer, waitForCharts, type TestServer } from './harness.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = ROOT + 'test/browser/screenshots/';
// WCAG 2.0, 2.1 and 2.2 A and AA (target-size among them), and axe's best practices as before.
const RULES = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa', 'best-practice'];

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  server = await startDevServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openDemo(lang: 'vi' | 'en'): Promise<{ page: Page; errors: string[] }> {
  const { page, errors } = await newPage(browser);
  await page.goto(`${server.url}/examples/dashboard/?lang=${lang}`);
  await page.waitForFunction(() => customElements.get('chiso-chart') !== undefined, undefined, { timeout: 60_000 });
  await scrollThrough(page);
  await waitForCharts(page, 60_000);
  return { page, errors };
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[] }[] }[];
}

describe('demo dashboard', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`draws every view in ${lang} and passes axe`, async () => {
      const { page, errors } = await openDemo(lang);
      const states = await page.evaluate(() => [...document.querySelectorAll('chiso-chart, chiso-map')].map((c) => `${c.localName}:${(c as unknown as { state: string }).state}`));
      expect(states.every((s) => s.endsWith(':ready'))).toBe(true);
      const kpis = await page.evaluate(() => [...document.querySelectorAll('chiso-kpi')].map((k) => k.shadowRoot!.querySelector('[part=value]')?.textContent?.trim()));
      expect(kpis[0]).toBe(lang === 'vi' ? '3,58%' : '3.58%');
      const heading = await page.locator('h1').textContent();
      expect(heading).toMatch(lang === 'vi' ? /Chỉ số/ : /indicators/);
      const line = await page.evaluate(() => document.querySelector('chiso-chart[type=line]')!.shadowRoot!.querySelector('figcaption')!.textContent ?? '');
      expect(line).toMatch(lang === 'vi' ? /Tỷ lệ hộ nghèo/ : /poverty rate/i);
      // JPEG keeps the committed screenshots small.
      await page.screenshot({ path: `${shots}demo-${lang}.jpg`, fullPage: true, type: 'jpeg', quality: 45 });
      // A lossless copy outside the repository, for looking at closely.
      await page.screenshot({ path: `${ROOT}node_modules/.cache/chiso/demo-${lang}.png`, fullPage: true });

      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(RULES)} }, resultTypes: ['violations'] })`)) as AxeResult;
      const found = result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => JSON.stringify(n.target)).slice(0, 3).join(', ')}`);
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 180_000);
  }
});
