/**
 * Text as outlines: every `<text>` of Vega's SVG becomes a `<path>` of its glyphs, shaped by fontkit
 * from the chart's own font (kerning and diacritic placement included). A renderer that ignores
 * `@font-face` (ImageMagick, some Office import filters) then draws every Vietnamese letter; the words
 * stay readable to assistive technology through the SVG's title, description and aria-label.
 */
import { unescapeXml } from '../document.js';
import { cssWeight, faceFor, fontkitFont, type FontFace, type FontSet } from './fonts.js';

/** What chiso reads of fontkit's shaping (a parsed font's `layout`). */
interface ShapedGlyph {
  path: { transform(a: number, b: number, c: number, d: number, e: number, f: number): { toSVG(): string } };
}
interface Shaped {
  glyphs: ShapedGlyph[];
  positions: { xAdvance: number; xOffset: number; yOffset: number }[];
}
interface ShapingFont {
  unitsPerEm: number;
  layout(text: string): Shaped;
}

const TEXT = /<text\b((?:[^"'>]|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/text>/g;
const TSPAN = /<tspan\b((?:[^"'>]|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/tspan>/g;
/** Attributes that still mean something on a path. */
const KEPT = ['transform', 'fill', 'fill-opacity', 'opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-linejoin', 'clip-path', 'style', 'class'];

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

/** A length in pixels from `11px`, `11` or `0.9em`; `em` is the given size, and so is a missing value. */
function pixels(value: string | undefined, em: number, missing = em): number {
  if (!value) return missing;
  const n = parseFloat(value);
  if (!Number.isFinite(n)) return missing;
  return value.trim().endsWith('em') ? n * em : n;
}

/** One line of text as path data, its start at (x, y) in the text's own coordinates. */
function linePath(face: FontFace, text: string, size: number, anchor: string, x: number, y: number): string {
  const font = fontkitFont(face) as ShapingFont;
  const run = font.layout(text);
  const s = size / font.unitsPerEm;
  const width = run.positions.reduce((w, p) => w + p.xAdvance, 0) * s;
  let pen = x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  let d = '';
  run.glyphs.forEach((glyph, i) => {
    const p = run.positions[i];
    d += glyph.path.transform(s, 0, 0, -s, pen + p.xOffset * s, y - p.yOffset * s).toSVG();
    pen += p.xAdvance * s;
  });
  // Two decimals are a hundredth of a pixel: the same precision as the rest of the drawing.
  return d.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => String(Math.round(Number(n) * 100) / 100));
}

/** The SVG with each `<text>` replaced by a `<path>` of its glyphs in `fonts` (whatever family it names). */
export function textToOutlines(svg: string, fonts: FontSet): string {
  return svg.replace(TEXT, (_whole, attrs: string, content: string) => {
    const face = faceFor(fonts, cssWeight(attr(attrs, 'font-weight')), attr(attrs, 'font-style'));
    const size = pixels(attr(attrs, 'font-size'), 11);
    const anchor = attr(attrs, 'text-anchor') ?? 'start';
    const lines: { text: string; x: number; dy: number }[] = [];
    if (content.includes('<tspan')) {
      for (const m of content.matchAll(TSPAN)) {
        lines.push({ text: unescapeXml(m[2].replace(/<[^>]*>/g, '')), x: Number(attr(m[1], 'x') ?? 0), dy: pixels(attr(m[1], 'dy'), size, 0) });
      }
    } else lines.push({ text: unescapeXml(content.replace(/<[^>]*>/g, '')), x: Number(attr(attrs, 'x') ?? 0), dy: 0 });
    let y = Number(attr(attrs, 'y') ?? 0);
    let d = '';
    for (const line of lines) {
      y += line.dy;
      if (line.text.trim()) d += linePath(face, line.text, size, anchor, line.x, y);
    }
    const kept = KEPT.map((name) => [name, attr(attrs, name)] as const)
      .filter(([, v]) => v !== undefined)
      .map(([name, v]) => ` ${name}="${v}"`)
      .join('');
    return d ? `<path${kept} d="${d}"/>` : '';
  });
}
