// Thu nhập và nghèo: income per capita against the poverty rate by province, in the right units.
import * as aq from 'arquero';
import { op } from 'arquero';
import { cell, many, table, note, chart } from './lib/notebook.js';
import { loadFile, nameOf } from './lib/data.js';
import { convertUnit, listRegions } from '../../src/registry/index.js';
import { scatterChart } from '../../src/charts/index.js';
import type { Observation } from '../../src/types.js';

const income = () => loadFile('data/gso/raw/monthly_income_per_capita_by_province.csv', { format: 'gso' });
const poverty = () => loadFile('data/gso/raw/poverty_rate_by_province.csv', { format: 'gso' });
const seeds = () => loadFile('data/seeds/observations.csv');
const quoted = () => loadFile('data/quoted/observations.csv');
const provinces = new Set(listRegions('province').map((r) => r.id));

cell(
  {
    title: 'Thu nhập bình quân đầu người theo tỉnh (GSO)',
    prose: `Tệp GSO cho thu nhập bình quân một người một tháng, đơn vị nghìn đồng, giá hiện hành, các năm 2010, 2012, 2014, 2016, chia theo nguồn thu (tổng, tiền lương, nông nghiệp, phi nông nghiệp, khác). Ở đây chỉ lấy chuỗi "total".`,
    en: 'GSO monthly income per capita in thousand VND, current prices, by province and income source; the total series is used here.',
  },
  async () => {
    const { observations, summary } = await income();
    const total = observations.filter((o) => o.series === 'total');
    return many(
      note(
        `${summary.observations} quan sát (${summary.missing} thiếu) từ ${summary.rowsRead} dòng; đơn vị: ${[...new Set(observations.map((o) => o.unit))].join(', ')}.`,
        `${summary.observations} observations (${summary.missing} missing); unit: thousand VND per person per month.`,
      ),
      table(total, { columns: ['region', 'period', 'value', 'unit', 'series', 'status'] }),
    );
  },
);

cell(
  {
    title: 'Cùng một đơn vị trước khi so sánh',
    prose: `Báo cáo cấp huyện viết "triệu đồng/người/năm", báo chí viết "triệu đồng/người/tháng", GSO dùng "nghìn đồng/người/tháng". 60,2 triệu đồng một năm không lớn hơn 5,4 triệu đồng một tháng: quy về cùng đơn vị bằng convertUnit của danh mục rồi mới đặt cạnh nhau.`,
    en: 'District reports write million VND per year, the press million per month, GSO thousand per month: convertUnit puts them in one unit before they are compared.',
  },
  async () => {
    const [{ observations: s }, { observations: q }, { observations: g }] = await Promise.all([seeds(), quoted(), income()]);
    const picked: Observation[] = [
      ...s.filter((o) => o.indicator === 'income_per_capita'),
      ...q.filter((o) => o.indicator === 'income_per_capita' && ['VN', '42'].includes(o.region)),
      ...g.filter((o) => o.series === 'total' && ['VN', '42'].includes(o.region) && o.period === '2016'),
    ];
    return picked.map((o) => ({
      region: nameOf(o.region),
      period: o.period,
      series: o.series,
      'as written': o.value,
      unit: o.unit,
      'nghìn đồng/người/tháng': Math.round(convertUnit(o.value, o.unit, 'nghìn đồng/người/tháng') ?? NaN),
      'triệu đồng/người/năm': Math.round((convertUnit(o.value, o.unit, 'triệu đồng/người/năm') ?? NaN) * 10) / 10,
      source: o.quote ?? o.source,
    }));
  },
);

cell(
  {
    title: 'Ghép thu nhập với tỷ lệ hộ nghèo',
    prose: `Nối hai bảng theo tỉnh và năm (Arquero join). Các năm có cả hai chỉ tiêu: 2010, 2012, 2014, 2016. Hệ số tương quan theo từng năm cho thấy mối quan hệ nghịch chiều: tỉnh thu nhập cao thường có tỷ lệ hộ nghèo thấp.`,
    en: 'Income joined to poverty by province and year; the correlation per year is strongly negative.',
  },
  async () => {
    const [{ observations: inc }, { observations: pov }] = await Promise.all([income(), poverty()]);
    const x = aq.from(inc.filter((o) => o.series === 'total' && provinces.has(o.region))).select({ region: 'region', period: 'period', value: 'income' });
    const y = aq.from(pov.filter((o) => provinces.has(o.region))).select({ region: 'region', period: 'period', value: 'poverty' });
    const joined = x.join(y, [['region', 'period'], ['region', 'period']]).filter((d: { income: number | null; poverty: number | null }) => d.income != null && d.poverty != null);
    const byYear = joined
      .groupby('period')
      .rollup({ provinces: op.count(), r: op.corr('income', 'poverty') })
      .derive({ r: (d: { r: number }) => op.round(d.r * 1000) / 1000 });
    return many(table(byYear, { caption: 'Hệ số tương quan Pearson theo năm' }), table(joined, { caption: 'Tỉnh × năm' }));
  },
);

cell(
  {
    title: 'Quan hệ năm 2016 và các tỉnh lệch xu hướng',
    prose: `Biểu đồ phân tán (scatter) của chiso, có đường xu hướng bình phương tối thiểu; tên tỉnh ghi ở các điểm cách xu hướng hơn hai độ lệch chuẩn phần dư và ở hai đầu mỗi trục. Bảng dưới tính cùng phần dư bằng Arquero để xem con số.
      Năm 2016 là số sơ bộ; TP Hồ Chí Minh thiếu tỷ lệ hộ nghèo năm 2016 nên không có trên biểu đồ.`,
    en: 'The scatter recipe with a least-squares trend, naming points more than two residual standard deviations from it and the extremes; the residuals computed with Arquero below.',
  },
  async () => {
    const [{ observations: inc }, { observations: pov }] = await Promise.all([income(), poverty()]);
    const rows = [...inc.filter((o) => o.series === 'total'), ...pov].filter((o) => provinces.has(o.region) && o.period === '2016');
    const spec = scatterChart(rows, { x: 'income_per_capita', y: 'poverty_rate', xSeries: 'total', period: '2016', trend: true, label: 'outliers' }, 'vi');
    const pts = aq
      .from(inc.filter((o) => o.series === 'total' && provinces.has(o.region) && o.period === '2016'))
      .select({ region: 'region', value: 'income' })
      .join(aq.from(pov.filter((o) => provinces.has(o.region) && o.period === '2016')).select({ region: 'region', value: 'poverty' }), 'region')
      .filter((d: { income: number | null; poverty: number | null }) => d.income != null && d.poverty != null);
    const fit = pts.rollup({ b: op.covariance('income', 'poverty'), v: op.variance('income'), mx: op.mean('income'), my: op.mean('poverty') }).object() as { b: number; v: number; mx: number; my: number };
    const slope = fit.b / fit.v;
    const residuals = pts
      .params({ slope, a: fit.my - slope * fit.mx })
      .derive({ trend: (d: { income: number }, $: { slope: number; a: number }) => $.a + $.slope * d.income })
      .derive({ residual: (d: { poverty: number; trend: number }) => op.round((d.poverty - d.trend) * 100) / 100 });
    const sd = Math.sqrt((residuals.rollup({ ss: (d: { residual: number }) => op.sum(d.residual * d.residual) }).get('ss', 0) as number) / (residuals.numRows() - 2));
    const far = residuals
      .params({ limit: 2 * sd })
      .derive({ distance: (d: { residual: number }) => op.abs(d.residual) })
      .filter((d: { distance: number }, $: { limit: number }) => d.distance > $.limit)
      .orderby(aq.desc('distance'));
    return many(
      chart(spec),
      note(
        `Độ dốc: ${(slope * 1000).toFixed(2).replace('.', ',')} điểm % cho mỗi 1 triệu đồng/tháng; độ lệch chuẩn phần dư ${sd.toFixed(2).replace('.', ',')} điểm %.`,
        `Slope ${(slope * 1000).toFixed(2)} points per million VND a month; residual SD ${sd.toFixed(2)} points.`,
      ),
      table(far.derive({ name: aq.escape((d: { region: string }) => nameOf(d.region)) }).select('region', 'name', 'income', 'poverty', 'residual'), {
        caption: 'Tỉnh cách xu hướng hơn 2 độ lệch chuẩn (2016)',
      }),
    );
  },
);
