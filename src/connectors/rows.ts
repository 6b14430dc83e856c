import type { Row } from '../query/spec.js';

/** Rows with `undefined` as `null`, as every connector gives them. */
export function rowsOf(objects: readonly Record<string, unknown>[]): Row[] {
  return objects.map((r) => {
    const o: Row = {};
    for (const [k, v] of Object.entries(r)) o[k] = v === undefined ? null : (v as Row[string]);
    return o;
  });
}
