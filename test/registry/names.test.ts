import { describe, expect, it } from 'vitest';
import { indicatorLabel, regionName, seriesLabel } from '../../src/registry/names.js';
import { getIndicator } from '../../src/registry/index.js';
import { chart, describe as describeChart } from '../../src/charts/chart.js';
import type { Observation } from '../../src/types.js';

const obs = (region: string, period: string, value: number): Observation => ({
  indicator: 'poverty_rate', region, period, value, qualifier: null, denominator: null,
  unit: '%', series: null, status: 'final', source: 'data/x.csv', quote: null,
});
const data = ['VN', '01', '42', '79'].flatMap((r, i) => [obs(r, '2020', 5 + i), obs(r, '2022', 4 + i)]);

describe('display names: one rule for the country row', () => {
  it('names the country row "Cả nước" / "Whole country", other regions by their registry names', () => {
    expect(regionName('VN', 'vi')).toBe('Cả nước');
    expect(regionName('VN', 'en')).toBe('Whole country');
    expect(regionName('42', 'vi')).toBe('Hà Tĩnh');
    expect(regionName('42', 'en')).toBe('Ha Tinh');
    expect(regionName('NOT_A_REGION', 'vi')).toBe('NOT_A_REGION');
  });

  it('no chart spec or description shows both "Cả nước" and "Việt Nam" for the country row', () => {
    const cases = [
      ['line', { regions: ['VN', '01'] }],
      ['bar', {}],
      ['kpi', { region: 'VN' }],
    ] as const;
    for (const [type, options] of cases) {
      for (const lang of ['vi', 'en'] as const) {
        const text = JSON.stringify(chart(type, data, options as never, lang)) + describeChart(type, data, options as never, lang);
        expect(text, `${type} ${lang}`).toContain(lang === 'vi' ? 'Cả nước' : 'Whole country');
        expect(text, `${type} ${lang}`).not.toMatch(/Việt Nam|Viet Nam/);
      }
    }
  });

  it('indicator and series labels come from the catalogue, with the id as the fallback', () => {
    expect(indicatorLabel('poverty_rate', 'vi')).toBe(getIndicator('poverty_rate').label.vi);
    expect(indicatorLabel(getIndicator('poverty_rate'), 'en')).toBe(getIndicator('poverty_rate').label.en);
    expect(indicatorLabel('my_own', 'vi')).toBe('my_own');
    expect(indicatorLabel(undefined, 'vi')).toBe('');
    expect(seriesLabel('new_rural_communes', 'model', 'vi')).toBe('Đạt chuẩn nông thôn mới kiểu mẫu');
    expect(seriesLabel('poverty_rate', 'unknown', 'en')).toBe('Poverty standard not stated');
    expect(seriesLabel('poverty_rate', 'nothing', 'en')).toBeUndefined();
    expect(seriesLabel('my_own', 'a', 'vi')).toBeUndefined();
  });
});
