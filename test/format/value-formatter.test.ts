import { describe, expect, it } from 'vitest';
import { valueFormatter } from '../../src/format/index.js';

describe('valueFormatter', () => {
  it('gives every figure of an indicator the decimals the chart shows', () => {
    const rows = [
      { indicator: 'poverty_rate', value: 7, unit: '%' },
      { indicator: 'poverty_rate', value: 6.5, unit: '%' },
      { indicator: 'income_per_capita', value: 2074, unit: 'nghìn đồng/người/tháng' },
      { indicator: 'party_org_registration', value: 30, denominator: 31, unit: 'tổ chức' },
    ];
    const f = valueFormatter(rows, 'vi');
    expect(f(rows[0])).toBe('7,0%');
    expect(f(rows[1])).toBe('6,5%');
    expect(f(rows[2])).toBe('2.074 nghìn đồng/người/tháng');
    expect(f(rows[3])).toBe('30/31 tổ chức');
    expect(valueFormatter(rows, 'en')(rows[0])).toBe('7.0%');
  });
});
