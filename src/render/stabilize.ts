/**
 * Makes Vega's SVG the same bytes for the same chart: ids renamed in order of appearance under a
 * prefix (so two charts inlined in one page do not share `clip1`), and coordinates rounded so a
 * snapshot does not change with the last bits of a float. Pure string work on Vega's own output,
 * whose text and attribute values are always escaped, so a tag never contains a bare `>`.
 */

/** One tag: Vega escapes `<`, `>` and `"` inside attribute values, so a tag ends at the first `>`. */
const TAG = /<[^>]*>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;
const NUMBER = /-?(?:\d+\.\d*|\.\d+|\d+)(?:e[-+]?\d+)?/gi;

/** Attributes whose numbers are geometry; everything else (labels, ids, classes) is left alone. */
const GEOMETRY = new Set([
  'd', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'rx', 'ry', 'width', 'height',
  'points', 'viewBox', 'stroke-width', 'stroke-dasharray', 'stroke-dashoffset', 'font-size', 'opacity',
  'fill-opacity', 'stroke-opacity', 'offset', 'dx', 'dy',
]);

export interface StabilizeOptions {
  /** Prefix for every id in the document. Must start with a letter. Default `chiso-`. */
  idPrefix?: string;
  /** Decimals kept in geometry. Default 2. */
  precision?: number;
}

export function roundNumber(text: string, precision = 2): string {
  const f = 10 ** precision;
  const n = Math.round(Number(text) * f) / f;
  if (!Number.isFinite(n)) return text;
  return Object.is(n, -0) ? '0' : String(n);
}

/** Rewrites ids and their references, and rounds geometry, tag by tag. */
export function stabilizeSvg(svg: string, { idPrefix = 'chiso-', precision = 2 }: StabilizeOptions = {}): string {
  const ids = new Map<string, string>();
  // First pass: number the ids as they appear, so the renaming does not depend on Vega's counters.
  for (const m of svg.matchAll(/<[^>]* id="([^"]+)"/g)) {
    if (!ids.has(m[1])) ids.set(m[1], `${idPrefix}${kindOf(m[1])}${ids.size + 1}`);
  }
  const rename = (id: string) => ids.get(id) ?? id;
  // Most tags need nothing: no id or reference to rename, no number longer than the precision.
  const needs = new RegExp(`\\d\\.\\d{${precision + 1}}|\\de[-+]?\\d${ids.size ? '| id="|href="#|url\\(#' : ''}`);
  return svg.replace(TAG, (tag) =>
    !needs.test(tag) ? tag : tag.replace(ATTR, (whole, name: string, value: string) => {
      if (name === 'id') return `id="${rename(value)}"`;
      if (name === 'href' || name === 'xlink:href') return value.startsWith('#') ? `${name}="#${rename(value.slice(1))}"` : whole;
      let v = value;
      if (v.includes('url(#')) v = v.replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${rename(id)})`);
      if (GEOMETRY.has(name)) v = v.replace(NUMBER, (n) => roundNumber(n, precision));
      return `${name}="${v}"`;
    }),
  );
}

function kindOf(id: string): string {
  const m = /^[a-z]+/i.exec(id);
  return m ? `${m[0].toLowerCase()}-` : 'id-';
}
