import '../messages/charts.js';
import type { Topology } from 'topojson-specification';
import type { Observation } from '../types.js';
import type { Lang } from '../format/locale.js';
import { toLang } from '../format/locale.js';
import { formatPeriod, periodPhrase } from '../format/period.js';
import { formatUnit } from '../format/unit.js';
import { formatNumber } from '../format/number.js';
import { fail } from '../errors.js';
import { getRegion, type GeoSource } from '../registry/index.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { checkRows, decimalsFor, finish, latestPeriod, oneOf, pickIndicator, pickSeries, sourceText, t, titleBlock, valueText, type Json, joinSentences, contrastOf } from './common.js';
import { capitalize, indicatorLabel, regionName, type Indicator } from './lookup.js';
import { is34 } from '../registry/crosswalk.js';
import { ARCHIPELAGOS, cachedUnitTopology, labelPoint, mapShapes, type MapShapeOptions, type MapUnits, type UnitTopology } from './geometry.js';
import { wrap } from './line.js';
import { classPatterns, patternFill } from './patterns.js';
import { quantileLimits, quantizeLimits } from './scale.js';
import { colors, highContrastColors, divergingScheme, fontSizes, sequentialScheme, sequentialSchemeBad } from './theme.js';

export const MapScale = ['quantile', 'quantize', 'threshold', 'linear'] as const;
export const MapProjection = ['mercator', 'conic'] as const;

export interface MapOptions extends CommonOptions {
  /** The province boundaries (TopoJSON), loaded by the caller, e.g. data/geo/vn63_provinces_odv.topojson.json. Required. */
  topology: Topology;
  /** The object of the topology to draw. Default: its first object. */
  object?: string;
  /** Which bundled file's spelling of names the topology uses. Default: detected from its properties. */
  geoSource?: GeoSource;
  /** `63` provinces or the `34` units of 1 July 2025 (merged from the 63). Default: from the data's region ids. */
  units?: MapUnits;
  /** The sub-series drawn, where the indicator has several. Default: `total`, else the rows without one. */
  series?: string | null;
  /** The period drawn. Default: the latest in the data. */
  period?: string;
  /**
   * How values map to colour: classed (`quantile`, `quantize`, `threshold`) or continuous (`linear`).
   * Default `quantile`. In high contrast with patterns, `linear` is drawn as `classes` equal steps.
   */
  scale?: (typeof MapScale)[number];
  /** Number of classes for `quantile` and `quantize`. Default 5. */
  classes?: number;
  /** Class limits for `threshold` (ascending). */
  thresholds?: number[];
  /** A Vega colour scheme. Default: `orangered` where lower is better (dark = worse), else `blues`. */
  scheme?: string;
  /**
   * Draw change around this value (usually 0) with the diverging scheme, continuous: blue on the
   * better side, orange on the worse (by the catalogue's `lowerIsBetter`). Default: none. In high
   * contrast with patterns: four classes, two either side of it (`continuousLimits`).
   */
  midpoint?: number;
  /** Regions outlined. Default: none. */
  highlight?: string | string[];
  /** `mercator`, or `conic` (an equal-area conic with standard parallels across Vietnam). Default `mercator`. */
  projection?: (typeof MapProjection)[number];
  /**
   * How far, in pixels, a boundary may move when points too close together to be seen are dropped,
   * judged on the map drawn at least 1,000 px tall (so a larger print keeps its detail). Borders stay
   * shared, islands stay drawn. Default 0.25; `0` keeps every point of the file.
   */
  simplify?: number;
  /**
   * In high contrast, fill each class with a pattern as well (the drawing's SVG carries their
   * definitions). Default true; `false` for a drawing on a canvas, which cannot draw them.
   */
  patterns?: boolean;
}

interface Prepared {
  indicator: Indicator;
  period: string;
  units: MapUnits;
  byRegion: Map<string, Observation>;
  /** Figures for provinces that have no shape on this map (Hà Tây before 2008). */
  offMap: Observation[];
  geo: UnitTopology;
  rows: Observation[];
}

function prepare(data: readonly Observation[], options: MapOptions): Prepared {
  checkRows(data, options);
  if (!options.topology) return fail('CHART_MISSING_OPTION', { chart: 'map', option: 'topology' });
  const { indicator, rows: picked } = pickIndicator('map', data, options);
  const all = pickSeries(picked, options.series, indicator);
  const period = options.period ?? latestPeriod(all) ?? '';
  const inPeriod = all.filter((o) => o.period === period);
  const units: MapUnits = options.units ?? (inPeriod.filter((o) => is34(o.region)).length > inPeriod.length / 2 ? '34' : '63');
  const geo = cachedUnitTopology(options.topology, units, { object: options.object, source: options.geoSource });
  const onMap = new Set(geo.ids);
  const byRegion = new Map<string, Observation>();
  const offMap: Observation[] = [];
  for (const o of inPeriod) {
    if (onMap.has(o.region)) byRegion.set(o.region, o);
    else {
      const level = getRegion(o.region)?.level;
      // Country and GSO regions are aggregates, not areas of this map; a province without a shape is reported.
      if ((level === 'province' || level === 'province2025' || level === undefined) && o.value !== null) offMap.push(o);
    }
  }
  return { indicator, period, units, byRegion, offMap, geo, rows: [...byRegion.values(), ...offMap] };
}

/**
 * A choropleth of the 63 provinces, or of the 34 units of 1 July 2025 merged from them, with Hoàng Sa
 * and Trường Sa always drawn and labelled; classed or continuous colour with a legend in the locale's
 * number format; missing figures in light grey with their own legend entry, distinct from zero.
 */
export function mapChart(data: readonly Observation[], options: MapOptions, locale?: Lang): ChartSpec {
  const loc = toLang(locale);
  const high = contrastOf(options) === 'high';
  const scaleType = oneOf('scale', options.scale, MapScale, 'quantile');
  const projectionType = oneOf('projection', options.projection, MapProjection, 'mercator');
  const p = prepare(data, options);
  const decimals = decimalsFor(p.rows);
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const noData = t('CHART_NO_DATA_LEGEND', loc);

  const width = options.width ?? 420;
  const height = options.height ?? 520;
  // Each geometry carries its figure in its properties: the spec holds the topology inline, as small as
  // the file. The cached boundaries stay as they are: each draw gets its own geometry objects.
  type Shape = { properties?: Record<string, unknown> };
  const topo = mapShapes(options.topology, mapShapeOptions(options, p.units)).topology;
  const collection = topo.objects.units as unknown as { type: 'GeometryCollection'; geometries: Shape[] };
  for (const g of collection.geometries) {
    const id = String(g.properties?.id);
    const part = g.properties?.part as string | undefined;
    const o = p.byRegion.get(id);
    const archipelago = ARCHIPELAGOS.find((a) => a.id === part);
    g.properties = {
      id,
      region: id,
      part: part ?? null,
      name: archipelago ? `${t(archipelago.code, loc)} (${regionName(id, loc)})` : regionName(id, loc),
      value: o?.value ?? null,
      valueText: o && o.value !== null ? valueText(o, loc, decimals) : noData,
      source: o ? sourceText(o, loc) : '',
      highlight: highlight.includes(id),
    };
  }
  const values = [...p.byRegion.values()].flatMap((o) => (o.value === null ? [] : [o.value]));
  const lower = p.indicator.lowerIsBetter;
  const scheme = options.scheme ?? (lower === true ? sequentialSchemeBad : sequentialScheme);
  const classes = options.classes ?? 5;
  let scale: Json;
  let classLabels: string[] | undefined;
  let legendValues: number[] | undefined;
  // High contrast fills with patterns, which have no in-between: a continuous scale is drawn there as
  // classes (see `continuousLimits`), each its own pattern, the legend naming each class's bounds.
  const patterned = high && options.patterns !== false;
  if (options.midpoint !== undefined && !patterned) {
    // blueorange runs blue (low) to orange (high): reversed where higher is better, so blue stays "better".
    // Symmetric around the midpoint, so equal colours mean equal distances either side.
    const mid = options.midpoint;
    const reach = Math.max(...values.map((v) => Math.abs(v - mid)), 0) || 1;
    scale = { type: 'linear', scheme: options.scheme ?? divergingScheme, domain: [mid - reach, mid + reach], domainMid: mid, reverse: lower === false };
    // The midpoint is labelled too: where "no change" sits on the ramp.
    legendValues = [mid - reach, mid, mid + reach];
  } else if (scaleType === 'linear' && !patterned) {
    scale = { type: 'linear', scheme, zero: false, domain: [Math.min(...values), Math.max(...values)] };
  } else {
    // Classes are worked out here, so the legend can name each one as a range in the locale's format
    // (`3,6–5,2`) rather than Vega's class limits. One figure per region: the archipelagos' extra
    // shapes do not weigh in the quantiles.
    let limits: number[];
    if (options.midpoint !== undefined || scaleType === 'linear') limits = continuousLimits(values, classes, options.midpoint);
    else if (scaleType === 'threshold') {
      if (!options.thresholds?.length) return fail('CHART_MISSING_OPTION', { chart: 'map', option: 'thresholds' });
      limits = [...options.thresholds];
    } else limits = scaleType === 'quantile' ? quantileLimits(values, classes) : quantizeLimits(values, classes);
    classLabels = classRanges(values, limits, decimals, loc);
    // High contrast: each class its own pattern (ink on white, denser for higher), in the legend too.
    scale = high && options.patterns !== false
      ? { domain: classLabels, range: classPatterns(limits.length + 1).map(patternFill) }
      : { domain: classLabels, scheme: { name: scheme, count: limits.length + 1 } };
    // Each region carries its class by name: the legend lists the ranges as they are, one square each.
    for (const g of collection.geometries) {
      const v = g.properties?.value;
      if (typeof v === 'number' && g.properties) g.properties.cls = classLabels[limits.filter((l) => v >= l).length];
    }
  }
  const unit = formatUnit(p.indicator.unit, loc);
  const label = capitalize(indicatorLabel(p.indicator, loc));
  // A long unit (`thousand VND per person per month`) goes on two lines rather than being cut.
  const legendLines = wrap(unit || label, 24);
  const legendTitle = legendLines.length > 1 ? legendLines : legendLines[0];
  // The topology is held once, as a named dataset, however many layers draw it.
  const geoData = { name: 'chiso_units', format: { type: 'topojson', feature: 'units' } };
  const layers: Json[] = [
    {
      data: geoData,
      transform: [{ filter: 'datum.properties.value === null' }],
      mark: { type: 'geoshape', fill: colors.missing, stroke: colors.missingStroke, strokeWidth: 0.4, strokeDash: [2, 1.5] },
      encoding: {
        tooltip: [
          { field: 'properties.name', type: 'nominal', title: t('CHART_REGION', loc) },
          { field: 'properties.valueText', type: 'nominal', title: label },
        ],
      },
    },
    {
      data: geoData,
      transform: [{ filter: 'datum.properties.value !== null' }],
      // High contrast: black borders give every province an edge, whatever its fill.
      mark: { type: 'geoshape', stroke: high ? highContrastColors.text : '#ffffff', strokeWidth: high ? 0.6 : 0.4 },
      encoding: {
        color: classLabels
          ? {
            field: 'properties.cls', type: 'ordinal', scale,
            legend: { title: legendTitle, orient: 'none', direction: 'vertical', legendX: { expr: 'width - 110' }, legendY: 0, symbolType: 'square', symbolSize: 150, ...(high ? { symbolStrokeWidth: 1, symbolStrokeColor: highContrastColors.text } : { symbolStrokeWidth: 0 }) },
          }
          : {
            field: 'properties.value', type: 'quantitative', scale,
            legend: {
              title: legendTitle, format: `,.${decimals}~f`, orient: 'none', direction: 'vertical',
              legendX: { expr: 'width - 110' }, legendY: 0, ...(legendValues ? { values: legendValues } : {}),
            },
          },
        tooltip: [
          { field: 'properties.name', type: 'nominal', title: t('CHART_REGION', loc) },
          { field: 'properties.valueText', type: 'nominal', title: label },
          { field: 'properties.source', type: 'nominal', title: t('CHART_SOURCE', loc) },
        ],
      },
    },
  ];
  // The archipelagos' islands are specks at this scale: outline them so they are always seen.
  layers.push({
    data: geoData,
    transform: [{ filter: 'datum.properties.part !== null' }],
    mark: { type: 'geoshape', fill: null, stroke: colors.muted, strokeWidth: 0.6 },
  });
  if (highlight.length) {
    layers.push({
      data: geoData,
      transform: [{ filter: 'datum.properties.highlight' }],
      mark: { type: 'geoshape', fill: null, stroke: colors.text, strokeWidth: 1.6 },
    });
  }
  // Highlighted regions are named on the map, on a white halo so the name reads over any colour.
  const named = highlight.flatMap((id) => {
    const c = labelPoint(p.geo, id);
    return c ? [{ lon: c[0], lat: c[1], text: regionName(id, loc) }] : [];
  });
  if (named.length) {
    for (const halo of [true, false]) {
      layers.push({
        data: { values: named },
        mark: {
          type: 'text', fontSize: fontSizes.label, fontWeight: 600, color: colors.text, align: 'left', dx: 10,
          ...(halo ? { stroke: '#ffffff', strokeWidth: 3, strokeJoin: 'round', color: '#ffffff' } : {}),
        },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'text' } },
      });
    }
  }
  // A legend entry for missing figures: a layer that draws nothing but owns the `fill` legend. It is
  // always there, its row and its domain empty when every province has a figure (no entry shown), so a
  // player's step into or out of a period with gaps keeps the spec's shape and the drawn view.
  const missing = collection.geometries.some((g) => g.properties?.value === null);
  // Below the classes' entries: 17 px a row, 20 where high contrast outlines each square.
  layers.push({
    data: { values: missing ? [{ lon: 105.8, lat: 21.0, missing: noData }] : [] },
    mark: { type: 'square', opacity: 0 },
    encoding: {
      longitude: { field: 'lon', type: 'quantitative' },
      latitude: { field: 'lat', type: 'quantitative' },
      fill: {
        field: 'missing', type: 'nominal', scale: { domain: missing ? [noData] : [], range: [colors.missing] },
        legend: { title: null, orient: 'none', legendX: { expr: 'width - 110' }, legendY: (classLabels ? (high ? 16 + classLabels.length * 20 : 22 + classLabels.length * 17) : 160) + 14 * (legendLines.length - 1), symbolType: 'square', symbolOpacity: 1, symbolStrokeColor: colors.missingStroke, symbolStrokeWidth: 0.6, symbolSize: 150 },
      },
    },
  });
  layers.push({
    data: { values: ARCHIPELAGOS.map((a) => ({ lon: a.lon, lat: a.lat, text: t(a.code, loc) })) },
    mark: { type: 'text', fontSize: fontSizes.note, fontStyle: 'italic', color: colors.muted, baseline: 'bottom' },
    encoding: {
      longitude: { field: 'lon', type: 'quantitative' },
      latitude: { field: 'lat', type: 'quantitative' },
      text: { field: 'text' },
    },
  });
  // Fitted on every shape and the archipelagos' names, what Vega-Lite would gather from the layers,
  // but not from the "no data" entry's point, whose row comes and goes with the period: a step into or
  // out of a period with gaps leaves the projection as it is (a new projection draws every shape anew).
  // The page fits on an untouched copy of the boundaries (src/render/stable-fit.ts).
  const labels = ARCHIPELAGOS.map((a) => `[${a.lon}, ${a.lat}]`).join(', ');
  const fit = { expr: `[data('chiso_units'), {type: 'MultiPoint', coordinates: [${labels}]}]` };
  const projection = projectionType === 'mercator'
    ? { type: 'mercator', fit }
    : { type: 'conicEqualArea', parallels: [10, 21], rotate: [-108, 0], fit };
  const prelim = p.rows.some((o) => o.status === 'preliminary');
  const offNote = p.offMap.length
    ? t('CHART_NOT_ON_MAP', loc, { list: p.offMap.map((o) => `${regionName(o.region, loc)}: ${valueText(o, loc, decimals)}`).join('; ') })
    : undefined;
  const spec: Json = {
    title: titleBlock(`${label}, ${formatPeriod(p.period, loc, { status: prelim ? 'preliminary' : undefined })}`, p.rows, options, loc, offNote),
    width,
    height,
    projection,
    datasets: { chiso_units: topo },
    layer: layers,
    config: { legend: { symbolType: 'square', gradientLength: 140 } },
  };
  return finish(spec, options, loc, describeMap(data, options, loc));
}

/**
 * What of a map's options decides its shapes. Points closer than the tolerance to the line through
 * their neighbours cannot be seen: they only weigh on the page and the SVG. Judged on the map drawn
 * at least 1,000 px tall; made once per size.
 */
export function mapShapeOptions(options: Pick<MapOptions, 'width' | 'height' | 'simplify' | 'object' | 'geoSource'>, units: MapUnits): MapShapeOptions {
  const detail = options.simplify ?? 0.25;
  if (typeof detail !== 'number' || !(detail >= 0)) fail('CHART_UNKNOWN_OPTION', { option: 'simplify', value: String(detail), allowed: '≥ 0' });
  const size = Math.max(1000, options.height ?? 520, options.width ?? 420);
  return { units, simplify: detail, size, ...(options.object ? { object: options.object } : {}), ...(options.geoSource ? { source: options.geoSource } : {}) };
}

export { quantileLimits, quantizeLimits } from './scale.js';

/**
 * The classes a continuous scale is drawn in where it cannot shade (high contrast, patterns): equal
 * steps of the figures, as the colour ramp takes them (`classes` of them from the lowest to the
 * highest). Around a `midpoint`, two steps either side of it, each half the farthest figure's
 * distance, so the midpoint is a class bound and a class's distance from it reads the same either way
 * (two, not more: four patterns stay far apart in ink, so their order reads without colour).
 */
export function continuousLimits(values: readonly number[], classes: number, midpoint?: number): number[] {
  if (midpoint === undefined) return quantizeLimits(values, classes);
  const reach = Math.max(...values.map((v) => Math.abs(v - midpoint)), 0) || 1;
  return [-1, 0, 1].map((k) => midpoint + (k * reach) / 2);
}

/**
 * One legend text per class, as a range in the locale's number format: `0,3–3,6`, `3,6–5,2`, …,
 * the lowest class from the smallest figure, the highest to the largest (`< 2` / `≥ 4` where the
 * figures do not reach past a limit).
 */
export function classRanges(values: readonly number[], limits: readonly number[], decimals: number, locale: Lang): string[] {
  const f = (v: number) => formatNumber(v, locale, { decimals });
  const min = values.length ? Math.min(...values) : Number.NaN;
  const max = values.length ? Math.max(...values) : Number.NaN;
  return Array.from({ length: limits.length + 1 }, (_, i) => {
    const lo = i === 0 ? min : limits[i - 1];
    const hi = i === limits.length ? max : limits[i];
    if (i === 0 && !(min < limits[0])) return `< ${f(limits[0])}`;
    if (i === limits.length && !(max >= limits[i - 1])) return `≥ ${f(limits[i - 1])}`;
    return `${f(lo)}–${f(hi)}`;
  });
}

/** Highest and lowest province, how many lack figures, and the preliminary status. */
export function describeMap(data: readonly Observation[], options: MapOptions, locale?: Lang): string {
  const loc = toLang(locale);
  const p = prepare(data, options);
  const decimals = decimalsFor(p.rows);
  const valued = [...p.byRegion.values()].filter((o) => o.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  const sentences: string[] = [];
  if (valued.length) {
    const top = valued[0];
    const bottom = valued[valued.length - 1];
    sentences.push(t('DESC_MAP', loc, {
      indicator: indicatorLabel(p.indicator, loc).toLocaleLowerCase('vi'), period: periodPhrase(p.period, loc), count: p.geo.ids.length,
      top: regionName(top.region, loc), topValue: valueText(top, loc, decimals),
      bottom: regionName(bottom.region, loc), bottomValue: valueText(bottom, loc, decimals),
    }));
  }
  const missing = p.geo.ids.length - valued.length;
  if (missing > 0) sentences.push(t('DESC_MAP_MISSING', loc, { count: missing }));
  if (p.offMap.length) sentences.push(t('CHART_NOT_ON_MAP', loc, { list: p.offMap.map((o) => `${regionName(o.region, loc)}: ${valueText(o, loc, decimals)}`).join('; ') }));
  if (p.rows.some((o) => o.status === 'preliminary')) sentences.push(t('DESC_PRELIMINARY', loc, { periods: periodPhrase(p.period, loc) }));
  return joinSentences(sentences);
}
