import type { TopLevelSpec } from 'vega-lite';
import type { Lang } from '../format/locale.js';
import { fail } from '../errors.js';
import type { MeasureText } from './fit.js';

/** What every recipe returns: a Vega-Lite spec with its data inline. */
export type ChartSpec = TopLevelSpec;

/** A fragment of raw Vega-Lite, deep-merged into the recipe's spec last (the escape hatch). */
export type SpecFragment = { [key: string]: unknown };

/** The recipes chiso knows. */
export const ChartType = {
  line: 'line',
  bar: 'bar',
  kpi: 'kpi',
  map: 'map',
  scatter: 'scatter',
  slope: 'slope',
  progress: 'progress',
  multiples: 'multiples',
} as const;
export type ChartType = keyof typeof ChartType;

export function isChartType(value: unknown): value is ChartType {
  return typeof value === 'string' && Object.hasOwn(ChartType, value);
}

export function toChartType(value: unknown): ChartType {
  if (isChartType(value)) return value;
  return fail('CHART_UNKNOWN_TYPE', { value: String(value), allowed: Object.keys(ChartType).join(', ') });
}

/** Options every recipe accepts. */
export interface CommonOptions {
  /** Which indicator to draw when the data holds several. Default: the first observation's. */
  indicator?: string;
  /** Chart title. Default: the indicator's label in the locale (plus the period where there is one). */
  title?: string;
  /** Show a source line built from the observations' `source`. Default `true`. */
  source?: boolean;
  /** Width of the plot area in pixels. Default depends on the recipe (about 560). */
  width?: number;
  /**
   * Width of the whole drawing in pixels (title, axes, legend and padding included): the recipe lays
   * its plot out for it and wraps the title to it, once. `<chiso-chart>` passes its measured width;
   * give the same in a render configuration and the SVG wraps a long title as the page does.
   * Default: none (the plot is `width` wide and the drawing grows around it).
   */
  fitWidth?: number;
  /** How text is measured for `fitWidth`. Default: Be Vietnam Pro's advance widths, the font of exports. */
  measure?: MeasureText;
  /** Height of the plot area in pixels. Default depends on the recipe. */
  height?: number;
  /** Refuse more rows than this (specs carry aggregated data, not raw rows). Default 5000. */
  maxRows?: number;
  /** Replace the generated description. Default: `describe(type, data, options, locale)`. */
  description?: string;
  /**
   * `high`: the high-contrast theme (black text, darker marks, a dash and a shape per series, outlined
   * highlights), for a reader's contrast switch and forced colours. Default `default`.
   */
  contrast?: 'default' | 'high';
  /** Raw Vega-Lite deep-merged into the spec last. Arrays replace, objects merge. */
  spec?: SpecFragment;
}

export type { Lang };
