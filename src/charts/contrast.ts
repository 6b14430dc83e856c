import type { Config } from 'vega-lite';
import type { Lang } from '../format/locale.js';
import { highContrastMap, highContrastTheme, theme, type Contrast } from './theme.js';
import type { Json } from './common.js';
import { HIGHLIGHT_ANY, HIGHLIGHT_BARS } from './params.js';

/** WCAG 2 relative luminance of a `#rgb` or `#rrggbb` colour. */
export function relativeLuminance(hex: string): number {
  const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) throw new TypeError(`not a hex colour: ${hex}`);
  const h = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  const [r, g, b] = [0, 2, 4].map((i) => {
    const v = parseInt(h.slice(i, i + 2), 16) / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [x, y] = [relativeLuminance(a), relativeLuminance(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}

const swap = (colour: string) => highContrastMap.get(colour.toLowerCase()) ?? colour;

/** A data row's own `color` (a recipe that colours each row itself, with `scale: null`); figures and names stay. */
function recolorRow(row: unknown): unknown {
  if (typeof row !== 'object' || row === null || Array.isArray(row)) return row;
  const color = (row as Json).color;
  return typeof color === 'string' ? { ...row, color: swap(color) } : row;
}

function recolor(value: unknown): unknown {
  if (typeof value === 'string') return swap(value);
  if (Array.isArray(value)) return value.map(recolor);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, k === 'datasets' ? v : k === 'values' && Array.isArray(v) ? v.map(recolorRow) : recolor(v)]),
  );
}

function markType(layer: Json): string | undefined {
  const mark = layer.mark;
  return typeof mark === 'string' ? mark : typeof mark === 'object' && mark !== null ? ((mark as Json).type as string | undefined) : undefined;
}

/** A highlight drawn by colour alone also gets a form: a black outline on bars, a diamond for points. */
function withForm(layer: Json): Json {
  const encoding = layer.encoding as Json | undefined;
  // A bar chart's highlighted bars, drawn over the others: each of them outlined.
  if (layer.name === HIGHLIGHT_BARS) return { ...layer, encoding: { ...encoding, stroke: { value: '#000000' }, strokeWidth: { value: 2 } } };
  const color = encoding?.color as Json | undefined;
  // The first condition is the highlight (a bar chart's second one greys the others).
  const condition = color?.condition as Json | Json[] | undefined;
  const test = (Array.isArray(condition) ? condition[0] : condition)?.test;
  // Grey while anything is highlighted: not a highlight itself.
  if (typeof test !== 'string' || test === HIGHLIGHT_ANY) return layer;
  const type = markType(layer);
  if (type === 'bar') {
    return { ...layer, encoding: { ...encoding, stroke: { value: '#000000' }, strokeWidth: { condition: { test, value: 2 }, value: 0 } } };
  }
  if ((type === 'point' || type === 'circle') && !encoding?.shape) {
    return { ...layer, mark: { ...(layer.mark as Json), type: 'point', filled: true }, encoding: { ...encoding, shape: { condition: { test, value: 'diamond' }, value: 'circle' } } };
  }
  return layer;
}

function withForms(spec: Json): Json {
  if (!Array.isArray(spec.layer)) return withForm(spec);
  return { ...spec, layer: (spec.layer as Json[]).map((l) => withForms(l)) };
}

/**
 * The high-contrast theme applied to a recipe's spec before its `config` is merged (the theme switch,
 * `finish` does it): every default colour swapped for its high-contrast counterpart, and highlights
 * given a form as well as a colour. Recipes add what only they know (a dash and a shape per series).
 */
export function highContrastSpec(spec: Json): Json {
  return withForms(recolor(spec) as Json);
}

/** The theme's `config` for a contrast. */
export function themeFor(contrast: Contrast, locale: Lang): Config {
  return contrast === 'high' ? highContrastTheme(locale) : theme(locale);
}
