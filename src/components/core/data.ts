import type { Observation } from '../../types.js';

/**
 * What an element's `.data` accepts: observations, or an Arquero table as it is (anything with
 * Arquero's `objects()`), so an analyst transforms with Arquero and hands the result to a chart.
 * Reading a table's rows is Arquero's own code: a page that passes one allows `eval` already.
 */
export type ObservationData = readonly Observation[] | { objects(): object[] };

/** The observations of `.data`; throws on anything else. */
export function observationsOf(data: ObservationData): readonly Observation[] {
  if (Array.isArray(data)) return data as readonly Observation[];
  if (data && typeof (data as { objects?: unknown }).objects === 'function') return (data as { objects(): object[] }).objects() as Observation[];
  throw new Error(typeof data);
}
