import type { Topology } from 'topojson-specification';
import type { Observation } from '../types.js';
import type { Locale } from '../format/locale.js';
import { toLocale } from '../format/locale.js';
import { formatPeriod } from '../format/period.js';
import { formatUnit } from '../format/unit.js';
import { fail } from '../errors.js';
import { getRegion, type GeoSource } from '../registry/index.js';
import type { ChartSpec, CommonOptions } from './types.js';
import { checkRows, decimalsFor, finish, latestPeriod, oneOf, pickIndicator, pickSeries, sourceText, t, titleBlock, valueText, type Json } from './common.js';
import { capitalize, indicatorLabel, regionName, type Indicator } from './lookup.js';
import { ARCHIPELAGOS, labelPoint, unitTopology, type MapUnits } from './geometry.js';
import { colors, divergingScheme, fontSizes, sequentialScheme, sequentialSchemeBad } from './theme.js';

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
  /** How values map to colour: classed (`quantile`, `quantize`, `threshold`) or continuous (`linear`). Default `quantile`. */
  scale?: (typeof MapScale)[number];
  /** Number of classes for `quantile` and `quantize`. Default 5. */
  classes?: number;
  /** Class limits for `threshold` (ascending). */
  thresholds?: number[];
  /** A Vega colour scheme. Default: `orangered` where lower is better (dark = worse), else `blues`. */
  scheme?: string;
  /**
   * Draw change around this value (usually 0) with the diverging scheme, continuous: blue on the
   * better side, orange on the worse (by the catalogue's `lowerIsBetter`). Default: none.
   */
  midpoint?: number;
  /** Regions outlined. Default: none. */
  highlight?: string | string[];
  /** `mercator`, or `conic` (an equal-area conic with standard parallels across Vietnam). Default `mercator`. */
  projection?: (typeof MapProjection)[number];
}

interface Prepared {
  indicator: Indicator;
  period: string;
  units: MapUnits;
  byRegion: Map<string, Observation>;
  /** Figures for provinces that have no shape on this map (Hà Tây before 2008). */
  offMap: Observation[];
  geo: ReturnType<typeof unitTopology>;
  rows: Observation[];
}

function prepare(data: readonly Observation[], options: MapOptions): Prepared {
  checkRows(data, options);
  if (!options.topology) return fail('CHART_MISSING_OPTION', { chart: 'map', option: 'topology' });
  const { indicator, rows: picked } = pickIndicator('map', data, options);
  const all = pickSeries(picked, options.series);
  const period = options.period ?? latestPeriod(all) ?? '';
  const inPeriod = all.filter((o) => o.period === period);
  const units: MapUnits = options.units ?? (inPeriod.filter((o) => o.region.startsWith('34:')).length > inPeriod.length / 2 ? '34' : '63');
  const geo = unitTopology(options.topology, units, { object: options.object, source: options.geoSource });
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
export function mapChart(data: readonly Observation[], options: MapOptions, locale?: Locale): ChartSpec {
  const loc = toLocale(locale);
  const scaleType = oneOf('scale', options.scale, MapScale, 'quantile');
  const projectionType = oneOf('projection', options.projection, MapProjection, 'mercator');
  const p = prepare(data, options);
  const decimals = decimalsFor(p.rows);
  const highlight = options.highlight === undefined ? [] : ([] as string[]).concat(options.highlight);
  const noData = t('CHART_NO_DATA_LEGEND', loc);

  // Each geometry carries its figure in its properties: the spec holds the topology inline, as small as the file.
  const topo = p.geo.topology;
  const collection = topo.objects.units as { geometries: { properties?: Record<string, unknown> }[] };
  for (const g of collection.geometries) {
    const id = String(g.properties?.id);
    const part = g.properties?.part as string | undefined;
    const o = p.byRegion.get(id);
    const archipelago = ARCHIPELAGOS.find((a) => a.id === part);
    g.properties = {
      id,
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
  if (options.midpoint !== undefined) {
    // blueorange runs blue (low) to orange (high): reversed where higher is better, so blue stays "better".
    // Symmetric around the midpoint, so equal colours mean equal distances either side.
    const mid = options.midpoint;
    const reach = Math.max(...values.map((v) => Math.abs(v - mid)), 0) || 1;
    scale = { type: 'linear', scheme: options.scheme ?? divergingScheme, domain: [mid - reach, mid + reach], domainMid: mid, reverse: lower === false };
  } else if (scaleType === 'threshold') {
    if (!options.thresholds?.length) return fail('CHART_MISSING_OPTION', { chart: 'map', option: 'thresholds' });
    scale = { type: 'threshold', domain: options.thresholds, scheme: { name: scheme, count: options.thresholds.length + 1 } };
  } else if (scaleType === 'linear') {
    scale = { type: 'linear', scheme, zero: false, domain: [Math.min(...values), Math.max(...values)] };
  } else {
    // One figure per region: the archipelagos' extra shapes must not weigh in the quantiles.
    scale = { type: scaleType, scheme: { name: scheme, count: classes }, ...(scaleType === 'quantile' ? { domain: values } : {}) };
  }
  const unit = formatUnit(p.indicator.unit, loc);
  const label = capitalize(indicatorLabel(p.indicator, loc));
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
      mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.4 },
      encoding: {
        color: {
          field: 'properties.value', type: 'quantitative', scale,
          legend: {
            title: unit || label, format: `,.${decimals}~f`, orient: 'none', direction: 'vertical',
            legendX: { expr: 'width - 110' }, legendY: 0,
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
  if (collection.geometries.some((g) => g.properties?.value === null)) {
    // A legend entry for missing figures: a layer that draws nothing but owns the `fill` legend.
    layers.push({
      data: { values: [{ lon: 105.8, lat: 21.0, missing: noData }] },
      mark: { type: 'square', opacity: 0 },
      encoding: {
        longitude: { field: 'lon', type: 'quantitative' },
        latitude: { field: 'lat', type: 'quantitative' },
        fill: {
          field: 'missing', type: 'nominal', scale: { domain: [noData], range: [colors.missing] },
          legend: { title: null, orient: 'none', legendX: { expr: 'width - 110' }, legendY: 160, symbolType: 'square', symbolOpacity: 1, symbolStrokeColor: colors.missingStroke, symbolStrokeWidth: 0.6, symbolSize: 150 },
        },
      },
    });
  }
  layers.push({
    data: { values: ARCHIPELAGOS.map((a) => ({ lon: a.lon, lat: a.lat, text: t(a.code, loc) })) },
    mark: { type: 'text', fontSize: fontSizes.note, fontStyle: 'italic', color: colors.muted, baseline: 'bottom' },
    encoding: {
      longitude: { field: 'lon', type: 'quantitative' },
      latitude: { field: 'lat', type: 'quantitative' },
      text: { field: 'text' },
    },
  });
  const projection = projectionType === 'mercator'
    ? { type: 'mercator' }
    : { type: 'conicEqualArea', parallels: [10, 21], rotate: [-108, 0] };
  const prelim = p.rows.some((o) => o.status === 'preliminary');
  const offNote = p.offMap.length
    ? p.offMap.map((o) => `${regionName(o.region, loc)}: ${valueText(o, loc, decimals)}`).join('; ') + ` (${loc === 'vi' ? 'không có trên bản đồ' : 'not on this map'})`
    : undefined;
  const spec: Json = {
    title: titleBlock(`${label}, ${formatPeriod(p.period, loc, { status: prelim ? 'preliminary' : undefined })}`, p.rows, options, loc, offNote),
    width: options.width ?? 420,
    height: options.height ?? 520,
    projection,
    datasets: { chiso_units: topo },
    layer: layers,
    config: { legend: { symbolType: 'square', gradientLength: 140 } },
  };
  return finish(spec, options, loc, describeMap(data, options, loc));
}

/** Highest and lowest province, how many lack figures, and the preliminary status. */
export function describeMap(data: readonly Observation[], options: MapOptions, locale?: Locale): string {
  const loc = toLocale(locale);
  const p = prepare(data, options);
  const decimals = decimalsFor(p.rows);
  const valued = [...p.byRegion.values()].filter((o) => o.value !== null).sort((a, b) => (b.value as number) - (a.value as number));
  const sentences: string[] = [];
  if (valued.length) {
    const top = valued[0];
    const bottom = valued[valued.length - 1];
    sentences.push(t('DESC_MAP', loc, {
      indicator: indicatorLabel(p.indicator, loc).toLocaleLowerCase('vi'), period: formatPeriod(p.period, loc), count: p.geo.ids.length,
      top: regionName(top.region, loc), topValue: valueText(top, loc, decimals),
      bottom: regionName(bottom.region, loc), bottomValue: valueText(bottom, loc, decimals),
    }));
  }
  const missing = p.geo.ids.length - valued.length;
  if (missing > 0) sentences.push(t('DESC_MAP_MISSING', loc, { count: missing }));
  if (p.offMap.length) sentences.push(p.offMap.map((o) => `${regionName(o.region, loc)}: ${valueText(o, loc, decimals)}`).join('; ') + (loc === 'vi' ? ' (không có trên bản đồ)' : ' (not on this map)'));
  if (p.rows.some((o) => o.status === 'preliminary')) sentences.push(t('DESC_PRELIMINARY', loc, { periods: formatPeriod(p.period, loc) }));
  return sentences.map((s) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1).replace(/\.$/, '') + '.').join(' ');
}
