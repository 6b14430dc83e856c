import { launchBrowser, newPage, startDevServer } from './harness.js';
const server = await startDevServer();
const browser = await launchBrowser();
for (const width of [1280, 360]) {
  const { page, errors } = await newPage(browser, { width, height: 900 });
  await page.goto(server.url + '/examples/notebook/poverty.html');
  await page.waitForSelector('chiso-multiples', { timeout: 90_000 });
  await page.locator('chiso-multiples').scrollIntoViewIfNeeded();
  await page.waitForFunction(() => (document.querySelector('chiso-multiples')!.shadowRoot!.querySelectorAll('[role=gridcell]').length) === 34, undefined, { timeout: 90_000 });
  await page.locator('chiso-multiples').screenshot({ path: `/tmp/mlook/nb34-${width}.png` });
  console.log(width, errors, await page.evaluate(() => document.documentElement.scrollWidth - innerWidth));
  await page.close();
}
await browser.close(); await server.close();
