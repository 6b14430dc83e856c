// Readers see who published a figure, named as on the figure's date, never a path of the repository.
import { describe, expect, it } from 'vitest';
import { sourceLine, sourceText } from '../../src/charts/common.js';
import { sourceEntries } from '../../src/components/source/source.component.js';
import { EXPORT_COLUMNS, observationsToCSV, withRegionNames } from '../../src/components/core/csv.js';
import { agencyName } from '../../src/registry/agencies.js';
import { load } from './helpers.js';

describe('provenance for readers', () => {
  it('names GSO as it was named on the figure date: Tổng cục Thống kê, then Cục Thống kê (Bộ Tài chính) from March 2025', () => {
    expect(agencyName('gso', '2016-12-31')?.vi).toBe('Tổng cục Thống kê');
    expect(agencyName('gso', '2025-02-28')?.vi).toBe('Tổng cục Thống kê');
    expect(agencyName('gso', '2025-03-01')?.vi).toBe('Cục Thống kê (Bộ Tài chính)');
    const src = 'data/gso/raw/poverty_rate_by_province.csv#row=4&column=2016';
    expect(sourceText({ source: src, period: '2016' }, 'vi')).toBe('Tổng cục Thống kê (poverty_rate_by_province.csv)');
    expect(sourceText({ source: src, period: '2025' }, 'vi')).toBe('Cục Thống kê (Bộ Tài chính) (poverty_rate_by_province.csv)');
    expect(sourceText({ source: src, period: '2025' }, 'en')).toContain('National Statistics Office');
  });

  it('lists sources by outlet and date in <chiso-source>, never by a repository path', () => {
    const seeds = load('data/observations/seeds.csv');
    const entries = sourceEntries(seeds, 'vi');
    expect(entries.length).toBe(5);
    for (const e of entries) {
      expect(e.label).not.toMatch(/data\/|\.txt|seeds/);
      expect(e.label.length).toBeGreaterThan(3);
    }
    expect(entries.map((e) => e.label)).toContain('Ban Tuyên giáo Huyện ủy Đức Thọ, 07/05/2024');
    expect(sourceLine(seeds, 'vi')).not.toMatch(/data\/|\.txt/);
  });

  it('exports CSV with the region name beside its code', () => {
    const rows = load('data/observations/poverty_rate.csv').filter((o) => o.period === '2014' && ['VN', '42', 'ha-tay'].includes(o.region));
    const csv = observationsToCSV(withRegionNames(rows, 'vi'), EXPORT_COLUMNS);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0].split(',').slice(0, 4)).toEqual(['indicator', 'region', 'region_name', 'period']);
    expect(csv).toContain('poverty_rate,VN,Cả nước,2014');
    expect(csv).toContain('poverty_rate,42,Hà Tĩnh,2014');
    expect(observationsToCSV(withRegionNames(rows, 'en'), EXPORT_COLUMNS)).toContain('poverty_rate,42,Ha Tinh,2014');
  });
});
