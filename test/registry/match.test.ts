import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import { getRegion, listRegions, matchRegion, normalizeName, requireMatch, type MatchOptions } from '../../src/registry/index.js';
import { GSO_FILES, commaRows, gsoRowNames, readData, readDataLossy } from './files.js';

function idOf(text: string, options?: MatchOptions): string {
  const m = matchRegion(text, options);
  return m.ok ? m.region.id : `${m.reason}:${m.candidates.map((r) => r.id).join(',')}`;
}

describe('every region name in the GSO exports matches exactly one region', () => {
  for (const file of GSO_FILES) {
    it(file, () => {
      const names = gsoRowNames(readData(file));
      expect(names.length).toBeGreaterThanOrEqual(70);
      const ids = names.map((n) => idOf(n));
      for (const [i, id] of ids.entries()) expect(getRegion(id), `${file} row ${i + 4}: ${JSON.stringify(names[i])} -> ${id}`).toBeDefined();
      // One row per region: no two rows of one table land on the same region.
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids[0]).toBe('VN');
      expect(ids.filter((id) => /^R\d$/.test(id))).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6']);
      expect(ids.filter((id) => /^\d{2}$/.test(id))).toHaveLength(63);
    });
  }

  it('the administrative-units export read as UTF-8 (one byte lost to U+FFFD) still matches', () => {
    const names = gsoRowNames(readDataLossy(GSO_FILES[2]));
    const broken = names.filter((n) => n.includes('\uFFFD'));
    expect(broken).toEqual(['B\uFFFDnh Dinh']);
    expect(idOf(broken[0])).toBe('52');
    expect(names.every((n) => getRegion(idOf(n)) !== undefined)).toBe(true);
  });

  it('the defects the exports carry', () => {
    expect(idOf(' WHOLE COUNTRY')).toBe('VN');
    expect(idOf('Quang  Nam')).toBe('49');
    expect(idOf('Khanh  Hoa')).toBe('56');
    expect(idOf('Thua Thien-Hue')).toBe('46');
    expect(idOf('Thua Thien Hue')).toBe('46');
    expect(idOf('TP.Ho Chi Minh')).toBe('79');
    expect(idOf('Ho Chi Minh city')).toBe('79');
    expect(idOf('Bình Dinh')).toBe('52');
    expect(idOf('Ha Tay')).toBe('ha-tay');
    expect(idOf('North Central area and Central coastal area')).toBe('R3');
    expect(idOf('Northern Central area and Central coastal area')).toBe('R3');
  });
});

describe('every spelling in province_mapping_63_to_34.csv matches', () => {
  const rows = commaRows('data/admin/province_mapping_63_to_34.csv').slice(1);
  it('old names, geometry names (63) -> the old province; new names, 34-unit geometry names -> the unit (asOf 2025-07-01)', () => {
    let checked = 0;
    for (const [code, oldName, newCode, newName, , , gb, t63, t34] of rows) {
      expect(idOf(oldName), oldName).toBe(code);
      expect(idOf(gb.replace(/\\t/g, '\t')), gb).toBe(code);
      expect(idOf(t63), t63).toBe(code);
      expect(idOf(newName, { asOf: '2025-07-01' }), newName).toBe('34:' + newCode);
      expect(idOf(t34, { asOf: '2025-07-01' }), t34).toBe('34:' + newCode);
      expect(idOf(newName, { levels: ['province2025'] }), newName).toBe('34:' + newCode);
      checked += 5;
    }
    expect(checked).toBe(315);
  });

  it('the 915/CTK-CSCL names -> the 34 units', () => {
    for (const [, code, name] of commaRows('data/admin/915_CTK-CSCL.csv').slice(1)) {
      expect(idOf(name, { asOf: '2025-12-31' })).toBe('34:' + code);
    }
  });

  it('every region by its own name, full name and English name, within its level', () => {
    for (const r of listRegions()) {
      for (const text of [r.name, r.fullName, r.nameEn, ...r.aliases]) {
        const m = matchRegion(text, { levels: [r.level] });
        // Two districts are called Kỳ Anh; their full names tell them apart.
        if (!m.ok && m.reason === 'ambiguous' && text === 'Kỳ Anh') continue;
        expect(m.ok && m.region.id, `${r.id}: ${text}`).toBe(r.id);
      }
    }
  });
});

describe('variants of names', () => {
  it('with or without diacritics, any case, stray and double spaces, tabs, NFD', () => {
    for (const t of ['Hà Tĩnh', 'Ha Tinh', 'HÀ TĨNH', 'ha tinh', '  Hà   Tĩnh  ', 'Hà Tĩnh\t', 'Hà Tĩnh'.normalize('NFD'), 'Ha  Tinh\t\t', 'HaTinh']) {
      expect(idOf(t), JSON.stringify(t)).toBe('42');
    }
    expect(idOf('Đắk Lắk')).toBe('66');
    expect(idOf('dak lak')).toBe('66');
    expect(idOf('Đồng Nai')).toBe('75');
    expect(idOf('Dong Nai')).toBe('75');
    for (const [t, id] of [['Hanoi', '01'], ['Haiphong', '31'], ['Danang', '48'], ['Hue', '46'], ['BR-VT', '77'], ['Bà Rịa – Vũng Tàu', '77'], ['Đăk Lăk', '66'], ['Tp. Cần Thơ', '92'], ['TP.Hồ Chí Minh', '79'], ['Hà\u00a0Nội', '01']]) {
      expect(idOf(t), t).toBe(id);
    }
  });

  it('old and new tone placement', () => {
    for (const t of ['Hoà Bình', 'Hòa Bình', 'Hoa Binh', 'Tỉnh Hoà Bình']) expect(idOf(t)).toBe('17');
    for (const t of ['Thanh Hoá', 'Thanh Hóa']) expect(idOf(t)).toBe('38');
    for (const t of ['Khánh Hoà', 'Khánh Hòa']) expect(idOf(t)).toBe('56');
    expect(normalizeName('Hoà Bình', { diacritics: true })).toBe('hòa bình');
    expect(normalizeName('Hoàng Sa', { diacritics: true })).toBe('hoàng sa');
  });

  it('affixes: Tỉnh, TP, TP., T.P, Thành phố, city, province', () => {
    for (const t of ['Tỉnh Bắc Kạn', 'tinh Bac Kan', 'Bac Kan province', 'Bắc Kạn']) expect(idOf(t)).toBe('06');
    for (const t of ['TP Hà Nội', 'TP. Hà Nội', 'TP.Hà Nội', 'T.P Hà Nội', 'T.P. Hà Nội', 'Thành phố Hà Nội', 'thanh pho ha noi', 'Ha Noi city', 'Hà Nội']) {
      expect(idOf(t), t).toBe('01');
    }
    for (const t of ['TP HCM', 'TP.HCM', 'TPHCM', 'HCM', 'Sài Gòn', 'Saigon', 'Thành phố Hồ Chí Minh', 'TP. Hồ Chí Minh', 'Ho Chi Minh City', 'Ho Chi Minh']) {
      expect(idOf(t), t).toBe('79');
    }
    for (const t of ['Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Thua Thien-Hue', 'Thua Thien Hue', 'TP Huế', 'Thành phố Huế']) expect(idOf(t), t).toBe('46');
    expect(normalizeName('TP.Hồ Chí Minh')).toBe('ho chi minh');
    expect(normalizeName('TPHCM')).toBe('tphcm');
    expect(normalizeName('Thanh Phong')).toBe('thanh phong');
    expect(normalizeName('Phuongxa')).toBe('phuongxa');
    expect(normalizeName('THÀNH PHỐ HÀ NỘI')).toBe('ha noi');
    expect(normalizeName('Tỉnh  Thừa Thiên-Huế\t')).toBe('thua thien hue');
  });

  it('a city prefix on a province that is not a city is refused, not guessed (TP Hà Tĩnh is a city inside Hà Tĩnh)', () => {
    const m = matchRegion('TP Hà Tĩnh');
    expect(m.ok).toBe(false);
    expect(!m.ok && m.reason).toBe('unknown');
  });

  it('the country and the regions', () => {
    for (const t of ['WHOLE COUNTRY', 'Whole country', 'Cả nước', 'CẢ NƯỚC', 'Toàn quốc', 'Toan quoc', 'Việt Nam', 'Viet Nam', 'VN']) expect(idOf(t), t).toBe('VN');
    expect(idOf('Đồng bằng sông Hồng')).toBe('R1');
    expect(idOf('Red River Delta')).toBe('R1');
    expect(idOf('Trung du và miền núi phía Bắc')).toBe('R2');
    expect(idOf('Northern midlands and mountain areas')).toBe('R2');
    expect(idOf('Bắc Trung Bộ và Duyên hải miền Trung')).toBe('R3');
    expect(idOf('Tây Nguyên')).toBe('R4');
    expect(idOf('Central Highlands')).toBe('R4');
    expect(idOf('Đông Nam Bộ')).toBe('R5');
    expect(idOf('South East')).toBe('R5');
    expect(idOf('Đồng bằng sông Cửu Long')).toBe('R6');
    expect(idOf('ĐBSCL')).toBe('R6');
    expect(idOf('Mekong River Delta')).toBe('R6');
    // Abbreviations of the quoted press figures (data/quoted).
    expect(idOf('TD&MNPB')).toBe('R2');
    expect(idOf('BTB & DHMT')).toBe('R3');
    expect(idOf('ĐBSH')).toBe('R1');
    expect(idOf('DBSCL')).toBe('R6');
    expect(idOf('Đông Nam Bộ')).toBe('R5');
  });

  it('ids match themselves', () => {
    expect(idOf('42')).toBe('42');
    expect(idOf('34:42')).toBe('34:42');
    expect(idOf('42-duc-tho')).toBe('42-duc-tho');
    expect(idOf('34:42', { levels: ['province'] })).toBe('unknown:34:42');
  });
});

describe('districts and ambiguity', () => {
  it('districts named with their kind', () => {
    expect(idOf('huyện Đức Thọ')).toBe('42-duc-tho');
    expect(idOf('Huyện Đức Thọ')).toBe('42-duc-tho');
    expect(idOf('Duc Tho district')).toBe('42-duc-tho');
    expect(idOf('thị xã Kỳ Anh')).toBe('42-tx-ky-anh');
    expect(idOf('TX Kỳ Anh')).toBe('42-tx-ky-anh');
    expect(idOf('Ky Anh town')).toBe('42-tx-ky-anh');
    expect(idOf('huyện Kỳ Anh')).toBe('42-ky-anh');
    expect(idOf('huyện An Minh')).toBe('91-an-minh');
    expect(idOf('huyện Gò Quao')).toBe('91-go-quao');
    expect(idOf('huyện Giồng Riềng')).toBe('91-giong-rieng');
    expect(idOf('Giong Rieng', { levels: ['district'] })).toBe('91-giong-rieng');
  });

  it('communes, wards and townships the seeds name, under their district', () => {
    expect(idOf('thị trấn Đức Thọ')).toBe('42-duc-tho-tt-duc-tho');
    expect(idOf('TT Đức Thọ')).toBe('42-duc-tho-tt-duc-tho');
    expect(idOf('xã Kỳ Hà')).toBe('42-tx-ky-anh-ky-ha');
    expect(idOf('phường Kỳ Phương')).toBe('42-tx-ky-anh-p-ky-phuong');
    expect(idOf('Phuong Ky Phuong')).toBe('42-tx-ky-anh-p-ky-phuong');
    expect(getRegion('42-duc-tho-tt-duc-tho')).toMatchObject({ level: 'commune', parent: '42-duc-tho', successor: '34:42' });
    // Đức Thọ is the district and the township: the affix decides, the bare name with both levels is ambiguous.
    expect(idOf('Đức Thọ', { levels: ['district', 'commune'] })).toBe('ambiguous:42-duc-tho,42-duc-tho-tt-duc-tho');
    expect(idOf('huyện Đức Thọ', { levels: ['district', 'commune'] })).toBe('42-duc-tho');
    expect(idOf('xã Đức Thọ')).toMatch(/^unknown/);
  });

  it('an apparent affix that is part of the name: TT Huế is Thừa Thiên Huế', () => {
    expect(idOf('TT Huế')).toBe('46');
    expect(idOf('TT-Huế')).toBe('46');
  });

  it('Kỳ Anh alone is the town or the district: ambiguous', () => {
    const m = matchRegion('Kỳ Anh', { levels: ['district'] });
    expect(m.ok).toBe(false);
    if (!m.ok) {
      expect(m.reason).toBe('ambiguous');
      expect(m.candidates.map((r) => r.id).sort()).toEqual(['42-ky-anh', '42-tx-ky-anh']);
    }
    expect(idOf('Ky Anh', { asOf: '2023-06-01' })).toBe('ambiguous:42-tx-ky-anh,42-ky-anh');
    // A district prefix on a district of another kind does not match.
    expect(idOf('thị xã Đức Thọ')).toMatch(/^unknown/);
  });

  it('Hà Tĩnh is an old province and a 2025 unit: levels or asOf decide, else ambiguous', () => {
    expect(idOf('Hà Tĩnh')).toBe('42'); // default levels: the 63
    expect(idOf('Hà Tĩnh', { levels: ['province', 'province2025'] })).toBe('ambiguous:34:42,42');
    expect(idOf('Hà Tĩnh', { levels: ['province2025'] })).toBe('34:42');
    expect(idOf('Hà Tĩnh', { asOf: '2025-07-01' })).toBe('34:42');
    expect(idOf('Hà Tĩnh', { asOf: '2025-06-30' })).toBe('42');
    expect(idOf('Hà Tĩnh', { asOf: new Date('2024-01-01') })).toBe('42');
    expect(idOf('Hà Tĩnh', { asOf: '2025' })).toBe('ambiguous:34:42,42');
    expect(idOf('Hà Tĩnh', { asOf: '2025-07' })).toBe('34:42');
  });

  it('a unit outside the date asked for is unknown, and named as a candidate', () => {
    expect(idOf('Bắc Kạn', { asOf: '2025-07-01' })).toBe('unknown:06');
    expect(idOf('Hà Tây', { asOf: '2010' })).toBe('unknown:ha-tay');
    expect(idOf('Hà Tây', { asOf: '2008-07-31' })).toBe('ha-tay');
    expect(idOf('Hà Nội', { asOf: '2008-08-01' })).toBe('01');
  });

  it('remembered answers are the same and cannot be changed by a caller', () => {
    const a = matchRegion('Kỳ Anh', { levels: ['district'] });
    const b = matchRegion('Kỳ Anh', { levels: ['district'] });
    expect(b).toBe(a);
    expect(!a.ok && Object.isFrozen(a.candidates)).toBe(true);
    // Options are part of what is remembered.
    expect(idOf('Hà Tĩnh', { asOf: '2025-07-01' })).toBe('34:42');
    expect(idOf('Hà Tĩnh', { asOf: '2025-06-30' })).toBe('42');
    expect(idOf('Hà Tĩnh', { levels: ['province2025'] })).toBe('34:42');
    expect(idOf('Hà Tĩnh')).toBe('42');
  });

  it('unknown names are unknown, never the closest guess', () => {
    expect(idOf('Hà Tỉnh Nam')).toBe('unknown:');
    expect(idOf('')).toBe('unknown:');
    expect(idOf('TP')).toBe('unknown:');
    expect(idOf('Quảng')).toBe('unknown:');
  });

  it('requireMatch throws bilingual errors naming the candidates', () => {
    expect(requireMatch('Bình Dinh').id).toBe('52');
    let err: unknown;
    try { requireMatch('Kỳ Anh', { levels: ['district'] }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ChisoError);
    expect((err as ChisoError).code).toBe('REGISTRY_AMBIGUOUS');
    expect((err as ChisoError).text('vi')).toMatch(/Thị xã Kỳ Anh/);
    expect((err as ChisoError).text('en')).toMatch(/could be several units/);
    expect(() => requireMatch('Atlantis')).toThrow(/REGISTRY_NO_MATCH/);
    try { requireMatch('Atlantis', {}, { file: 'x.csv', row: 7, column: 'Tỉnh' }); } catch (e) { err = e; }
    expect((err as ChisoError).text('vi')).toMatch(/^x\.csv, dòng 7, cột "Tỉnh": Không nhận ra địa danh "Atlantis"/);
    expect((err as ChisoError).row).toBe(7);
    expect(() => matchRegion('Hà Tĩnh', { asOf: '30/6/2025' })).toThrow(/REGISTRY_BAD_AS_OF/);
    expect(() => matchRegion('Hà Tĩnh', { levels: ['village' as never] })).toThrow(/village/);
  });

  it('no two regions of one level share a name once diacritics are folded, except the two Kỳ Anh', () => {
    for (const level of ['region', 'province', 'province2025', 'district', 'commune'] as const) {
      const seen = new Map<string, string>();
      for (const r of listRegions(level)) {
        const k = normalizeName(r.name);
        if (seen.has(k)) expect([seen.get(k), r.id].sort()).toEqual(['42-ky-anh', '42-tx-ky-anh']);
        seen.set(k, r.id);
      }
    }
  });
});
