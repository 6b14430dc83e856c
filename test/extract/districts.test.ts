// The 2024 district list the extractor embeds is data/admin/districts_2024.csv, row for row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTRICTS_2024 } from '../../src/registry/districts-2024-data.js';
import { getRegion, listRegions } from '../../src/registry/index.js';
import { district2024Region, listDistricts2024 } from '../../src/registry/districts-2024.js';

const csv = readFileSync(new URL('../../data/admin/districts_2024.csv', import.meta.url), 'utf8').split('\n').filter((l) => l !== '');

describe('the 2024 district list', () => {
  it('embeds the CSV as it stands (rewrite with node scripts/districts-2024.mjs)', () => {
    expect(csv[0]).toBe('province_code,province_name,district_code,district_type,district_name');
    const rows = csv.slice(1).map((l) => l.split(','));
    expect(DISTRICTS_2024.split('\n')).toEqual(rows.map((r) => [r[0], r[2], r[3], r[4]].join('|')));
  });

  it('lists 696 units, each in one of the 63 provinces, with a type its name starts with', () => {
    const lines = DISTRICTS_2024.split('\n').map((l) => l.split('|'));
    expect(lines).toHaveLength(696);
    for (const [province, code, type, name] of lines) {
      expect(getRegion(province)?.level, province).toBe('province');
      expect(code).toMatch(/^\d{3}$/);
      expect(['Quận', 'Huyện', 'Thị xã', 'Thành phố']).toContain(type);
      // GSO writes a few with capitals ("Thị Xã Mường Lay"); the data keeps them as written.
      expect(name.toLowerCase().startsWith(type.toLowerCase() + ' '), name).toBe(true);
    }
    expect(lines.find((l) => l[3] === 'Huyện Can Lộc')?.[0]).toBe('42');
  });

  it('gives every unit one id in the registry\'s style, the registry\'s own districts included', () => {
    const ids = listDistricts2024().map((d) => d.id);
    expect(new Set(ids).size).toBe(696);
    for (const r of listRegions('district')) expect(ids, r.id).toContain(r.id);
    expect(ids).toEqual(expect.arrayContaining(['42-can-loc', '42-tx-ky-anh', '42-ky-anh', '82-tx-cai-lay', '82-cai-lay', '82-tp-my-tho', '79-q-1', '86-vung-liem']));
  });

  it('reads a district id as a district of its province, valid until the reform', () => {
    expect(district2024Region('42-can-loc')).toEqual({
      id: '42-can-loc', level: 'district', name: 'Can Lộc', fullName: 'Huyện Can Lộc', nameEn: 'Can Loc district', parent: '42',
      validFrom: null, validTo: '2025-06-30', successor: '34:42', aliases: [],
    });
    // The registry's own wins; a province, a commune or a made-up id is not a district of 2024.
    expect(district2024Region('42-duc-tho')).toBe(getRegion('42-duc-tho'));
    for (const id of ['42', '42-tx-ky-anh-ky-ha', '42-can-locc', '99-can-loc']) expect(district2024Region(id), id).toBeUndefined();
  });
});
