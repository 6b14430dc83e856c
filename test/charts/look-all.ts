// `npx tsx test/charts/look-all.ts`: every recipe on real figures, as PNG under /tmp/chiso-look.
import { lineChart } from '../../src/charts/line.js';
import { barChart } from '../../src/charts/bar.js';
import { kpiChart } from '../../src/charts/kpi.js';
import { slopeChart } from '../../src/charts/slope.js';
import { scatterChart } from '../../src/charts/scatter.js';
import { progressChart } from '../../src/charts/progress.js';
import { mapChart } from '../../src/charts/map.js';
import { readFileSync } from 'node:fs';
import { gsoIncome, gsoPoverty, load } from './helpers.js';
import { look } from './look.js';

const poverty = gsoPoverty();
const some = (ids: string[]) => poverty.filter((o) => ids.includes(o.region));

const seeds = load('data/seeds/observations.csv');
const quoted = load('data/quoted/observations.csv');

const vn63 = JSON.parse(readFileSync(new URL('../../data/geo/vn63_provinces_odv.topojson.json', import.meta.url), 'utf8'));

const jobs: [string, () => Parameters<typeof look>[1]][] = [
  ['line-vi', () => lineChart(some(['42', '06', 'VN']), {})],
  ['line-en', () => lineChart(some(['42', '06', 'VN']), {}, 'en')],
  ['line-highlight', () => lineChart(some(['42', '06', 'VN', '75', '91', '01']), { highlight: ['42'] })],
  ['kpi-poverty-2015', () => kpiChart(poverty, { region: '42', period: '2015' })],
  ['kpi-poverty-2016', () => kpiChart(poverty, { region: '42' })],
  ['kpi-fraction', () => kpiChart(seeds, { indicator: 'party_org_registration' })],
  ['kpi-qualified', () => kpiChart(seeds, { indicator: 'study_participation' })],
  ['kpi-income-danang', () => kpiChart(quoted, { indicator: 'income_per_capita', region: '48', series: 'total' }, 'en')],
  ['slope-regions', () => slopeChart(poverty.filter((o) => /^R\d$/.test(o.region)), { periods: ['2010', '2015'] })],
  ['slope-provinces', () => slopeChart(poverty, { periods: ['2012', '2015'], highlight: ['42', '06'] })],
  ['scatter', () => scatterChart([...gsoIncome(), ...poverty], { x: 'income_per_capita', y: 'poverty_rate', trend: true, highlight: '42' })],
  ['scatter-en', () => scatterChart([...gsoIncome(), ...poverty], { x: 'income_per_capita', y: 'poverty_rate', label: 'none' }, 'en')],
  ['progress-seeds', () => progressChart(seeds, { target: 100 })],
  ['progress-new-rural', () => progressChart(quoted, { indicator: 'new_rural_communes', regions: ['VN'] })],
  ['progress-new-rural-en', () => progressChart(quoted.filter((o) => o.period !== '2025-06' || o.indicator !== 'new_rural_communes' || true), { indicator: 'new_rural_communes' }, 'en')],
  ['map-2016', () => mapChart(poverty, { topology: vn63, highlight: '42' })],
  ['map-2006-en', () => mapChart(poverty, { topology: vn63, period: '2006', scale: 'linear', projection: 'conic' }, 'en')],
  ['map-34', () => mapChart(poverty.filter((o) => o.period === '2016').map((o) => ({ ...o, region: o.region.length === 2 ? '34:' + o.region : o.region })).filter((o) => ['34:42', '34:19', '34:91', '34:01', '34:79', '34:48', '34:56', '34:11'].includes(o.region)), { topology: vn63 })],
  ['line-dates', () => lineChart(quoted, { indicator: 'new_rural_share', regions: ['VN'] })],
  ['line-danang-income', () => lineChart(quoted.filter((o) => o.region === '48' && o.series === 'total'), { indicator: 'income_per_capita' })],
  ['bar-few-en', () => barChart(poverty, { regions: ['42', '06', '75', '91', '01', '79', '40'], highlight: '42' }, 'en')],
  ['map-change', () => {
    const y2012 = new Map(poverty.filter((o) => o.period === '2012').map((o) => [o.region, o.value]));
    const change = poverty.filter((o) => o.period === '2015' && o.value !== null && y2012.get(o.region) != null)
      .map((o) => ({ ...o, value: Math.round(((o.value as number) - (y2012.get(o.region) as number)) * 10) / 10 }));
    return mapChart(change, { topology: vn63, midpoint: 0, title: 'Thay đổi tỷ lệ hộ nghèo 2012–2015 (điểm %)' });
  }],
  ['line-all-highlight', () => lineChart(poverty, { highlight: ['42', 'VN'] })],
  ['scatter-all', () => scatterChart([...gsoIncome(), ...poverty], { x: 'income_per_capita', y: 'poverty_rate', label: 'all', period: '2014' })],
  ['bar-vi', () => barChart(poverty, { highlight: '42' })],
  ['bar-income-regions', () => barChart(gsoIncome().filter((o) => /^(VN|R\d)$/.test(o.region)), { period: '2016', order: 'descending' })],
  ['bar-income-regions-en', () => barChart(gsoIncome().filter((o) => /^(VN|R\d)$/.test(o.region)), { period: '2016', order: 'descending' }, 'en')],
  ['bar-income-provinces', () => barChart(gsoIncome(), { period: '2016', highlight: ['42', '79'] })],
  ['progress-highlight', () => progressChart(seeds, { target: 100, highlight: '42-tx-ky-anh' })],
  ['progress-highlight-tiers', () => progressChart(quoted, { indicator: 'new_rural_communes', highlight: 'VN' }, 'en')],
  ['map-quantize-en', () => mapChart(gsoIncome(), { topology: vn63, period: '2016', scale: 'quantize', classes: 4 }, 'en')],
  ['bar-change', () => {
    const y2012 = new Map(poverty.filter((o) => o.period === '2012').map((o) => [o.region, o.value]));
    const change = poverty.filter((o) => o.period === '2015' && o.value !== null && y2012.get(o.region) != null && /^R\d$/.test(o.region))
      .map((o) => ({ ...o, value: Math.round(((o.value as number) - (y2012.get(o.region) as number)) * 10) / 10 }));
    change.push({ ...change[0], region: 'R5', value: 0.4 });
    return barChart(change.filter((o, i, a) => a.findIndex((x) => x.region === o.region) === i || o.value === 0.4).filter((o) => !(o.region === 'R5' && o.value !== 0.4)), { title: 'Thay đổi tỷ lệ hộ nghèo 2012–2015 (điểm %)', reference: null });
  }],
  ['kpi-seed-source', () => kpiChart(seeds, { indicator: 'poverty_rate' })],
];
for (const [name, make] of jobs) {
  const warnings = await look(name, make());
  console.log(name, warnings.length ? warnings : 'ok');
}
