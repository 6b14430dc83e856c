// SVGs for print open the same anywhere: text as glyph outlines, checked in two independent renderers
// from Debian (librsvg's rsvg-convert, Inkscape) against resvg, pixel by pixel; PNGs carry their resolution.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { main, type CliIO } from '../../src/cli/index.js';
import { renderPng } from '../../src/node.js';
import { pngDpi, withPngDpi } from '../../src/render/png-resolution.js';
import { decodePng, ink, pixelDifference, type Pixels } from './png-pixels.js';

const CHARTS = ['ha-tinh-poverty', 'income-top', 'poverty-map-2016', 'duc-tho-poverty'];

async function render(...args: string[]): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'chiso-outlines-'));
  let err = '';
  const io: CliIO = { stdout: () => {}, stderr: (t) => (err += t), isTTY: false, cwd: process.cwd() };
  expect(await main(['render', 'test/render/fixtures/charts.json', '--out', out, '--allow-path', ...args], io), err).toBe(0);
  return out;
}

/** resvg with no fonts at all: what it draws comes from the file alone. */
function resvg(svg: string): Pixels {
  return decodePng(new Uint8Array(new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng()));
}

describe('SVG text as outlines', () => {
  it('is the default for print: no <text>, no @font-face, the words kept in title and description', async () => {
    const out = await render('--for', 'print');
    for (const id of CHARTS) {
      const svg = readFileSync(join(out, `${id}.svg`), 'utf8');
      expect(svg).not.toContain('<text');
      expect(svg).not.toContain('@font-face');
      expect(svg).toMatch(/<path[^>]* d="M/);
    }
    expect(readFileSync(join(out, 'ha-tinh-poverty.svg'), 'utf8')).toMatch(/<title>[^<]*nghèo/);
  });

  it('draws the same picture as the text with its font, in resvg and in two independent renderers', async () => {
    const outlines = await render('--text', 'outlines');
    const fonts = await render('--format', 'png', '--scale', '1');
    for (const id of CHARTS) {
      const file = join(outlines, `${id}.svg`);
      const svg = readFileSync(file, 'utf8');
      const reference = resvg(svg);
      expect(ink(reference), id).toBeGreaterThan(0.01);
      // The outlines are the letters: resvg draws them as it draws the text set in the embedded font.
      const asText = decodePng(readFileSync(join(fonts, `${id}.png`)));
      expect(pixelDifference(reference, asText).share, `${id}: outlines against text`).toBeLessThan(0.002);

      execFileSync('rsvg-convert', ['-o', join(outlines, `${id}.rsvg.png`), file]);
      const rsvg = decodePng(readFileSync(join(outlines, `${id}.rsvg.png`)));
      expect(pixelDifference(reference, rsvg).share, `${id}: rsvg-convert against resvg`).toBeLessThan(0.002);

      execFileSync('inkscape', ['--export-type=png', `--export-filename=${join(outlines, `${id}.inkscape.png`)}`, `--export-width=${reference.width}`, file], {
        stdio: 'pipe',
        env: { ...process.env, HOME: outlines },
      });
      const inkscape = decodePng(readFileSync(join(outlines, `${id}.inkscape.png`)));
      expect(pixelDifference(reference, inkscape).share, `${id}: Inkscape against resvg`).toBeLessThan(0.002);
    }
  }, 120_000);

  it('draws letters a renderer without the font would lose (the comparison can fail)', async () => {
    const outlines = await render('--text', 'outlines');
    const text = await render();
    for (const id of CHARTS) {
      // resvg with no fonts ignores @font-face, as ImageMagick does: the text SVG loses its words.
      const lost = resvg(readFileSync(join(text, `${id}.svg`), 'utf8'));
      const kept = resvg(readFileSync(join(outlines, `${id}.svg`), 'utf8'));
      expect(pixelDifference(kept, lost).share, id).toBeGreaterThan(0.005);
      expect(ink(kept), id).toBeGreaterThan(ink(lost));
    }
  });
});

describe('PNG resolution', () => {
  it('writes pHYs: 96 dpi per unit of scale, 300 dpi and 3.125 pixels per px for print', async () => {
    const screen = await render('--format', 'png');
    const print = await render('--format', 'svg,png', '--for', 'print');
    const dpi = await render('--format', 'png', '--dpi', '150');
    const png = (dir: string) => new Uint8Array(readFileSync(join(dir, 'income-top.png')));
    expect(pngDpi(png(screen))?.x).toBeCloseTo(192, 0);
    expect(pngDpi(png(print))).toEqual({ x: expect.closeTo(300, 0), y: expect.closeTo(300, 0) });
    expect(pngDpi(png(dpi))?.y).toBeCloseTo(150, 0);
    const width = Number(/<svg[^>]* width="([\d.]+)"/.exec(readFileSync(join(print, 'income-top.svg'), 'utf8'))?.[1]);
    expect(decodePng(png(print)).width).toBe(Math.round(width * 3.125));
  });

  it('refuses --scale with --dpi, and a resolution out of range', async () => {
    for (const args of [['--scale', '2', '--dpi', '300'], ['--dpi', '5'], ['--for', 'paper'], ['--text', 'curves']]) {
      let err = '';
      const io: CliIO = { stdout: () => {}, stderr: (t) => (err += t), isTTY: false, cwd: process.cwd() };
      expect(await main(['render', 'test/render/fixtures/charts.json', '--out', tmpdir(), ...args], io), args.join(' ')).toBe(1);
      expect(err.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('replaces a resolution already there and keeps the image readable', async () => {
    const png = await renderPng('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="5" height="5" fill="red"/></svg>', { scale: 1 });
    const again = withPngDpi(png, 72);
    expect(pngDpi(again)?.x).toBeCloseTo(72, 0);
    expect(again.length).toBe(png.length);
    expect(decodePng(again).rgb.subarray(0, 3)).toEqual(new Uint8Array([255, 0, 0]));
  });
});
