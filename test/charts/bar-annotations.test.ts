import { describe, expect, it } from 'vitest';
import { barChart, describeBar } from '../../src/charts/bar.js';
import { isChisoError } from '../../src/errors.js';
import { gsoPoverty, render, svgTexts } from './helpers.js';

describe('author annotations on a bar chart', () => {
  const rows = gsoPoverty().filter((o) => o.period === '2015');

  it('writes a note beside its bar, renders without warnings, and reads it aloud', async () => {
    const annotations = [{ type: 'point', region: '42', label: 'tỉnh điểm Chỉ thị 05' }];
    const spec = barChart(rows, { annotations } as never);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svgTexts(svg).some((t) => t.includes('tỉnh điểm Chỉ thị 05'))).toBe(true);
    expect(describeBar(rows, { annotations } as never)).toContain('Ghi chú trên biểu đồ: tỉnh điểm Chỉ thị 05 (Hà Tĩnh, năm 2015)');
  });

  it('refuses events and ranges, which a ranking has no time axis for', () => {
    try {
      barChart(rows, { annotations: [{ type: 'event', at: '2015', label: 'x' }] } as never);
      expect.unreachable();
    } catch (e) {
      expect(isChisoError(e) && e.code).toBe('CHART_BAD_ANNOTATION');
    }
  });
});

describe('one standard per period in a ranking', () => {
  it('ranks 2016 on the standard most figures share: GSO 9,2% for Quảng Ngãi, not also the yearbook 13,06%', async () => {
    const { load } = await import('./helpers.js');
    const both = [...gsoPoverty(), ...load('data/observations/quoted.csv')].filter((o) => o.indicator === 'poverty_rate');
    const spec = barChart(both, { period: '2016', regions: ['51', '42'] } as never) as unknown as { data: { values: { region: string; value: number }[] } };
    const qn = spec.data.values.filter((v) => v.region === '51');
    expect(qn.map((v) => v.value)).toEqual([9.2]);
  });
});
