/**
 * Vega fits a chart's plot to the width it is given, but not its title: on a narrow screen a long
 * title or source line runs past the drawing and is cut off. Lines wider than the chart are broken
 * at spaces into several lines (Vega draws an array of lines), measured with the title's own font.
 */
import type { TopLevelSpec } from 'vega-lite';

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

let context: CanvasRenderingContext2D | null | undefined;

/** Text width with a canvas, as Vega measures it; `null` where there is no canvas. */
export function canvasMeasure(): MeasureText | null {
  if (context === undefined) context = typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
  const ctx = context;
  if (!ctx) return null;
  return (text, font) => {
    ctx.font = font;
    return ctx.measureText(text).width;
  };
}
