import { OBSERVATION_COLUMNS, type Observation } from '../../types.js';
import { periodYear } from '../../data/period.js';
import { executeQuery } from '../../query/execute.js';
import { createCube, type Cube } from '../../cube/cube.js';
import type { CubeClause } from '../../cube/spec.js';
import type { ClientFilter } from './selection.js';
import { viewQuerySpec, type ViewQuery } from './view-query.js';

/** Every observation column but the value: a cube grouped by them gives back whole observations. */
const KEYS = OBSERVATION_COLUMNS.filter((c) => c !== 'value');


/**
 * A view's cube over a large table: built once (when the view first asks, that is when it first comes
 * into view) from the view's own choices (indicator, series, periods), it answers each selection made
 * elsewhere (regions, a period range) from cells indexed by region and period instead of a scan of
 * every observation. Its rows are the rows `viewQuerySpec` gives on the query path, in the same order.
 */
export class ViewCube {
  #cube: Cube | null = null;
  #data: readonly Observation[] | null = null;
  #key = '';

  /** The rows of the view `q` under `filter` (the selection of the other views). */
  rows(observations: readonly Observation[], q: ViewQuery, filter: ClientFilter): Observation[] {
    // The query path's checks (unknown regions, bad ranges) and errors, on no rows.
    executeQuery([], viewQuerySpec(q, filter));
    const key = JSON.stringify([q.indicator ?? null, q.series === undefined ? 'all' : q.series, q.from ?? null, q.to ?? null]);
    if (this.#cube === null || this.#data !== observations || this.#key !== key) {
      const where: CubeClause[] = [];
      if (q.indicator) where.push({ field: 'indicator', values: [q.indicator] });
      if (q.series !== undefined) where.push({ field: 'series', values: [q.series] });
      if (q.from !== undefined || q.to !== undefined) where.push({ field: 'period', range: [q.from ?? null, q.to ?? null] });
      this.#cube = createCube(observations as unknown as Record<string, unknown>[], {
        groupby: KEYS,
        measures: { value: { fn: 'min', column: 'value' } },
        selectionDims: ['region', 'period'],
        where,
      });
      this.#data = observations;
      this.#key = key;
    }
    const clauses: CubeClause[] = [];
    const regions = q.followRegions && filter.regions ? filter.regions : q.regions;
    if (regions && regions.length) clauses.push({ field: 'region', values: regions });
    if (filter.periods) clauses.push({ field: 'period', range: [periodYear(filter.periods[0]), periodYear(filter.periods[1])] });
    return this.#cube.answer(clauses).map((r) => {
      const o: Record<string, unknown> = {};
      for (const k of KEYS) o[k] = r[k] ?? null;
      o.value = typeof r.value === 'number' && Number.isFinite(r.value) ? r.value : null;
      return o as unknown as Observation;
    });
  }

  /** Whether the cube is built, and over how many observations. */
  get stats(): { rows: number; kept: number; buildMs: number } | null {
    return this.#cube ? { rows: this.#cube.stats.rows, kept: this.#cube.stats.kept, buildMs: this.#cube.stats.buildMs } : null;
  }
}
