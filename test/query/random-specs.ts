/**
 * Random query specs within `QUERY_LIMITS`, for property tests: seeded, so a failing spec is found
 * again from its seed. They use the synthetic tables' vocabulary (test/sql/fixtures.ts): most compile
 * and run; some fail alike on every engine (a rate merged without weight, a rank without direction).
 */
import { prng } from '../prng.js';
import { OBSERVATION_COLUMNS } from '../../src/query/checks.js';

type Spec = Record<string, unknown>;

const INDICATORS = ['poverty_rate', 'income_per_capita', 'new_rural_communes', 'admin_units', 'households'];
const REGIONS = ['01', '26', '42', '44', '45', '79', '91', 'VN', 'R1', '34:42', '42-duc-tho'];
const PERIODS = ['2006', '2008', '2010', '2012', '2014', '2016', '2016-2018', '2021-2023', '2024-05-07'];
const SERIES = [null, 'rural', 'total', 'standard', 'model', 'communes'];
const NAMES = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

export interface RandomSpecOptions {
  /** Steps at most. Default 6. */
  maxSteps?: number;
  /** Longest list of ids. Default 8. */
  maxList?: number;
}

export function randomSpecs(seed: number, count: number, options: RandomSpecOptions = {}): Spec[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, () => randomSpec(rnd, options));
}

function randomSpec(rnd: () => number, { maxSteps = 6, maxList = 8 }: RandomSpecOptions): Spec {
  const int = (n: number) => Math.floor(rnd() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)];
  const some = <T>(xs: readonly T[], n = maxList): T[] => Array.from({ length: 1 + int(n) }, () => pick(xs)).filter((x, i, a) => a.indexOf(x) === i);
  const select: Spec = {};
  if (rnd() < 0.7) select.indicators = some(INDICATORS, Math.min(maxList, 3));
  const r = rnd();
  if (r < 0.25) select.regions = some(REGIONS);
  else if (r < 0.35) select.regions = { level: 'province' };
  else if (r < 0.4) select.regions = { parent2025: pick(['34:42', '34:91', '34:01']) };
  const p = rnd();
  if (p < 0.2) select.periods = some(PERIODS);
  else if (p < 0.4) select.periods = { from: 2006 + int(12), ...(rnd() < 0.5 ? { to: 2012 + int(14) } : {}) };
  else if (p < 0.5) select.periods = 'latest';
  if (rnd() < 0.2) select.series = rnd() < 0.3 ? null : some(SERIES, 3);
  if (rnd() < 0.15) select.status = pick(['final', 'preliminary']);

  // The columns present after each step, so most steps find what they read.
  let cols: string[] = [...OBSERVATION_COLUMNS, 'population'];
  const names = new Set<string>();
  const fresh = () => {
    const free = NAMES.filter((n) => !names.has(n));
    const n = free.length && rnd() < 0.8 ? pick(free) : pick(NAMES);
    names.add(n);
    return n;
  };
  const derive: Spec[] = [];
  const steps = int(maxSteps + 1);
  for (let i = 0; i < steps; i++) {
    const last = i === steps - 1;
    const op = pick(['change', 'percentChange', 'rank', 'share', 'gapToTarget', 'latest', 'reaggregate', ...(last ? ['summarize'] : [])]);
    const add = (...outs: string[]) => (cols = [...cols.filter((c) => !outs.includes(c)), ...outs]);
    switch (op) {
      case 'change':
      case 'percentChange': {
        const s: Spec = { op, as: fresh() };
        if (rnd() < 0.3) s.base = pick(PERIODS);
        derive.push(s);
        add(s.as as string);
        break;
      }
      case 'rank': {
        const s: Spec = { op, as: fresh(), direction: pick(['asc', 'desc']) };
        derive.push(s);
        add(s.as as string);
        break;
      }
      case 'share': {
        const s: Spec = { op, as: fresh(), scale: pick([1, 100, 0.5]) };
        if (rnd() < 0.5) s.denominator = { indicator: 'households', series: null };
        derive.push(s);
        add(s.as as string);
        break;
      }
      case 'gapToTarget': {
        const s: Spec = { op, as: fresh(), reachedAs: `${fresh()}_ok`, target: rnd() < 0.5 ? int(100) : { poverty_rate: 10, households: 500 } };
        derive.push(s);
        add(s.as as string, s.reachedAs as string);
        break;
      }
      case 'latest':
        derive.push({ op });
        break;
      case 'reaggregate': {
        const w = rnd();
        derive.push(w < 0.4 ? { op, weight: { indicator: 'households' } } : w < 0.6 && cols.includes('population') ? { op, weight: { column: 'population' } } : { op });
        cols = cols.filter((c) => (OBSERVATION_COLUMNS as readonly string[]).includes(c));
        break;
      }
      case 'summarize': {
        const numeric = cols.filter((c) => !['indicator', 'region', 'period', 'series', 'status', 'source', 'quote', 'qualifier', 'unit'].includes(c) && !c.endsWith('_ok'));
        const by = some(['indicator', 'region', 'series', 'period'], 3);
        const measures: Spec = {};
        for (const fn of some(['count', 'valid', 'sum', 'mean', 'min', 'max'], 3)) measures[`m_${fn}`] = { fn, column: pick(numeric) };
        derive.push({ op, by, measures });
        cols = [...by, ...Object.keys(measures)];
        break;
      }
    }
  }
  const spec: Spec = { select, derive };
  if (rnd() < 0.5) spec.orderby = some(cols, 3).map((c) => (rnd() < 0.5 ? c : { column: c, order: pick(['asc', 'desc']) }));
  if (rnd() < 0.3) spec.limit = int(50);
  if (rnd() < 0.3) spec.columns = some(cols, 4);
  return spec;
}
