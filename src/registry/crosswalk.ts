/**
 * The 63 -> 34 crosswalk, the one home: the two sets of provincial units, which 34-unit (1 July 2025)
 * an old province's territory lies in, the old provinces in a unit, and which of them reported for a
 * year. The query executors, the SQL compiler, the map recipe and the map element all ask here.
 */
import type { Observation } from '../types.js';
import { getRegion, listRegions, requireRegion } from './regions.js';
import type { Region, RegionLevel } from './types.js';

/** The two sets of provincial units a map and a filter switch between: the 63 before 1 July 2025, the 34 after. */
export const Units = { '63': '63', '34': '34' } as const;
export type Units = keyof typeof Units;
export function isUnits(value: unknown): value is Units {
  return typeof value === 'string' && Object.hasOwn(Units, value);
}

/** The form of a 34-unit id: `34:NN`. */
const UNIT_2025_ID = /^34:\d\d$/;

/** Whether an id has the form of one of the 34 units of 1 July 2025 (`34:42`). */
export function is34(id: string): boolean {
  return UNIT_2025_ID.test(id);
}

/** The registry as the crosswalk reads it; the query layer passes its own (a test's small registry). */
export interface RegionLookup {
  region(id: string): Region | undefined;
  regions(level?: RegionLevel): Region[];
}

/** chiso's admin-unit registry. */
export const registryLookup: RegionLookup = { region: getRegion, regions: listRegions };

/**
 * The 34-unit id an old province's territory belongs to, following successors
 * (Hà Tây -> Hà Nội -> `34:01`); `null` for regions that are not old provinces.
 */
export function unit2025(lookup: RegionLookup, id: string): string | null {
  const start = lookup.region(id);
  if (!start || start.level !== 'province') return null;
  let r: Region | undefined = start;
  for (let hops = 0; r && hops < 8; hops++) {
    if (r.successor === null) return null;
    if (is34(r.successor)) return r.successor;
    r = lookup.region(r.successor);
  }
  return null;
}

/** Every old province whose territory is in a 34-unit id (Hà Tây in `34:01`), with its validity, in id order. */
export function predecessorsOf(lookup: RegionLookup, unit: string): Region[] {
  return lookup
    .regions('province')
    .filter((r) => unit2025(lookup, r.id) === unit)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * The provinces of 30 June 2025 merged into a `34:NN` unit, in code order; `[]` for other ids. Hà Tây,
 * gone since 2008, is not among them (its territory reached `34:01` through Hà Nội).
 */
export function predecessors(id: string): string[] {
  requireRegion(id);
  // The registry's regions never change: worked out once per unit (a 34-unit map asks on every step).
  let ids = predecessorIds.get(id);
  if (!ids) predecessorIds.set(id, (ids = predecessorsOf(registryLookup, id).filter((r) => r.successor === id).map((r) => r.id)));
  return [...ids];
}
const predecessorIds = new Map<string, readonly string[]>();

/**
 * The unit that took over a region's territory: an old province -> its `34:NN` unit, Hà Tây -> `01`,
 * a district or commune -> the `34:NN` unit of its province. `null` for units still in force.
 */
export function successorOf(id: string): string | null {
  return requireRegion(id).successor;
}

/**
 * Whether a province reported figures of its own for a year: it existed at the end of that year.
 * Hà Tây (ended 31 July 2008) is expected for 2006, not for 2008, when Hà Nội's figure covers it.
 */
export function existedAtEndOf(region: Pick<Region, 'validFrom' | 'validTo'>, year: number): boolean {
  const end = `${String(year).padStart(4, '0')}-12-31`;
  return (region.validFrom === null || region.validFrom <= end) && (region.validTo === null || region.validTo >= end);
}

/**
 * Rows for a map of the 34 units: the rows keyed by 34-unit ids, and for each unit without any, the
 * rows of its single predecessor (a province that was not merged). Merged units without figures of
 * their own stay empty: old rates cannot be combined without weights.
 */
export function rowsFor34(rows: readonly Observation[]): Observation[] {
  const own = rows.filter((o) => is34(o.region));
  const have = new Set(own.map((o) => o.region));
  const out = [...own];
  for (const unit of listRegions('province2025')) {
    if (have.has(unit.id)) continue;
    const pre = predecessors(unit.id);
    if (pre.length !== 1) continue;
    for (const o of rows) if (o.region === pre[0]) out.push({ ...o, region: unit.id });
  }
  return out;
}
