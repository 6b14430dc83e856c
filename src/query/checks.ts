/** Checks both executors make on their input, with the same errors. */
import '../messages/query.js';
import { fail } from '../errors.js';

export { OBSERVATION_COLUMNS } from '../types.js';

/** Throws `QUERY_UNKNOWN_COLUMN` for the first needed column the table lacks. */
export function requireColumns(needed: readonly string[], present: readonly string[], where: string): void {
  for (const c of needed) {
    if (!present.includes(c)) fail('QUERY_UNKNOWN_COLUMN', { value: c, where, allowed: present.join(', ') });
  }
}

/**
 * Throws `QUERY_DUPLICATE_OBSERVATION` when two rows share indicator, region, series and period:
 * steps that compare periods or merge regions need one figure each. Columns are given as arrays.
 */
export function assertUnique(
  cols: { indicator: ArrayLike<unknown>; region: ArrayLike<unknown>; series: ArrayLike<unknown>; period: ArrayLike<unknown> },
  where: string,
): void {
  const seen = new Set<string>();
  const n = cols.indicator.length;
  for (let i = 0; i < n; i++) {
    const k = JSON.stringify([cols.indicator[i], cols.region[i], cols.series[i] ?? null, cols.period[i]]);
    if (seen.has(k)) {
      fail('QUERY_DUPLICATE_OBSERVATION', {
        indicator: String(cols.indicator[i]), region: String(cols.region[i]),
        series: String(cols.series[i] ?? ''), period: String(cols.period[i]), where,
      });
    }
    seen.add(k);
  }
}
