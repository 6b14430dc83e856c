import '../messages/charts.js';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { fail } from '../errors.js';
import { toChartType, type ChartSpec, type ChartType, type CommonOptions } from './types.js';
import { fitSpec, fontMeasure, plotWidth } from './fit.js';
import { padding } from './theme.js';
import { lineChart, describeLine, lineRoom, type LineOptions } from './line.js';
import { barChart, describeBar, type BarOptions } from './bar.js';
import { kpiChart, describeKpi, type KpiOptions } from './kpi.js';
import { mapChart, describeMap, type MapOptions } from './map.js';
import { scatterChart, describeScatter, type ScatterOptions } from './scatter.js';
import { slopeChart, describeSlope, slopeRoom, type SlopeOptions } from './slope.js';
import type { LabelRoom } from './room.js';
import { progressChart, describeProgress, type ProgressOptions } from './progress.js';
import { multiplesChart, describeMultiples, type MultiplesOptions } from './multiples.js';

/** The options of each recipe, by chart type. */
export interface ChartOptions {
  line: LineOptions;
  bar: BarOptions;
  kpi: KpiOptions;
  map: MapOptions;
  scatter: ScatterOptions;
  slope: SlopeOptions;
  progress: ProgressOptions;
  multiples: MultiplesOptions;
}

const common = ['indicator', 'title', 'source', 'width', 'fitWidth', 'measure', 'height', 'maxRows', 'description', 'contrast', 'spec'] as const;

/** Every option key each recipe reads, so a JSON configuration with a misspelt key is refused, not ignored. */
export const optionKeys: { [T in ChartType]: readonly string[] } = {
  line: [...common, 'regions', 'highlight', 'labels', 'breaks', 'zero', 'annotations', 'room'],
  bar: [...common, 'period', 'regions', 'highlight', 'reference', 'order', 'labels', 'step', 'series', 'annotations'],
  kpi: [...common, 'region', 'series', 'period', 'previous', 'sparkline'],
  map: [...common, 'topology', 'object', 'geoSource', 'units', 'series', 'period', 'scale', 'classes', 'thresholds', 'scheme', 'midpoint', 'highlight', 'projection', 'patterns'],
  scatter: [...common, 'x', 'y', 'xSeries', 'ySeries', 'period', 'regions', 'highlight', 'label', 'trend'],
  slope: [...common, 'periods', 'regions', 'highlight', 'labels', 'series', 'room'],
  progress: [...common, 'regions', 'period', 'target', 'rowLabel', 'highlight'],
  multiples: [...common, 'panels', 'sort', 'order', 'series', 'columns'],
};

function checkKeys(type: ChartType, options: object): void {
  const known = optionKeys[type];
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) fail('CHART_UNKNOWN_OPTION_KEY', { chart: type, value: key, allowed: known.join(', ') });
  }
}

type Recipe<T extends ChartType> = (data: readonly Observation[], options: ChartOptions[T], locale?: Lang) => ChartSpec;
type Describer<T extends ChartType> = (data: readonly Observation[], options: ChartOptions[T], locale?: Lang) => string;

const recipes: { [T in ChartType]: Recipe<T> } = {
  line: lineChart, bar: barChart, kpi: kpiChart, map: mapChart, scatter: scatterChart, slope: slopeChart, progress: progressChart, multiples: multiplesChart,
};
const describers: { [T in ChartType]: Describer<T> } = {
  line: describeLine, bar: describeBar, kpi: describeKpi, map: describeMap, scatter: describeScatter, slope: describeSlope, progress: describeProgress, multiples: describeMultiples,
};

/**
 * Any recipe by name: `chart('line', observations, { highlight: '42' }, 'vi')`. The type and the
 * option keys are checked here (a configuration file's typo is an error naming it), then the recipe runs.
 */
export function chart<T extends ChartType>(type: T, data: readonly Observation[], options: ChartOptions[T], locale?: Lang): ChartSpec {
  const t = toChartType(type) as T;
  checkKeys(t, options ?? {});
  const { fitWidth, measure, ...rest } = (options ?? {}) as CommonOptions;
  if (measure !== undefined && typeof measure !== 'function') fail('CHART_UNKNOWN_OPTION', { option: 'measure', value: String(measure), allowed: '(text, font) => px' });
  if (fitWidth === undefined) return (recipes[t] as Recipe<T>)(data, rest as ChartOptions[T], toLang(locale));
  if (!(typeof fitWidth === 'number' && fitWidth > 0)) fail('CHART_UNKNOWN_OPTION', { option: 'fitWidth', value: String(fitWidth), allowed: '> 0 (px)' });
  // The recipe's label arithmetic is for the plot the whole width leaves; Vega's fit-x then sizes it exactly.
  const spec = (recipes[t] as Recipe<T>)(data, { ...rest, width: plotWidth(fitWidth, padding) } as ChartOptions[T], toLang(locale));
  return fitSpec(spec, fitWidth, measure ?? fontMeasure);
}

/** The one-paragraph description a chart of this type carries (also its spec's `description`). */
export function describe<T extends ChartType>(type: T, data: readonly Observation[], options: ChartOptions[T], locale?: Lang): string {
  const t = toChartType(type) as T;
  checkKeys(t, options ?? {});
  return (describers[t] as Describer<T>)(data, options ?? ({} as ChartOptions[T]), toLang(locale));
}

/**
 * The room beside the plot that a chart of this type needs for any one region of `data` (line and
 * slope charts; `null` for the others): what a chart following a selection is given as its `room`
 * option, measured once per data, so that a new selection does not lay the chart out anew.
 */
export function labelRoom<T extends ChartType>(type: T, data: readonly Observation[], options: ChartOptions[T], locale?: Lang): LabelRoom | null {
  const t = toChartType(type);
  const { fitWidth: _w, measure, ...rest } = (options ?? {}) as CommonOptions;
  const m = measure ?? fontMeasure;
  if (t === 'line') return lineRoom(data, rest as LineOptions, toLang(locale), m);
  if (t === 'slope') return slopeRoom(data, rest as SlopeOptions, toLang(locale), m);
  return null;
}
