// Periods have one home, data/period.ts; the query layer's executors take their order from there.
export { periodYear, comparePeriods, compareAsc } from '../data/period.js';

/** Not null, not undefined, not NaN: what Arquero's aggregates count as valid. */
export function isValid(value: unknown): boolean {
  return value != null && value === value;
}
