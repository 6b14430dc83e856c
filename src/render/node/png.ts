/** PNG from the same SVG, drawn by resvg with the same font files and no system fonts. */
import '../../messages/render.js';
import { fail } from '../../errors.js';
import { svgSize, withoutOffCanvas } from './off-canvas.js';
import { dpiForScale, scaleForDpi, withPngDpi } from '../png-resolution.js';
import type { RenderSpec } from '../spec.js';
import { defaultFontSet, fontFiles } from './fonts.js';
import { renderSvg, type RenderSvgOptions } from './svg.js';

export interface RenderPngOptions extends RenderSvgOptions {
  /** Pixels per SVG unit: 2 makes a 400-wide chart 800 pixels wide. Default 2, or `dpi / 96` when `dpi` is given. */
  scale?: number;
  /**
   * Resolution written into the file (pHYs), so Word and print tools place the image at the chart's
   * size. Given alone it also sets the pixels: 300 draws 3.125 pixels per chart px. Default `96 × scale`.
   */
  dpi?: number;
}

/** Most pixels a PNG may have: 40 million (8000 x 5000, 160 MB of RGBA while drawn). */
export const MAX_PNG_PIXELS = 40_000_000;

/** Refuses, before drawing, a PNG over `max` pixels (`RENDER_TOO_MANY_PIXELS`): 4000 x 3000 at scale 10 would take over 6 GB. */
export function checkPixels(svg: string, scale: number, max = MAX_PNG_PIXELS): void {
  const size = svgSize(svg);
  const width = Math.ceil((size.width || 0) * scale);
  const height = Math.ceil((size.height || 0) * scale);
  if (width * height > max) {
    fail('RENDER_TOO_MANY_PIXELS', { width, height, megapixels: Math.round((width * height) / 1e5) / 10, max: max / 1e6 });
  }
}

/** Renders an SVG string as given, or a spec through `renderSvg` first. */
export async function renderPng(svgOrSpec: string | RenderSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const { dpi, scale = dpi ? scaleForDpi(dpi) : 2, ...svgOptions } = options;
  const fonts = options.fonts ?? defaultFontSet();
  const svg = typeof svgOrSpec === 'string' ? svgOrSpec : await renderSvg(svgOrSpec, svgOptions);
  checkPixels(svg, scale);
  // Native code, loaded when a PNG is drawn: an SVG export never pays for it.
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(withoutOffCanvas(svg), {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(fonts), defaultFontFamily: fonts.family },
  });
  return withPngDpi(new Uint8Array(resvg.render().asPng()), dpi ?? dpiForScale(scale));
}
