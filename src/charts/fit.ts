/**
 * A recipe lays its chart out once, for the width it is given: the whole drawing (title, axes,
 * legend and padding included) fills it, and a title or source line wider than it breaks at spaces
 * into several lines (Vega draws an array of lines but wraps none itself). Pure: the page, the CLI
 * and tests wrap a title alike, with whatever measures text.
 */
import type { TopLevelSpec } from 'vega-lite';
import { textWidth } from './measure.js';

/** Width in pixels of `text` in a CSS `font` (e.g. `600 16px "Be Vietnam Pro", sans-serif`). */
export type MeasureText = (text: string, font: string) => number;

type Lines = string | string[];

/** Breaks `lines` at spaces so that none is wider than `width`; lines that fit are kept as they are. */
export function wrapLines(lines: Lines, width: number, font: string, measure: MeasureText): Lines {
  const input = Array.isArray(lines) ? lines : [lines];
  const out: string[] = [];
  let changed = false;
  for (const line of input) {
    if (typeof line !== 'string' || measure(line, font) <= width) {
      out.push(line);
      continue;
    }
    changed = true;
    let current = '';
    for (const word of line.split(' ')) {
      const next = current ? `${current} ${word}` : word;
      if (current && measure(next, font) > width) {
        out.push(current);
        current = word;
      } else current = next;
    }
    if (current) out.push(current);
  }
  return changed ? out : lines;
}

/**
 * `spec` with its title and subtitle broken into lines no wider than the chart (`width`, the whole
 * drawing, padding included). Fonts come from the title itself, else the spec's `config.title`.
 */
export function wrapTitle(spec: TopLevelSpec, width: number, measure: MeasureText): TopLevelSpec {
  const s = spec as unknown as Record<string, unknown>;
  if (width <= 0 || s.title === undefined || s.title === null) return spec;
  const title: Record<string, unknown> = typeof s.title === 'string' || Array.isArray(s.title) ? { text: s.title } : { ...(s.title as Record<string, unknown>) };
  const config = ((s.config as Record<string, unknown> | undefined)?.title ?? {}) as Record<string, unknown>;
  const pick = (key: string, fallback: unknown) => title[key] ?? config[key] ?? fallback;
  const padding = typeof s.padding === 'number' ? s.padding : typeof (s.config as { padding?: unknown } | undefined)?.padding === 'number' ? ((s.config as { padding: number }).padding) : 5;
  const room = width - 2 * padding;
  if (room <= 40) return spec;
  const font = (weight: unknown, size: unknown, family: unknown) => `${String(weight ?? 'normal')} ${Number(size ?? 13)}px ${String(family ?? 'sans-serif')}`;
  const textFont = font(pick('fontWeight', 'bold'), pick('fontSize', 13), pick('font', 'sans-serif'));
  const subtitleFont = font(pick('subtitleFontWeight', 'normal'), pick('subtitleFontSize', 12), pick('subtitleFont', pick('font', 'sans-serif')));
  let changed = false;
  for (const [key, f] of [['text', textFont], ['subtitle', subtitleFont]] as const) {
    const v = title[key];
    if (typeof v !== 'string' && !Array.isArray(v)) continue;
    const wrapped = wrapLines(v as Lines, room, f, measure);
    if (wrapped !== v) {
      title[key] = wrapped;
      changed = true;
    }
  }
  return changed ? ({ ...s, title } as unknown as TopLevelSpec) : spec;
}

/**
 * Be Vietnam Pro's advance widths (the font chiso bundles for export) as a `MeasureText`: the size and
 * weight are read from the CSS font. What the CLI wraps with, and the page when it draws in that font.
 */
export const fontMeasure: MeasureText = (text, font) => {
  const size = /(\d+(?:\.\d+)?)px/.exec(font);
  const weight = /^\s*(\d{3}|bold)\b/.exec(font);
  return textWidth(text, size ? Number(size[1]) : 13, weight ? (weight[1] === 'bold' ? 700 : Number(weight[1])) : 400);
};

/** Space a recipe leaves beside its plot for the y axis's labels and title (Vega's fit-x measures the rest). */
export const AXIS_ROOM = 48;

/** The plot width a recipe lays out for when its whole drawing must be `width` wide. */
export function plotWidth(width: number, padding: number): number {
  return Math.max(80, Math.round(width - 2 * padding - AXIS_ROOM));
}

/**
 * `spec` drawn `width` pixels wide in all: Vega's `fit-x` autosize sizes the plot so that axes, legend
 * and padding fit in, and the title is wrapped to the same width. Concatenated views keep their
 * widths (each has its own plot).
 */
export function fitSpec(spec: TopLevelSpec, width: number, measure: MeasureText): TopLevelSpec {
  const s = spec as unknown as Record<string, unknown>;
  if (!(width > 0)) return spec;
  const single = !('hconcat' in s || 'vconcat' in s || 'concat' in s || 'facet' in s || 'repeat' in s);
  const fitted = single && typeof s.width === 'number' && s.autosize === undefined
    ? ({ ...s, width, autosize: { type: 'fit-x', contains: 'padding' } } as unknown as TopLevelSpec)
    : spec;
  return wrapTitle(fitted, width, measure);
}
