/**
 * What the query layer needs from the registry, as an interface, so the executors can be run against
 * the catalogue (the default) or a test's own small registry.
 */
import { getIndicator, getRegion, listRegions } from '../registry/index.js';
import type { Region, RegionLevel } from '../registry/index.js';

/** The indicator facts queries depend on. */
export interface IndicatorFacts {
  kind: 'rate' | 'count' | 'amount' | 'fraction';
  lowerIsBetter: boolean | null;
  /** Unit id; a unit per something (`nghìn đồng/người/tháng`) makes an amount a ratio. */
  unit: string;
}

/**
 * Whether merging regions must weight the figure rather than sum it: rates, fractions, and amounts
 * per person or per unit (income per capita), which a sum would make meaningless.
 */
export function needsWeight(facts: IndicatorFacts): boolean {
  return facts.kind === 'rate' || facts.kind === 'fraction' || facts.unit.includes('/');
}

export interface QueryRegistry {
  /** The indicator's facts, or `undefined` when the catalogue does not know it. */
  indicator(id: string): IndicatorFacts | undefined;
  region(id: string): Region | undefined;
  regions(level?: RegionLevel): Region[];
}

/** The registry of chiso (indicator catalogue and admin units). */
export const defaultRegistry: QueryRegistry = {
  indicator(id) {
    try {
      return getIndicator(id);
    } catch {
      return undefined;
    }
  },
  region: (id) => getRegion(id),
  regions: (level) => listRegions(level),
};

const NEW_UNIT = /^34:/;

/**
 * The 34-unit (1 July 2025) id an old province's territory belongs to, following successors
 * (Hà Tây -> Hà Nội -> `34:01`); `null` for regions that are not old provinces.
 */
export function unit2025(registry: QueryRegistry, id: string): string | null {
  const start = registry.region(id);
  if (!start || start.level !== 'province') return null;
  let r: Region | undefined = start;
  for (let hops = 0; r && hops < 8; hops++) {
    if (r.successor === null) return null;
    if (NEW_UNIT.test(r.successor)) return r.successor;
    r = registry.region(r.successor);
  }
  return null;
}

/** Old provinces whose territory is in a 34-unit id, with their validity, in id order. */
export function predecessorsOf(registry: QueryRegistry, unit: string): Region[] {
  return registry
    .regions('province')
    .filter((r) => unit2025(registry, r.id) === unit)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Whether a province reported figures of its own for a year: it existed at the end of that year.
 * Hà Tây (ended 31 July 2008) is expected for 2006, not for 2008, when Hà Nội's figure covers it.
 */
export function existedAtEndOf(region: Region, year: number): boolean {
  const end = `${String(year).padStart(4, '0')}-12-31`;
  return (region.validFrom === null || region.validFrom <= end) && (region.validTo === null || region.validTo >= end);
}
