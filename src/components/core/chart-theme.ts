import type { TopLevelSpec } from 'vega-lite';

/** The page's colours for a chart, read from its CSS custom properties; `null` where the page sets none. */
interface ChartColors {
  fg: string;
  muted: string;
  bg: string;
  border: string;
}

/**
 * Bumped when what the theme reads may have changed (the dashboard's contrast switch, the system's
 * colour scheme or forced colours): the colours are read again then, and only then. Reading them on
 * every drawing forced a style recalculation in the middle of each selection.
 */
let epoch = 0;
const read = new WeakMap<HTMLElement, { epoch: number; colors: ChartColors | null }>();
let watching = false;

/** Tells every chart to read its theme again at its next drawing. */
export function themeChanged(): void {
  epoch++;
}

function watchSystem(): void {
  if (watching || typeof matchMedia !== 'function') return;
  watching = true;
  for (const q of ['(prefers-color-scheme: dark)', '(forced-colors: active)', '(prefers-contrast: more)']) matchMedia(q).addEventListener('change', themeChanged);
}

function colorsOf(host: HTMLElement): ChartColors | null {
  watchSystem();
  const cached = read.get(host);
  if (cached && cached.epoch === epoch) return cached.colors;
  const style = getComputedStyle(host);
  const set = (name: string) => style.getPropertyValue(name).trim();
  const custom = set('--chiso-color-text') !== '' || set('--chiso-color-background') !== '';
  const fg = custom ? set('--_fg') : '';
  const bg = custom ? set('--_bg') : '';
  const colors = fg && bg ? { fg, bg, muted: set('--_muted'), border: set('--_border') } : null;
  read.set(host, { epoch, colors });
  return colors;
}

/**
 * Colours of the chart's text, axes and background from the element's CSS custom properties, so a
 * portal's theme reaches inside the drawing. Applied only when the page sets them: in the dark
 * scheme without them a chart stays on its light paper, since recipes colour some labels themselves
 * and those must stay legible. Read once per element and theme change (see `themeChanged`).
 */
export function themedSpec(spec: TopLevelSpec, host: HTMLElement): TopLevelSpec {
  const c = colorsOf(host);
  if (!c) return spec;
  const { fg, muted, bg, border } = c;
  const s = spec as unknown as { config?: Record<string, Record<string, unknown> | unknown> };
  const config = (s.config ?? {}) as Record<string, Record<string, unknown>>;
  const merge = (key: string, patch: Record<string, unknown>) => ({ ...(config[key] ?? {}), ...patch });
  return {
    ...s,
    config: {
      ...config,
      background: bg,
      title: merge('title', { color: fg, subtitleColor: muted }),
      axis: merge('axis', { labelColor: muted, titleColor: muted, domainColor: border, tickColor: border, gridColor: border }),
      legend: merge('legend', { labelColor: fg, titleColor: muted }),
      text: merge('text', { color: fg }),
    },
  } as unknown as TopLevelSpec;
}
