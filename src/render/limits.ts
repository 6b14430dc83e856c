/**
 * A spec handed to the renderer carries data already aggregated by the query layer: a few rows per
 * region and period. Thousands of inline rows mean raw data slipped through, which makes a slow,
 * huge SVG; refuse it with a message saying so.
 */
import '../messages/render.js';
import { fail } from '../errors.js';

/** Default ceiling on the rows a spec may carry inline. */
export const DEFAULT_MAX_INLINE_ROWS = 5000;

/** Rows of inline data in a Vega-Lite or Vega spec: every `values` array and every named dataset. */
export function countInlineRows(spec: unknown): number {
  let rows = 0;
  const seen = new Set<unknown>();
  const walk = (node: unknown, key: string | undefined): void => {
    if (node === null || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      if (key === 'values') rows += node.length;
      // Arrays of arrays are coordinates (a topology's arcs), never specs: do not walk them.
      else for (const x of node) if (x !== null && typeof x === 'object' && !Array.isArray(x)) walk(x, undefined);
      return;
    }
    // Inline values that are one object (a TopoJSON topology) are one row.
    if (key === 'values') {
      rows += 1;
      return;
    }
    for (const [k, v] of Object.entries(node)) {
      if (k === 'datasets' && v && typeof v === 'object') {
        for (const d of Object.values(v)) rows += Array.isArray(d) ? d.length : 0;
      } else walk(v, k);
    }
  };
  walk(spec, undefined);
  return rows;
}

/** Throws RENDER_TOO_MANY_ROWS when a spec carries more than `max` inline rows. */
export function checkInlineRows(spec: unknown, max = DEFAULT_MAX_INLINE_ROWS, file?: string): number {
  const rows = countInlineRows(spec);
  if (rows > max) fail('RENDER_TOO_MANY_ROWS', { rows, max }, file ? { file } : {});
  return rows;
}
