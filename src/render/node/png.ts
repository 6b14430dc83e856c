/** PNG from the same SVG, drawn by resvg with the same font files and no system fonts. */
import { Resvg } from '@resvg/resvg-js';
import { dpiForScale, scaleForDpi, withPngDpi } from '../png-resolution.js';
import type { ChartSpec } from '../spec.js';
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

/** Renders an SVG string as given, or a spec through `renderSvg` first. */
export async function renderPng(svgOrSpec: string | ChartSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const { dpi, scale = dpi ? scaleForDpi(dpi) : 2, ...svgOptions } = options;
  const fonts = options.fonts ?? defaultFontSet();
  const svg = typeof svgOrSpec === 'string' ? svgOrSpec : await renderSvg(svgOrSpec, svgOptions);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(fonts), defaultFontFamily: fonts.family },
  });
  return withPngDpi(new Uint8Array(resvg.render().asPng()), dpi ?? dpiForScale(scale));
}
