// Figures and periods written for the ear: what the walk announces and what screen readers get of a
// chart's description.
import { describe, expect, it } from 'vitest';
import { forEar, spokenPeriod, spokenUnit, spokenValue } from '../../src/format/spoken.js';
import { describeLine } from '../../src/charts/index.js';
import { gsoPoverty } from '../charts/helpers.js';

describe('spoken figures', () => {
  it('says units, qualifiers and fractions in words', () => {
    expect(spokenValue({ value: 12.3, unit: '%' })).toBe('12,3 phần trăm');
    expect(spokenValue({ value: 12.3, unit: '%' }, 'en')).toBe('12.3 per cent');
    expect(spokenValue({ value: 98, unit: '%', qualifier: '>' })).toBe('trên 98 phần trăm');
    expect(spokenValue({ value: 30, denominator: 31, unit: 'tổ chức' })).toBe('30 trên 31 tổ chức');
    expect(spokenValue({ value: 8, denominator: 9, unit: '%' }, 'en')).toBe('8 of 9');
    expect(spokenValue({ value: 4485, unit: 'nghìn đồng/người/tháng' })).toBe('4.485 nghìn đồng mỗi người mỗi tháng');
    expect(spokenUnit('‰')).toBe('phần nghìn');
    expect(spokenValue({ value: null, unit: '%' }, 'vi', { missing: 'Không có số liệu' })).toBe('Không có số liệu');
  });

  it('says periods with their noun and a range with "đến"', () => {
    expect(spokenPeriod('2016')).toBe('năm 2016');
    expect(spokenPeriod('2016-2020')).toBe('năm 2016 đến 2020');
    expect(spokenPeriod('2024-05')).toBe('tháng 5 năm 2024');
    expect(spokenPeriod('2016-2020', 'en')).toBe('2016 to 2020');
  });

  it('rewrites a written description for the ear, leaving words and dates readable', () => {
    expect(forEar('giảm từ 12,3% năm 2016–2020 xuống >98%; 30/31 tổ chức; 4.485 nghìn đồng/người/tháng (9,8–12,2%)')).toBe(
      'giảm từ 12,3 phần trăm năm 2016 đến 2020 xuống trên 98 phần trăm; 30 trên 31 tổ chức; 4.485 nghìn đồng mỗi người mỗi tháng (9,8 đến 12,2 phần trăm)',
    );
    // A month and a day are no fractions.
    expect(forEar('tháng 5/2024, ngày 07/05/2024')).toBe('tháng 5 năm 2024, ngày 7 tháng 5 năm 2024');
    expect(forEar('fell from 12.3% to ~3%', 'en')).toBe('fell from 12.3 per cent to about 3 per cent');
  });

  it('a line chart’s description read aloud has no sign a voice would drop', () => {
    const text = forEar(describeLine(gsoPoverty().filter((o) => ['42', 'VN'].includes(o.region)), {}, 'vi'));
    expect(text).toContain('phần trăm');
    expect(text).not.toMatch(/[%‰<>~–]/);
  });
});
