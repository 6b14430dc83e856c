// Titles and source lines wider than the chart break into lines at spaces (measured by a stand-in
// of 7 px a character here; the page measures with a canvas in the title's font).
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { wrapLines, wrapTitle } from '../../src/charts/fit.js';

const measure = (text: string) => text.length * 7;

describe('wrapTitle', () => {
  it('breaks a long title and subtitle into lines no wider than the chart, keeping every word', () => {
    const spec = {
      title: { text: 'Tổ chức cơ sở đảng đăng ký thực hiện, 2022', subtitle: ['Nguồn: Tổng cục Thống kê (monthly_income_per_capita_by_province.csv)'] },
      config: { padding: 12, title: { fontSize: 16, fontWeight: 600, font: 'Be Vietnam Pro' } },
      mark: 'bar',
    } as unknown as TopLevelSpec;
    const out = wrapTitle(spec, 24 + 7 * 30, measure) as unknown as { title: { text: string[]; subtitle: string[] } };
    expect(out.title.text.length).toBeGreaterThan(1);
    for (const line of [...out.title.text, ...out.title.subtitle]) expect(line.length <= 30 || !line.includes(' ')).toBe(true);
    expect(out.title.text.join(' ')).toBe('Tổ chức cơ sở đảng đăng ký thực hiện, 2022');
    expect(out.title.subtitle).toEqual(['Nguồn: Tổng cục Thống kê', '(monthly_income_per_capita_by_province.csv)']);
  });

  it('leaves a title that fits as it is (the same object)', () => {
    const spec = { title: 'Tỷ lệ hộ nghèo', mark: 'bar' } as unknown as TopLevelSpec;
    expect(wrapTitle(spec, 600, measure)).toBe(spec);
  });

  it('uses the font of the title config', () => {
    const fonts: string[] = [];
    wrapLines('a b c', 1, '600 16px X', (t, f) => (fonts.push(f), t.length));
    expect(fonts[0]).toBe('600 16px X');
  });
});
