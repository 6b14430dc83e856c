import type { Observation } from '../../types.js';
import { executeQuery } from '../../query/index.js';
import type { ClientFilter } from './selection.js';
import { viewQuerySpec, type ViewQuery } from './view-query.js';

/**
 * The observations a view shows, answered in this process (`chiso bake`, tests). Apart from
 * view-query.ts so the page's first script does not carry the executor: the page asks its
 * coordinator, which loads the executor with its first question.
 */
export function viewRows(all: readonly Observation[], q: ViewQuery, filter: ClientFilter): Observation[] {
  return executeQuery(all as unknown as Record<string, unknown>[], viewQuerySpec(q, filter)) as unknown as Observation[];
}
