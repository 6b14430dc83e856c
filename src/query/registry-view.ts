/**
 * What the query layer needs from the registry, as an interface, so the executors can be run against
 * the catalogue (the default) or a test's own small registry.
 */
import { getIndicator, getRegion, listRegions } from '../registry/index.js';
import type { RegionLookup } from '../registry/crosswalk.js';

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

export interface QueryRegistry extends RegionLookup {
  /** The indicator's facts, or `undefined` when the catalogue does not know it. */
  indicator(id: string): IndicatorFacts | undefined;
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

// The 63 -> 34 crosswalk has one home; the executors read it through this module's registry interface.
export { unit2025, predecessorsOf, existedAtEndOf } from '../registry/crosswalk.js';
