/**
 * The press series on the 34 units of 2025: a unit that kept one old province's territory keeps its
 * figure; a merged unit gets a figure only when every old province has one for that year and a
 * population weight, and it is then their population-weighted mean. Otherwise it stays missing,
 * with the reason (the provinces without a figure, or without a weight). Pure: no page, no fetch.
 */
import { listRegions, predecessors, regionName } from '../../src/registry/index.js';
import type { Observation } from '../../src/types.js';

export type UnitHow = 'reported' | 'unchanged' | 'combined' | 'no-figure' | 'missing-figures' | 'missing-weights';

export interface UnitFigure {
  /** The 34-unit id (`34:42`). */
  unit: string;
  /** Old provinces whose territory it took (`['02', '08']`). */
  from: string[];
  period: string;
  value: number | null;
  how: UnitHow;
  /** For a merged unit left empty: the old provinces without a figure (or without a weight). */
  missing: string[];
  /** The press figures it comes from. */
  sources: Observation[];
}

export interface Weights {
  /** Population by old province (thousand people). */
  byProvince: Map<string, number>;
  /** The year the weights describe. */
  period: string;
}

/**
 * The latest population figure of each province in `rows` (data/weights/population.csv): the weight
 * the press years are combined with, since the bundled population ends before them.
 */
export function latestWeights(rows: readonly Observation[]): Weights {
  const byProvince = new Map<string, number>();
  let period = '';
  const latest = new Map<string, string>();
  for (const o of rows) {
    if (o.indicator !== 'population' || o.series !== 'total' || o.value === null || !/^\d\d$/.test(o.region)) continue;
    if ((latest.get(o.region) ?? '') < o.period) {
      latest.set(o.region, o.period);
      byProvince.set(o.region, o.value);
    }
  }
  for (const p of latest.values()) if (p > period) period = p;
  return { byProvince, period };
}

/** The press's provincial poverty rates of one year (the whole province: no urban or rural series). */
export function provinceRates(rows: readonly Observation[], indicator: string, period: string): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of rows) {
    if (o.indicator === indicator && o.period === period && o.series === null && o.value !== null && /^\d\d$/.test(o.region)) out.set(o.region, o);
  }
  return out;
}

/** The press's rates of one year reported for a 34 unit itself (`34:79`), after the reform. */
export function unitRates(rows: readonly Observation[], indicator: string, period: string): Map<string, Observation> {
  const out = new Map<string, Observation>();
  for (const o of rows) {
    if (o.indicator === indicator && o.period === period && o.series === null && o.value !== null && /^34:\d\d$/.test(o.region)) out.set(o.region, o);
  }
  return out;
}

/**
 * Every one of the 34 units for one year of the press series: its figure, or why it has none. A
 * figure the press gave for the unit itself comes first; otherwise its old provinces' figures.
 */
export function pressTo34(rows: readonly Observation[], weights: Weights, indicator: string, period: string): UnitFigure[] {
  const rates = provinceRates(rows, indicator, period);
  const reported = unitRates(rows, indicator, period);
  return listRegions('province2025').map((u) => {
    const from = predecessors(u.id);
    const base = { unit: u.id, from, period };
    const own = reported.get(u.id);
    if (own) return { ...base, value: own.value, how: 'reported', missing: [], sources: [own] };
    if (from.length === 1) {
      const r = rates.get(from[0]);
      return { ...base, value: r?.value ?? null, how: r ? 'unchanged' : 'no-figure', missing: r ? [] : from, sources: r ? [r] : [] };
    }
    const noFigure = from.filter((p) => !rates.has(p));
    if (noFigure.length) return { ...base, value: null, how: 'missing-figures', missing: noFigure, sources: from.flatMap((p) => rates.get(p) ?? []) };
    const noWeight = from.filter((p) => !(weights.byProvince.get(p)! > 0));
    if (noWeight.length) return { ...base, value: null, how: 'missing-weights', missing: noWeight, sources: [] };
    let sum = 0;
    let total = 0;
    for (const p of from) {
      const w = weights.byProvince.get(p)!;
      sum += w * rates.get(p)!.value!;
      total += w;
    }
    return { ...base, value: Math.round((sum / total) * 100) / 100, how: 'combined', missing: [], sources: from.map((p) => rates.get(p)!) };
  });
}

/** The figures as observations of the 34 units, for a map. */
export function unitObservations(units: readonly UnitFigure[], indicator: string): Observation[] {
  return units.filter((u) => u.value !== null).map((u) => ({
    indicator, region: u.unit, period: u.period, value: u.value, qualifier: null, denominator: null, unit: '%', series: null,
    status: 'final', source: u.sources.map((s) => s.source).join(' '), quote: u.how === 'combined' ? null : u.sources[0]?.quote ?? null,
  }));
}

/** The names of a list of regions, for the reason a unit is empty: `Hà Giang, Tuyên Quang`. */
export function namesOf(ids: readonly string[], lang: 'vi' | 'en'): string {
  return ids.map((id) => regionName(id, lang)).join(', ');
}
