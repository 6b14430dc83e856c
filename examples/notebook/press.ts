// Nghèo đa chiều 2021–2025 theo báo chí: the poverty figures provincial and national pages reported,
// each with its page and phrase, on the 63-province map; as reported, not official statistics.
import { cell, many, note, chart, table, observations as observationTable } from './lib/notebook.js';
import { loadFile, nameOf, provinceTopology } from './lib/data.js';
import { barChart, mapChart } from '../../src/charts/index.js';
import { listRegions, predecessors } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';

const PRESS = 'data/press/poverty_2021_2025.csv';
const press = () => loadFile(PRESS);
const provinces = new Set(listRegions('province').map((r) => r.id));

/** The latest year a province's rate was reported, one row per province (for the 34 units, which take one figure each). */
function latest(rows: readonly Observation[], indicator: string): Observation[] {
  const best = new Map<string, Observation>();
  for (const o of rows) {
    if (o.indicator !== indicator || o.series !== null || !provinces.has(o.region)) continue;
    const seen = best.get(o.region);
    if (!seen || o.period > seen.period) best.set(o.region, o);
  }
  return [...best.values()];
}

cell(
  {
    title: 'Số liệu theo báo chí, mỗi số kèm trang và câu trích',
    prose: `data/press/poverty_2021_2025.csv: tỷ lệ hộ nghèo, cận nghèo và nghèo đa chiều (nghèo và cận nghèo) 2021–2025 theo tỉnh, vùng và cả nước, do báo tỉnh, cổng thông tin và báo trung ương đưa tin. Đây là số liệu như báo đưa, không phải số thống kê chính thức: mỗi số giữ địa chỉ trang và câu trích để đối chiếu.`,
    en: 'Poverty, near-poverty and multidimensional (poor and near-poor) rates 2021–2025 as the press reported them, each with its page and phrase: as reported, not official statistics.',
  },
  async () => {
    const { observations } = await press();
    const covered = new Set(observations.filter((o) => provinces.has(o.region)).map((o) => o.region));
    return many(
      note(`${observations.length} số liệu, ${covered.size} tỉnh có số, cùng sáu vùng và cả nước.`, `${observations.length} figures, ${covered.size} provinces, the six regions and the country.`),
      observationTable(observations, { caption: 'Số liệu nghèo theo báo chí / poverty figures as reported', columns: ['indicator', 'region', 'period', 'value', 'series', 'source', 'quote'] }),
    );
  },
);

cell(
  {
    title: 'Bản đồ: tỷ lệ hộ nghèo theo báo chí, mỗi năm một bản đồ',
    prose: `Một bản đồ cho mỗi năm có số (2021–2024): các năm không trộn vào một bản đồ, vì mỗi năm là một lần rà soát khác. Tỉnh chưa tìm thấy số được tô riêng. Bản đồ 63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.`,
    en: 'One map per year with figures (2021–2024): years are not mixed on one map, each is another annual review; provinces without a figure are grey. The 63 provinces before the 2025 reform.',
  },
  async () => {
    const { observations } = await press();
    const topology = await provinceTopology();
    const rows = observations.filter((o) => o.indicator === 'poverty_rate' && o.series === null && provinces.has(o.region));
    const years = [...new Set(rows.map((o) => o.period))].sort();
    return many(...years.map((y) => chart(mapChart(rows.filter((o) => o.period === y), { topology, title: `Tỷ lệ hộ nghèo theo báo chí, ${y}` }, 'vi'))));
  },
);

cell(
  {
    title: 'Nghèo đa chiều theo vùng, 2022 và 2023',
    prose: `Tỷ lệ nghèo đa chiều (hộ nghèo và hộ cận nghèo) của sáu vùng và cả nước theo kết quả rà soát của Bộ Lao động - Thương binh và Xã hội, như báo đưa tin.`,
    en: 'The multidimensional rate (poor and near-poor) of the six regions and the country, 2022 and 2023, as reported from the ministry’s annual review.',
  },
  async () => {
    const { observations } = await press();
    const rows = observations.filter((o) => o.indicator === 'poor_near_poor_rate' && o.series === null && /^(?:VN|R\d)$/.test(o.region) && (o.period === '2022' || o.period === '2023'));
    return chart(barChart(rows.filter((o) => o.period === '2023'), { title: 'Tỷ lệ nghèo đa chiều theo vùng, 2023 (theo báo chí)', order: 'descending' }, 'vi'));
  },
);

cell(
  {
    title: 'Trên 34 đơn vị mới: chỉ khi gộp được một cách trung thực',
    prose: `Đơn vị không sáp nhập giữ số của tỉnh cũ (năm mới nhất có đưa tin). Đơn vị gộp từ nhiều tỉnh chỉ có tỷ lệ khi mọi tỉnh cũ đều có, cho cùng một năm, cả tỷ lệ hộ nghèo lẫn số hộ nghèo: khi đó số hộ của mỗi tỉnh là số hộ nghèo chia tỷ lệ, và tỷ lệ của đơn vị mới là tổng hộ nghèo trên tổng số hộ. Không bao giờ lấy trung bình các tỷ lệ.`,
    en: 'Unchanged units keep their old province’s latest rate; a merged unit gets a rate only when every old province reported both its rate and its poor households for the same year (households = poor / rate, rate = Σ poor / Σ households); rates are never averaged.',
  },
  async () => {
    const { observations } = await press();
    const rate = (region: string) => latest(observations, 'poverty_rate').find((o) => o.region === region) ?? null;
    const count = (region: string, period: string) =>
      observations.find((o) => o.indicator === 'poor_households' && o.series === 'poor' && o.region === region && o.period === period) ?? null;
    const rows = listRegions('province2025').map((unit) => {
      const from = predecessors(unit.id);
      const base = { unit: unit.id, name: unit.name, from: from.map(nameOf).join(', ') };
      if (from.length === 1) {
        const r = rate(from[0]);
        return { ...base, period: r?.period ?? null, value: r?.value ?? null, how: r ? 'giữ nguyên / unchanged' : 'chưa có số / no figure' };
      }
      const rates = from.map(rate);
      const period = rates[0]?.period;
      const parts = rates.map((r, i) => (r && r.period === period && r.value ? { rate: r.value, poor: count(from[i], period!)?.value ?? null } : null));
      if (!period || parts.some((p) => !p || p.poor === null)) return { ...base, period: null, value: null, how: 'không gộp được: thiếu số cùng năm / cannot combine: figures missing for one year' };
      const poor = parts.reduce((s, p) => s + p!.poor!, 0);
      const households = parts.reduce((s, p) => s + (p!.poor! / p!.rate) * 100, 0);
      return { ...base, period, value: Math.round((poor / households) * 10000) / 100, how: 'gộp theo số hộ / combined by households' };
    });
    const shown = rows.filter((r) => r.value !== null).map((r) => ({ ...observations[0], indicator: 'poverty_rate', region: r.unit, period: r.period!, value: r.value, series: null, quote: null }));
    const topology = await provinceTopology();
    const years = [...new Set(shown.map((o) => o.period))].sort();
    return many(
      table(rows, { caption: '34 đơn vị: tỷ lệ hộ nghèo theo báo chí' }),
      ...years.map((y) => chart(mapChart(shown.filter((o) => o.period === y), { topology, units: '34', title: `Tỷ lệ hộ nghèo theo báo chí trên 34 đơn vị, ${y}` }, 'vi'))),
    );
  },
);
