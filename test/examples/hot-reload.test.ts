// Editing a notebook page's module re-runs it in the open page (Vite's hot reload), code block included.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT, launchBrowser, openPage, startExamplesServer } from './helpers.js';
import type { TestServer } from '../browser/harness.js';

const MODULE = join(ROOT, 'test/examples/fixtures/hot.ts');
const page = (n: number) => `// Written by hot-reload.test.ts.
import { cell } from '../../../examples/notebook/lib/notebook.js';

cell({ title: 'edited' }, () => {
  const rows = Array.from({ length: ${n} }, (_, i) => ({ i }));
  return rows;
});
`;

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  writeFileSync(MODULE, page(2));
  [server, browser] = await Promise.all([startExamplesServer({ hmr: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(MODULE, { force: true });
});


test('saving the module re-runs its cells', async () => {
  const { page: tab, errors } = await openPage(browser);
  await tab.goto(`${server.url}/test/examples/fixtures/hot.html`);
  await tab.waitForFunction(() => {
    const nb = (window as unknown as { chisoNotebook?: { done: boolean; cells: { outputs: { rows?: number }[] }[] } }).chisoNotebook;
    return nb?.done && nb.cells[0].outputs[0].rows === 2;
  });
  const reloaded = tab.waitForEvent('load', { timeout: 30_000 });
  writeFileSync(MODULE, page(5));
  await reloaded;
  await tab.waitForFunction(() => {
    const nb = (window as unknown as { chisoNotebook?: { done: boolean; cells: { outputs: { rows?: number }[] }[] } }).chisoNotebook;
    return nb?.done && nb.cells[0].outputs[0].rows === 5;
  });
  expect(await tab.locator('pre.code').textContent()).toContain('length: 5');
  expect(errors).toEqual([]);
});
