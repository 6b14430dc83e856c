/**
 * The cube's vocabulary: which fields a linked-view selection may constrain, the clauses it publishes,
 * and the options a view's cube is built with. Selection dimensions are the fields of the query layer's
 * `select`, so every answer has an equivalent query spec (`cubeQuerySpec`) to check it against.
 */
import type { Measure } from '../query/spec.js';

/** Fields a selection clause may constrain (the query layer's `select` fields). */
export const CubeDim = {
  indicator: 'indicator',
  region: 'region',
  period: 'period',
  series: 'series',
  status: 'status',
} as const;
export type CubeDim = keyof typeof CubeDim;
export function isCubeDim(value: unknown): value is CubeDim {
  return typeof value === 'string' && Object.hasOwn(CubeDim, value);
}

/** A value a dimension cell may hold; `null` for a missing one (observations without a series). */
export type DimValue = string | number | boolean | null;

/** Keeps rows whose `field` is one of `values`. An empty list keeps nothing. */
export interface ValuesClause {
  /** The view that published the clause; a view's own clauses do not filter it. Default: none. */
  source?: object;
  field: CubeDim;
  values: readonly DimValue[];
}

/**
 * Keeps rows whose period starts within `[from, to]` (start years, both included; `2021-2023` starts
 * in 2021): the query layer's `{ from, to }`. A string end counts by its start year; `null` is open.
 */
export interface RangeClause {
  source?: object;
  field: 'period';
  range: readonly [number | string | null, number | string | null];
}

export type CubeClause = ValuesClause | RangeClause;

/** A column given as dictionary codes, as the large-input loader produces (no string per row). */
export interface DictionaryColumn {
  /** One code per row, an index into `dictionary`. */
  codes: ArrayLike<number>;
  dictionary: readonly DimValue[];
}

/** A column: plain values (an array or a typed array) or dictionary codes. */
export type CubeColumn = ArrayLike<unknown> | DictionaryColumn;

/** Rows as objects, or columns by name (all of one length). */
export type CubeInput = readonly Readonly<Record<string, unknown>>[] | Readonly<Record<string, CubeColumn>>;

export interface CubeOptions {
  /** Columns the view groups by (the query's `summarize.by`). Default `[]`: one row for all. */
  groupby?: readonly string[];
  /** Output column name -> measure, as in the query layer's `summarize` (`count`, `valid`, `sum`, `mean`, `min`, `max`). */
  measures: Readonly<Record<string, Measure>>;
  /** Fields other views' selections constrain, answered from the cube. Default `[]`. */
  selectionDims?: readonly CubeDim[];
  /**
   * The view's own filter, applied once when the cube is built (e.g. its indicator). Clauses on any
   * `CubeDim`, not only the selection dimensions. Default `[]`.
   */
  where?: readonly CubeClause[];
  /** As `summarize.unweighted`: a mean of rates across regions is refused unless `true` (then labelled). Default `false`. */
  unweighted?: boolean;
}

/** Options after validation: defaults filled in, measures with their column. */
export interface NormalizedCubeOptions {
  groupby: string[];
  measures: Record<string, Required<Measure>>;
  selectionDims: CubeDim[];
  where: CubeClause[];
  unweighted: boolean;
}

export function isDictionaryColumn(column: unknown): column is DictionaryColumn {
  return typeof column === 'object' && column !== null && !('length' in column) && 'codes' in column && 'dictionary' in column;
}
