// Where a map's legend squares are in its SVG, and how dark they are drawn in a PNG of it.
import { decodePng, type Pixels } from './png-pixels.js';

/** Each legend square filled with a pattern: its pattern and its centre in the drawing's pixels (the groups' translations added up). */
export function legendSquares(svg: string): { pattern: string; x: number; y: number }[] {
  const out: { pattern: string; x: number; y: number }[] = [];
  const stack: [number, number][] = [[0, 0]];
  const shift = (attrs: string): [number, number] => {
    const m = /transform="translate\(([-\d.e]+),\s*([-\d.e]+)\)"/.exec(attrs);
    return m ? [Number(m[1]), Number(m[2])] : [0, 0];
  };
  let legend = 0;
  for (const m of svg.matchAll(/<(\/?)(g|path)\b([^>]*?)(\/?)>/g)) {
    const [, close, tag, attrs] = m;
    if (tag === 'g') {
      if (close) {
        stack.pop();
        legend = Math.max(0, legend - 1);
        continue;
      }
      const [dx, dy] = shift(attrs);
      const [x, y] = stack[stack.length - 1];
      stack.push([x + dx, y + dy]);
      if (legend || attrs.includes('role-legend-symbol')) legend++;
      continue;
    }
    const fill = /fill="url\(#([^)]+)\)"/.exec(attrs)?.[1];
    if (!legend || !fill || close) continue;
    const [x, y] = stack[stack.length - 1];
    const [dx, dy] = shift(attrs);
    out.push({ pattern: fill, x: x + dx, y: y + dy });
  }
  return out;
}

/** Mean grey (0 black, 255 white) of a 9 × 9 box around a point given in the drawing's pixels. */
export function grey(p: Pixels, x: number, y: number, scale: number): number {
  let sum = 0;
  let n = 0;
  for (let j = Math.round((y - 4) * scale); j <= Math.round((y + 4) * scale); j++) {
    for (let i = Math.round((x - 4) * scale); i <= Math.round((x + 4) * scale); i++) {
      const o = (j * p.width + i) * 3;
      sum += 0.2126 * p.rgb[o] + 0.7152 * p.rgb[o + 1] + 0.0722 * p.rgb[o + 2];
      n++;
    }
  }
  return sum / n;
}

/** Mean grey (0 black, 255 white) of a PNG's inner part (its outline left out): a legend square's screenshot. */
export function meanGrey(png: Uint8Array): number {
  const p = decodePng(png);
  let sum = 0;
  let n = 0;
  for (let y = 2; y < p.height - 2; y++) {
    for (let x = 2; x < p.width - 2; x++) {
      const o = (y * p.width + x) * 3;
      sum += 0.2126 * p.rgb[o] + 0.7152 * p.rgb[o + 1] + 0.0722 * p.rgb[o + 2];
      n++;
    }
  }
  return sum / n;
}
