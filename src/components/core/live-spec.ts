/**
 * A drawn chart is updated in place when a new spec differs from the drawn one only in what can
 * flow into a live Vega view: inline rows (datasets), literal scale domains and the highlight list
 * (signals), and the description. Everything else is the spec's shape; a new shape is drawn anew.
 *
 * Pure (no DOM), so it is tested in Node on the recipes' real output.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Name of the dataset that holds a spec's top-level inline rows. */
export const DATASET = 'chiso';
/** Signal holding the regions a recipe highlights. */
export const HIGHLIGHT = 'chiso_highlight';
const HIGHLIGHT_TEST = /^indexof\((\[.*\]), datum\.value\) >= 0$/;

export interface LiveSpec {
  /** The spec to embed: inline rows moved to named datasets, literal domains and highlights to parameters. */
  spec: TopLevelSpec;
  /** Rows per dataset name. */
  datasets: Record<string, unknown[]>;
  /** Values per parameter (Vega signal) name. */
  params: Record<string, unknown>;
  /** The spec's description (Vega's ARIA label of the view), or `null`. */
  description: string | null;
  /** Everything but the above: two specs with the same shape can share one Vega view. */
  shape: string;
  /** JSON text of each dataset and parameter, to tell which changed. */
  texts: Record<string, string>;
}

const isPrimitive = (v: unknown) => v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Splits `spec` into its shape and its live parts. Identical domains share one parameter (layers
 * that share a scale name the same one), so which places share a domain is part of the shape.
 */
export function liveSpec(spec: TopLevelSpec): LiveSpec {
  const datasets: Record<string, unknown[]> = {};
  const params: Record<string, unknown> = {};
  let inner = 0;
  const paramNames = new Map<string, string>();
  const texts: Record<string, string> = {};

  // Rows are named by their place in the spec (not their content), so two layers whose rows happen
  // to coincide for one selection do not change the shape.
  const datasetFor = (values: unknown[], top: boolean): string => {
    const name = top ? DATASET : `${DATASET}_data_${inner++}`;
    datasets[name] = values;
    texts[name] = JSON.stringify(values);
    return name;
  };
  const paramFor = (value: unknown): string => {
    const key = JSON.stringify(value);
    let name = paramNames.get(key);
    if (!name) {
      name = `chiso_domain_${paramNames.size}`;
      paramNames.set(key, name);
      params[name] = value;
      texts[name] = key;
    }
    return name;
  };

  const walk = (node: unknown, top: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, false));
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) {
      if (k === 'data' && v && typeof v === 'object' && !Array.isArray(v)) {
        const d = v as { values?: unknown; format?: unknown; name?: unknown };
        // Plain row arrays only: TopoJSON and other formats are parsed by Vega and stay inline.
        if (Array.isArray(d.values) && d.format === undefined && Object.keys(d).length === 1) {
          out[k] = { name: datasetFor(d.values, top) };
          continue;
        }
      }
      if (k === 'scale' && v && typeof v === 'object' && !Array.isArray(v)) {
        const s = v as Record<string, unknown>;
        if (Array.isArray(s.domain) && s.domain.every(isPrimitive)) {
          out[k] = { ...(walk(s, false) as object), domain: { expr: paramFor(s.domain) } };
          continue;
        }
      }
      if (k === 'test' && typeof v === 'string') {
        const m = HIGHLIGHT_TEST.exec(v);
        if (m) {
          try {
            const list = JSON.parse(m[1]) as unknown;
            if (Array.isArray(list)) {
              params[HIGHLIGHT] = list;
              texts[HIGHLIGHT] = JSON.stringify(list);
              out[k] = `indexof(${HIGHLIGHT}, datum.value) >= 0`;
              continue;
            }
          } catch {
            // not a plain list: leave the test as it is
          }
        }
      }
      // Rows inside other keys (a lookup's values, a datasets entry) stay as they are.
      out[k] = k === 'values' || k === 'datasets' ? v : walk(v, false);
    }
    return out;
  };

  const s = walk(spec, true) as Record<string, unknown>;
  const description = typeof s.description === 'string' ? s.description : null;
  const own = Array.isArray(s.params) ? (s.params as { name: string }[]) : [];
  const hoisted = Object.entries(params).map(([name, value]) => ({ name, value }));
  const shape = JSON.stringify({ ...s, description: null, params: [...own, ...hoisted.map((p) => ({ name: p.name }))] }, inlineByIdentity);
  const embedded: Record<string, unknown> = { ...s, autosize: resizing(s.autosize) };
  if (hoisted.length) embedded.params = [...own, ...hoisted];
  if (Object.keys(datasets).length) embedded.datasets = { ...((s.datasets as object | undefined) ?? {}), ...datasets };
  return { spec: embedded as unknown as TopLevelSpec, datasets, params, description, shape, texts };
}

const inlineIds = new WeakMap<object, number>();
let inlineCount = 0;
/**
 * Inline geometry (a TopoJSON object the recipe was handed) enters the shape by identity, not as
 * text: the same boundaries drawn again are not turned into megabytes of JSON on every redraw.
 */
function inlineByIdentity(key: string, value: unknown): unknown {
  if (key !== 'values' || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  let id = inlineIds.get(value);
  if (id === undefined) inlineIds.set(value, (id = ++inlineCount));
  return `inline:${id}`;
}

/** Vega lays a view out once unless told to again on each update; new labels need a new layout. */
function resizing(autosize: unknown): unknown {
  if (autosize === undefined) return { type: 'pad', resize: true };
  if (typeof autosize === 'string') return { type: autosize, resize: true };
  if (autosize && typeof autosize === 'object') return { ...autosize, resize: true };
  return autosize;
}

/** The datasets and parameters of `next` whose values differ from those drawn (`drawn`: JSON text per name). */
export function liveChanges(drawn: Record<string, string>, next: LiveSpec): { datasets: [string, unknown[]][]; params: [string, unknown][] } {
  return {
    datasets: Object.entries(next.datasets).filter(([name]) => drawn[name] !== next.texts[name]),
    params: Object.entries(next.params).filter(([name]) => drawn[name] !== next.texts[name]),
  };
}
