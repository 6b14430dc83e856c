/** Observations whose ids and texts look like SQL, and a registry that knows the hostile region. */
import { defaultRegistry, type QueryRegistry } from '../../src/query/index.js';
import type { Observation } from '../../src/types.js';
import { obs } from '../query/fixtures.js';

export const EVIL_REGION = "'); DROP TABLE x; --";
export const EVIL_INDICATOR = "poverty_rate'); DELETE FROM observations; --";
export const EVIL_SERIES = "' OR 1=1 --";
export const EVIL_PERIOD = '2020\'); SELECT pg_sleep(1); --';

export function hostileRows(): Observation[] {
  return [
    obs({ indicator: 'poverty_rate', region: EVIL_REGION, period: '2020', value: 1 }),
    obs({ indicator: 'poverty_rate', region: '42', period: '2020', value: 2, source: '$1 {p1:String} \\\' " `' }),
    obs({ indicator: EVIL_INDICATOR, region: '42', period: EVIL_PERIOD, value: 3, series: EVIL_SERIES, quote: "Robert'); DROP TABLE students;--" }),
    obs({ indicator: 'poverty_rate', region: '42', period: '2021', value: 4, series: EVIL_SERIES }),
  ];
}

/** chiso's registry, plus the hostile region id as a province of its own. */
export const hostileRegistry: QueryRegistry = {
  indicator: (id) => defaultRegistry.indicator(id),
  region: (id) =>
    id === EVIL_REGION
      ? { id, level: 'district', name: id, fullName: id, nameEn: id, parent: '42', validFrom: null, validTo: null, successor: null, aliases: [] }
      : defaultRegistry.region(id),
  regions: (level) => defaultRegistry.regions(level),
};

export const hostileSpecs: [string, unknown][] = [
  ['region id bound as data', { select: { regions: [EVIL_REGION] } }],
  ['indicator id bound as data', { select: { indicators: [EVIL_INDICATOR] } }],
  ['series and period bound as data', { select: { series: [EVIL_SERIES], periods: [EVIL_PERIOD] } }],
  ['change base bound as data', { derive: [{ op: 'change', base: EVIL_PERIOD }] }],
  ['target keys bound as data', { derive: [{ op: 'gapToTarget', target: { [EVIL_INDICATOR]: 1, poverty_rate: 3 } }] }],
  ['denominator indicator bound as data', { derive: [{ op: 'share', denominator: { indicator: EVIL_INDICATOR, series: EVIL_SERIES } }] }],
  ['everything, ordered by texts', { orderby: ['source', 'quote', 'series'] }],
];
