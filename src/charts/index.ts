/** Public exports of src/charts: one recipe a file, each `(observations, options, locale) -> Vega-Lite spec`. */
export { ChartType, isChartType, toChartType, type ChartSpec, type CommonOptions, type SpecFragment, type Lang } from './types.js';
export { chart, describe, optionKeys, type ChartOptions } from './chart.js';
export { lineChart, describeLine, LineLabels, LineBreaks, type LineOptions } from './line.js';
export { barChart, describeBar, BarOrder, type BarOptions } from './bar.js';
export { kpiChart, describeKpi, kpiFacts, type KpiOptions, type KpiFacts } from './kpi.js';
export { mapChart, describeMap, MapScale, MapProjection, type MapOptions } from './map.js';
export { scatterChart, describeScatter, ScatterLabel, type ScatterOptions } from './scatter.js';
export { slopeChart, describeSlope, SlopeLabels, type SlopeOptions } from './slope.js';
export { multiplesChart, describeMultiples, multiplesPanels, multiplesLayout, MultiplesSort, type MultiplesOptions, type MultiplesPanel, type MultiplesLayout } from './multiples.js';
export { progressChart, describeProgress, progressRows, type ProgressOptions, type ProgressRow } from './progress.js';
export { unitTopology, parseTopology, labelPoint, detectGeoSource, featureName, MapUnits, ARCHIPELAGOS, type UnitTopology } from './geometry.js';
export { theme, fontFamily, categoricalPalette, colors, sequentialScheme, sequentialSchemeBad, divergingScheme, fontSizes } from './theme.js';
export { sourceLine, shortSource, sourceText, joinSentences, DEFAULT_MAX_ROWS } from './common.js';
export { aboutData, aboutEntries, aboutHeading, ABOUT_FIELDS, type AboutData, type AboutField } from './about.js';
export { SEED_SOURCES, seedSource, type SeedSource } from './seed-sources.js';
export { textWidth } from './measure.js';
export { timePositions } from '../data/period.js';
export { deepMerge } from './merge.js';
