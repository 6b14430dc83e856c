// Tỷ lệ hộ nghèo 2006-2016: the GSO export from raw file to map, ranking, standards and the 34 units.
import * as aq from 'arquero';
import { op, escape } from 'arquero';
import { cell, many, table, note, refusal, chart, observations as observationTable } from './lib/notebook.js';
import { loadFile, provinceTopology, nameOf } from './lib/data.js';
import { runQuery } from '../../src/arquero.js';
import { barChart, lineChart, mapChart } from '../../src/charts/index.js';
import { getIndicator, listRegions, predecessors } from '../../src/registry/index.js';
import { formatDiagnostic, type Diagnostic } from '../../src/errors.js';
import type { Observation } from '../../src/types.js';
import '../../src/components/multiples/multiples.js';

const RAW = 'data/gso/raw/poverty_rate_by_province.csv';
const poverty = () => loadFile(RAW, { format: 'gso' });
const adminUnits = () => loadFile('data/observations/admin_units.csv');

cell(
  {
    title: 'Đọc tệp xuất của Tổng cục Thống kê',
    prose: `Tệp gốc là bảng PX-Web của GSO: một dòng tiêu đề, các năm theo cột, "Pre. 2016" là số sơ bộ, ".." là thiếu số liệu.
      loadObservations đọc từng ô thành một quan sát (observation) và ghi rõ nguồn đến từng dòng, từng cột; ô thiếu vẫn là một dòng với giá trị rỗng.`,
    en: 'The raw GSO PX-Web export read into tidy observations; every cell keeps its row and column as its source, missing cells stay as rows.',
  },
  async () => {
    const { observations, summary, diagnostics } = await poverty();
    return many(
      note(
        `${summary.rowsRead} dòng dữ liệu → ${summary.observations} quan sát, ${summary.missing} ô thiếu, ${summary.skipped} ô bị loại, ${summary.regionsMatched} địa phương khớp danh mục; kỳ: ${summary.periods.join(', ')}.`,
        `${summary.rowsRead} rows → ${summary.observations} observations, ${summary.missing} missing, ${summary.skipped} rejected, ${summary.regionsMatched} regions matched.`,
      ),
      ...diagnostics.map((d: Diagnostic) => note(formatDiagnostic(d, 'vi'), formatDiagnostic(d, 'en'))),
      observationTable(observations, { caption: 'Quan sát đọc từ tệp GSO', columns: ['region', 'period', 'value', 'status', 'source'] }),
    );
  },
);

cell(
  {
    title: 'Hồ sơ của bảng',
    prose: `Trước khi vẽ: mỗi kỳ có bao nhiêu địa phương, bao nhiêu ô thiếu, giá trị nhỏ nhất, lớn nhất, trung vị. Bảng dưới tính bằng Arquero; dòng tóm tắt dưới tiêu đề mỗi bảng cũng cho hồ sơ từng cột.`,
    en: 'A profile per period, computed with Arquero: count, missing, min, median, max.',
  },
  async () => {
    const { observations } = await poverty();
    return aq
      .from(observations)
      // A missing cell is not a status of the period: the period is preliminary when any figure is.
      .groupby('period')
      .rollup({
        status: (d: { status: string }) => (op.sum(d.status === 'preliminary' ? 1 : 0) > 0 ? 'preliminary' : 'final'),
        rows: op.count(),
        missing: op.invalid('value'),
        min: op.min('value'),
        median: op.median('value'),
        max: op.max('value'),
      })
      .orderby('period');
  },
);

cell(
  {
    title: 'Bản đồ năm 2016 (sơ bộ)',
    prose: `Công thức bản đồ (mapChart) của chiso: 63 tỉnh, thành phố trên nền ranh giới của Open Development Vietnam, luôn có quần đảo Hoàng Sa (thuộc Đà Nẵng) và Trường Sa (thuộc Khánh Hòa). Tỉnh không có số liệu được tô riêng, không lẫn với số 0: TP Hồ Chí Minh không có số năm 2016 trong tệp GSO.`,
    en: 'Choropleth of the 63 provinces in 2016 (preliminary), Hoàng Sa and Trường Sa included; provinces without a figure are grey.',
  },
  async () => {
    const { observations } = await poverty();
    const provinces = new Set(listRegions('province').map((r) => r.id));
    const rows = observations.filter((o) => o.period === '2016' && provinces.has(o.region));
    return mapChart(rows, { topology: await provinceTopology(), title: 'Tỷ lệ hộ nghèo theo tỉnh, 2016 (sơ bộ)' }, 'vi');
  },
);

cell(
  {
    title: 'Xếp hạng các tỉnh',
    prose: `Bước "rank" của tầng truy vấn xếp hạng trong từng kỳ; với tỷ lệ hộ nghèo, thấp hơn là tốt hơn nên hạng 1 là tỷ lệ thấp nhất. Ô thiếu không có hạng. Biểu đồ cột cho 15 tỉnh có tỷ lệ cao nhất, đường tham chiếu là cả nước.`,
    en: 'The query layer ranks within each period (lower is better for poverty); the bar recipe shows the 15 highest rates against the national figure.',
  },
  async () => {
    const { observations } = await poverty();
    const ranked = runQuery(observations, {
      select: { regions: { level: 'province' }, periods: ['2016'] },
      derive: [{ op: 'rank' }],
      orderby: [{ column: 'rank', order: 'desc' }],
    }).filter((d: { rank: number | null }) => d.rank !== null);
    const worst = ranked.slice(0, 15).objects() as typeof observations;
    const nation = observations.filter((o) => o.region === 'VN' && o.period === '2016');
    return many(
      table(ranked.derive({ name: escape((d: { region: string }) => nameOf(d.region)) }).select('region', 'name', 'period', 'value', 'rank', 'status'), { caption: 'Hạng năm 2016 (1 = thấp nhất)' }),
      chart(barChart([...worst, ...nation], { title: 'Tỷ lệ hộ nghèo cao nhất, 2016 (sơ bộ)', order: 'descending' }, 'vi')),
    );
  },
);

cell(
  {
    title: 'So sánh qua các lần đổi chuẩn nghèo',
    prose: `Chuẩn nghèo đổi sau năm 2010 (chuẩn 2011-2015) và sau năm 2015 (chuẩn đa chiều 2016-2020): số liệu hai bên một lần đổi chuẩn không so sánh trực tiếp được. Vì vậy chỉ tính mức giảm trong cùng một chuẩn: 2006→2010 và 2012→2015.
      Lưu ý của data/README: tệp GSO không ghi chuẩn của từng cột; số 2010 và số 2016 của Quảng Ngãi gợi ý nên kiểm tra chú thích niên giám trước khi so sánh qua 2008/2010 hay 2015/2016.`,
    en: 'Changes are computed only within one poverty standard (2006→2010, 2012→2015); the line recipe marks the breaks the catalogue records.',
  },
  async () => {
    const { observations } = await poverty();
    const breaks = getIndicator('poverty_rate').breaks.map((b) => b.after);
    const regions = ['VN', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
    const t = aq
      .from(observations.filter((o) => regions.includes(o.region) && o.value !== null))
      .params({ breaks })
      .derive({ year: (d: { period: string }) => op.parse_int(d.period, 10) })
      .derive({ standard: (d: { year: number }, $: { breaks: number[] }) => (d.year > $.breaks[1] ? '2016-2020' : d.year > $.breaks[0] ? '2011-2015' : '2006-2010') })
      .filter((d: { standard: string }) => d.standard !== '2016-2020')
      .groupby('region', 'standard')
      .derive({ from: op.min('year'), to: op.max('year') })
      .rollup({
        from: op.any('from'),
        to: op.any('to'),
        first: (d: { year: number; from: number; value: number }) => op.sum(d.year === d.from ? d.value : 0),
        last: (d: { year: number; to: number; value: number }) => op.sum(d.year === d.to ? d.value : 0),
      })
      .derive({ change: (d: { first: number; last: number }) => op.round((d.last - d.first) * 10) / 10 })
      .orderby('region', 'standard');
    return many(
      table(t, { caption: 'Thay đổi (điểm %) trong cùng một chuẩn nghèo' }),
      chart(lineChart(observations.filter((o) => regions.includes(o.region)), { title: 'Tỷ lệ hộ nghèo theo vùng, 2006–2016', regions, breaks: 'both' }, 'vi')),
    );
  },
);

cell(
  {
    title: 'Gộp về 34 đơn vị hành chính mới',
    prose: `Từ 1/7/2025 còn 34 đơn vị cấp tỉnh. Bước "reaggregate" giữ nguyên số của đơn vị không sáp nhập (một tỉnh cũ). Với đơn vị gộp từ nhiều tỉnh, tỷ lệ không thể cộng hay lấy trung bình đơn giản: khi không có trọng số, truy vấn từ chối và nói rõ vì sao.
      Bảng dưới chạy truy vấn cho từng đơn vị mới, năm 2016: đơn vị giữ nguyên có số, đơn vị gộp ghi lời từ chối; bản đồ 34 đơn vị chỉ tô những đơn vị có số.`,
    en: 'reaggregate passes unchanged units through and refuses to merge rates without weights; below, one query per new unit for 2016, with the refusal message.',
  },
  async () => {
    const { observations } = await poverty();
    let firstRefusal: unknown = null;
    const rows = listRegions('province2025').map((unit) => {
      const from = predecessors(unit.id);
      try {
        const [r] = runQuery(observations, {
          select: { regions: { parent2025: unit.id }, periods: ['2016'] },
          derive: [{ op: 'reaggregate' }],
        }).objects() as { value: number | null }[];
        return { unit: unit.id, name: unit.name, from: from.map(nameOf).join(', '), value: r?.value ?? null, result: 'giữ nguyên / unchanged' };
      } catch (e) {
        firstRefusal ??= e;
        return { unit: unit.id, name: unit.name, from: from.map(nameOf).join(', '), value: null, result: 'từ chối: cần trọng số / refused: needs a weight' };
      }
    });
    const passed = rows.map((r) => ({ ...observations[0], region: r.unit, period: '2016', value: r.value, status: 'preliminary' as const, source: RAW }));
    return many(
      table(rows, { caption: '34 đơn vị, năm 2016' }),
      refusal(firstRefusal),
      chart(mapChart(passed, { topology: await provinceTopology(), units: '34', title: 'Tỷ lệ hộ nghèo 2016 trên 34 đơn vị: chỉ đơn vị không sáp nhập' }, 'vi')),
    );
  },
);

cell(
  {
    title: 'Vì sao tỷ lệ cần trọng số: một ví dụ',
    prose: `Thái Nguyên và Bắc Kạn gộp thành tỉnh Thái Nguyên mới (34:19). Trung bình cộng hai tỷ lệ coi hai tỉnh nặng như nhau. Tỷ lệ đúng của tỉnh mới là số hộ nghèo chia số hộ, tức trung bình có trọng số theo số hộ, mà tệp GSO này không có.
      Để minh họa cơ chế, ví dụ dưới dùng số xã của mỗi tỉnh (bảng đơn vị hành chính của GSO, năm 2016) làm trọng số. Đây chỉ là minh họa: số xã không phải số hộ, và con số thu được không phải tỷ lệ hộ nghèo của tỉnh mới.`,
    en: 'Illustration only: the commune counts of admin_units as the weight show how a weighted merge differs from a plain mean. Commune counts are not household counts; the result is not the poverty rate of the new unit.',
  },
  async () => {
    const [{ observations: pov }, { observations: units }] = await Promise.all([poverty(), adminUnits()]);
    const input = [...pov, ...units];
    const parts = aq
      .from(input.filter((o) => ['19', '06'].includes(o.region) && o.period === '2016' && (o.indicator === 'poverty_rate' || o.series === 'communes')))
      .groupby('region')
      .pivot('indicator', 'value')
      .rename({ admin_units: 'communes' })
      .derive({ name: escape((d: { region: string }) => nameOf(d.region)) });
    const plainMean = parts.rollup({ value: op.mean('poverty_rate') }).get('value', 0) as number;
    const weighted = runQuery(input, {
      select: { indicators: ['poverty_rate'], regions: { parent2025: '34:19' }, periods: ['2016'] },
      derive: [{ op: 'reaggregate', weight: { indicator: 'admin_units', series: 'communes' } }],
    });
    const w = weighted.get('value', 0) as number;
    return many(
      table(parts.select('region', 'name', 'poverty_rate', 'communes'), { caption: 'Hai tỉnh cũ, năm 2016' }),
      table(weighted.select('region', 'period', 'value', 'status', 'source'), { caption: 'reaggregate với trọng số = số xã (minh họa)' }),
      note(
        `Trung bình cộng: ${plainMean.toFixed(2).replace('.', ',')}%. Trung bình theo số xã: ${w.toFixed(2).replace('.', ',')}%. Khác nhau ${(Math.abs(w - plainMean)).toFixed(2).replace('.', ',')} điểm %: trọng số quyết định kết quả, nên phải là số hộ thật.`,
        `Plain mean ${plainMean.toFixed(2)}%, commune-weighted ${w.toFixed(2)}%: the weight decides the result, so it must be the real household count.`,
      ),
    );
  },
);

cell(
  {
    title: 'Gộp về 34 đơn vị theo dân số',
    prose: `chiso có sẵn một trọng số: dân số trung bình theo tỉnh của Tổng cục Thống kê, 2006-2016 (data/weights/population.csv). Tỷ lệ năm 2016 của mỗi đơn vị gộp là trung bình các tỉnh cũ có trọng số theo dân số năm 2016. Tỷ lệ hộ nghèo tính trên số hộ, nên đây là giả định quy mô hộ như nhau giữa các tỉnh gộp; đơn vị thiếu số liệu của một tỉnh cũ (TP Hồ Chí Minh 2016) không có số.`,
    en: 'The bundled weight, GSO average population 2006-2016: every merged unit gets the population-weighted mean of its old provinces, same year; a unit missing a province stays empty.',
  },
  async () => {
    const [{ observations: pov }, { observations: people }] = await Promise.all([poverty(), loadFile('data/weights/population.csv')]);
    const merged = runQuery([...pov, ...people], {
      select: { indicators: ['poverty_rate'], regions: { level: 'province' }, periods: ['2016'] },
      derive: [{ op: 'reaggregate', weight: { indicator: 'population', series: 'total' } }],
    }, { onDiagnostic: () => {} });
    const rows = merged.objects() as { region: string; value: number | null }[];
    const units = rows.map((r) => ({ unit: r.region, name: nameOf(r.region), from: predecessors(r.region).map(nameOf).join(', '), value: r.value === null ? null : Math.round(r.value * 100) / 100 }));
    return many(
      table(units, { caption: '34 đơn vị, năm 2016, trọng số dân số' }),
      chart(mapChart(rows.map((r) => ({ ...pov[0], region: r.region, period: '2016', value: r.value, status: 'preliminary' as const, source: RAW })), { topology: await provinceTopology(), units: '34', title: 'Tỷ lệ hộ nghèo 2016 trên 34 đơn vị, trọng số dân số' }, 'vi')),
    );
  },
);

cell(
  {
    title: 'Biểu đồ nhỏ: 34 đơn vị mới, 2006–2016',
    prose: `Cùng phép gộp theo dân số, cho mọi năm: mỗi đơn vị mới một biểu đồ nhỏ, chung một thang đo, xếp theo tỷ lệ năm 2016. Đường đứt ở nơi đổi chuẩn nghèo, như biểu đồ đường. Phép gộp không giữ chuẩn của từng số, nên ô dưới gán lại chuẩn của năm (mọi tỉnh trong một năm đo theo cùng một chuẩn).
      Thẻ <chiso-multiples> là một điểm dừng Tab: phím mũi tên đi qua các ô, mỗi ô đọc mô tả riêng; Enter chọn đơn vị; menu Tải xuống lưu cả lưới thành một ảnh SVG hoặc PNG.`,
    en: 'The population-weighted merge for every year, as small multiples of the 34 units on shared scales, ordered by the 2016 rate; the standard of each year put back on the merged figures. <chiso-multiples> is one Tab stop: arrow keys move between panels, each read with its own description; Enter selects; Download saves the whole grid as one SVG or PNG.',
  },
  async () => {
    const [{ observations: pov }, { observations: people }] = await Promise.all([poverty(), loadFile('data/weights/population.csv')]);
    const merged = runQuery([...pov, ...people], {
      select: { indicators: ['poverty_rate'], regions: { level: 'province' } },
      derive: [{ op: 'reaggregate', weight: { indicator: 'population', series: 'total' } }],
    }, { onDiagnostic: () => {} });
    // Every province of a year is measured under the same standard: the country row's.
    const standard = new Map(pov.filter((o) => o.region === 'VN').map((o) => [o.period, o.series]));
    // Written with one decimal, as GSO writes the rates it merges.
    const units = (merged.objects() as Observation[]).map((o) => ({
      ...o, value: o.value === null ? null : Math.round(o.value * 10) / 10, series: standard.get(o.period) ?? null, source: RAW,
    }));
    const dashboard = document.createElement('chiso-dashboard');
    dashboard.setAttribute('lang', 'vi');
    dashboard.data = units;
    const multiples = document.createElement('chiso-multiples');
    multiples.setAttribute('indicator', 'poverty_rate');
    multiples.setAttribute('panels', '34');
    dashboard.append(multiples);
    return dashboard;
  },
);
