// Nghèo đa chiều 2021–2025 theo báo chí: the poverty figures provincial and national pages reported,
// each with its page and phrase, on the 63-province map; as reported, not official statistics.
import { cell, many, note, chart, observations as observationTable } from './lib/notebook.js';
import { loadFile, provinceTopology } from './lib/data.js';
import { barChart, mapChart } from '../../src/charts/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';

const PRESS = 'data/press/poverty_2021_2025.csv';
const press = () => loadFile(PRESS);
const provinces = new Set(listRegions('province').map((r) => r.id));

/** The latest year a province's rate was reported, one row per province. */
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
    title: 'Bản đồ: tỷ lệ hộ nghèo mới nhất mỗi tỉnh có đưa tin',
    prose: `Mỗi tỉnh lấy năm gần nhất có số (2021–2024, khác nhau giữa các tỉnh, xem bảng trên); tỉnh chưa tìm thấy số được tô riêng. Bản đồ 63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.`,
    en: 'The latest reported poverty rate of each province (years differ, see the table); provinces without a figure are grey. The 63 provinces before the 2025 reform.',
  },
  async () => {
    const { observations } = await press();
    const rows = latest(observations, 'poverty_rate');
    return mapChart(rows, { topology: await provinceTopology(), title: 'Tỷ lệ hộ nghèo theo báo chí, năm mới nhất có số (2021–2024)' }, 'vi');
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
