import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import { canConvert, convertUnit, listIndicators, listUnits, normalizeUnit, unitLabel } from '../../src/registry/index.js';

describe('unit conversions', () => {
  it('60,2 triệu đồng/người/năm (Đức Thọ) is 5016,67 nghìn đồng/người/tháng, and back', () => {
    const monthly = convertUnit(60.2, 'triệu đồng/người/năm', 'nghìn đồng/người/tháng');
    expect(monthly).toBeCloseTo(5016.67, 2);
    expect(convertUnit(monthly, 'nghìn đồng/người/tháng', 'triệu đồng/người/năm')).toBeCloseTo(60.2, 10);
  });

  it('triệu đồng/người/tháng (quoted 2022-2024) to and from GSO\'s unit', () => {
    expect(convertUnit(5.4, 'triệu đồng/người/tháng', 'nghìn đồng/người/tháng')).toBeCloseTo(5400, 9);
    expect(convertUnit(3049, 'nghìn đồng/người/tháng', 'triệu đồng/người/tháng')).toBeCloseTo(3.049, 12);
    expect(convertUnit(8.937, 'triệu đồng/người/tháng', 'triệu đồng/người/năm')).toBeCloseTo(107.244, 9);
    expect(convertUnit(1200, 'nghìn đồng/người/năm', 'nghìn đồng/người/tháng')).toBe(100);
  });

  it('sums of money', () => {
    expect(convertUnit(15, 'tỷ đồng', 'triệu đồng')).toBe(15000);
    expect(convertUnit(600, 'triệu đồng', 'tỷ đồng')).toBeCloseTo(0.6, 12);
    expect(convertUnit(5.3, 'tỷ đồng', 'đồng')).toBe(5_300_000_000);
  });

  it('identity and null', () => {
    expect(convertUnit(3.58, '%', '%')).toBe(3.58);
    expect(convertUnit(null, 'tỷ đồng', 'triệu đồng')).toBeNull();
    expect(convertUnit(8, 'xã', 'xã')).toBe(8);
  });

  it('no conversion across dimensions: a bilingual ChisoError', () => {
    let err: unknown;
    try { convertUnit(60.2, 'triệu đồng/người/năm', 'triệu đồng'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ChisoError);
    expect((err as ChisoError).code).toBe('REGISTRY_NO_CONVERSION');
    expect((err as ChisoError).text('vi')).toMatch(/Không quy đổi được từ "triệu đồng\/người\/năm" sang "triệu đồng"/);
    expect((err as ChisoError).text('en')).toMatch(/Cannot convert/);
    expect(() => convertUnit(13, 'tập thể', 'cá nhân')).toThrow(/REGISTRY_NO_CONVERSION/);
    expect(() => convertUnit(1, '%', 'xã')).toThrow(/REGISTRY_NO_CONVERSION/);
    expect(canConvert('tập thể', 'cá nhân')).toBe(false);
    expect(canConvert('triệu đồng/người/năm', 'nghìn đồng/người/tháng')).toBe(true);
  });

  it('unknown units name themselves and close units', () => {
    let err: unknown;
    try { convertUnit(1, 'triệu đồng/người/ngày', 'triệu đồng'); } catch (e) { err = e; }
    expect((err as ChisoError).code).toBe('REGISTRY_UNKNOWN_UNIT');
    expect((err as ChisoError).text('en')).toMatch(/"triệu đồng\/người\/ngày".*close units: .*triệu đồng/);
    expect(() => unitLabel('furlong', 'en')).toThrow(/furlong/);
  });

  it('labels in both languages for every unit; every indicator unit is known', () => {
    for (const u of listUnits()) {
      expect(unitLabel(u, 'vi')).toBeTruthy();
      expect(unitLabel(u, 'en')).toMatch(/^[\x20-\x7E]+$/);
    }
    for (const u of ['%', 'nghìn đồng/người/tháng', 'triệu đồng/người/năm', 'triệu đồng/người/tháng', 'triệu đồng', 'tỷ đồng', 'xã', 'đơn vị', 'tổ chức', 'tiêu chí', 'mô hình', 'tập thể', 'cá nhân', 'người', 'căn nhà', 'đợt']) {
      expect(listUnits()).toContain(u);
    }
    expect(unitLabel('triệu đồng/người/năm', 'en')).toBe('million VND per person per year');
    expect(unitLabel('tập thể', 'en')).toBe('collectives');
    for (const ind of listIndicators()) {
      for (const u of [ind.unit, ...(ind.altUnits ?? []), ...Object.values(ind.seriesUnits ?? {})]) expect(listUnits(), `${ind.id}: ${u}`).toContain(u);
      for (const u of ind.altUnits ?? []) expect(canConvert(u, ind.unit), `${ind.id}: ${u}`).toBe(true);
    }
  });

  it('written units normalize to ids', () => {
    expect(normalizeUnit('triệu đồng/ người/ năm')).toBe('triệu đồng/người/năm');
    expect(normalizeUnit('Tỉ đồng')).toBe('tỷ đồng');
    expect(normalizeUnit('ngàn đồng/người/tháng')).toBe('nghìn đồng/người/tháng');
    expect(normalizeUnit('nhà')).toBe('căn nhà');
    expect(normalizeUnit('%')).toBe('%');
    expect(normalizeUnit('dặm')).toBeUndefined();
  });
});
