import { launchBrowser, newPage, scrollThrough, startStaticServer, waitForCharts } from './harness.js';
const server = await startStaticServer();
const browser = await launchBrowser();
for (const width of [1280, 360]) {
  const { page } = await newPage(browser, { width, height: 900 });
  await page.goto(server.url + '/test/browser/pages/multiples.html');
  await scrollThrough(page);
  await waitForCharts(page);
  await page.waitForTimeout(300);
  await page.evaluate(() => window.scrollTo(0, 0));
  for (let i = 0; i < 10; i++) { await page.keyboard.press('Tab'); const r = await page.evaluate(() => document.getElementById('multiples')!.shadowRoot!.activeElement?.getAttribute('role')); if (r === 'gridcell') break; }
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  await page.locator('#multiples').screenshot({ path: `/tmp/mlook/focus-${width}.png` });
  // the walk and range
  await page.locator('#line').evaluate((el) => el.scrollIntoView());
  await page.locator("#line").evaluate((el) => (el.shadowRoot!.querySelector(".walk") as HTMLElement).focus());
  await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowRight'); await page.keyboard.press('ArrowDown');
  await page.waitForTimeout(200);
  await page.locator('#line').screenshot({ path: `/tmp/mlook/walk-${width}.png` });
  await page.locator('#line').evaluate((el) => el.shadowRoot!.querySelector('details.range')!.setAttribute('open', ''));
  await page.waitForTimeout(200);
  await page.locator('#line').screenshot({ path: `/tmp/mlook/range-${width}.png` });
  await page.close();
}
await browser.close(); await server.close();
