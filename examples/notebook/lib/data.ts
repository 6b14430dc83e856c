/**
 * What the analyst pages share: reading the repository's files through the dev server, and a
 * province map drawn from the bundled boundaries (with Hoàng Sa and Trường Sa).
 */
import type { TopLevelSpec } from 'vega-lite';
import { feature } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Observation } from '../../../src/types.js';
import { loadObservations, type LoadOptions, type LoadResult } from '../../../src/data/index.js';
import { regionForGeoName, getRegion, getIndicator } from '../../../src/registry/index.js';
import { theme, sourceLine } from '../../../src/charts/index.js';

/** The bytes of a repository file, from the dev server (`/data/...`). */
export async function fetchBytes(path: string): Promise<Uint8Array> {
  const res = await fetch(`/${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}

export async function fetchText(path: string): Promise<string> {
  const res = await fetch(`/${path}`);
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return res.text();
}

const loaded = new Map<string, Promise<LoadResult>>();

/** `loadObservations` on a repository file, read once per page (cells share it). */
export function loadFile(path: string, options: LoadOptions = {}): Promise<LoadResult> {
  const key = `${path} ${JSON.stringify(options)}`;
  let p = loaded.get(key);
  if (!p) {
    p = fetchBytes(path).then((bytes) => loadObservations(bytes, { file: path, ...options }));
    loaded.set(key, p);
  }
  return p;
}

/** The region's short name (`Hà Tĩnh`), or its id. */
export function nameOf(id: string): string {
  if (id === 'VN') return 'Cả nước';
  return getRegion(id)?.name ?? id;
}

type Units = '63' | '34';
const GEO: Record<Units, { file: string; object: string; source: 'taliacao63' | 'taliacao34' }> = {
  '63': { file: 'data/geo/vn63_provinces_odv.topojson.json', object: 'diaphantinh_63_fixednames', source: 'taliacao63' },
  '34': { file: 'data/geo/vn34_provinces_odv.topojson.json', object: 'diaphantinhvn_merged', source: 'taliacao34' },
};
const topologies = new Map<Units, Promise<Topology>>();

/** Map features with `properties.region` (a registry id) and `properties.name`. */
export async function provinceFeatures(units: Units = '63'): Promise<GeoJSON.Feature[]> {
  const g = GEO[units];
  let p = topologies.get(units);
  if (!p) {
    p = fetchText(g.file).then((t) => JSON.parse(t) as Topology);
    topologies.set(units, p);
  }
  const topo = await p;
  const fc = feature(topo, topo.objects[g.object] as GeometryCollection) as GeoJSON.FeatureCollection;
  return fc.features.map((f) => {
    const name = String((f.properties as { ten_tinh?: string }).ten_tinh ?? '');
    const region = regionForGeoName(name, g.source)?.id ?? null;
    return { ...f, properties: { region, name: region ? nameOf(region) : name } };
  });
}

export interface MapOptions {
  /** Title. Default: the indicator's label and the period. */
  title?: string;
  /** `63` provinces (default) or the `34` units of 1 July 2025. */
  units?: Units;
  width?: number;
}

/**
 * A choropleth of one indicator and period over the provinces. Provinces without a figure are drawn
 * hatched-grey and named in the tooltip as missing; the archipelagos are labelled.
 */
export async function provinceMap(rows: readonly Observation[], options: MapOptions = {}): Promise<TopLevelSpec> {
  const { units = '63', width = 420 } = options;
  const features = await provinceFeatures(units);
  const by = new Map(rows.map((o) => [o.region, o]));
  const ind = rows[0] ? getIndicator(rows[0].indicator) : null;
  const period = rows[0]?.period ?? '';
  const values = features.map((f) => {
    const region = (f.properties as { region: string | null }).region;
    const o = region ? by.get(region) : undefined;
    return { ...f, properties: { ...f.properties, value: o?.value ?? null, period: o?.period ?? period } };
  });
  const label = ind ? ind.label.vi : (rows[0]?.indicator ?? '');
  const source = sourceLine(rows, 'vi');
  const t = theme('vi');
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: {
      text: options.title ?? `${label}, ${period}`,
      subtitle: [source ?? '', 'Ranh giới: Open Development Vietnam (CC BY-SA 4.0)'].filter(Boolean),
    },
    description: `Bản đồ ${label.toLowerCase()} ${period} theo ${units === '63' ? '63 tỉnh, thành phố' : '34 đơn vị hành chính cấp tỉnh'}; ${rows.filter((o) => o.value !== null).length} địa phương có số liệu.`,
    width,
    height: Math.round(width * 1.6),
    projection: { type: 'mercator' },
    layer: [
      {
        // Every province, grey: one without a figure stays visible as missing, never as zero.
        data: { values },
        mark: { type: 'geoshape', fill: '#e4e4e4', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: { tooltip: [{ field: 'properties.name', title: 'Tỉnh' }] },
      },
      {
        data: { values },
        transform: [{ filter: 'isValid(datum.properties.value)' }],
        mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'properties.value',
            type: 'quantitative',
            title: ind?.unit ?? '',
            scale: { scheme: ind?.lowerIsBetter ? 'orangered' : 'blues' },
            legend: { orient: 'left', direction: 'vertical' },
          },
          tooltip: [
            { field: 'properties.name', title: 'Tỉnh' },
            { field: 'properties.value', title: label, format: ',.1f' },
          ],
        },
      },
      {
        data: { values: [
          { lon: 112.0, lat: 16.9, text: 'QĐ. Hoàng Sa' },
          { lon: 114.0, lat: 10.3, text: 'QĐ. Trường Sa' },
        ] },
        mark: { type: 'text', fontSize: 9, fontStyle: 'italic', color: '#555555', dy: -10 },
        encoding: { longitude: { field: 'lon', type: 'quantitative' }, latitude: { field: 'lat', type: 'quantitative' }, text: { field: 'text' } },
      },
    ],
    config: { ...t, view: { stroke: null } },
  } as TopLevelSpec;
}
