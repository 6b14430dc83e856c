/**
 * Vega compiled ahead of time for chiso's own recipes, so a chart drawn in the page needs no
 * Vega-Lite. A recipe's spec carries values that change from chart to chart (its fitted width, the
 * room measured for labels, the axis ticks of its periods, its colours, its words): these are the
 * spec's *holes*. The rest is its key. `chiso`'s build compiles one spec per key with a sentinel in
 * each hole, checks that Vega-Lite puts each sentinel in its output only where it can be swapped
 * for another value (a whole JSON value, or text inside a string literal) and that the swap gives
 * exactly what Vega-Lite compiles for other values, and keeps the output as that key's template.
 * A spec whose key has no template is compiled by Vega-Lite, loaded then.
 *
 * Pure (no DOM): the build and the tests run it in Node.
 */

/** A place in a spec: the keys and indexes from the top. */
type Path = (string | number)[];
export interface Holes {
  /** The spec with each hole replaced by its kind: specs with one key compile alike. */
  key: string;
  /** The values in the holes, in order. */
  values: unknown[];
  /** Where each hole's value sits (one value, one or more places). */
  paths: Path[][];
}

/** Top-level parts that are not the spec's shape: rows, parameters and description go in by name (compiled-shapes.ts). */
const NOT_SHAPE = new Set(['datasets', 'params', 'description', '$schema']);
/** Numbers Vega-Lite reads rather than copies (an angle is turned into 0–360, a band's share also centres the mark). */
const FIXED_NUMBERS = new Set(['labelAngle', 'titleAngle', 'angle', 'band']);
/** Keys whose text Vega-Lite copies into its output: words and colours, never fields, types or expressions. */
/** Parts whose text Vega-Lite reads (`resolve.scale.color` is `shared` or `independent`). */
const FIXED_PARTS = new Set(['resolve']);
const TEXT_KEYS = new Set(['title', 'text', 'color', 'fill', 'stroke', 'background', 'font', 'labelFont', 'titleFont']);
/** An axis's label expression, copied unless it names `datum.label` (Vega-Lite rewrites that; a header's is rewritten too). */
const EXPR_KEYS = new Set(['labelExpr']);
/** Keys whose arrays of plain values Vega-Lite copies: axis values, a scale's range, a dash. */
const ARRAY_KEYS = new Set(['values', 'range', 'strokeDash', 'title', 'text']);

const isColorKey = (k: string) => TEXT_KEYS.has(k) || k.endsWith('Color');
/**
 * Text a hole may hold: not empty (Vega-Lite drops empty titles), no backslash (Vega-Lite writes a
 * tooltip's title into its expression without escaping one), no control or line-separator characters.
 */
// eslint-disable-next-line no-control-regex
const plainText = (v: string) => v !== '' && !/[\\\u0000-\u001f\u2028\u2029⟦]/.test(v);
const isPlain = (v: unknown) => (typeof v === 'string' && plainText(v)) || (typeof v === 'number' && Number.isFinite(v) && v !== 0);

/** The kind of a value in a hole: what must stay alike for two specs to compile alike. */
function kindOf(key: string | number, value: unknown, parent: string | number | undefined): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value === 0 || typeof key !== 'string' || FIXED_NUMBERS.has(key)) return null;
    return `#n${value < 0 ? '-' : '+'}${Number.isInteger(value) ? 'i' : 'f'}`;
  }
  if (typeof value === 'string') {
    // A colour or word in a hole; an empty text is left as it is (Vega-Lite drops empty titles).
    const k = typeof key === 'string' ? key : parent;
    if (!plainText(value) || typeof k !== 'string') return null;
    if (typeof key === 'string' && EXPR_KEYS.has(key)) return typeof parent === 'string' && parent.startsWith('axis') && !value.includes('datum.label') ? '#e' : null;
    return isColorKey(k) ? '#s' : null;
  }
  if (Array.isArray(value) && typeof key === 'string' && ARRAY_KEYS.has(key) && value.length > 0 && value.every(isPlain)) {
    return `#a${typeof value[0] === 'number' ? 'n' : 's'}`;
  }
  return null;
}

/**
 * The holes of a spec (its parts that are not shape left out: see `NOT_SHAPE`). Holes holding equal
 * values share one (Vega-Lite merges what is equal, a colour range shared by layers): which holes
 * are equal is part of the key.
 */
export function holesOf(spec: object): Holes {
  const values: unknown[] = [];
  const paths: Path[][] = [];
  const byValue = new Map<string, number>();
  const walk = (node: unknown, path: Path, parent: string | number | undefined): unknown => {
    const key = path[path.length - 1];
    if (typeof key === 'string' && FIXED_PARTS.has(key)) return node;
    if (key !== undefined) {
      const kind = kindOf(key, node, parent);
      if (kind) {
        const text = `${typeof node}:${JSON.stringify(node)}`;
        let i = byValue.get(text);
        if (i === undefined) {
          byValue.set(text, (i = values.length));
          values.push(node);
          paths.push([]);
        }
        paths[i].push(path);
        return `${kind}@${i}`;
      }
    }
    if (Array.isArray(node)) return node.map((v, i) => walk(v, [...path, i], key));
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) {
        if (path.length === 0 && NOT_SHAPE.has(k)) out[k] = k === 'datasets' && v && typeof v === 'object' ? Object.keys(v).sort() : k === 'params' ? paramNames(v) : null;
        else out[k] = walk(v, [...path, k], key);
      }
      return out;
    }
    return node;
  };
  const shaped = walk(spec, [], undefined);
  return { key: JSON.stringify(shaped), values, paths };
}

function paramNames(v: unknown): unknown {
  return Array.isArray(v) ? v.map((p) => (p && typeof p === 'object' && 'value' in p && Object.keys(p).length === 2 ? { name: (p as { name: unknown }).name } : p)) : v;
}

/** A copy of `spec` with `values` in its holes' places. */
export function withValues<S extends object>(spec: S, paths: readonly Path[][], values: readonly unknown[]): S {
  const out = structuredClone(spec) as Record<string | number, unknown>;
  paths.forEach((places, i) => {
    for (const path of places) {
      let node = out as Record<string | number, unknown>;
      for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, unknown>;
      node[path[path.length - 1]] = values[i];
    }
  });
  return out as S;
}

/** Vega's own way of writing a string literal into an expression (vega-util's `stringValue`). */
const literal = (s: string) => JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/**
 * Sentinels for holes of these kinds: numbers no spec holds, words that carry the characters an
 * expression must escape (`variant` 1), so a template that copies them unescaped is found out.
 */
export function sentinels(values: readonly unknown[], variant: 0 | 1): unknown[] {
  return values.map((v, i) => {
    if (typeof v === 'number') {
      const n = 7_340_000_000 + 1000 * i + 17 * variant;
      return (v < 0 ? -1 : 1) * (Number.isInteger(v) ? n : n + 0.375);
    }
    if (typeof v === 'string') return sentinelText(i, variant);
    // Variant 1 is one longer: a template that copies an array element by element is found out.
    const arr = v as unknown[];
    const x = arr[0];
    return Array.from({ length: arr.length + variant }, (_, j) => (typeof x === 'number' ? 7_350_000_000 + 1000 * i + 10 * j + variant : sentinelText(i * 1000 + j, variant)));
  });
}
const sentinelText = (i: number, variant: 0 | 1) => (variant ? `⟦h${i}"q' ư⟧` : `⟦h${i}⟧`);

/** A compiled template: Vega JSON in which `⟦h…⟧` and sentinel numbers mark the holes. */
export interface Template {
  /** The sentinels of variant 0, in hole order (arrays flattened, see `flatHoles`). */
  sentinels: unknown[];
  vega: object;
}

/** Every hole's sentinel and value as pairs, arrays element by element (a whole array hole also as itself). */
function pairs(sentinelValues: readonly unknown[], values: readonly unknown[]): { numbers: Map<number, unknown>; texts: [string, string][]; arrays: [string, unknown][] } {
  const numbers = new Map<number, unknown>();
  const texts: [string, string][] = [];
  const arrays: [string, unknown][] = [];
  sentinelValues.forEach((s, i) => {
    const v = values[i];
    if (typeof s === 'number') numbers.set(s, v);
    else if (typeof s === 'string') texts.push([s, v as string]);
    else {
      arrays.push([JSON.stringify(s), v]);
    }
  });
  return { numbers, texts, arrays };
}

/**
 * `template`'s Vega with `values` in place of its sentinels: a whole value for a whole value, text
 * inside a string as Vega writes it into an expression. Rows (`data[].values`) are shared, not walked.
 * `null` when a sentinel sits where it cannot be swapped (inside a string, not as a literal's text).
 */
export function fill<S extends object>(template: Template, values: readonly unknown[]): S | null {
  const { numbers, texts, arrays } = pairs(template.sentinels, values);
  const arrayByText = new Map(arrays);
  const numberTexts = [...numbers].map(([n, v]) => [String(n), v] as const).sort((x, y) => y[0].length - x[0].length);
  let ok = true;
  const inString = (s: string): string => {
    if (!s.includes('⟦') && !s.includes('7340') && !s.includes('7350')) return s;
    let out = s;
    let probe = s;
    for (const [sentinel] of texts) probe = probe.split(sentinel).join('');
    if (probe.includes('⟦')) ok = false;
    for (const [sentinel, value] of texts) {
      // Inside an expression: a quoted literal becomes the value's literal; anything else is refused.
      out = out.split(literal(sentinel)).join(literal(value));
      if (out.includes(sentinel)) {
        // Text inside a literal that holds more (`"Tỷ lệ: " + …`): the value escaped as that literal escapes it.
        out = out.split(sentinel).join(literal(value).slice(1, -1));
      }
    }
    // Longest first: 7340000000.375 before 7340000000.
    for (const [sentinel, value] of numberTexts) if (out.includes(sentinel)) out = out.split(sentinel).join(String(value));
    return out;
  };
  const walk = (node: unknown, key?: string, dataEntry = false): unknown => {
    if (dataEntry && key === 'values') return node;
    if (typeof node === 'number') return numbers.has(node) ? numbers.get(node) : node;
    if (typeof node === 'string') {
      for (const [sentinel, value] of texts) if (node === sentinel) return value;
      return inString(node);
    }
    if (Array.isArray(node)) {
      const whole = arrayByText.get(JSON.stringify(node));
      if (whole !== undefined) return whole;
      return node.map((v) => walk(v, undefined, key === 'data'));
    }
    if (node && typeof node === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(node)) out[k] = walk(v, k, dataEntry);
      return out;
    }
    return node;
  };
  const out = walk(template.vega) as S;
  return ok ? out : null;
}

/**
 * The template of `spec`'s key, compiled by `compile` (Vega-Lite) with sentinels in its holes, or
 * why there can be none: a template is kept only when filling it with other sentinels (that carry
 * quotes and backslashes) and with `spec`'s own values gives exactly what `compile` gives for them.
 */
export function makeTemplate(spec: object, compile: (spec: object) => object): { key: string; template: Template } | { key: string; error: string } {
  const h = holesOf(spec);
  const a = sentinels(h.values, 0);
  const b = sentinels(h.values, 1);
  const template: Template = { sentinels: a, vega: compile(withValues(spec, h.paths, a)) };
  for (const [name, values] of [['sentinels', b], ['own values', h.values]] as const) {
    const filled = fill(template, values);
    const direct = JSON.stringify(compile(withValues(spec, h.paths, values)));
    if (filled === null) return { key: h.key, error: `a hole sits where it cannot be filled (${name})` };
    const got = JSON.stringify(filled);
    if (got !== direct) {
      let i = 0;
      while (got[i] === direct[i]) i++;
      return { key: h.key, error: `${name}: filled ≠ compiled at …${direct.slice(Math.max(0, i - 120), i + 80)}… vs …${got.slice(Math.max(0, i - 120), i + 80)}…` };
    }
  }
  return { key: h.key, template };
}

/** A short name of a key (two 53-bit string hashes): the index names templates by it. */
export function keyDigest(key: string): string {
  const h = (seed: number) => {
    let h1 = 0xdeadbeef ^ seed;
    let h2 = 0x41c6ce57 ^ seed;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
  };
  return `${h(1)}${h(2)}`;
}
