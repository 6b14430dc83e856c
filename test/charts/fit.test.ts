// Titles and source lines wider than the chart break into lines at spaces (measured by a stand-in
// of 7 px a character here; the page measures with a canvas in the title's font).
import { describe, expect, it } from 'vitest';
import type { TopLevelSpec } from 'vega-lite';
import { fontMeasure, wrapLines, wrapTitle } from '../../src/charts/fit.js';
import { chart } from '../../src/charts/chart.js';
import { gsoPoverty, render, svgTexts } from './helpers.js';

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

describe('chart(type, rows, { fitWidth })', () => {
  const long = 'Tỷ lệ hộ nghèo của Hà Tĩnh và cả nước theo chuẩn nghèo từng giai đoạn, 2006–2016';
  const rows = gsoPoverty().filter((o) => o.region === '42' || o.region === 'VN');

  it('lays the chart out once for the whole width and wraps the title to it with Be Vietnam Pro widths', async () => {
    const spec = chart('line', rows, { title: long, fitWidth: 360 }, 'vi') as unknown as {
      width: number; autosize: unknown; title: { text: string[] }; config: { padding: number; title: { fontSize: number } };
    };
    expect(spec.width).toBe(360);
    expect(spec.autosize).toEqual({ type: 'fit-x', contains: 'padding' });
    expect(spec.title.text.length).toBeGreaterThan(1);
    expect(spec.title.text.join(' ')).toBe(long);
    const room = 360 - 2 * spec.config.padding;
    for (const line of spec.title.text) expect(fontMeasure(line, `600 ${spec.config.title.fontSize}px "Be Vietnam Pro"`)).toBeLessThanOrEqual(room);
    // Drawn without a browser, the SVG is as wide as asked and carries each title line.
    const { svg, warnings } = await render(spec as unknown as TopLevelSpec);
    expect(warnings).toEqual([]);
    expect(Number(/<svg[^>]*\swidth="([\d.]+)"/.exec(svg)?.[1])).toBe(360);
    // One text of several lines (tspans), each line as the recipe broke it.
    const title = svgTexts(svg).find((t) => t.startsWith(spec.title.text[0])) ?? '';
    expect(title.replace(/\s+/g, ' ')).toBe(spec.title.text.join(' '));
    expect((svg.match(/<tspan/g) ?? []).length).toBeGreaterThanOrEqual(spec.title.text.length);
  });

  it('is the same spec whoever asks: the page and the CLI wrap a title at the same words', () => {
    const a = chart('bar', rows, { title: long, fitWidth: 420 }, 'vi');
    const b = chart('bar', rows, { title: long, fitWidth: 420, measure: fontMeasure }, 'vi');
    expect(a).toEqual(b);
    expect(() => chart('line', rows, { fitWidth: -3 }, 'vi')).toThrow(/fitWidth/);
  });
});
