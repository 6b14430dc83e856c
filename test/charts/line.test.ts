import { describe, expect, it } from 'vitest';
import { lineChart, describeLine } from '../../src/charts/line.js';
import { gsoPoverty, render, schemaErrors, svgTexts } from './helpers.js';
import { isChisoError } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';

const poverty = gsoPoverty();
const some = (ids: string[]) => poverty.filter((o) => ids.includes(o.region));

describe('lineChart', () => {
  it('validates, compiles and renders without warnings (Hà Tĩnh, Bắc Kạn, whole country)', async () => {
    const spec = lineChart(some(['42', '06', 'VN']), {});
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    // Direct labels at the line ends, in Vietnamese number format.
    expect(texts).toContain('Hà Tĩnh 11,0%');
    expect(texts).toContain('Bắc Kạn 15,8%');
    // The preliminary year is marked on the axis.
    expect(texts.join(' ')).toContain('sơ bộ');
    // Each point speaks the reader's language to a screen reader; Vega's English axis summaries are off.
    expect(svg).toContain('aria-label="Hà Tĩnh, 2015, 13,3%, Tổng cục Thống kê (poverty_rate_by_province.csv)"');
    expect(svg).not.toContain('X-axis for a linear scale');
    // Axis numbers with a decimal comma, never a decimal point.
    expect(texts.some((t) => /^\d+\.\d+$/.test(t))).toBe(false);
  });

  it('draws the preliminary piece dashed and the point open', () => {
    type Layered = { layer: { data: { values: Record<string, unknown>[] }; mark: { type: string } }[] };
    const dashedXs = (spec: unknown) =>
      (spec as Layered).layer.find((l) => l.mark.type === 'line')?.data.values.filter((r) => r.dash === 'preliminary').map((r) => r.x);
    // Across no break, the dashed piece joins the last final figure to the preliminary one.
    expect(dashedXs(lineChart(some(['42']), { breaks: 'none' }))).toEqual([2015, 2016]);
    // The multidimensional standard starts in 2016: the line stays open at that break.
    expect(dashedXs(lineChart(some(['42']), {}))).toEqual([2016]);
  });

  it('labels qualified figures as written (>98%)', async () => {
    const rows = [
      { indicator: 'study_participation', region: '91', period: '2019', value: 95, qualifier: null },
      { indicator: 'study_participation', region: '91', period: '2021', value: 98, qualifier: '>' },
    ].map((o) => ({ ...o, denominator: null, unit: '%', series: null, status: 'final', source: 'data/seeds/raw/000_05db81f9f313bbf0.txt', quote: null }) as Observation);
    const { svg, warnings } = await render(lineChart(rows, {}));
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    expect(texts).toContain('>98%');
    expect(texts).toContain('Kiên Giang >98%');
  });

  it('draws breaks as asked: gap and rule, gap only, rule only, or not at all', () => {
    type Layered = { layer: { data?: { values: Record<string, unknown>[] }; mark: { type: string; strokeDash?: number[] } }[] };
    const look = (breaks: 'both' | 'gap' | 'rule' | 'none') => {
      const spec = lineChart(some(['42']), { breaks }) as unknown as Layered;
      const rules = spec.layer.filter((l) => l.mark.type === 'rule').length;
      const pieces = new Set(spec.layer.find((l) => l.mark.type === 'line')?.data?.values.map((r) => String(r.piece).split('|')[1].split(':')[0]));
      return { rules, segments: pieces.size };
    };
    expect(look('both')).toEqual({ rules: 1, segments: 3 });
    expect(look('gap')).toEqual({ rules: 0, segments: 3 });
    expect(look('rule')).toEqual({ rules: 1, segments: 1 });
    expect(look('none')).toEqual({ rules: 0, segments: 1 });
  });

  it('speaks English with a decimal point', async () => {
    const spec = lineChart(some(['42']), {}, 'en');
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svgTexts(svg)).toContain('Ha Tinh 11.0%');
  });

  it('uses a legend past eight lines', async () => {
    const ids = [...new Set(poverty.map((o) => o.region))].slice(0, 12);
    const { svg, warnings } = await render(lineChart(some(ids), { labels: 'auto' }));
    expect(warnings).toEqual([]);
    expect(svg).toContain('role-legend');
  });

  it('describes the figures, from first to last, with the preliminary year', () => {
    const text = describeLine(some(['42']), {});
    expect(text).toContain('Tỷ lệ hộ nghèo của Hà Tĩnh giảm từ 31,5% năm 2006 xuống 11,0% năm 2016');
    expect(text).toContain('sơ bộ');
    // Across the 2010 and 2015 breaks the ends are not comparable: the latest standard with two figures is described too.
    expect(text).toContain('theo chuẩn nghèo giai đoạn 2011-2015, giảm từ 20,7% năm 2012 còn 13,3% năm 2015');
    expect(text).toContain('sau năm 2010 (Chuẩn nghèo giai đoạn 2011-2015) và sau năm 2015');
    expect(describeLine(some(['VN']), {})).toMatch(/^Tỷ lệ hộ nghèo cả nước giảm/);
    expect(describeLine(some(['42']), {}, 'en')).toContain('Ha Tinh fell from 31.5% in 2006 to 11.0% in 2016');
  });

  it('refuses raw tables past the row limit, in both languages', () => {
    try {
      lineChart(poverty, { maxRows: 100 });
      expect.unreachable();
    } catch (e) {
      expect(isChisoError(e) && e.code).toBe('CHART_TOO_MANY_ROWS');
      if (isChisoError(e)) {
        expect(e.text('vi')).toContain('vượt giới hạn 100');
        expect(e.text('en')).toContain('over the limit of 100');
      }
    }
  });

  it('merges the raw spec fragment last', () => {
    const spec = lineChart(some(['42']), { spec: { width: 777, config: { title: { fontSize: 22 } } } }) as unknown as Record<string, any>;
    expect(spec.width).toBe(777);
    expect(spec.config.title.fontSize).toBe(22);
    expect(spec.config.title.anchor).toBe('start');
  });
});

describe('lineChart colours past the palette', () => {
  const ids = ['VN', ...[...new Set(poverty.map((o) => o.region))].filter((r) => r !== 'VN').slice(0, 11)];
  type Layer = { encoding?: { color?: { scale?: { domain: string[]; range: string[] }; legend?: { values?: string[] } | null } } };
  const colorOf = (spec: unknown) => (spec as { layer: Layer[] }).layer.map((l) => l.encoding?.color).find((c) => c?.scale)!;

  it('never gives two series one colour: eight keep theirs, the rest are grey and a note says why', async () => {
    const spec = lineChart(some(ids), { labels: 'auto' });
    const color = colorOf(spec);
    const { domain, range } = color.scale!;
    expect(domain).toHaveLength(12);
    const coloured = range.filter((c) => c !== '#a9b3bd');
    expect(coloured).toHaveLength(8);
    expect(new Set(coloured).size).toBe(coloured.length);
    // "Cả nước" is asked for first and keeps the first colour; no other series shares it.
    expect(range.filter((c) => c === range[domain.indexOf('Cả nước')])).toHaveLength(1);
    expect(color.legend?.values).toEqual(domain.filter((_, i) => range[i] !== '#a9b3bd'));
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    expect(svgTexts(svg).join(' ')).toContain('4 đường khác màu xám');
  });

  it('colours the highlighted ones only, each its own', () => {
    const spec = lineChart(some(ids), { highlight: ids.slice(0, 3) });
    const { range } = colorOf(spec).scale!;
    expect(range.filter((c) => c !== '#a9b3bd')).toEqual(['#0072B2', '#D55E00', '#009E73']);
  });
});

describe('lineChart on a phone', () => {
  it('shows every methodology note whole at 240 px, breaking after a hyphen rather than cutting', async () => {
    const { svg } = await render(lineChart(some(['42', 'VN']), { width: 240 }));
    expect(svg).not.toContain('…');
    expect(svg).toMatch(/<tspan[^>]*>2016-<\/tspan><tspan[^>]*>2020<\/tspan>/);
  });
});
