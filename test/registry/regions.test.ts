import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import {
  getRegion, listRegions, matchRegion, predecessors, requireRegion, successorOf, geoNamesOf,
} from '../../src/registry/index.js';
import { cleanName } from '../../src/registry/text.js';
import { GSO_FILES, commaRows, gsoRowNames, readData } from './files.js';

describe('region list', () => {
  it('has the country, six regions, 63 + Hà Tây provinces, 34 units and the seed districts and communes', () => {
    expect(listRegions('country').map((r) => r.id)).toEqual(['VN']);
    expect(listRegions('region').map((r) => r.id)).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
    const provinces = listRegions('province');
    expect(provinces).toHaveLength(64);
    expect(provinces.filter((r) => /^\d{2}$/.test(r.id))).toHaveLength(63);
    expect(listRegions('province2025')).toHaveLength(34);
    expect(listRegions('district').map((r) => r.id).sort()).toEqual(
      ['42-duc-tho', '42-ky-anh', '42-tx-ky-anh', '91-an-minh', '91-giong-rieng', '91-go-quao'],
    );
    expect(listRegions('commune').map((r) => r.id).sort()).toEqual(
      ['42-duc-tho-tt-duc-tho', '42-tx-ky-anh-ky-ha', '42-tx-ky-anh-p-ky-phuong'],
    );
    for (const r of listRegions()) if (r.parent !== null) expect(getRegion(r.parent), r.id).toBeDefined();
  });

  it('rejects an unknown level with the bad value', () => {
    expect(() => listRegions('village' as never)).toThrow(/village/);
  });

  it('each old province carries its official name, GSO code and end date from the mapping', () => {
    const rows = commaRows('data/admin/province_mapping_63_to_34.csv').slice(1);
    for (const [code, official, newCode] of rows) {
      const r = requireRegion(code);
      expect(r.level).toBe('province');
      expect(r.fullName).toBe(cleanName(official));
      expect(r.validTo).toBe('2025-06-30');
      expect(r.successor).toBe('34:' + newCode);
      expect(successorOf(code)).toBe('34:' + newCode);
      expect(r.nameEn).toMatch(/^[A-Za-z .-]+$/);
    }
  });

  it('the 34 units come from letter 915/CTK-CSCL, valid from 1 July 2025', () => {
    const rows = commaRows('data/admin/915_CTK-CSCL.csv').slice(1);
    for (const [, code, name] of rows) {
      const r = requireRegion('34:' + code);
      expect(r.level).toBe('province2025');
      expect(r.validFrom).toBe('2025-07-01');
      expect(r.validTo).toBeNull();
      expect(name.endsWith(r.name)).toBe(true);
      expect(r.nameEn).toMatch(/^[A-Za-z .-]+$/);
    }
  });

  it('predecessors partition the 63 provinces among the 34 units', () => {
    const all = listRegions('province2025').flatMap((u) => predecessors(u.id));
    expect(all).toHaveLength(63);
    expect(new Set(all).size).toBe(63);
    expect(predecessors('34:19')).toEqual(['06', '19']); // Bắc Kạn + Thái Nguyên
    expect(predecessors('34:91')).toEqual(['89', '91']); // An Giang + Kiên Giang
    expect(predecessors('34:42')).toEqual(['42']); // Hà Tĩnh unchanged
    expect(predecessors('34:75')).toEqual(['70', '75']); // Bình Phước + Đồng Nai
    expect(predecessors('42')).toEqual([]);
    for (const old of all) expect(predecessors(successorOf(old)!)).toContain(old);
  });

  it('seed examples from the contract', () => {
    expect(getRegion('42')?.name).toBe('Hà Tĩnh');
    // The mapping writes `Tỉnh Hoà Bình` (old tone placement) beside `Tỉnh Khánh Hòa`; display uses one style.
    expect(getRegion('17')).toMatchObject({ name: 'Hòa Bình', fullName: 'Tỉnh Hòa Bình', nameEn: 'Hoa Binh' });
    expect(getRegion('34:56')?.name).toBe('Khánh Hòa');
    expect(getRegion('42')?.fullName).toBe('Tỉnh Hà Tĩnh');
    expect(getRegion('42')?.nameEn).toBe('Ha Tinh');
    expect(getRegion('06')?.successor).toBe('34:19');
    expect(getRegion('91')?.successor).toBe('34:91');
    expect(getRegion('34:19')?.name).toBe('Thái Nguyên');
    expect(getRegion('79')?.nameEn).toBe('Ho Chi Minh City');
    expect(getRegion('ha-tay')).toMatchObject({ level: 'province', validTo: '2008-07-31', successor: '01', parent: 'R1' });
    expect(getRegion('42-duc-tho')).toMatchObject({ level: 'district', fullName: 'Huyện Đức Thọ', parent: '42', validTo: '2025-06-30', successor: '34:42' });
    expect(getRegion('42-tx-ky-anh')?.fullName).toBe('Thị xã Kỳ Anh');
    expect(getRegion('42-ky-anh')?.fullName).toBe('Huyện Kỳ Anh');
    expect(getRegion('91-an-minh')?.successor).toBe('34:91');
  });

  it('unknown ids: getRegion gives undefined, requireRegion a bilingual ChisoError with close ids', () => {
    expect(getRegion('43')).toBeUndefined();
    let err: unknown;
    try { requireRegion('34:4'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ChisoError);
    const e = err as ChisoError;
    expect(e.code).toBe('REGISTRY_UNKNOWN_REGION');
    expect(e.text('vi')).toMatch(/Không có đơn vị hành chính mã "34:4"/);
    expect(e.text('en')).toMatch(/close ids: .*34:4/);
  });

  it('parent regions follow GSO: in the poverty table each region row is followed by its provinces', () => {
    const names = gsoRowNames(readData(GSO_FILES[0]));
    let current: string | null = null;
    let provinces = 0;
    for (const name of names) {
      const m = matchRegion(name);
      expect(m.ok, name).toBe(true);
      if (!m.ok) continue;
      if (m.region.level === 'region') current = m.region.id;
      else if (m.region.level === 'province') {
        expect(m.region.parent, name).toBe(current);
        provinces++;
      }
    }
    expect(provinces).toBe(64); // 63 + Hà Tây
  });

  it('geometry spellings of each province come from the mapping', () => {
    expect(geoNamesOf('01')?.geoboundaries).toBe('Hà Nội\t');
    expect(geoNamesOf('79')?.taliacao63).toBe('TP HCM');
    expect(geoNamesOf('VN')).toBeUndefined();
  });
});
