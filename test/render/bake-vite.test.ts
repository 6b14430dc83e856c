/**
 * `chisoBake()` in Vite: a page served by the dev server arrives baked, with its stylesheet served
 * beside it; `vite build` writes the baked page and the stylesheet it links to.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chisoBake } from '../../src/render/node/vite-bake.js';

const ROOT = join(import.meta.dirname, '../..');
const PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><title>Trang thử</title></head>
<body>
<chiso-dashboard src="/poverty_rate.csv">
<chiso-chart type="line" indicator="poverty_rate" region="42, VN"></chiso-chart>
</chiso-dashboard>
</body>
</html>
`;

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-bake-vite-'));
  writeFileSync(join(dir, 'index.html'), PAGE);
  copyFileSync(join(ROOT, 'data/observations/poverty_rate.csv'), join(dir, 'poverty_rate.csv'));
  return dir;
}

describe('chisoBake (Vite plugin)', () => {
  it('serves every page baked, and its stylesheet', async () => {
    const { createServer } = await import('vite');
    const root = site();
    const server = await createServer({ root, configFile: false, logLevel: 'error', plugins: [chisoBake()], server: { port: 0, host: '127.0.0.1', hmr: false }, cacheDir: join(root, '.vite') });
    await server.listen();
    try {
      const address = server.httpServer!.address() as { port: number };
      const html = await (await fetch(`http://127.0.0.1:${address.port}/`)).text();
      expect(html).toContain('<chiso-chart type="line" indicator="poverty_rate" region="42, VN" baked><div class="chiso-baked"');
      const href = /<link rel="stylesheet" href="([^"]+)" data-chiso-baked>/.exec(html)![1];
      expect(href).toMatch(/^chiso-baked\.[0-9a-f]{8}\.css$/);
      const css = await fetch(`http://127.0.0.1:${address.port}/${href}`);
      expect(css.headers.get('content-type')).toContain('text/css');
      expect(await css.text()).toContain('@font-face{font-family:"chiso-baked"');
    } finally {
      await server.close();
    }
  });

  it('vite build writes the baked page and its stylesheet', async () => {
    const { build } = await import('vite');
    const root = site();
    await build({ root, configFile: false, logLevel: 'error', plugins: [chisoBake()], build: { outDir: join(root, 'dist') } });
    const html = readFileSync(join(root, 'dist/index.html'), 'utf8');
    expect(html).toContain('class="chiso-baked-vega"');
    const href = /<link rel="stylesheet" href="([^"]+)" data-chiso-baked>/.exec(html)![1];
    expect(existsSync(join(root, 'dist', href))).toBe(true);
  });
});
