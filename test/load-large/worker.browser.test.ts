// In real Chromium, from Vite's dev server: a 1,000,000-row CSV (SYNTHETIC) loads in a module worker;
// the page keeps drawing frames while it loads (a behaviour check with a generous bound, not a timing
// benchmark), progress reaches 100%, and the typed columns arrive whole.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, newPage, startDevServer, type TestServer } from '../browser/harness.js';

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

describe('loadLargeInWorker in Chromium', () => {
  it('loads 1M rows off the main thread, with frames still arriving and progress to 100%', async () => {
    const { page, errors } = await newPage(browser);
    await page.goto(`${server.url}/test/load-large/pages/worker.html`);
    await page.waitForFunction(() => (window as unknown as { __load?: unknown }).__load !== undefined, undefined, { timeout: 110_000 });
    const seen = await page.evaluate(() => (window as unknown as { __load: Record<string, unknown> }).__load);
    expect(seen.error).toBeUndefined();
    expect(errors).toEqual([]);
    expect(seen.thread).toBe('worker');
    expect(seen.workers).toBe(1);
    expect(seen.rows).toBe(1_000_000);
    expect(seen.firstValues).toEqual([true, 1_000_000, 1000]);
    const fractions = seen.fractions as number[];
    expect(fractions.length).toBeGreaterThan(5);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(fractions.at(-1)).toBe(1);
    expect((seen.estimates as (number | null)[]).some((e) => e !== null && e > 0)).toBe(true);
    console.info(`worker load: ${seen.frames} frames, longest gap ${(seen.longestGapMs as number).toFixed(0)} ms, ${fractions.length} progress events`);
    // The main thread kept drawing: frames arrived throughout, none held back for long.
    expect(seen.frames as number).toBeGreaterThan(5);
    expect(seen.longestGapMs as number).toBeLessThan(1000);
    await page.screenshot({ path: join(tmpdir(), 'chiso-worker-loaded.png') });

    // Errors cross the worker boundary as ChisoErrors naming file, row and column; without a worker
    // the same load runs on the main thread.
    const small = (csv: string, main: boolean) =>
      page.evaluate(([c, m]) => (window as unknown as { __small: (c: string, m: boolean) => Promise<Record<string, unknown>> }).__small(c, m), [csv, main] as [string, boolean]);
    expect(await small('indicator,value\npoverty_rate,4.5\npoverty_rate,"4,5"\n', false)).toMatchObject({
      code: 'LOAD_LARGE_NOT_A_NUMBER',
      error: expect.stringMatching(/small\.csv, dòng 3, cột "value"/),
    });
    expect(await small('indicator,value\npoverty_rate,4.5\n', true)).toEqual({ thread: 'main', rows: 1 });
    expect(await small('indicator,value\npoverty_rate,4.5\n', false)).toEqual({ thread: 'worker', rows: 1 });
    await page.close();
  }, 180_000);
});
