import { fontMeasure, type MeasureText } from '../../charts/fit.js';

let context: CanvasRenderingContext2D | null | undefined;

/**
 * How the page measures text for a recipe's layout: Be Vietnam Pro's own widths when the page has
 * the font (so a title wraps where the CLI's SVG wraps it), else a canvas in the font Vega will draw
 * with; Be Vietnam Pro's widths where there is no canvas either.
 */
export function pageMeasure(): MeasureText {
  if (typeof document === 'undefined') return fontMeasure;
  for (const face of document.fonts ?? []) if (face.status === 'loaded' && face.family.replace(/["']/g, '') === 'Be Vietnam Pro') return fontMeasure;
  context ??= document.createElement('canvas').getContext('2d');
  const ctx = context;
  if (!ctx) return fontMeasure;
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
