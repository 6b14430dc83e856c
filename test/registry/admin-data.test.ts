import { describe, expect, it } from 'vitest';
import { PROVINCE_MAPPING_HEADER, PROVINCE_MAPPING_ROWS, UNITS_2025_HEADER, UNITS_2025_ROWS } from '../../src/registry/admin-data.js';
import { commaRows } from './files.js';

describe('embedded admin tables equal data/admin', () => {
  it('province_mapping_63_to_34.csv', () => {
    const rows = commaRows('data/admin/province_mapping_63_to_34.csv');
    expect(rows[0]).toEqual([...PROVINCE_MAPPING_HEADER]);
    expect(rows.slice(1)).toEqual(PROVINCE_MAPPING_ROWS.map((r) => [...r]));
    expect(rows.length - 1).toBe(63);
  });

  it('915_CTK-CSCL.csv', () => {
    const rows = commaRows('data/admin/915_CTK-CSCL.csv');
    expect(rows[0]).toEqual([...UNITS_2025_HEADER]);
    expect(rows.slice(1)).toEqual(UNITS_2025_ROWS.map((r) => [...r]));
    expect(rows.length - 1).toBe(34);
  });

  it('every old province merges into one of the 34 units', () => {
    const newCodes = new Set(UNITS_2025_ROWS.map((r) => r[1]));
    for (const r of PROVINCE_MAPPING_ROWS) expect(newCodes.has(r[2]), r.join(',')).toBe(true);
    expect(new Set(PROVINCE_MAPPING_ROWS.map((r) => r[2]))).toEqual(newCodes);
  });
});
