/**
 * chiso: Vietnamese indicator data to embeddable, accessible Vega-Lite charts.
 *
 * This entry holds the layers that run anywhere, browser and Node alike, with no DOM and no file
 * system: the observation model, loading and validation, the registries, the query spec, formatting,
 * chart recipes, report extraction and the engine connectors. Elsewhere:
 * - `chiso/components` defines the `<chiso-*>` elements (and `dist/chiso.embed.js` is the portal file);
 * - `chiso/node` reads files and exports SVG and PNG;
 * - `chiso/cli` is the `chiso` command.
 */

// The observation, errors and messages
export { Qualifier, isQualifier, Status, isStatus } from './types.js';
export type { Observation, InputLocation } from './types.js';
export { ChisoError, isChisoError, diagnostic, formatDiagnostic, fail } from './errors.js';
export type { Diagnostic } from './errors.js';
export { message, hasMessage } from './messages/index.js';
export type { Lang, MessageParams } from './messages/index.js';

// Layers, each with its own curated index
export * from './data/index.js';
export * from './registry/index.js';
export * from './query/index.js';
export * from './format/index.js';
export {
  ChartType, isChartType, toChartType, chart, describe, optionKeys,
  lineChart, describeLine, LineLabels, LineBreaks,
  barChart, describeBar, BarOrder,
  kpiChart, describeKpi, kpiFacts,
  mapChart, describeMap, MapScale, MapProjection,
  scatterChart, describeScatter, ScatterLabel,
  slopeChart, describeSlope, SlopeLabels,
  progressChart, describeProgress, progressRows,
  unitTopology, parseTopology, labelPoint, detectGeoSource, featureName, MapUnits, ARCHIPELAGOS,
  theme, fontFamily, categoricalPalette, colors, sequentialScheme, sequentialSchemeBad, divergingScheme, fontSizes,
  sourceLine, shortSource, sourceText, joinSentences, DEFAULT_MAX_ROWS, timePositions, deepMerge,
  SEED_SOURCES, seedSource, textWidth,
} from './charts/index.js';
export type {
  ChartSpec, CommonOptions, SpecFragment, ChartOptions,
  LineOptions, BarOptions, KpiOptions, KpiFacts, MapOptions, ScatterOptions, SlopeOptions, ProgressOptions, ProgressRow,
  UnitTopology, SeedSource,
} from './charts/index.js';
export {
  toVegaSpec, isVegaLiteSpec, titleOf, stabilizeSvg, roundNumber, decorateSvg, escapeXml, textRuns,
  countInlineRows, checkInlineRows, DEFAULT_MAX_INLINE_ROWS, validateConfig, jsonPath,
} from './render/index.js';
export type {
  ToVegaOptions, TopLevelSpec, VegaSpec, StabilizeOptions, DecorateOptions, EmbeddedFace, TextRun,
  ChisoConfig, ChartConfig, DataSourceConfig, DataFormat as ConfigDataFormat, ChartTypeName, ChartOptionsConfig,
  VegaLiteFragment, ValidateConfigOptions,
} from './render/index.js';
export * from './extract/index.js';
export * from './sql/index.js';
export * from './connectors/index.js';
export * from './cube/index.js';
export * from './load-large/index.js';
