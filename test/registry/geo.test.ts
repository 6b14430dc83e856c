import { describe, expect, it } from 'vitest';
import { geoNameFor, listRegions, matchRegion, regionForGeoName, type GeoSource } from '../../src/registry/index.js';
import { readTopo } from './files.js';

const FILES: { path: string; source: GeoSource; property: string; features: number; regions: number }[] = [
  { path: 'data/geo/vn63_provinces_odv.topojson.json', source: 'taliacao63', property: 'ten_tinh', features: 63, regions: 63 },
  { path: 'data/geo/vn34_provinces_odv.topojson.json', source: 'taliacao34', property: 'ten_tinh', features: 34, regions: 34 },
  { path: 'data/geo/vn63_provinces_geoboundaries.topojson.json', source: 'geoboundaries', property: 'shapeName', features: 64, regions: 63 },
];

describe('every feature of the bundled maps joins to a region', () => {
  for (const f of FILES) {
    it(f.path, () => {
      const topo = readTopo(f.path);
      const [object] = Object.values(topo.objects);
      expect(object.geometries).toHaveLength(f.features);
      const ids = object.geometries.map((g) => {
        const name = String(g.properties[f.property]);
        const r = regionForGeoName(name, f.source);
        expect(r, JSON.stringify(name)).toBeDefined();
        return r!.id;
      });
      const level = f.source === 'taliacao34' ? 'province2025' : 'province';
      const expected = listRegions(level).filter((r) => r.id !== 'ha-tay').map((r) => r.id).sort();
      expect([...new Set(ids)].sort()).toEqual(expected);
      expect(new Set(ids).size).toBe(f.regions);
    });
  }

  it('geoBoundaries quirks: Côn Đảo repeats VN-43 (Bà Rịa - Vũng Tàu), Hà Nội has a trailing tab, Ho Chi Minh has no diacritics', () => {
    const topo = readTopo('data/geo/vn63_provinces_geoboundaries.topojson.json');
    const props = Object.values(topo.objects)[0].geometries.map((g) => g.properties);
    const conDao = props.find((p) => p.shapeName === 'Côn Đảo');
    expect(conDao?.shapeISO).toBe('VN-43');
    expect(regionForGeoName('Côn Đảo', 'geoboundaries')?.id).toBe('77');
    expect(props.some((p) => p.shapeName === 'Hà Nội\t')).toBe(true);
    expect(regionForGeoName('Hà Nội\t', 'geoboundaries')?.id).toBe('01');
    expect(regionForGeoName('Ho Chi Minh', 'geoboundaries')?.id).toBe('79');
    // Côn Đảo is a feature of the map, not a province name in data.
    expect(matchRegion('Côn Đảo').ok).toBe(false);
  });

  it('names are looked up, not guessed: another file\'s spelling does not join', () => {
    expect(regionForGeoName('TP HCM', 'taliacao63')?.id).toBe('79');
    expect(regionForGeoName('TP HCM', 'taliacao34')?.id).toBe('34:79');
    expect(regionForGeoName('TP HCM', 'geoboundaries')).toBeUndefined();
    expect(regionForGeoName('Bắc Kạn', 'taliacao34')).toBeUndefined();
    expect(() => regionForGeoName('Hà Nội', 'osm' as GeoSource)).toThrow(/REGISTRY_UNKNOWN_GEO_SOURCE/);
  });

  it('the reverse lookup gives each file\'s spelling', () => {
    expect(geoNameFor('79', 'taliacao63')).toBe('TP HCM');
    expect(geoNameFor('38', 'taliacao63')).toBe('Thanh Hoá');
    expect(geoNameFor('38', 'geoboundaries')).toBe('Thanh Hóa');
    expect(geoNameFor('34:46', 'taliacao34')).toBe('TP Huế');
    expect(geoNameFor('01', 'geoboundaries')).toBe('Hà Nội\t');
    expect(geoNameFor('VN', 'taliacao63')).toBeUndefined();
  });
});
