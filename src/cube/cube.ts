/**
 * `createCube`: a view's pre-aggregated answers to the selections of other views (the data-cube idea
 * of Falcon and Mosaic). Built once, when the view becomes interactive; each selection is then a scan
 * over the small cube, not over the rows, and gives the rows the query layer would give
 * (`cubeQuerySpec` is the equivalent query).
 */
import type { NormalizedStep, Row } from '../query/spec.js';
import { checkMean, notesUnweighted, unweightedNote, UNWEIGHTED_NOTE_COLUMN } from '../query/plan.js';
import { defaultRegistry } from '../query/registry-view.js';
import { answerCube, clauseMasks, type AnswerShape } from './answer.js';
import { buildLevels, levelBytes, type Level, type StatNeeds } from './build.js';
import { encode } from './encode.js';
import { isDictionaryColumn, type CubeClause, type CubeColumn, type CubeDim, type CubeInput, type NormalizedCubeOptions } from './spec.js';
import { validateClauses, validateCubeOptions } from './validate.js';

/** One level of the cube, for a reader who wants to see how it answers. */
export interface CubeLevelInfo {
  /** Dimensions the level keeps. */
  dims: string[];
  cells: number;
  /** The dimension its cells are ordered by, or `null` for the coarsest level. */
  index: string | null;
}

export interface CubeStats {
  /** Input rows. */
  rows: number;
  /** Rows kept by `where`. */
  kept: number;
  /** Output groups (combinations of the grouping columns). */
  groups: number;
  levels: CubeLevelInfo[];
  /** Bytes of the cube's typed arrays, counting those it shares with other views' cubes (cells, top-level codes). */
  bytes: number;
  /** Milliseconds to encode and build. */
  buildMs: number;
}

export interface AnswerOptions {
  /** Clauses of this source are left out: a view is not filtered by its own selection. Default: none. */
  exclude?: object;
}

export interface Cube {
  readonly options: NormalizedCubeOptions;
  readonly stats: CubeStats;
  /**
   * The view's rows under a selection: the clauses (of every source but `exclude`) all apply. The rows
   * are the grouping columns then the measures, groups in order of their first input row.
   */
  answer(clauses?: readonly CubeClause[], options?: AnswerOptions): Row[];
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

class DataCube implements Cube {
  readonly options: NormalizedCubeOptions;
  readonly stats: CubeStats;
  readonly #shape: AnswerShape;

  constructor(options: NormalizedCubeOptions, stats: CubeStats, shape: AnswerShape) {
    this.options = options;
    this.stats = stats;
    this.#shape = shape;
  }

  answer(clauses: readonly CubeClause[] = [], { exclude }: AnswerOptions = {}): Row[] {
    const checked = validateClauses(clauses, 'clauses', this.options.selectionDims);
    const apply = exclude === undefined ? checked : checked.filter((c) => c.source !== exclude);
    const rows = answerCube(this.#shape, clauseMasks(this.#shape.dims, apply));
    if (notesUnweighted(summarizeStep(this.options))) for (const r of rows) r[UNWEIGHTED_NOTE_COLUMN] = unweightedNote();
    return rows;
  }
}

/** A cube's aggregation as the query layer's `summarize` step. */
function summarizeStep(o: NormalizedCubeOptions): Extract<NormalizedStep, { op: 'summarize' }> {
  return { op: 'summarize', by: o.groupby, measures: o.measures, unweighted: o.unweighted };
}

/** The indicators of the input a view keeps (its `where` on indicator); `undefined` without an indicator column. */
function cubeIndicators(input: CubeInput, o: NormalizedCubeOptions): unknown[] | undefined {
  let all: unknown[] | undefined;
  if (Array.isArray(input)) all = (input as readonly Record<string, unknown>[]).map((r) => r.indicator);
  else {
    const col = (input as Readonly<Record<string, CubeColumn>>).indicator;
    if (col === undefined) return undefined;
    all = isDictionaryColumn(col) ? [...col.dictionary] : Array.from(col as ArrayLike<unknown>);
  }
  const keep = o.where.filter((c) => c.field === 'indicator' && 'values' in c).map((c) => new Set((c as { values: readonly unknown[] }).values));
  return all.filter((v) => keep.every((k) => k.has(v)));
}

/**
 * Builds the cube of one view: `groupby` and `measures` as the view's `summarize`, `selectionDims` the
 * fields other views select on, `where` the view's own filter. Input: rows, or columns (plain arrays,
 * typed arrays or dictionary codes). Throws a `ChisoError` for bad options or data.
 */
export function createCube(input: CubeInput, options: unknown): Cube {
  const start = now();
  const o = validateCubeOptions(options);
  // The query layer's rule on means, on the indicators the view keeps.
  checkMean(summarizeStep(o), cubeIndicators(input, o), defaultRegistry);
  const selDims = o.selectionDims.filter((d) => !o.groupby.includes(d));
  const buildDims = [...o.groupby, ...selDims];
  const whereDims = [...new Set(o.where.map((c) => c.field))].filter((d) => !buildDims.includes(d));
  const columns = [...new Set(Object.values(o.measures).filter((m) => m.fn !== 'count').map((m) => m.column))];
  const needs: StatNeeds[] = columns.map((c) => {
    const fns = Object.values(o.measures).filter((m) => m.column === c).map((m) => m.fn);
    return { sum: fns.includes('sum') || fns.includes('mean'), min: fns.includes('min'), max: fns.includes('max') };
  });
  const enc = encode(input, [...buildDims, ...whereDims], columns, (c) =>
    o.groupby.includes(c) ? 'groupby' : o.selectionDims.includes(c as CubeDim) ? 'selectionDims' : columns.includes(c) ? 'measures' : 'where',
  );

  const encodedAll = [...enc.dims.values()];
  let include: Uint8Array | null = null;
  let kept = enc.rows;
  if (o.where.length) {
    const masks = clauseMasks(encodedAll, o.where);
    include = new Uint8Array(enc.rows).fill(1);
    encodedAll.forEach((d, j) => {
      const mask = masks[j];
      if (!mask) return;
      const codes = d.codes;
      for (let i = 0; i < enc.rows; i++) if (!mask[codes[i]]) include![i] = 0;
    });
    kept = include.reduce((s, v) => s + v, 0);
  }

  const dims = buildDims.map((name) => enc.dims.get(name)!);
  const selectable = new Set(dims.map((d, i) => (selDims.includes(d.name as CubeDim) ? i : -1)).filter((i) => i >= 0));
  const built = buildLevels({
    dims,
    groupDims: o.groupby.length,
    selectable,
    columns: columns.map((c) => enc.measures.get(c)!),
    needs,
    rows: enc.rows,
    include,
    includeKey: JSON.stringify(o.where.map((c) => [c.field, 'range' in c ? c.range : c.values])),
  });

  const levels: CubeLevelInfo[] = [];
  for (let l: Level | null = built.top; l; l = l.child) {
    levels.push({ dims: l.dims.map((d) => dims[d].name), cells: l.size, index: l.index ? dims[l.index.dim].name : null });
  }
  const dictBytes = dims.reduce((s, d) => s + d.dictionary.length * 16, 0);
  const shape: AnswerShape = {
    dims,
    groupDims: o.groupby.length,
    groups: built.groups,
    groupCodes: built.groupCodes,
    top: built.top,
    measures: Object.entries(o.measures).map(([name, m]) => ({ name, fn: m.fn, column: m.fn === 'count' ? -1 : columns.indexOf(m.column) })),
  };
  const stats: CubeStats = {
    rows: enc.rows,
    kept,
    groups: built.groups,
    levels,
    bytes: levelBytes(built.top) + dictBytes + built.groupCodes.reduce((s, a) => s + a.byteLength, 0),
    buildMs: now() - start,
  };
  return new DataCube(o, stats, shape);
}
