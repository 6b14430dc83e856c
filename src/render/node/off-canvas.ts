/**
 * Marks drawn wholly outside the picture, removed before resvg draws it. They paint no pixel, and
 * resvg-js 2.6.2 aborts the process (a Rust panic, `geom.rs` unwrapping `None`) on a shape that lies
 * more than the canvas's own size beyond its right or bottom edge: Vega-Lite's `geo_custom_projection`
 * places airports there. Only `<path>` marks placed by `translate` transforms (how Vega writes every
 * mark) are judged, from a bound on their coordinates; anything else is kept as it is.
 */

/** Extra room around a shape for its stroke. */
const STROKE_ROOM = 50;

/** A bound on how far a path's points lie from its origin: the largest coordinate, or for relative commands the sum of all. */
function reach(d: string): number {
  let max = 0;
  let sum = 0;
  for (const m of d.matchAll(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi)) {
    const v = Math.abs(Number(m[0]));
    max = Math.max(max, v);
    sum += v;
  }
  return (/[a-df-z]/.test(d) ? sum : max) + STROKE_ROOM;
}

function translateOf(attrs: string): [number, number] | null {
  const t = /\stransform="([^"]*)"/.exec(attrs)?.[1];
  if (t === undefined) return [0, 0];
  const m = /^translate\(\s*(-?[\d.e+-]+)[\s,]+(-?[\d.e+-]+)\s*\)$/.exec(t.trim());
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/** The `width` and `height` of an SVG's root element, in its units (NaN when absent). */
export function svgSize(svg: string): { width: number; height: number } {
  const root = /<svg\b[^>]*>/.exec(svg.slice(0, 4096))?.[0] ?? '';
  const size = (name: string) => Number(new RegExp(`\\s${name}="([0-9.]+)`).exec(root)?.[1] ?? NaN);
  return { width: size('width'), height: size('height') };
}

export function withoutOffCanvas(svg: string): string {
  const { width, height } = svgSize(svg);
  if (!(width > 0 && height > 0)) return svg;
  // The origin of each open <g>; `null` once a transform other than translate is met (then nothing below is judged).
  const origins: ([number, number] | null)[] = [[0, 0]];
  let defs = 0;
  const out: string[] = [];
  let last = 0;
  for (const m of svg.matchAll(/<(\/?)(g|path|defs|clipPath)\b([^>]*?)(\/?)>/g)) {
    const [tag, closing, name, attrs, selfClosing] = m;
    if (name === 'defs' || name === 'clipPath') {
      if (!selfClosing) defs += closing ? -1 : 1;
      continue;
    }
    const parent = origins[origins.length - 1];
    if (name === 'g') {
      if (closing) origins.pop();
      else if (!selfClosing) {
        const t = translateOf(attrs);
        origins.push(parent && t ? [parent[0] + t[0], parent[1] + t[1]] : null);
      }
      continue;
    }
    if (defs > 0 || !selfClosing || !parent) continue;
    const t = translateOf(attrs);
    const d = /\sd="([^"]*)"/.exec(attrs)?.[1];
    if (!t || d === undefined) continue;
    const x = parent[0] + t[0];
    const y = parent[1] + t[1];
    const r = reach(d);
    if (x - r > width || y - r > height || x + r < 0 || y + r < 0) {
      out.push(svg.slice(last, m.index));
      last = (m.index ?? 0) + tag.length;
    }
  }
  if (last === 0) return svg;
  out.push(svg.slice(last));
  return out.join('');
}
