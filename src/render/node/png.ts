/** PNG from the same SVG, drawn by resvg with the same font files and no system fonts. */
import { Resvg } from '@resvg/resvg-js';
import type { RenderSpec } from '../spec.js';
import { defaultFontSet, fontFiles } from './fonts.js';
import { renderSvg, type RenderSvgOptions } from './svg.js';

export interface RenderPngOptions extends RenderSvgOptions {
  /** Pixels per SVG unit: 2 makes a 400-wide chart 800 pixels wide. Default 2. */
  scale?: number;
}

/** Renders an SVG string as given, or a spec through `renderSvg` first. */
export async function renderPng(svgOrSpec: string | RenderSpec, options: RenderPngOptions = {}): Promise<Uint8Array> {
  const { scale = 2, ...svgOptions } = options;
  const fonts = options.fonts ?? defaultFontSet();
  const svg = typeof svgOrSpec === 'string' ? svgOrSpec : await renderSvg(svgOrSpec, svgOptions);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: false, fontFiles: fontFiles(fonts), defaultFontFamily: fonts.family },
  });
  return new Uint8Array(resvg.render().asPng());
}
