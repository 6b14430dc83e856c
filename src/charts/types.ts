import type { TopLevelSpec } from 'vega-lite';
import type { Locale } from '../format/locale.js';
import { fail } from '../errors.js';

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

export type { Locale };
