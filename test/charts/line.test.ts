import { describe, expect, it } from 'vitest';
import { lineChart, describeLine } from '../../src/charts/line.js';
import { ROOM_LAYER } from '../../src/charts/room.js';
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
    type Layered = { layer: { name?: string; data?: { values: Record<string, unknown>[] }; mark: { type: string; strokeDash?: number[] } }[] };
    const look = (breaks: 'both' | 'gap' | 'rule' | 'none') => {
      const spec = lineChart(some(['42']), { breaks }) as unknown as Layered;
      // The room layer's invisible rule is no break.
      const rules = spec.layer.filter((l) => l.mark.type === 'rule' && l.name !== ROOM_LAYER).length;
      const pieces = new Set(spec.layer.find((l) => l.mark.type === 'line')?.data?.values.map((r) => String(r.piece).split('|')[1].split(':')[0]));
      return { rules, segments: pieces.size };
    };
    // 2006-2008 (2006-2010 standard), 2010 (unknown), 2012-2015 (2011-2015), 2016 (unknown): four runs.
    expect(look('both')).toEqual({ rules: 1, segments: 4 });
    expect(look('gap')).toEqual({ rules: 0, segments: 4 });
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
    // Figures under different (or unknown) standards are never compared: each comparable stretch on its own.
    expect(text).not.toContain('giảm từ 31,5% năm 2006 xuống 11,0% năm 2016');
    expect(text).toContain('sơ bộ');
    expect(text).toContain('theo chuẩn nghèo giai đoạn 2006-2010, giảm từ 31,5% năm 2006 còn 26,5% năm 2008');
    expect(text).toContain('theo chuẩn nghèo giai đoạn 2011-2015, giảm từ 20,7% năm 2012 còn 13,3% năm 2015');
    expect(text).toContain('11,0% năm 2016 (chuẩn nghèo không rõ)');
    expect(text).toContain('không so sánh được với nhau');
    expect(describeLine(some(['VN']), {})).toMatch(/^Tỷ lệ hộ nghèo cả nước, theo từng đoạn so sánh được/);
    expect(describeLine(some(['42']), {}, 'en')).toContain('under the poverty standard for 2011-2015, down from 20.7% in 2012 to 13.3% in 2015');
    // Under one method, first to last as before.
    const one = some(['42']).filter((o) => o.series === '2011-2015');
    expect(describeLine(one, {})).toContain('Tỷ lệ hộ nghèo của Hà Tĩnh giảm từ 20,7% năm 2012 xuống 13,3% năm 2015');
  });

  it('breaks where the standard changes, labels known standards only, and places a figure by its own standard', () => {
    type Layered = { layer: { name?: string; data?: { values: Record<string, unknown>[] }; mark: { type: string } }[] };
    const notes = (spec: unknown) => (spec as Layered).layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data?.values.map((v) => v.note) ?? []).filter((n) => n !== undefined).map((n) => ([] as string[]).concat(n as string).join(' '));
    const texts = notes(lineChart(some(['42']), {}));
    expect(texts.some((n) => n.includes('2011-2015'))).toBe(true);
    // The unknown standards of 2010 and 2016 are never named on the chart.
    expect(texts.some((n) => /không rõ|2016-2020|đa chiều/.test(n))).toBe(false);
    // Quảng Ngãi's yearbook figure for 2010 (23,92%) is under the 2011-2015 standard: it joins 2011, not 2008.
    const yearbook = (['2010', '2011'] as const).map((period, i) => ({
      indicator: 'poverty_rate', region: '51', period, value: [23.92, 20.69][i], qualifier: null, denominator: null, unit: '%',
      series: '2011-2015', status: 'final', source: 'http://thongkequangngai.com/niengiam2016/files/assets/basic-html/page371.html', quote: null,
    }) as Observation);
    const qn = [...some(['51']).filter((o) => ['2006', '2008'].includes(o.period)), ...yearbook];
    const lines = (lineChart(qn, {}) as unknown as Layered).layer.find((l) => l.mark.type === 'line')?.data?.values ?? [];
    const pieceOf = (x: number) => lines.find((r) => r.x === x)?.piece;
    expect(pieceOf(2010)).toBe(pieceOf(2011));
    expect(pieceOf(2010)).not.toBe(pieceOf(2008));
  });

  it('breaks a line across a territorial change, marks it, and does not compare across it (Hà Nội 2006 -> 2008)', () => {
    type Layered = { layer: { name?: string; data?: { values: Record<string, unknown>[] }; mark: { type: string } }[] };
    const hn = some(['01']).filter((o) => ['2006', '2008'].includes(o.period)).map((o) => ({ ...o, series: '2006-2010' }));
    const spec = lineChart(hn, {}) as unknown as Layered;
    const lines = spec.layer.find((l) => l.mark.type === 'line')?.data?.values ?? [];
    expect(new Set(lines.map((r) => r.piece)).size).toBe(2);
    const notes = spec.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data?.values ?? []).map((v) => ([] as string[]).concat((v.note as string) ?? '').join(' '));
    expect(notes.some((n) => n.includes('Hà Tây nhập vào Hà Nội'))).toBe(true);
    const text = describeLine(hn, {});
    expect(text).not.toMatch(/cao nhất|tăng từ/);
    expect(text).toContain('Hà Tây nhập vào Hà Nội (1/8/2008)');
    // Hà Nội's whole GSO series: 2008 is not called the peak.
    expect(describeLine(some(['01']), {})).not.toContain('cao nhất 6,6% năm 2008');
  });

  it('marks the 1 July 2025 merger on the time axis when a drawn region was merged', () => {
    type Layered = { layer: { name?: string; data?: { values: Record<string, unknown>[] }; mark: { type: string } }[] };
    const row = (region: string, period: string, value: number) => ({
      indicator: 'new_rural_share', region, period, value, qualifier: null, denominator: null, unit: '%', series: 'standard', status: 'final', source: 't.csv', quote: null,
    }) as Observation;
    const rows = [row('51', '2025-01', 80), row('51', '2025-06', 82), row('34:51', '2025-09', 70), row('34:51', '2025-12', 74)];
    const spec = lineChart(rows, {}) as unknown as Layered;
    const rules = spec.layer.filter((l) => l.mark.type === 'rule').flatMap((l) => l.data?.values ?? []);
    expect(rules.map((r) => r.x)).toContain(2025.5);
    const notes = spec.layer.filter((l) => l.mark.type === 'text').flatMap((l) => l.data?.values ?? []).map((v) => ([] as string[]).concat((v.note as string) ?? '').join(' '));
    expect(notes.some((n) => n.includes('63 tỉnh thành 34 đơn vị'))).toBe(true);
    // Hà Tĩnh kept its territory: no mark.
    const kept = [row('42', '2025-01', 80), row('42', '2025-12', 85)];
    expect((lineChart(kept, {}) as unknown as Layered).layer.filter((l) => l.mark.type === 'rule' && l.name !== ROOM_LAYER)).toHaveLength(0);
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
    // The one labelled standard of these figures (2011-2015; the GSO file's 2016 column is under no
    // standard it names, so it carries no label).
    expect(svg).toMatch(/<tspan[^>]*>2011-<\/tspan><tspan[^>]*>2015<\/tspan>/);
  });
});

describe('author annotations', () => {
  type Layered = { layer: { data?: { values: Record<string, unknown>[] }; mark: { type: string } | string }[] };
  const ht = gsoPoverty().filter((o) => o.region === '42' && o.series === '2011-2015');
  const annotations = [
    { type: 'event', at: '2014-05-15', label: 'Chỉ thị 05 ban hành' },
    { type: 'range', from: '2012', to: '2013', label: 'Giai đoạn thí điểm' },
    { type: 'point', region: '42', at: '2015', label: 'Mục tiêu đạt' },
  ];

  it('draws events, ranges and points, renders without warnings, and reads them aloud', async () => {
    const spec = lineChart(ht, { annotations } as never);
    expect(schemaErrors(spec)).toEqual([]);
    const { svg, warnings } = await render(spec);
    expect(warnings).toEqual([]);
    const texts = svgTexts(svg);
    for (const label of ['Chỉ thị 05 ban hành', 'Giai đoạn thí điểm', 'Mục tiêu đạt']) expect(texts).toContain(label);
    const marks = (spec as unknown as Layered).layer.map((l) => (typeof l.mark === 'string' ? l.mark : l.mark.type));
    expect(marks).toContain('rect');
    const text = describeLine(ht, { annotations } as never);
    expect(text).toContain('Ghi chú trên biểu đồ: Chỉ thị 05 ban hành');
    expect(text).toContain('Mục tiêu đạt (Hà Tĩnh, năm 2015)');
    expect(describeLine(ht, { annotations } as never, 'en')).toContain('Notes on the chart');
  });

  it('widens the time axis to an event outside the data rather than drop it', () => {
    const spec = lineChart(ht, { annotations: [{ type: 'event', at: '2016-05-15', label: 'Sau' }] } as never) as unknown as { layer: { encoding?: { x?: { scale?: { domain?: number[] } } } }[] };
    const domain = spec.layer.map((l) => l.encoding?.x?.scale?.domain).find(Boolean)!;
    expect(domain[1]).toBeGreaterThan(2016);
  });

  it('refuses a bad annotation, naming where, in both languages', () => {
    for (const bad of [[{ type: 'arrow', at: '2014', label: 'x' }], [{ type: 'event', label: 'x' }], [{ type: 'point', region: '01', at: '2014', label: 'no figure' }], 'text']) {
      try {
        lineChart(ht, { annotations: bad } as never);
        expect.unreachable();
      } catch (e) {
        expect(isChisoError(e) && e.code).toBe('CHART_BAD_ANNOTATION');
        if (isChisoError(e)) {
          expect(e.text('vi')).toContain('annotations');
          expect(e.text('en')).toContain('Bad chart annotation');
        }
      }
    }
  });
});
