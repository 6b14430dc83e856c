import type { TopLevelSpec } from 'vega-lite';

/**
 * Colours of the chart's text, axes and background from the element's CSS custom properties, so a
 * portal's theme reaches inside the drawing. Applied only when the page sets them: in the dark
 * scheme without them a chart stays on its light paper, since recipes colour some labels themselves
 * and those must stay legible.
 */
export function themedSpec(spec: TopLevelSpec, host: HTMLElement): TopLevelSpec {
  const style = getComputedStyle(host);
  const set = (name: string) => style.getPropertyValue(name).trim();
  const custom = set('--chiso-color-text') !== '' || set('--chiso-color-background') !== '';
  if (!custom) return spec;
  const fg = set('--_fg');
  const muted = set('--_muted');
  const bg = set('--_bg');
  const border = set('--_border');
  if (!fg || !bg) return spec;
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
