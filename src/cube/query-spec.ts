/**
 * The query spec equivalent to a cube's answer: the view's `where` and the selection's clauses as one
 * `select`, then the view's `summarize`. Running it with the query layer (`runQuery`, `executeQuery`)
 * gives the rows `cube.answer` gives; it is also what a view runs without a cube.
 */
import { periodYear } from '../data/period.js';
import type { QuerySpec, RowSelection } from '../query/spec.js';
import type { Status } from '../types.js';
import type { CubeClause, CubeDim, DimValue } from './spec.js';
import { validateClauses, validateCubeOptions } from './validate.js';

interface FieldFilter {
  values: DimValue[] | null;
  from: number | null;
  to: number | null;
  ranged: boolean;
}

const end = (e: number | string | null) => (e === null ? null : typeof e === 'number' ? e : periodYear(e));

/** The clauses (of every source but `exclude`) as the query layer's `select`. */
export function clausesToSelect(clauses: readonly CubeClause[], exclude?: object): RowSelection {
  const fields = new Map<CubeDim, FieldFilter>();
  for (const c of validateClauses(clauses, 'clauses')) {
    if (exclude !== undefined && c.source === exclude) continue;
    const f = fields.get(c.field) ?? { values: null, from: null, to: null, ranged: false };
    if ('range' in c) {
      const [a, b] = [end(c.range[0]), end(c.range[1])];
      f.ranged = true;
      if (a !== null) f.from = f.from === null ? a : Math.max(f.from, a);
      if (b !== null) f.to = f.to === null ? b : Math.min(f.to, b);
    } else {
      const allowed = new Set(c.values);
      f.values = f.values === null ? [...allowed] : f.values.filter((v) => allowed.has(v));
    }
    fields.set(c.field, f);
  }
  const select: RowSelection = {};
  for (const [field, f] of fields) {
    let values = f.values;
    if (field === 'period' && f.ranged && values !== null) {
      // A list and a range on periods: the periods of the list within the range.
      values = values.filter((v) => {
        const y = periodYear(v);
        return (f.from === null || y >= f.from) && (f.to === null || y <= f.to);
      });
    }
    if (field === 'period') {
      if (values !== null) select.periods = values as string[];
      else if (f.ranged) select.periods = { ...(f.from !== null ? { from: f.from } : {}), ...(f.to !== null ? { to: f.to } : {}) };
    } else if (values !== null) {
      if (field === 'indicator') select.indicators = values as string[];
      else if (field === 'region') select.regions = values as string[];
      else if (field === 'series') select.series = values as (string | null)[];
      else select.status = values as Status[];
    }
  }
  return select;
}

/** The query a cube answers for `clauses`: `where` and the clauses as `select`, then `summarize`. */
export function cubeQuerySpec(options: unknown, clauses: readonly CubeClause[] = [], exclude?: object): QuerySpec {
  const o = validateCubeOptions(options);
  const kept = exclude === undefined ? clauses : clauses.filter((c) => c.source !== exclude);
  return {
    select: clausesToSelect([...o.where, ...kept]),
    derive: [{ op: 'summarize', by: o.groupby, measures: o.measures, ...(o.unweighted ? { unweighted: true } : {}) }],
  };
}
