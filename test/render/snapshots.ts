/**
 * The charts whose SVG is committed under test/output/: each a name and a function giving the
 * Vega-Lite spec, drawn from the real data in data/ through the loaders, the query layer and the
 * recipes, as `chiso render` would.
 */
import type { Observation } from '../../src/types.js';
import { readObservationsFile } from '../../src/data/read-file.js';
import { executeQuery, type QuerySpec } from '../../src/query/index.js';
import { barChart, lineChart } from '../../src/charts/index.js';
import type { ChartSpec } from '../../src/render/spec.js';

const files = {
  poverty: 'data/observations/poverty_rate.csv',
  income: 'data/observations/income_per_capita.csv',
  seeds: 'data/seeds/observations.csv',
} as const;
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
  spec: () => ChartSpec | Promise<ChartSpec>;
}

export const snapshots: Snapshot[] = [
  {
    name: 'ha-tinh-poverty-trend',
    text: 'Tỷ lệ hộ nghèo',
    spec: () => lineChart(query('poverty', { select: { regions: ['42', 'VN'] } }), {}, 'vi'),
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
