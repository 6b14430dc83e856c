/**
 * Joining map features to regions: each bundled TopoJSON file spells province names its own way
 * (`TP HCM`, `Thanh Hoá`, `Hà Nội<TAB>`, `Ho Chi Minh`); data/admin/province_mapping_63_to_34.csv
 * records every spelling, so the join is a lookup, not a guess.
 */
import { fail } from '../errors.js';
import { allGeoNames, getRegion } from './regions.js';
import { cleanName } from './text.js';
import type { Region } from './types.js';

/** The bundled geometry files, by the column of the mapping that holds their spelling. */
export const GeoSource = {
  /** data/geo/vn63_provinces_odv.topojson.json, property `ten_tinh` (the default map). */
  taliacao63: 'taliacao63',
  /** data/geo/vn34_provinces_odv.topojson.json, property `ten_tinh`. */
  taliacao34: 'taliacao34',
  /** data/geo/vn63_provinces_geoboundaries.topojson.json, property `shapeName`. */
  geoboundaries: 'geoboundaries',
} as const;
export type GeoSource = keyof typeof GeoSource;
export function isGeoSource(value: unknown): value is GeoSource {
  return typeof value === 'string' && Object.hasOwn(GeoSource, value);
}

/** Features that are parts of a province rather than provinces: geoBoundaries draws Côn Đảo apart (VN-43). */
const EXTRA_FEATURES: Record<GeoSource, Record<string, string>> = {
  taliacao63: {},
  taliacao34: {},
  geoboundaries: { 'Côn Đảo': '77' },
};

let tables: Record<GeoSource, Map<string, string>> | null = null;

function buildTables(): Record<GeoSource, Map<string, string>> {
  const t: Record<GeoSource, Map<string, string>> = { taliacao63: new Map(), taliacao34: new Map(), geoboundaries: new Map() };
  for (const [code, g] of allGeoNames()) {
    t.taliacao63.set(cleanName(g.taliacao63), code);
    t.geoboundaries.set(cleanName(g.geoboundaries), code);
    const successor = getRegion(code)?.successor;
    if (successor) t.taliacao34.set(cleanName(g.taliacao34), successor);
  }
  for (const s of Object.keys(EXTRA_FEATURES) as GeoSource[]) {
    for (const [name, id] of Object.entries(EXTRA_FEATURES[s])) t[s].set(cleanName(name), id);
  }
  return t;
}

/**
 * The region a map feature's name stands for in one of the bundled geometry files, or `undefined`.
 * Tolerates what cleaning removes (trailing tabs, spaces, NFD, tone placement); otherwise exact.
 */
export function regionForGeoName(name: string, source: GeoSource): Region | undefined {
  if (!isGeoSource(source)) fail('REGISTRY_UNKNOWN_GEO_SOURCE', { value: String(source), allowed: Object.keys(GeoSource).join(', ') });
  tables ??= buildTables();
  const id = tables[source].get(cleanName(String(name ?? '')));
  return id === undefined ? undefined : getRegion(id);
}

/** The name a geometry file gives a region (`'TP HCM'` for `79` in `taliacao63`), or `undefined`. */
export function geoNameFor(id: string, source: GeoSource): string | undefined {
  if (!isGeoSource(source)) fail('REGISTRY_UNKNOWN_GEO_SOURCE', { value: String(source), allowed: Object.keys(GeoSource).join(', ') });
  if (source === 'taliacao34') {
    for (const [code, g] of allGeoNames()) if (getRegion(code)?.successor === id) return g.taliacao34;
    return undefined;
  }
  const g = allGeoNames().find(([code]) => code === id)?.[1];
  return g?.[source];
}
