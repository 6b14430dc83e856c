// The 2024 district list the extractor embeds is data/admin/districts_2024.csv, row for row.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DISTRICTS_2024 } from '../../src/registry/districts-2024-data.js';
import { getRegion } from '../../src/registry/index.js';

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
});
