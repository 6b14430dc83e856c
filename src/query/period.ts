/**
 * A period's start year: `2016`, `2021-2023` (2021) and `2024-05-07` (2024) all start with it.
 * `Number.parseInt` is what Arquero's `op.parse_int` calls, so both executors read periods alike.
 */
export function periodYear(period: unknown): number {
  return Number.parseInt(period as string);
}

/** Orders periods by start year, then by their text (`2016` before `2016-2018`). */
export function comparePeriods(a: unknown, b: unknown): number {
  const ya = periodYear(a);
  const yb = periodYear(b);
  return compareAsc(ya, yb) || compareAsc(a, b);
}

/** Missing, then NaN, then values in ascending order: Arquero's `orderby` comparison. */
export function compareAsc(u: unknown, v: unknown): number {
  const a = u as number;
  const b = v as number;
  if ((a < b || a == null) && b != null) return -1;
  if ((a > b || b == null) && a != null) return 1;
  if (a !== a && b === b) return -1;
  if (b !== b && a === a) return 1;
  return 0;
}

/** Not null, not undefined, not NaN: what Arquero's aggregates count as valid. */
export function isValid(value: unknown): boolean {
  return value != null && value === value;
}
