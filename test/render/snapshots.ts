/**
 * The charts whose SVG is committed under test/output/: each a name and a function giving the
 * Vega-Lite spec, drawn from the real data in data/ through the loaders, the query layer and the
 * recipes, as `chiso render` would.
 */
import type { Observation } from '../../src/types.js';
import { readObservationsFile } from '../../src/data/read-file.js';
import { executeQuery, type QuerySpec } from '../../src/query/index.js';
import { readFileSync } from 'node:fs';
import type { Topology } from 'topojson-specification';
import { barChart, kpiChart, lineChart, mapChart, multiplesChart, progressChart, scatterChart, slopeChart } from '../../src/charts/index.js';
import { listRegions } from '../../src/registry/index.js';
import type { RenderSpec } from '../../src/render/spec.js';

const files = {
  poverty: 'data/observations/poverty_rate.csv',
  income: 'data/observations/income_per_capita.csv',
  seeds: 'data/seeds/observations.csv',
  units: 'data/observations/admin_units.csv',
} as const;

let topology: Topology | undefined;
/** The default map: 63 provinces with Hoàng Sa and Trường Sa (Open Development Vietnam, CC BY-SA 4.0). */
function vn63(): Topology {
  topology ??= JSON.parse(readFileSync('data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as Topology;
  return topology;
}
const cache = new Map<string, Observation[]>();

export function observations(name: keyof typeof files): Observation[] {
  let obs = cache.get(name);
  if (!obs) cache.set(name, (obs = readObservationsFile(files[name]).observations));
  return obs;
}

export function query(name: keyof typeof files, spec: QuerySpec): Observation[] {
  return executeQuery(observations(name) as unknown as Record<string, unknown>[], spec) as unknown as Observation[];
}

export interface Snapshot {
  name: string;
  /** Vietnamese text the drawing must contain, with its diacritics. */
  text: string;
  spec: () => RenderSpec | Promise<RenderSpec>;
}

const northCentral = () => listRegions('province').filter((r) => r.parent === 'R3').map((r) => r.id);

export const snapshots: Snapshot[] = [
  {
    name: 'poverty-map-63-2006',
    text: 'Tỷ lệ hộ nghèo',
    spec: () => mapChart(query('poverty', { select: { regions: { level: 'province' }, periods: ['2006'] } }), { topology: vn63() }, 'vi'),
  },
  {
    name: 'poverty-map-63-2016',
    text: 'Tỷ lệ hộ nghèo',
    spec: () => mapChart(query('poverty', { select: { regions: { level: 'province' }, periods: ['2016'] } }), { topology: vn63(), highlight: '42' }, 'vi'),
  },
  {
    // Rates merge into the 34 units as a weighted mean; no household counts by province are bundled,
    // so the weight is the number of communes, and the title says so.
    name: 'poverty-map-34-2016',
    text: 'theo số xã',
    spec: () =>
      mapChart(
        executeQuery([...observations('poverty'), ...observations('units')] as unknown as Record<string, unknown>[], {
          select: { indicators: ['poverty_rate', 'admin_units'], regions: { level: 'province' }, periods: ['2016'] },
          derive: [{ op: 'reaggregate', weight: { indicator: 'admin_units', series: 'communes' } }],
        }).filter((r) => r.indicator === 'poverty_rate') as unknown as Observation[],
        { topology: vn63(), units: '34', title: 'Tỷ lệ hộ nghèo 2016 (sơ bộ), 34 đơn vị hành chính từ 1/7/2025, bình quân gia quyền theo số xã' },
        'vi',
      ),
  },
  {
    name: 'ha-tinh-poverty-trend',
    text: 'Tỷ lệ hộ nghèo',
    spec: () => lineChart(query('poverty', { select: { regions: ['42', 'VN'] } }), {}, 'vi'),
  },
  {
    name: 'duc-tho-kpi-poverty',
    text: 'Đức Thọ',
    spec: () => kpiChart(query('seeds', { select: { indicators: ['poverty_rate'], regions: ['42-duc-tho'] } }), {}, 'vi'),
  },
  {
    name: 'duc-tho-kpi-income',
    text: 'Thu nhập bình quân đầu người',
    spec: () => kpiChart(query('seeds', { select: { indicators: ['income_per_capita'], regions: ['42-duc-tho'] } }), {}, 'vi'),
  },
  {
    name: 'ky-anh-party-registration',
    text: 'Kỳ Anh',
    spec: () => progressChart(query('seeds', { select: { indicators: ['party_org_registration'], regions: ['42-tx-ky-anh'] } }), {}, 'vi'),
  },
  {
    name: 'income-vs-poverty-2016',
    text: 'Tỷ lệ hộ nghèo',
    spec: () =>
      scatterChart(
        [...query('income', { select: { regions: { level: 'province' }, periods: ['2016'], series: ['total'] } }), ...query('poverty', { select: { regions: { level: 'province' }, periods: ['2016'] } })],
        { x: 'income_per_capita', y: 'poverty_rate', trend: true, highlight: '42' },
        'vi',
      ),
  },
  {
    name: 'poverty-slope-north-central-2012-2015',
    text: 'Hà Tĩnh',
    spec: () => slopeChart(query('poverty', { select: { regions: northCentral(), periods: ['2012', '2015'] } }), { highlight: '42' }, 'vi'),
  },
  {
    name: 'poverty-multiples-red-river-delta',
    text: 'Bắc Ninh',
    spec: () => multiplesChart(observations('poverty'), { panels: 'R1', fitWidth: 720 } as never, 'vi'),
  },
  {
    name: 'income-ranking-2016',
    text: 'Hồ Chí Minh',
    spec: () =>
      barChart(
        query('income', {
          select: { regions: { level: 'province' }, periods: ['2016'], series: ['total'] },
          orderby: [{ column: 'value', order: 'desc' }],
          limit: 15,
        }),
        {},
        'vi',
      ),
  },
  {
    name: 'poverty-ranking-2016-en',
    text: 'Lai Chau',
    spec: () =>
      barChart(query('poverty', { select: { regions: { level: 'province' }, periods: ['2016'] }, orderby: [{ column: 'value', order: 'desc' }], limit: 12 }), { highlight: '42' }, 'en'),
  },
];
