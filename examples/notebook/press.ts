// Nghèo đa chiều 2021–2025 theo báo chí: the poverty figures provincial and national pages reported,
// each with its page and phrase, on the 63-province map; as reported, not official statistics.
import { cell, many, note, chart, table, observations as observationTable } from './lib/notebook.js';
import { loadFile, nameOf, provinceTopology } from './lib/data.js';
import { barChart, mapChart } from '../../src/charts/index.js';
import { listRegions } from '../../src/registry/index.js';
import { latestWeights, pressTo34, unitObservations } from '../dashboard/press-34.js';
import type { Observation } from '../../src/types.js';

const PRESS = 'data/press/poverty_2021_2025.csv';
const press = () => loadFile(PRESS);
const provinces = new Set(listRegions('province').map((r) => r.id));

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
    prose: `Một bản đồ cho mỗi năm có số (2021–2025): các năm không trộn vào một bản đồ, vì mỗi năm là một lần rà soát khác. Tỉnh chưa tìm thấy số được tô riêng. Bản đồ 63 tỉnh, thành phố trước khi sắp xếp lại năm 2025.`,
    en: 'One map per year with figures (2021–2025): years are not mixed on one map, each is another annual review; provinces without a figure are grey. The 63 provinces before the 2025 reform.',
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
    prose: `Cùng quy tắc với bảng điều khiển (examples/dashboard/press-34.ts), mỗi năm một bản đồ: số báo đưa cho chính đơn vị mới (sau sắp xếp năm 2025) được dùng trước; đơn vị không sáp nhập giữ số của tỉnh cũ cùng năm; đơn vị gộp chỉ có số khi mọi tỉnh cũ đều có số cùng năm, và khi đó là trung bình có trọng số theo dân số (năm mới nhất có sẵn, giả định quy mô hộ như nhau). Không bao giờ trộn các năm.`,
    en: 'The dashboard’s rule (examples/dashboard/press-34.ts), one map per year: a figure reported for the new unit itself first; an unchanged unit keeps its old province’s figure of that year; a merged unit gets one only when every old province has a figure that year, population-weighted (latest bundled year, equal household sizes assumed). Years are never mixed.',
  },
  async () => {
    const [{ observations }, { observations: people }] = await Promise.all([press(), loadFile('data/weights/population.csv')]);
    const weights = latestWeights(people);
    const years = [...new Set(observations.filter((o) => o.indicator === 'poverty_rate' && o.series === null && /^(34:)?\d\d$/.test(o.region)).map((o) => o.period))].sort();
    const byYear = years.map((y) => ({ year: y, units: pressTo34(observations, weights, 'poverty_rate', y) }));
    const rows = byYear.flatMap(({ year, units }) =>
      units.filter((u) => u.value !== null).map((u) => ({ unit: u.unit, name: nameOf(u.unit), period: year, from: u.from.map(nameOf).join(', '), value: u.value, how: u.how })),
    );
    const topology = await provinceTopology();
    return many(
      table(rows, { caption: '34 đơn vị: tỷ lệ hộ nghèo theo báo chí, các năm có số' }),
      // A year whose figures all belong to merged units draws no map: there is nothing honest to show.
      ...byYear.filter(({ units }) => units.some((u) => u.value !== null)).map(({ year, units }) => chart(mapChart(unitObservations(units, 'poverty_rate'), { topology, units: '34', title: `Tỷ lệ hộ nghèo theo báo chí trên 34 đơn vị, ${year}` }, 'vi'))),
    );
  },
);
