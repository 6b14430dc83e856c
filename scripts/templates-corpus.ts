/**
 * The specs chiso's built-in recipes give `<chiso-chart>`, `<chiso-map>` and `<chiso-multiples>`
 * (as the elements split them, src/components/core/live-spec.ts): each recipe and its variants, in
 * both languages, at a phone's, a column's and a page's width, with a highlight, in high contrast.
 * `scripts/templates.ts` compiles one Vega template per key among them (src/render/holes.ts);
 * test/render/compiled-shapes.test.ts proves each equal to what Vega-Lite compiles.
 */
import { readFileSync } from 'node:fs';
import type { TopLevelSpec } from 'vega-lite';
import { readObservationsFile } from '../src/data/read-file.js';
import { executeQuery, type QuerySpec } from '../src/query/index.js';
import { chart, type ChartType } from '../src/charts/index.js';
import { listRegions } from '../src/registry/index.js';
import { liveSpec } from '../src/components/core/live-spec.js';
import type { Observation } from '../src/types.js';

const cache = new Map<string, Observation[]>();
function rows(file: string, q: QuerySpec): Observation[] {
  let all = cache.get(file);
  if (!all) cache.set(file, (all = readObservationsFile(file).observations));
  return executeQuery(all as unknown as Record<string, unknown>[], q) as unknown as Observation[];
}
const POVERTY = 'data/observations/poverty_rate.csv';
const INCOME = 'data/observations/income_per_capita.csv';
const SEEDS = 'data/observations/seeds.csv';

export interface CorpusSpec {
  name: string;
  /** The spec as `embedChart` gets it (rows and values split out). */
  spec: () => TopLevelSpec;
}

let topology: object | undefined;
/** The map's boundaries (one object, as a page hands its map one). */
const vn63 = () => (topology ??= JSON.parse(readFileSync('data/geo/vn63_provinces_odv.topojson.json', 'utf8')) as object);
const provinces = () => listRegions('province').map((r) => r.id);
const northCentral = () => listRegions('province').filter((r) => r.parent === 'R3').map((r) => r.id);

export function corpus(): CorpusSpec[] {
  const out: CorpusSpec[] = [];
  const add = (name: string, type: ChartType, data: () => Observation[], options: Record<string, unknown>) => {
    for (const locale of ['vi', 'en'] as const) {
      for (const width of [360, 720, 1100]) {
        for (const contrast of [undefined, 'high']) {
          const opts = { ...options, fitWidth: width, ...(contrast ? { contrast } : {}) };
          out.push({
            name: `${name} ${locale} ${width}px${contrast ? ' high contrast' : ''}`,
            spec: () => liveSpec(chart(type, data(), opts as never, locale) as TopLevelSpec).spec,
          });
        }
      }
    }
  };
  const poverty = (regions: string[], periods?: string[]) => () => rows(POVERTY, { select: { regions, ...(periods ? { periods } : {}) } });
  add('line, 1 region', 'line', poverty(['42']), { indicator: 'poverty_rate' });
  add('line, 2 regions', 'line', poverty(['42', 'VN']), { indicator: 'poverty_rate' });
  add('line, 4 regions', 'line', poverty(['42', 'VN', '01', '79']), { indicator: 'poverty_rate' });
  add('line, 4 regions, titled', 'line', poverty(['42', 'VN', '01', '79']), { indicator: 'poverty_rate', title: 'Tỷ lệ hộ nghèo' });
  add('line, 6 regions', 'line', poverty(northCentral()), { indicator: 'poverty_rate' });
  add('line, income', 'line', () => rows(INCOME, { select: { regions: ['42', 'VN'] } }), {});
  add('bar, provinces 2016', 'bar', poverty(provinces(), ['2016']), { indicator: 'poverty_rate' });
  add('bar, highlighted', 'bar', poverty(provinces(), ['2016']), { indicator: 'poverty_rate', highlight: ['42'] });
  add('bar, north central', 'bar', poverty(northCentral(), ['2016']), { indicator: 'poverty_rate', highlight: ['42', '40'] });
  add('slope', 'slope', poverty(northCentral(), ['2012', '2015']), { indicator: 'poverty_rate', highlight: '42' });
  add('slope, 2 regions', 'slope', poverty(['42', 'VN'], ['2012', '2016']), { indicator: 'poverty_rate' });
  add('scatter', 'scatter', () => [...rows(POVERTY, { select: { regions: { level: 'province' }, periods: ['2016'] } }), ...rows(INCOME, { select: { regions: { level: 'province' }, periods: ['2016'] } })], { x: 'income_per_capita', y: 'poverty_rate' });
  add('multiples', 'multiples', () => rows(POVERTY, { select: {} }), { indicator: 'poverty_rate', panels: 'R1' });
  add('map', 'map', poverty(provinces(), ['2016']), { indicator: 'poverty_rate', topology: vn63(), units: '63' });
  add('map, highlighted', 'map', poverty(provinces(), ['2016']), { indicator: 'poverty_rate', topology: vn63(), units: '63', highlight: ['42'] });
  add('progress', 'progress', () => rows(SEEDS, { select: { indicators: ['party_org_registration'], regions: ['42-tx-ky-anh'] } }), {});
  return out;
}

