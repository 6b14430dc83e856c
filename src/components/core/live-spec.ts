/**
 * A drawn chart is updated in place when a new spec differs from the drawn one only in what can
 * flow into a live Vega view: inline rows (datasets); literal scale domains, the title and subtitle,
 * text marks' widths and a recipe's own valued parameters (the highlight, period labels) as signals;
 * the figures on a map's shapes (the properties of its TopoJSON geometries); and the description.
 * Everything else is the spec's shape; a new shape is drawn anew. A selection or a player's step
 * changes none of the shape of a recipe's spec, so it never rebuilds a view.
 *
 * Pure (no DOM), so it is tested in Node on the recipes' real output.
 */
import type { TopLevelSpec } from 'vega-lite';

/** Name of the dataset that holds a spec's top-level inline rows. */
export const DATASET = 'chiso';
/** Signal holding the regions a recipe highlights (the recipes' own parameter, `HIGHLIGHT_PARAM` in src/charts/common.ts). */
export const HIGHLIGHT = 'chiso_highlight';
/**
 * Signals that change colours and weights only, never sizes: a view updated in these alone is not
 * laid out again (the bar chart holds the room its labels take in bold already).
 */
const LAYOUT_NEUTRAL = new Set([HIGHLIGHT]);
/** Signals holding the chart's title and subtitle lines (a map's title names its period). */
export const TITLE = 'chiso_title';
export const SUBTITLE = 'chiso_subtitle';

interface Topology {
  type: 'Topology';
  arcs: unknown[];
  objects: Record<string, { type?: string; geometries?: { arcs?: unknown; type?: string; properties?: unknown }[] }>;
}
const isTopology = (v: unknown): v is Topology =>
  !!v && typeof v === 'object' && (v as { type?: unknown }).type === 'Topology' && Array.isArray((v as { arcs?: unknown }).arcs) && !!(v as { objects?: unknown }).objects;

export interface LiveSpec {
  /** The spec to embed: inline rows moved to named datasets, literal domains and highlights to parameters. */
  spec: TopLevelSpec;
  /** Rows per dataset name. */
  datasets: Record<string, unknown[]>;
  /** Values per parameter (Vega signal) name. */
  params: Record<string, unknown>;
  /**
   * Per top-level TopoJSON dataset (a map's boundaries), the properties of each geometry in order:
   * the figures a map carries on its shapes. The geometry itself is part of the shape, by identity.
   */
  features: Record<string, unknown[]>;
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

  // Named by their place in the spec too: values that coincide for one selection share nothing.
  let places = 0;
  const placeParam = (kind: string, value: unknown): string => {
    const name = `chiso_${kind}_${places++}`;
    params[name] = value;
    texts[name] = JSON.stringify(value);
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
      if (k === 'mark' && v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { limit?: unknown }).limit === 'number') {
        // A text mark's width is worked out from the texts it shows (a note's longest line).
        const m = v as Record<string, unknown>;
        out[k] = { ...(walk(m, false) as object), limit: { expr: placeParam('limit', m.limit) } };
        continue;
      }
      // Rows inside other keys (a lookup's values, a datasets entry) stay as they are.
      out[k] = k === 'values' || k === 'datasets' ? v : walk(v, false);
    }
    return out;
  };

  const s = walk(spec, true) as Record<string, unknown>;
  const description = typeof s.description === 'string' ? s.description : null;
  // A recipe's parameters with a plain value (the highlight, period labels) are live; others (a
  // selection, a binding, an expression) are shape.
  const own: Record<string, unknown>[] = [];
  for (const p of Array.isArray(s.params) ? (s.params as Record<string, unknown>[]) : []) {
    if (typeof p.name === 'string' && 'value' in p && Object.keys(p).length === 2) {
      params[p.name] = p.value;
      texts[p.name] = JSON.stringify(p.value);
      own.push({ name: p.name });
    } else own.push(p);
  }
  const title = liveTitle(s.title, params, texts);
  if (title !== undefined) s.title = title;

  // Boundaries with the figures on their shapes (a map): the geometry is shape, by identity; the
  // properties of each geometry are live, so a new period recolours the drawn map.
  const features: Record<string, unknown[]> = {};
  let shapeDatasets: Record<string, unknown> | undefined;
  if (s.datasets && typeof s.datasets === 'object') {
    shapeDatasets = { ...(s.datasets as Record<string, unknown>) };
    for (const [name, value] of Object.entries(shapeDatasets)) {
      if (!isTopology(value)) continue;
      const objects = Object.entries(value.objects).map(([key, o]) => [key, o.type, (o.geometries ?? []).map((g) => [g.type, identity(g.arcs)])]);
      shapeDatasets[name] = { topology: identity(value.arcs), objects };
      const props = Object.values(value.objects).flatMap((o) => (o.geometries ?? []).map((g) => g.properties ?? {}));
      features[name] = props;
      texts[`features:${name}`] = JSON.stringify(props);
    }
  }

  const hoisted = Object.entries(params).map(([name, value]) => ({ name, value }));
  const live = new Set(Object.keys(params));
  const shapeParams = [...own.filter((p) => !live.has(p.name as string)), ...hoisted.map((p) => ({ name: p.name }))];
  const shape = JSON.stringify({ ...s, ...(shapeDatasets ? { datasets: shapeDatasets } : {}), description: null, params: shapeParams }, inlineByIdentity);
  const embedded: Record<string, unknown> = { ...s, autosize: resizing(s.autosize) };
  const fixed = own.filter((p) => !live.has(p.name as string));
  if (hoisted.length || fixed.length) embedded.params = [...fixed, ...hoisted];
  if (Object.keys(datasets).length) embedded.datasets = { ...((s.datasets as object | undefined) ?? {}), ...datasets };
  return { spec: embedded as unknown as TopLevelSpec, datasets, params, features, description, shape, texts };
}

/**
 * What changes between two specs of one shape, where a compiled Vega of that shape takes it: every
 * named dataset of the spec (rows, and boundaries with their figures: two maps of one shape differ in
 * the figures on their shapes), the parameters' values, the description.
 */
export function liveParts(live: LiveSpec): { datasets: Record<string, unknown>; params: Record<string, unknown>; description: string | null } {
  const datasets = { ...((live.spec as { datasets?: Record<string, unknown> }).datasets ?? {}) };
  return { datasets, params: live.params, description: live.description };
}

/** A number standing for an object's identity in a shape (an array of arcs, a topology). */
function identity(value: unknown): string {
  if (!value || typeof value !== 'object') return JSON.stringify(value ?? null);
  let id = inlineIds.get(value);
  if (id === undefined) inlineIds.set(value, (id = ++inlineCount));
  return `inline:${id}`;
}

/**
 * The title's text and subtitle as signals, the subtitle always there (empty when the recipe gives
 * none): a source line that comes and goes with the regions shown does not change the shape.
 */
function liveTitle(title: unknown, params: Record<string, unknown>, texts: Record<string, string>): unknown {
  if (title === undefined || title === null) return undefined;
  const t = typeof title === 'string' || Array.isArray(title) ? { text: title } : (title as Record<string, unknown>);
  if (typeof t.text !== 'string' && !Array.isArray(t.text)) return undefined;
  if (t.subtitle !== undefined && typeof t.subtitle !== 'string' && !Array.isArray(t.subtitle)) return undefined;
  params[TITLE] = t.text;
  params[SUBTITLE] = t.subtitle ?? '';
  texts[TITLE] = JSON.stringify(params[TITLE]);
  texts[SUBTITLE] = JSON.stringify(params[SUBTITLE]);
  return { ...t, text: { expr: TITLE }, subtitle: { expr: SUBTITLE } };
}

const inlineIds = new WeakMap<object, number>();
let inlineCount = 0;
/**
 * Inline geometry (a TopoJSON object the recipe was handed) enters the shape by identity, not as
 * text: the same boundaries drawn again are not turned into megabytes of JSON on every redraw.
 */
function inlineByIdentity(key: string, value: unknown): unknown {
  if (key !== 'values' || !value || typeof value !== 'object' || Array.isArray(value)) return value;
  return identity(value);
}

/**
 * Vega lays a view out once unless told to again: the drawn view is told (`view.resize()`) when an
 * update may change a size (new rows, domains, titles, labels; see `changesLayout`), not on every
 * update, so a new highlight costs no layout.
 */
function resizing(autosize: unknown): unknown {
  if (autosize === undefined) return { type: 'pad', resize: false };
  if (typeof autosize === 'string') return { type: autosize, resize: false };
  if (autosize && typeof autosize === 'object') return { ...autosize, resize: false };
  return autosize;
}

/** Whether an update may change the view's layout: anything but the highlight. */
export function changesLayout(changes: { datasets: [string, unknown[]][]; params: [string, unknown][] }): boolean {
  return changes.datasets.length > 0 || changes.params.some(([name]) => !LAYOUT_NEUTRAL.has(name));
}

/** The datasets and parameters of `next` whose values differ from those drawn (`drawn`: JSON text per name). */
export function liveChanges(drawn: Record<string, string>, next: LiveSpec): { datasets: [string, unknown[]][]; params: [string, unknown][]; features: [string, unknown[]][] } {
  return {
    datasets: Object.entries(next.datasets).filter(([name]) => drawn[name] !== next.texts[name]),
    params: Object.entries(next.params).filter(([name]) => drawn[name] !== next.texts[name]),
    features: Object.entries(next.features).filter(([name]) => drawn[`features:${name}`] !== next.texts[`features:${name}`]),
  };
}

/** What `applyFeatures` needs of a Vega view. */
interface FeatureView {
  data(name: string): unknown[];
  change(name: string, changes: unknown): unknown;
  changeset(): { modify(t: (t: object) => boolean, field: string, value: (t: object) => unknown): unknown };
}

/**
 * Puts new properties on the drawn features of a TopoJSON dataset (a map recoloured for another
 * period), in the geometries' order. `false` when the view holds another number of features: the
 * caller draws anew.
 */
export function applyFeatures(view: FeatureView, name: string, properties: readonly unknown[]): boolean {
  const tuples = view.data(name) as object[];
  if (tuples.length !== properties.length) return false;
  const index = new Map<object, number>(tuples.map((t, i) => [t, i]));
  view.change(name, view.changeset().modify(() => true, 'properties', (t) => properties[index.get(t) ?? -1] ?? (t as { properties?: unknown }).properties));
  return true;
}
