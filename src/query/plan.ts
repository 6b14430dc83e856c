/** Decisions both executors take the same way, from the spec and the registry, before touching rows. */
import { fail } from '../errors.js';
import type { QueryRegistry } from './registry-view.js';
import type { RankDirection } from './spec.js';

/**
 * The indicators to rank in descending order (rank 1 = largest). The step's direction wins; otherwise
 * the indicator's `lowerIsBetter` decides, and an indicator without one is an error.
 */
export function rankDirections(indicators: Iterable<string>, direction: RankDirection | undefined, registry: QueryRegistry): Set<string> {
  const desc = new Set<string>();
  for (const id of new Set(indicators)) {
    if (direction !== undefined) {
      if (direction === 'desc') desc.add(id);
      continue;
    }
    const facts = registry.indicator(id);
    if (!facts) fail('QUERY_UNKNOWN_INDICATOR', { value: id, where: 'rank' });
    if (facts.lowerIsBetter === null) fail('QUERY_RANK_NEEDS_DIRECTION', { value: id });
    if (!facts.lowerIsBetter) desc.add(id);
  }
  return desc;
}

/** Indicators where lower is better and where higher is; the others get no `reached` flag. */
export function directionsForGap(indicators: Iterable<string>, registry: QueryRegistry): { lower: Set<string>; higher: Set<string> } {
  const lower = new Set<string>();
  const higher = new Set<string>();
  for (const id of new Set(indicators)) {
    const l = registry.indicator(id)?.lowerIsBetter;
    if (l === true) lower.add(id);
    else if (l === false) higher.add(id);
  }
  return { lower, higher };
}

/** The target for an indicator: the one number, or its entry in the map (`null` when it has none). */
export function targetOf(target: number | Readonly<Record<string, number>>, indicator: unknown): number | null {
  if (typeof target === 'number') return target;
  return typeof indicator === 'string' && Object.hasOwn(target, indicator) ? target[indicator] : null;
}

/** The columns that tell rows apart, used to break ties in `orderby`. */
export function identityColumns(present: readonly string[], summarizeBy: readonly string[]): string[] {
  const ids = ['indicator', 'region', 'series', 'period', ...summarizeBy];
  return [...new Set(ids)].filter((c) => present.includes(c));
}
