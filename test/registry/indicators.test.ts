import { describe, expect, it } from 'vitest';
import { ChisoError } from '../../src/errors.js';
import { getIndicator, isIndicatorId, isIndicatorKind, listIndicators, matchSeries, matchTier, unitFor } from '../../src/registry/index.js';
import { GSO_FILES, readData } from './files.js';

const REQUIRED = [
  'poverty_rate', 'near_poor_rate', 'income_per_capita', 'admin_units', 'new_rural_communes', 'new_rural_share',
  'civilized_urban_criteria', 'study_participation', 'party_org_registration', 'exemplary_models', 'commendations',
  'self_review_sessions', 'inspections', 'social_support', 'social_support_beneficiaries',
];

/** Sub-series names of a GSO wide export: `2010 Salary & wage` -> `Salary & wage`. */
function gsoSeries(path: string): string[] {
  const header = readData(path).split(/\r?\n/)[2].split(';').slice(1).map((c) => c.replace(/^"|"$/g, ''));
  return [...new Set(header.map((c) => c.replace(/^(Pre\. )?\d{4} /, '')))];
}

describe('indicator catalogue', () => {
  it('has every indicator the seeds and GSO tables report, well formed', () => {
    const ids = listIndicators().map((i) => i.id);
    for (const id of REQUIRED) expect(ids).toContain(id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const ind of listIndicators()) {
      expect(ind.id).toMatch(/^[a-z][a-z0-9_]*$/);
      expect(ind.label.vi && ind.label.en).toBeTruthy();
      expect(isIndicatorKind(ind.kind)).toBe(true);
      expect([true, false, null]).toContain(ind.lowerIsBetter);
      for (const b of ind.breaks) expect(b.label.vi && b.label.en).toBeTruthy();
      for (const id of Object.keys(ind.seriesUnits ?? {})) expect(Object.keys(ind.series ?? {})).toContain(id);
      for (const id of Object.values(ind.seriesAliases ?? {})) expect(Object.keys(ind.series ?? {})).toContain(id);
    }
  });

  it('poverty_rate: %, lower is better, breaks after 2010, 2015, 2020', () => {
    const p = getIndicator('poverty_rate');
    expect(p).toMatchObject({ unit: '%', lowerIsBetter: true, kind: 'rate' });
    expect(p.breaks.map((b) => b.after)).toEqual([2010, 2015, 2020]);
    expect(p.breaks[1].label.vi).toMatch(/đa chiều.*2016-2020/);
    expect(p.breaks[2].label.en).toMatch(/2021-2025/);
    expect(getIndicator('near_poor_rate').breaks).toEqual(p.breaks);
  });

  it('income_per_capita: GSO unit and the five income sources of the GSO export', () => {
    const inc = getIndicator('income_per_capita');
    expect(inc).toMatchObject({ unit: 'nghìn đồng/người/tháng', lowerIsBetter: false, kind: 'amount' });
    expect(inc.altUnits).toEqual(expect.arrayContaining(['triệu đồng/người/năm', 'triệu đồng/người/tháng']));
    const series = gsoSeries(GSO_FILES[1]);
    expect(series).toEqual(['Total', 'Salary & wage', 'Agriculture, forestry & fishery', 'Non-agriculture, forestry & fishery', 'Others']);
    expect(series.map((s) => matchSeries('income_per_capita', s))).toEqual(['total', 'salary_wage', 'agriculture', 'non_agriculture', 'other']);
    expect(inc.series?.salary_wage).toEqual({ vi: 'Tiền lương, tiền công', en: 'Salary & wage' });
  });

  it('admin_units: the seven unit types of the GSO export', () => {
    const series = gsoSeries(GSO_FILES[2]);
    expect(series).toHaveLength(7);
    expect(series.map((s) => matchSeries('admin_units', s))).toEqual(
      ['cities_under_province', 'urban_districts', 'towns', 'rural_districts', 'wards', 'town_districts', 'communes'],
    );
    expect(getIndicator('admin_units')).toMatchObject({ kind: 'count', unit: 'đơn vị', lowerIsBetter: null });
  });

  it('new-rural tiers, fractions, series units', () => {
    expect(getIndicator('new_rural_communes').tiers?.map((t) => t.id)).toEqual(['standard', 'advanced', 'model']);
    expect(matchTier('new_rural_communes', 'kiểu mẫu')).toBe('model');
    expect(matchTier('new_rural_communes', 'nâng cao')).toBe('advanced');
    expect(matchTier('new_rural_communes', 'vàng')).toBeUndefined();
    expect(matchSeries('new_rural_communes', 'kiểu mẫu')).toBe('model');
    expect(Object.keys(getIndicator('new_rural_share').series ?? {})).toEqual(['standard', 'advanced', 'model']);
    expect(getIndicator('new_rural_share').unit).toBe('%');
    expect(getIndicator('civilized_urban_criteria')).toMatchObject({ kind: 'fraction', unit: 'tiêu chí' });
    expect(getIndicator('party_org_registration')).toMatchObject({ kind: 'fraction', unit: 'tổ chức' });
    expect(getIndicator('study_participation')).toMatchObject({ kind: 'rate', unit: '%' });
    expect(Object.keys(getIndicator('exemplary_models').series ?? {})).toEqual(expect.arrayContaining(['model', 'exemplar']));
    expect(Object.keys(getIndicator('commendations').series ?? {})).toEqual(['collective', 'individual']);
    expect(unitFor('commendations', 'individual')).toBe('cá nhân');
    expect(unitFor('commendations', 'collective')).toBe('tập thể');
    expect(unitFor('inspections', 'organisations')).toBe('tổ chức');
    expect(unitFor('inspections', null)).toBe('đợt');
    expect(unitFor('social_support_beneficiaries', 'houses')).toBe('căn nhà');
    expect(matchSeries('commendations', 'Cá nhân')).toBe('individual');
    expect(matchSeries('commendations', 'tap the')).toBe('collective');
    expect(Object.keys(getIndicator('social_support').series ?? {})).toEqual(expect.arrayContaining(['orphans', 'pupils', 'houses', 'study_fund']));
  });

  it('an unknown id is a bilingual ChisoError listing close ids', () => {
    let err: unknown;
    try { getIndicator('poverty'); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(ChisoError);
    const e = err as ChisoError;
    expect(e.code).toBe('REGISTRY_UNKNOWN_INDICATOR');
    expect(e.text('vi')).toMatch(/Không có chỉ số "poverty".*poverty_rate/);
    expect(e.text('en')).toMatch(/no indicator "poverty".*poverty_rate/);
    expect(isIndicatorId('poverty_rate')).toBe(true);
    expect(isIndicatorId('poverty')).toBe(false);
  });

  it('the catalogue cannot be changed by a caller', () => {
    const p = getIndicator('poverty_rate');
    expect(() => { (p as { unit: string }).unit = 'xã'; }).toThrow();
    expect(getIndicator('poverty_rate').unit).toBe('%');
  });
});
