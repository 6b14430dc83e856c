import { launchBrowser, scrollThrough, startStaticServer, waitForCharts } from './harness.js';
const server = await startStaticServer();
const browser = await launchBrowser();
const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, forcedColors: 'active', reducedMotion: 'reduce' });
const page = await context.newPage();
await page.goto(server.url + '/test/browser/pages/multiples.html');
await scrollThrough(page);
await waitForCharts(page);
await page.waitForTimeout(300);
await page.evaluate(() => window.scrollTo(0, 0));
for (let i = 0; i < 10; i++) { await page.keyboard.press('Tab'); const r = await page.evaluate(() => document.getElementById('multiples')!.shadowRoot!.activeElement?.getAttribute('role')); if (r === 'gridcell') break; }
await page.keyboard.press('ArrowRight');
await page.locator('#multiples').screenshot({ path: '/tmp/mlook/fc-multiples.png' });
await browser.close(); await server.close();
